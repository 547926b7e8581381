import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { EDITORIAL_TYPES } from '../modules/editorial/editorial-types';
import { absoluteUrl, toMedia } from '../modules/editorial/media';
import { verifyPreviewToken } from '../modules/editorial/preview-token';
import { blocksToHtml } from '../modules/editorial/rich-text';
import { CmsUnavailableError, type StrapiClient } from '../modules/editorial/strapi-client';
import type { StrapiBlock, StrapiMedia } from '../modules/editorial/strapi-types';
import { type CentreCardData, renderCardFragment } from './embed/centre-card';
import { renderEditorialPage, renderMessagePage } from './preview-page';

const KINDS: Record<string, string> = {
  articles: 'showcase-articles',
  'centre-profiles': 'centre-profiles',
  'brand-programmes': 'brand-programmes',
};

/**
 * GET /preview/:kind/:documentId?token=…&status=draft|published: the draft (or the version
 * that is live), read from the CMS, with the live data of the centres it names. Only this
 * route reads Strapi at request time. The admin's 草稿 and 已发布 tabs ask for each status.
 */
export function previewRouter(options: {
  client: StrapiClient | undefined;
  secret: string | undefined;
  mediaBaseUrl: string;
  publicUrl: string;
  logger: Logger;
  /** The live card of a centre (the embed card's query), to show the draft in context. */
  loadCard(code: string, locale: string): Promise<CentreCardData | null>;
}): Router {
  const router = express.Router();
  router.get('/preview/:kind/:documentId', async (req, res) => {
    res.set({ 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' });
    const plural = KINDS[req.params.kind];
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const claims = plural && options.secret ? verifyPreviewToken(token, options.secret, { kind: req.params.kind, documentId: req.params.documentId }) : null;
    if (!plural || !options.client || !claims) {
      res
        .status(401)
        .type('html')
        .send(
          renderMessagePage(
            '无法预览 / Preview not allowed',
            '预览链接无效或已过期,请在内容管理后台重新点击“预览”。The preview link is invalid or has expired: press Preview in the CMS again.',
          ),
        );
      return;
    }
    const type = EDITORIAL_TYPES.find((candidate) => candidate.plural === plural)!;
    const status = req.query.status === 'published' ? 'published' : 'draft';
    try {
      const draft = await options.client.findOne(plural, claims.documentId, { locale: claims.locale, populate: type.populate, status });
      if (!draft) {
        res
          .status(404)
          .type('html')
          .send(
            status === 'published'
              ? renderMessagePage('还没有发布 / Not published', '这篇内容还没有发布,网站上看不到它。This has not been published: nothing is live yet.')
              : renderMessagePage('找不到草稿 / Draft not found', '这份草稿已被删除。This draft no longer exists.'),
          );
        return;
      }
      const locale = claims.locale === 'en' ? 'en' : 'zh-Hans';
      const cards = (await Promise.all(centreCodesOf(draft).map((code) => options.loadCard(code, locale)))).filter((card): card is CentreCardData => card !== null);
      // A profile is previewed as the card it will become; other drafts show their centres' cards.
      const shown = plural === 'centre-profiles' ? cards.map((card) => withDraftProfile(card, draft, options.mediaBaseUrl)) : cards;
      res.type('html').send(
        renderEditorialPage({
          heading: String(draft.title ?? draft.name ?? ''),
          summary: typeof draft.summary === 'string' ? draft.summary : null,
          bodyHtml: blocksToHtml((draft.body as StrapiBlock[]) ?? [], (url) => absoluteUrl(url, options.mediaBaseUrl)),
          cardsHtml: shown
            .map((card) => renderCardFragment(card, { locale, size: 'normal', theme: 'light', moreUrl: `${options.publicUrl}/embed/centres/${card.code}` }))
            .join('\n'),
          banner: status === 'published' ? '已发布版本:网站上正在显示的内容 · Published version: what is live' : '草稿预览:尚未发布 · Draft preview: not published',
          // A profile's cover is on its card; an article's and a programme's lead the page, as on the public page.
          cover: plural === 'centre-profiles' ? null : toMedia((draft.cover ?? draft.logo) as StrapiMedia | null, options.mediaBaseUrl),
          byline: bylineOf(draft),
          lang: locale,
        }),
      );
    } catch (error) {
      const isCmsDown = error instanceof CmsUnavailableError;
      options.logger[isCmsDown ? 'warn' : 'error']({ err: error }, 'draft preview failed');
      res
        .status(isCmsDown ? 502 : 500)
        .type('html')
        .send(
          renderMessagePage(
            '暂时无法预览 / Preview unavailable',
            isCmsDown
              ? '内容管理系统暂时无法访问,请稍后再试。The CMS cannot be reached right now; try again shortly.'
              : '出错了,请稍后再试。Something went wrong; try again shortly.',
          ),
        );
    }
  });
  return router;
}

/** 星级党群服务中心展播 第 3 期 · 2024-05-01 · 玉溪市委组织部 · 作者: the article's facts the public page shows. */
function bylineOf(draft: Record<string, unknown>): string | null {
  const series = typeof draft.series === 'string' ? `${draft.series}${typeof draft.episode === 'number' ? ` 第 ${draft.episode} 期` : ''}` : null;
  const parts = [series, draft.publishedDate, draft.source, typeof draft.author === 'string' ? `作者:${draft.author}` : null];
  const shown = parts.filter((part): part is string => typeof part === 'string' && part !== '');
  return shown.length > 0 ? shown.join(' · ') : null;
}

function centreCodesOf(draft: Record<string, unknown>): string[] {
  if (typeof draft.centreCode === 'string') return [draft.centreCode];
  const refs = Array.isArray(draft.centres) ? (draft.centres as Array<{ centreCode?: string }>) : [];
  return refs.map((ref) => ref.centreCode).filter((code): code is string => !!code);
}

function withDraftProfile(card: CentreCardData, draft: Record<string, unknown>, mediaBaseUrl: string): CentreCardData {
  const highlights = Array.isArray(draft.highlights) ? (draft.highlights as Array<{ label: string; value: number; unit?: string }>) : [];
  return {
    ...card,
    profile: {
      title: String(draft.title ?? card.name),
      summary: typeof draft.summary === 'string' ? draft.summary : null,
      resolvedLocale: String(draft.locale ?? 'zh-Hans'),
      cover: toMedia(draft.cover as StrapiMedia | null, mediaBaseUrl),
      highlights: highlights.map(({ label, value, unit }) => ({ label, value: Number(value), unit: unit ?? null })),
    },
  };
}
