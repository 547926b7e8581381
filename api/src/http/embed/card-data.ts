import type { Context } from '../../context';
import type { CentreView } from '../../modules/centre/centre.view';
import { localizedKey } from '../../modules/editorial/editorial.loaders';
import { toMedia } from '../../modules/editorial/media';
import { ancestorCodes } from '../../modules/region/region.service';
import type { CentreCardData } from './centre-card';

/** The card's data through the request's loaders: what centre-card.graphql selects. */
export async function loadCardData(centre: CentreView, locale: string, context: Context): Promise<CentreCardData> {
  const { loaders, mediaBaseUrl } = context;
  const region = (await loaders.regionByCode.load(centre.regionCode))!;
  const [ancestors, current, profile, programmes, articles] = await Promise.all([
    loaders.regionByCode.loadMany(ancestorCodes(region)),
    loaders.currentRatingByCentreCode.load(centre.code),
    loaders.profileByCentreCode.load(localizedKey(locale, centre.code)),
    loaders.programmesByCentreCode.load(localizedKey(locale, centre.code)),
    loaders.articlesByCentreCode({ locale, first: 3, offset: 0, withTotalCount: false }).load(centre.code),
  ]);
  return {
    code: centre.code,
    name: centre.name,
    level: centre.level,
    address: centre.address ?? null,
    region: { name: region.name, ancestors: ancestors.flatMap((ancestor) => (ancestor && 'name' in ancestor ? [{ name: ancestor.name }] : [])) },
    currentRating: current ? { year: current.year, stars: current.stars, tier: current.tier } : null,
    profile: profile
      ? {
          title: profile.title,
          summary: profile.summary ?? null,
          resolvedLocale: profile.locale,
          cover: toMedia(profile.coverMedia, mediaBaseUrl),
          highlights: (profile.highlightItems ?? []).map(({ label, value, unit }) => ({ label, value, unit: unit ?? null })),
        }
      : null,
    brandProgrammes: programmes.map(({ slug, name }) => ({ slug, name })),
    showcaseArticles: { edges: articles.items.map(({ slug, title, publishedDate }) => ({ node: { slug, title, publishedDate: publishedDate ?? null } })) },
  };
}
