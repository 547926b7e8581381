import type { StrapiMedia } from './strapi-types';
import type { Media } from './editorial.types';

/** Media URLs as the CMS stores them (often /uploads/...) made absolute for any client. */
export function absoluteUrl(url: string, mediaBaseUrl: string): string | null {
  try {
    const absolute = new URL(url, `${mediaBaseUrl}/`);
    return ['http:', 'https:'].includes(absolute.protocol) ? absolute.toString() : null;
  } catch {
    return null;
  }
}

export function toMedia(media: StrapiMedia | null | undefined, mediaBaseUrl: string): Media | null {
  const url = media?.url ? absoluteUrl(media.url, mediaBaseUrl) : null;
  if (!media || !url) return null;
  return {
    url,
    width: media.width ?? null,
    height: media.height ?? null,
    alternativeText: media.alternativeText ?? null,
    formats: Object.entries(media.formats ?? {}).flatMap(([name, format]) => {
      const formatUrl = absoluteUrl(format.url, mediaBaseUrl);
      return formatUrl ? [{ name, url: formatUrl, width: format.width ?? null, height: format.height ?? null }] : [];
    }),
  };
}
