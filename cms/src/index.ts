import type { Core } from '@strapi/strapi';
import { ensureAdminUsers } from './bootstrap/admin-users';
import { ensureApiWiring } from './bootstrap/api-wiring';
import { countSqlForBench } from './bootstrap/bench-sql-counter';
import { validateCentreCodes } from './bootstrap/centre-codes';
import { applyEditorLabels } from './bootstrap/editor-labels';
import { boundHighlightValues } from './bootstrap/highlight-values';
import { ensureLocales } from './bootstrap/locales';
import { oneProfilePerCentre } from './bootstrap/one-profile-per-centre';
import { generateSlugsInPinyin, replacePlaceholderSlugs } from './bootstrap/pinyin-slugs';
import { defaultPublishedDate } from './bootstrap/published-date';
import { refuseDefaultSecretsInProduction, settings } from './bootstrap/settings';
import { seedEditorialContent } from './seed/seed-content';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    refuseDefaultSecretsInProduction(settings(strapi));
    strapi.documents.use(validateCentreCodes(strapi));
    strapi.documents.use(boundHighlightValues(strapi));
    strapi.documents.use(oneProfilePerCentre(strapi));
    strapi.documents.use(defaultPublishedDate(strapi));
    strapi.documents.use(replacePlaceholderSlugs(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const config = settings(strapi);
    if (config.benchCountSql) {
      countSqlForBench(strapi);
    }
    await ensureLocales(strapi);
    await applyEditorLabels(strapi);
    generateSlugsInPinyin(strapi);
    await ensureAdminUsers(strapi, config);
    await ensureApiWiring(strapi, config);
    if (config.seedOnStart) {
      await seedEditorialContent(strapi, config.seedDir);
    }
  },
};
