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

/** The passwords `npm start` prints in development; no account may keep one in production. */
export const DEVELOPMENT_PASSWORDS = [DEVELOPMENT_DEFAULTS.adminPassword, DEVELOPMENT_DEFAULTS.editorPassword];

/**
 * Production must bring its own secrets and super-admin password. The demo editor's password
 * is not asked for: production never creates the demo editor.
 */
export function refuseDefaultSecretsInProduction(config: Settings): void {
  if (!config.isProduction) {
    return;
  }
  const problems = [
    !config.apiToken && 'CMS_API_TOKEN is not set',
    !config.webhookSecret && 'CMS_WEBHOOK_SECRET is not set',
    DEVELOPMENT_PASSWORDS.includes(config.adminPassword) &&
      `CMS_ADMIN_PASSWORD is a development password (set a new one: it becomes the password of the super-admin ${config.adminEmail})`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`Refusing to start in production: ${problems.join('; ')}.`);
  }
}
