export interface Centre {
  code: string;
  name: string;
  level: string;
  region: { name: string };
  currentRating: { stars: number; tier: string } | null;
  profile: { documentId: string; title: string } | null;
}

export const PROFILE = 'api::centre-profile.centre-profile';

export function starsOf(centre: Centre): string {
  return centre.currentRating ? `${'★'.repeat(centre.currentRating.stars)}${centre.currentRating.tier === 'CITY' ? '(市级)' : ''}` : '未评星';
}

export function profilePath(documentId: string): string {
  return `/content-manager/collection-types/${PROFILE}/${documentId}?plugins[i18n][locale]=zh-Hans`;
}

export function newProfilePath(code: string): string {
  return `/content-manager/collection-types/${PROFILE}/create?plugins[i18n][locale]=zh-Hans&centreCode=${encodeURIComponent(code)}`;
}
