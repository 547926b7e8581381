'use strict';

const PROFILE = 'api::centre-profile.centre-profile';
const CENTRE_FIELDS = 'code name level region { name } currentRating { stars tier }';
const PAGE = 100;

/**
 * The centre picker custom field (it stores a centre code, a string, so the API's contract and
 * existing content do not change), and two admin routes it reads: centres matching a name or
 * code, and the centres that have no profile yet. Centres live in the Star Centres API; these
 * routes ask it over GraphQL from the server, so the admin needs no address of its own for it.
 */
module.exports = {
  register({ strapi }) {
    strapi.customFields.register({ name: 'centre', plugin: 'centre-picker', type: 'string' });
  },
  routes: {
    admin: {
      type: 'admin',
      routes: [
        { method: 'GET', path: '/centres', handler: 'centres.search', config: { policies: ['admin::isAuthenticatedAdmin'] } },
        { method: 'GET', path: '/coverage', handler: 'centres.coverage', config: { policies: ['admin::isAuthenticatedAdmin'] } },
      ],
    },
  },
  controllers: {
    centres: ({ strapi }) => ({
      /** GET /centre-picker/centres?q=高仓 (a name) or ?q=530402901000-01 (a code, whole or its start). */
      async search(ctx) {
        const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim().slice(0, 100) : '';
        if (q === '') {
          ctx.body = { data: [] };
          return;
        }
        const centres = /^\d{12}-\d{2}$/.test(q) ? await byCode(strapi, q) : await byName(strapi, q);
        ctx.body = { data: await withProfiles(strapi, centres) };
      },
      /** GET /centre-picker/coverage: every centre without a profile, and profiles without English. */
      async coverage(ctx) {
        const centres = await allCentres(strapi);
        const profiles = await strapi.db.query(PROFILE).findMany({ select: ['centreCode', 'locale', 'documentId', 'title'] });
        const locales = new Map();
        for (const profile of profiles) {
          locales.set(profile.centreCode, [...(locales.get(profile.centreCode) ?? []), profile.locale]);
        }
        ctx.body = {
          data: {
            total: centres.length,
            withoutProfile: centres.filter((centre) => !locales.has(centre.code)),
            withoutEnglish: (await withProfiles(strapi, centres.filter((centre) => locales.has(centre.code) && !locales.get(centre.code).includes('en')))),
          },
        };
      },
    }),
  },
};

async function byCode(strapi, code) {
  const data = await graphql(strapi, `query ($code: ID!) { centre(code: $code) { ${CENTRE_FIELDS} } }`, { code });
  return data.centre ? [data.centre] : [];
}

async function byName(strapi, search) {
  const data = await graphql(strapi, `query ($search: String!) { centres(filter: { search: $search }, first: 20) { edges { node { ${CENTRE_FIELDS} } } } }`, { search });
  return data.centres.edges.map((edge) => edge.node);
}

async function allCentres(strapi) {
  const centres = [];
  let after = null;
  for (;;) {
    const data = await graphql(
      strapi,
      `query ($after: String) { centres(first: ${PAGE}, after: $after) { edges { node { ${CENTRE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    centres.push(...data.centres.edges.map((edge) => edge.node));
    if (!data.centres.pageInfo.hasNextPage) return centres;
    after = data.centres.pageInfo.endCursor;
  }
}

/** Adds the profile a centre already has (one per centre), so the picker can say so. */
async function withProfiles(strapi, centres) {
  if (centres.length === 0) return [];
  const profiles = await strapi.db.query(PROFILE).findMany({
    select: ['centreCode', 'documentId', 'title', 'locale'],
    where: { centreCode: { $in: centres.map((centre) => centre.code) }, locale: 'zh-Hans' },
  });
  const byCentre = new Map(profiles.map((profile) => [profile.centreCode, { documentId: profile.documentId, title: profile.title }]));
  return centres.map((centre) => ({ ...centre, profile: byCentre.get(centre.code) ?? null }));
}

async function graphql(strapi, query, variables) {
  const apiUrl = strapi.config.get('star-centres').apiInternalUrl.replace(/\/$/, '');
  const { errors } = require('@strapi/utils');
  let body;
  try {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(5000),
    });
    body = await response.json();
  } catch {
    throw new errors.ApplicationError('暂时无法查询党群服务中心:Star Centres API 没有响应,请稍后再试。');
  }
  if (body.errors?.length) {
    throw new errors.ValidationError(`查询党群服务中心失败:${body.errors[0].message}`);
  }
  return body.data;
}
