import type { Core } from '@strapi/strapi';
import { DEVELOPMENT_DEFAULTS } from '../../config/star-centres';

export interface Settings {
  isProduction: boolean;
  apiInternalUrl: string;
  apiToken: string | undefined;
  webhookSecret: string | undefined;
  adminEmail: string;
  adminPassword: string;
  editorEmail: string;
  editorPassword: string;
  seedOnStart: boolean;
  seedDir: string;
  benchCountSql: boolean;
}

export function settings(strapi: Core.Strapi): Settings {
  return strapi.config.get('star-centres') as Settings;
}

/** Production must bring its own secrets: the development defaults are printed by `npm start`. */
export function refuseDefaultSecretsInProduction(config: Settings): void {
  if (!config.isProduction) {
    return;
  }
  const problems = [
    !config.apiToken && 'CMS_API_TOKEN is not set',
    !config.webhookSecret && 'CMS_WEBHOOK_SECRET is not set',
    config.adminPassword === DEVELOPMENT_DEFAULTS.adminPassword && 'CMS_ADMIN_PASSWORD is the development default',
    config.editorPassword === DEVELOPMENT_DEFAULTS.editorPassword && 'CMS_EDITOR_PASSWORD is the development default',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`Refusing to start in production: ${problems.join('; ')}.`);
  }
}
