/**
 * Relay global object ids: `base64url("<Type>:<key>")`. Clients treat them as opaque; they are
 * stable (made of the type name and the object's own key, never a row number) and unique
 * across types, so a normalised cache (Apollo's InMemoryCache, Relay) needs no type policies.
 */
export function globalId(typeName: string, key: string): string {
  return Buffer.from(`${typeName}:${key}`).toString('base64url');
}

/** The type and key inside a global id, or null for anything this API did not issue. */
export function parseGlobalId(id: string): { typeName: string; key: string } | null {
  // base64url only; Buffer.from would skip other characters silently.
  if (!/^[\w-]{1,400}$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString();
  const colon = text.indexOf(':');
  if (colon <= 0 || globalId(text.slice(0, colon), text.slice(colon + 1)) !== id) return null;
  return { typeName: text.slice(0, colon), key: text.slice(colon + 1) };
}
