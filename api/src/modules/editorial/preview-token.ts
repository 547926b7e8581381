import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed tokens for draft preview links. The CMS signs them (cms/src/preview.ts,
 * the same format) when an editor presses Preview; the API checks them before reading a draft.
 * Format: base64url(JSON payload) "." base64url(HMAC-SHA256(secret, payload)).
 */
export interface PreviewClaims {
  kind: string;
  documentId: string;
  locale: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export function signPreviewToken(claims: PreviewClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The claims of a valid, unexpired token for this document; null for anything else. */
export function verifyPreviewToken(token: string, secret: string, expected: { kind: string; documentId: string }, now = Date.now()): PreviewClaims | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expectedSignature = Buffer.from(sign(payload, secret));
  const givenSignature = Buffer.from(signature);
  if (givenSignature.length !== expectedSignature.length || !timingSafeEqual(givenSignature, expectedSignature)) return null;
  let claims: PreviewClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  } catch {
    return null;
  }
  const isCurrent = typeof claims.exp === 'number' && claims.exp * 1000 > now;
  return isCurrent && claims.kind === expected.kind && claims.documentId === expected.documentId ? claims : null;
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
