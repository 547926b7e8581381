import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { Centre } from '../modules/centre/centre.entity';
import { EDITORIAL_TYPES } from '../modules/editorial/editorial-types';
import { absoluteUrl } from '../modules/editorial/media';
import { verifyPreviewToken } from '../modules/editorial/preview-token';
import { blocksToHtml } from '../modules/editorial/rich-text';
import { CmsUnavailableError, type StrapiClient } from '../modules/editorial/strapi-client';
import type { StrapiBlock } from '../modules/editorial/strapi-types';
import { RatingResult } from '../modules/rating/rating-result.entity';
import { type CentreCard, renderEditorialPage, renderMessagePage } from './preview-page';

const KINDS: Record<string, string> = {
  articles: 'showcase-articles',
  'centre-profiles': 'centre-profiles',
  'brand-programmes': 'brand-programmes',
};

/**
 * GET /preview/:kind/:documentId?token=…: the draft, read live from the CMS, with the
 * live data of the centres it names. Only this route reads Strapi at request time.
 */
export function previewRouter(options: { orm: MikroORM; client: StrapiClient | undefined; secret: string | undefined; mediaBaseUrl: string; logger: Logger }): Router {
  const router = express.Router();
  router.get('/preview/:kind/:documentId', async (req, res) => {
    res.set({ 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' });
    const plural = KINDS[req.params.kind];
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const claims = plural && options.secret ? verifyPreviewToken(token, options.secret, { kind: req.params.kind, documentId: req.params.documentId }) : null;
    if (!plural || !options.client || !claims) {
      res.status(401).type('html').send(renderMessagePage('无法预览 / Preview not allowed', '预览链接无效或已过期,请在内容管理后台重新点击“预览”。The preview link is invalid or has expired: press Preview in the CMS again.'));
      return;
    }
    const type = EDITORIAL_TYPES.find((candidate) => candidate.plural === plural)!;
    try {
      const draft = await options.client.findOne(plural, claims.documentId, { locale: claims.locale, populate: type.populate, status: 'draft' });
      if (!draft) {
        res.status(404).type('html').send(renderMessagePage('找不到草稿 / Draft not found', '这份草稿已被删除。This draft no longer exists.'));
        return;
      }
      const codes = centreCodesOf(draft);
      res.type('html').send(
        renderEditorialPage({
          heading: String(draft.title ?? draft.name ?? ''),
          summary: typeof draft.summary === 'string' ? draft.summary : null,
          bodyHtml: blocksToHtml((draft.body as StrapiBlock[]) ?? [], (url) => absoluteUrl(url, options.mediaBaseUrl)),
          centres: await centreCards(options.orm, codes),
          banner: '草稿预览 · Draft preview: not published',
          lang: claims.locale,
        }),
      );
    } catch (error) {
      const isCmsDown = error instanceof CmsUnavailableError;
      options.logger[isCmsDown ? 'warn' : 'error']({ err: error }, 'draft preview failed');
      res
        .status(isCmsDown ? 502 : 500)
        .type('html')
        .send(renderMessagePage('暂时无法预览 / Preview unavailable', isCmsDown ? '内容管理系统暂时无法访问,请稍后再试。The CMS cannot be reached right now; try again shortly.' : '出错了,请稍后再试。Something went wrong; try again shortly.'));
    }
  });
  return router;
}

function centreCodesOf(draft: Record<string, unknown>): string[] {
  if (typeof draft.centreCode === 'string') return [draft.centreCode];
  const refs = Array.isArray(draft.centres) ? (draft.centres as Array<{ centreCode?: string }>) : [];
  return refs.map((ref) => ref.centreCode).filter((code): code is string => !!code);
}

async function centreCards(orm: MikroORM, codes: string[]): Promise<CentreCard[]> {
  if (codes.length === 0) return [];
  const em = orm.em.fork();
  const [centres, ratings] = await Promise.all([
    em.find(Centre, { code: { $in: codes } }, { populate: ['region'] }),
    em.find(RatingResult, { centre: { $in: codes } }, { orderBy: { scheme: 'desc' } }),
  ]);
  return codes.flatMap((code) => {
    const centre = centres.find((candidate) => candidate.code === code);
    if (!centre) return [];
    const current = ratings.find((rating) => rating.centre.code === code);
    return [{ code, name: centre.name, regionName: centre.region.name, stars: current?.stars ?? null, tier: current?.tier ?? null, year: current?.scheme.year ?? null }];
  });
}
