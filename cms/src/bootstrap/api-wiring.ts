import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Settings } from './settings';

export const API_TOKEN_NAME = 'Star Centres API (read-only)';
export const WEBHOOK_NAME = 'Star Centres API';
export const WEBHOOK_SECRET_HEADER = 'X-Star-Centres-Secret';
export const WEBHOOK_EVENTS = [
  'entry.publish',
  'entry.unpublish',
  'entry.update',
  'entry.delete',
  'media.create',
  'media.update',
  'media.delete',
];

/**
 * The read-only token the API reads with, and the webhook that tells the API what
 * changed. Both come from the environment and are made to match it on every start.
 */
export async function ensureApiWiring(strapi: Core.Strapi, config: Settings): Promise<void> {
  if (config.apiToken) {
    await ensureApiToken(strapi, config.apiToken);
  }
  if (config.webhookSecret) {
    await ensureWebhook(strapi, `${config.apiInternalUrl.replace(/\/$/, '')}/webhooks/cms`, config.webhookSecret);
  }
}

async function ensureApiToken(strapi: Core.Strapi, accessKey: string): Promise<void> {
  // Strapi stores an HMAC of the key and an encrypted copy; writing both lets the token be
  // fixed by the environment instead of generated and copied by hand.
  const salt = strapi.config.get('admin.apiToken.salt') as string;
  const data = {
    accessKey: createHmac('sha512', salt).update(accessKey).digest('hex'),
    encryptedKey: strapi.service('admin::encryption').encrypt(accessKey),
  };
  const tokens = strapi.db.query('admin::api-token');
  const existing = await tokens.findOne({ where: { name: API_TOKEN_NAME } });
  if (existing) {
    if (existing.accessKey !== data.accessKey) {
      await tokens.update({ where: { id: existing.id }, data });
    }
    return;
  }
  const created = await strapi.service('admin::api-token').create({
    name: API_TOKEN_NAME,
    description: 'Used by the Star Centres API to re-read published content. Managed by the CMS bootstrap.',
    type: 'read-only',
    kind: 'content-api',
    lifespan: null,
  });
  await tokens.update({ where: { id: created.id }, data });
}

async function ensureWebhook(strapi: Core.Strapi, url: string, secret: string): Promise<void> {
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const wanted = { name: WEBHOOK_NAME, url, headers: { [WEBHOOK_SECRET_HEADER]: secret }, events: WEBHOOK_EVENTS, isEnabled: true };
  const existing = (await store.findWebhooks()).filter((webhook: { name: string }) => webhook.name === WEBHOOK_NAME);
  for (const duplicate of existing.slice(1)) {
    await store.deleteWebhook(duplicate.id);
    runner.remove(duplicate);
  }
  if (existing[0]) {
    const updated = await store.updateWebhook(existing[0].id, wanted);
    runner.update(updated);
  } else {
    runner.add(await store.createWebhook(wanted));
  }
}
