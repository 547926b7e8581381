import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import { KEYED_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../../cache/cache.plugin';
import { checkApiKey, isSecretKey } from '../../modules/api-key/api-key.service';
import { repoRoot } from '../../paths';
import { anonymousClient, originRefusal, type RequestClient } from '../client-identity';
import { type ChargePage, sendJsonRateLimited, sendPageRateLimited } from '../page-budget';
import { renderMessagePage } from '../preview-page';
import { escapeHtml } from '../../modules/editorial/rich-text';
import { CARD_SCRIPT_SOURCE, renderCardPage } from './card-page';
import { estimateCardHeight } from './card-size';
import { type CardOptions, type CentreCardData, cardLinks } from './centre-card';
import { sendResizeScript } from './resize-script';

export const CARD_OPERATION = readFileSync(path.join(repoRoot(), 'schema', 'operations', 'centre-card.graphql'), 'utf8');
const CENTRE_CODE = /^\d{12}-\d{2}$/;
/** The size cards are advertised at; oEmbed narrows to MIN_CARD_WIDTH on request. */
export const CARD_WIDTH = 480;
export const CARD_HEIGHT = 640;
/** What an outage answers: the database is usually back within seconds (database-outage.ts). */
const RETRY_AFTER_SECONDS = 30;
export const MIN_CARD_WIDTH = 280;

export interface EmbedOptions {
  orm: MikroORM;
  publicUrl: string;
  /** CMS media come from here: the one origin the card loads images from. */
  mediaBaseUrl: string;
  /** frame-ancestors for cards shown without a key. */
  keylessFrameAncestors: string;
  anonymousRatePerMinute: number;
  /** A card or an oEmbed answer is charged as a page (http/page-budget.ts). */
  chargePage: ChargePage;
  /** `{ centre: null }`: no such centre; null: no answer (the database is down, say), which is no 404. */
  runCardQuery(variables: { code: string; locale: string }, client: RequestClient): Promise<{ centre: CentreCardData | null } | null>;
}

/**
 * GET /embed/centres/:code: the centre card as a small page for iframes (no cookies, no external
 * requests, one script that reports its height); GET /oembed: the oEmbed provider that hands out
 * the iframe; GET /embed/resize.js: the portal's script that fits iframes to their cards.
 */
export function embedRouter(options: EmbedOptions): Router {
  const router = express.Router();

  router.get('/embed/resize.js', sendResizeScript);

  router.get('/embed/centres/:code', async (req, res) => {
    const card = cardOptions(req, options.publicUrl);
    const code = req.params.code;
    const client = await embedClient(req, res, options);
    if (!client) return;
    const frameAncestors = client.grant ? client.grant.allowedOrigins.join(' ') || "'none'" : options.keylessFrameAncestors;
    res.set({
      'Content-Security-Policy': `default-src 'none'; img-src ${new URL(options.mediaBaseUrl).origin} data:; style-src 'unsafe-inline'; script-src ${CARD_SCRIPT_SOURCE}; frame-ancestors ${frameAncestors}; base-uri 'none'; form-action 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    const charge = await options.chargePage(client);
    if (!charge.allowed) {
      sendPageRateLimited(res, charge.retryAfterSeconds);
      return;
    }
    const data = CENTRE_CODE.test(code) ? await options.runCardQuery({ code, locale: card.locale }, charge.runAs) : { centre: null };
    if (!data) {
      res
        .status(503)
        .set({ 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' })
        .type('html')
        .send(renderMessagePage('暂时无法显示 / Unavailable', '该名片暂时无法显示,请稍后再试。The card cannot be shown just now; please try again shortly.'));
      return;
    }
    if (!data.centre) {
      res
        .status(404)
        .set('Cache-Control', 'public, max-age=60')
        .type('html')
        .send(renderMessagePage('找不到该中心 / Centre not found', `没有代码为 ${code} 的党群服务中心。No centre has the code ${code}.`));
      return;
    }
    const oembedUrl = `${options.publicUrl}/oembed?url=${encodeURIComponent(`${options.publicUrl}/embed/centres/${code}`)}&format=json`;
    res
      .set('Cache-Control', client.grant ? KEYED_CACHE_CONTROL : PUBLIC_CACHE_CONTROL)
      .set('Surrogate-Key', `centre:${code}`)
      .type('html')
      .send(renderCardPage(data.centre, { ...card, oembedUrl }));
  });

  router.get('/oembed', async (req, res) => {
    // Portals discover cards from their own pages' scripts: any origin may read the answer.
    res.set('Access-Control-Allow-Origin', '*');
    if (req.query.format !== undefined && req.query.format !== 'json') {
      res.status(501).json({ error: 'Only format=json is offered.' });
      return;
    }
    const target = parseCardUrl(String(req.query.url ?? ''), options.publicUrl);
    const charge = await options.chargePage(anonymousClient(req, options.anonymousRatePerMinute));
    if (!charge.allowed) {
      sendJsonRateLimited(res, charge.retryAfterSeconds);
      return;
    }
    const data = target ? await options.runCardQuery({ code: target.code, locale: target.locale }, charge.runAs) : { centre: null };
    if (!data) {
      res
        .status(503)
        .set({ 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' })
        .json({ error: 'The card cannot be described just now; please try again shortly.', code: 'SERVICE_UNAVAILABLE' });
      return;
    }
    if (!target || !data.centre) {
      res.status(404).json({ error: 'No centre card has that URL.' });
      return;
    }
    const width = clamp(Math.floor(Number(req.query.maxwidth)) || CARD_WIDTH, MIN_CARD_WIDTH, CARD_WIDTH);
    // As tall as the whole card at that width, up to maxheight (or the advertised 640), but never
    // less than its head and link need: a smaller answer would be a frame that hides the link.
    const size = estimateCardHeight(data.centre, { width, size: target.size, locale: target.locale });
    const height = Math.max(size.essential, Math.min(size.whole, Math.floor(Number(req.query.maxheight)) || CARD_HEIGHT));
    const cover = data.centre.profile?.cover;
    // In English, the English profile's title: centre names are kept in Chinese only.
    const title = target.locale === 'en' && data.centre.profile?.resolvedLocale === 'en' ? data.centre.profile.title : data.centre.name;
    res.set('Cache-Control', PUBLIC_CACHE_CONTROL).json({
      version: '1.0',
      type: 'rich',
      provider_name: '玉溪市党群服务中心 Star Centres',
      provider_url: options.publicUrl,
      title,
      // resize.js then fits the frame to the card as shown; without it the card fits the frame.
      html: `<iframe src="${escapeHtml(target.url)}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy" title="${escapeHtml(title)}"></iframe><script async src="${escapeHtml(options.publicUrl)}/embed/resize.js"></script>`,
      width,
      height,
      cache_age: 300,
      ...(cover ? { thumbnail_url: cover.url, thumbnail_width: cover.width, thumbnail_height: cover.height } : {}),
    });
  });

  return router;
}

function cardOptions(req: Request, publicUrl: string): CardOptions {
  const locale = req.query.locale === 'en' ? 'en' : 'zh-Hans';
  return {
    locale,
    size: req.query.size === 'large' ? 'large' : 'normal',
    theme: req.query.theme === 'dark' ? 'dark' : req.query.theme === 'light' ? 'light' : 'auto',
    ...cardLinks(publicUrl, String(req.params.code ?? ''), locale),
  };
}

/** A card URL of this API, or null: oEmbed answers for nothing else. */
function parseCardUrl(raw: string, publicUrl: string): { url: string; code: string; locale: CardOptions['locale']; size: CardOptions['size'] } | null {
  try {
    const url = new URL(raw);
    const match = url.pathname.match(/^\/embed\/centres\/(\d{12}-\d{2})$/);
    if (url.origin !== new URL(publicUrl).origin || !match) return null;
    const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'zh-Hans';
    return { url: url.toString(), code: match[1]!, locale, size: url.searchParams.get('size') === 'large' ? 'large' : 'normal' };
  } catch {
    return null;
  }
}

async function embedClient(req: Request, res: Response, options: EmbedOptions): Promise<RequestClient | null> {
  const key = typeof req.query.key === 'string' ? req.query.key : undefined;
  if (!key) return anonymousClient(req, options.anonymousRatePerMinute);
  // Anything in a URL ends up in pages, histories and logs: a secret key there is refused
  // (before any lookup, so a leaked one is not even confirmed) and must be replaced.
  if (isSecretKey(key)) {
    sendEmbedRefusal(res, 400, '密钥不能放在网址中 / Not a key for web pages', SECRET_KEY_IN_URL_TEXT);
    return null;
  }
  const check = await checkApiKey(options.orm.em.fork(), key);
  if ('refusal' in check) {
    sendEmbedRefusal(res, 401, '无法显示 / Not available', `API 密钥${REFUSAL_TEXT[check.refusal]}。The API key is ${check.refusal === 'unknown' ? 'not known' : check.refusal}.`);
    return null;
  }
  const refusal = originRefusal(check.grant, req);
  if (refusal) {
    sendEmbedRefusal(res, 403, '无法显示 / Not available', `该密钥不能在此网站使用。${refusal.message}`);
    return null;
  }
  return { bucket: `key:${check.grant.keyId}`, ratePerMinute: check.grant.ratePerMinute, grant: check.grant };
}

const SECRET_KEY_IN_URL_TEXT =
  '网址中的密钥是服务器专用的秘密密钥,已被拒绝;请改用可公开的密钥(pk_ 开头)。This is a secret key, which must never be in a URL: use a publishable key (pk_…) in web pages, and revoke this one.';
const REFUSAL_TEXT = { unknown: '无效', revoked: '已吊销', expired: '已过期' };

function sendEmbedRefusal(res: Response, status: number, title: string, text: string): void {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(renderMessagePage(title, text));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
