import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { settings } from './settings';

const CODE_FIELDS: Record<string, (data: Record<string, any>) => unknown[]> = {
  'api::centre-profile.centre-profile': (data) => (data.centreCode === undefined ? [] : [data.centreCode]),
  'api::brand-programme.brand-programme': (data) => (data.centres ?? []).map((ref: { centreCode?: unknown }) => ref.centreCode),
  'api::showcase-article.showcase-article': (data) => (data.centres ?? []).map((ref: { centreCode?: unknown }) => ref.centreCode),
};

/**
 * Centres live in the API; a code the API does not know is refused before anything is
 * stored, with a message the editor sees in the admin.
 */
export function validateCentreCodes(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const codesOf = CODE_FIELDS[context.uid];
    const data = (context.params as { data?: Record<string, any> }).data;
    if (codesOf && data && (context.action === 'create' || context.action === 'update')) {
      const codes = [...new Set(codesOf(data).filter((code): code is string => typeof code === 'string' && code !== ''))];
      const unknown = await unknownCentreCodes(settings(strapi).apiInternalUrl, codes);
      if (unknown.length > 0) {
        throw new errors.ValidationError(
          `未知的中心代码 ${unknown.join(', ')}:Star Centres API 中没有这个党群服务中心。` +
            `Unknown centre code ${unknown.join(', ')}: no centre in the Star Centres API has it.`,
          { unknownCentreCodes: unknown },
        );
      }
    }
    return next();
  };
}

async function unknownCentreCodes(apiUrl: string, codes: string[]): Promise<string[]> {
  if (codes.length === 0) {
    return [];
  }
  const selections = codes.map((_, index) => `c${index}: centre(code: $c${index}) { code }`).join(' ');
  const variables = Object.fromEntries(codes.map((code, index) => [`c${index}`, code]));
  const query = `query (${codes.map((_, index) => `$c${index}: ID!`).join(', ')}) { ${selections} }`;
  let body: { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  try {
    const response = await fetch(`${apiUrl.replace(/\/$/, '')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(5000),
    });
    body = (await response.json()) as typeof body;
  } catch {
    throw new errors.ApplicationError(
      `暂时无法核对中心代码:Star Centres API (${apiUrl}) 没有响应,请稍后再试。` +
        `Cannot check centre codes now: the Star Centres API at ${apiUrl} did not answer. Try again shortly.`,
    );
  }
  if (body.errors?.length) {
    // A malformed code is the usual cause; the API's message names it.
    throw new errors.ValidationError(`中心代码格式不正确。Invalid centre code: ${body.errors[0]!.message}`);
  }
  return codes.filter((_, index) => !body.data?.[`c${index}`]);
}
