import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { offsetAfter, selectsTotalCount, toConnection } from '../../shared/pagination';
import { loadCardData } from '../../http/embed/card-data';
import { cardLinks, renderCardFragment } from '../../http/embed/centre-card';
import { CentreView } from '../centre/centre.view';
import { BrandProgrammeView } from './brand-programme.view';
import { CentreProfileView } from './centre-profile.view';
import type { StrapiBlock } from './strapi-types';
import { localizedKey } from './editorial.loaders';
import { ArticlesArgs, LocaleArgs, LocalizedPageArgs, SlugArgs } from './editorial.inputs';
import { findArticleBySlug, findProgrammeBySlug, listArticles } from './editorial.service';
import { Highlight, Media, ProgrammeModule, RichText, Seo, ShowcaseArticleConnection } from './editorial.types';
import { absoluteUrl, toMedia } from './media';
import { blocksToHtml, blocksToText } from './rich-text';
import { ShowcaseArticleView } from './showcase-article.view';
import { documentKey } from './editorial-document.view';
import { globalId } from '../../shared/global-id';

function richText(blocks: StrapiBlock[], { mediaBaseUrl }: Context): RichText {
  return { html: blocksToHtml(blocks, (url) => absoluteUrl(url, mediaBaseUrl)), text: blocksToText(blocks), blocks };
}

async function centresByCode(codes: string[], { loaders }: Context): Promise<CentreView[]> {
  const centres = await loaders.centreByCode.loadMany(codes);
  return centres.filter((centre): centre is CentreView => centre !== null && !(centre instanceof Error));
}

async function programmesByDocumentId(ids: string[], locale: string, { loaders }: Context): Promise<BrandProgrammeView[]> {
  const programmes = await loaders.programmeByDocumentId.loadMany(ids.map((id) => localizedKey(locale, id)));
  return programmes.filter((programme): programme is BrandProgrammeView => programme !== null && !(programme instanceof Error));
}

@Resolver(() => CentreView)
export class CentreEditorialResolver {
  @FieldResolver(() => CentreProfileView, { nullable: true, description: "The centre's published profile from the CMS." })
  profile(@Root() centre: CentreView, @Args() { locale }: LocaleArgs, @Ctx() { loaders }: Context) {
    return loaders.profileByCentreCode.load(localizedKey(locale, centre.code));
  }

  @FieldResolver(() => [BrandProgrammeView], { description: 'Brand programmes that list this centre.' })
  brandProgrammes(@Root() centre: CentreView, @Args() { locale }: LocaleArgs, @Ctx() { loaders }: Context) {
    return loaders.programmesByCentreCode.load(localizedKey(locale, centre.code));
  }

  @FieldResolver(() => String, { description: 'The centre card as safe HTML (the embed card without its page), for <centre-profile> and portals.' })
  async cardHtml(@Root() centre: CentreView, @Args() { locale }: LocaleArgs, @Ctx() context: Context): Promise<string> {
    const data = await loadCardData(centre, locale, context);
    return renderCardFragment(data, {
      locale: locale === 'en' ? 'en' : 'zh-Hans',
      size: 'normal',
      theme: 'auto',
      ...cardLinks(context.publicUrl, centre.code, locale === 'en' ? 'en' : 'zh-Hans'),
    });
  }

  @FieldResolver(() => ShowcaseArticleConnection, { description: 'Showcase articles featuring this centre, newest first.' })
  async showcaseArticles(@Root() centre: CentreView, @Args() { first, after, locale }: LocalizedPageArgs, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo) {
    const page = loaders.articlesByCentreCode({ locale, first, offset: offsetAfter(after), withTotalCount: selectsTotalCount(info) });
    return toConnection(await page.load(centre.code));
  }
}

@Resolver(() => CentreProfileView)
export class CentreProfileResolver {
  @FieldResolver(() => ID, { description: 'Globally unique and stable (Node): fetch this object again with node(id:).' })
  id(@Root() profile: CentreProfileView): string {
    return globalId('CentreProfile', documentKey(profile));
  }

  @FieldResolver(() => RichText)
  async body(@Root() profile: CentreProfileView, @Ctx() context: Context): Promise<RichText> {
    return richText(await context.loaders.profileBodyById.load(profile.rowId), context);
  }

  @FieldResolver(() => Media, { nullable: true })
  cover(@Root() profile: CentreProfileView, @Ctx() { mediaBaseUrl }: Context) {
    return toMedia(profile.coverMedia, mediaBaseUrl);
  }

  @FieldResolver(() => [Media])
  gallery(@Root() profile: CentreProfileView, @Ctx() { mediaBaseUrl }: Context) {
    return (profile.galleryMedia ?? []).map((media) => toMedia(media, mediaBaseUrl)).filter((media): media is Media => media !== null);
  }

  @FieldResolver(() => [Highlight])
  highlights(@Root() profile: CentreProfileView): Highlight[] {
    return (profile.highlightItems ?? []).map(({ label, value, unit }) => ({ label, value, unit: unit ?? undefined }));
  }

  @FieldResolver(() => Seo, { nullable: true })
  seo(@Root() profile: CentreProfileView, @Ctx() { mediaBaseUrl }: Context): Seo | null {
    const seo = profile.seoData;
    return seo ? { metaTitle: seo.metaTitle ?? undefined, metaDescription: seo.metaDescription ?? undefined, shareImage: toMedia(seo.shareImage, mediaBaseUrl) } : null;
  }

  @FieldResolver(() => CentreView, { nullable: true, description: 'The operational centre this profile describes.' })
  centre(@Root() profile: CentreProfileView, @Ctx() { loaders }: Context) {
    return loaders.centreByCode.load(profile.centreCode);
  }

  @FieldResolver(() => [BrandProgrammeView])
  brandProgrammes(@Root() profile: CentreProfileView, @Ctx() context: Context) {
    return programmesByDocumentId(profile.programmeDocumentIds, profile.locale, context);
  }
}

@Resolver(() => BrandProgrammeView)
export class BrandProgrammeResolver {
  @FieldResolver(() => ID, { description: 'Globally unique and stable (Node): fetch this object again with node(id:).' })
  id(@Root() programme: BrandProgrammeView): string {
    return globalId('BrandProgramme', documentKey(programme));
  }

  @Query(() => BrandProgrammeView, { nullable: true, description: 'A brand programme by slug, e.g. liuxin-fuwu (六心服务).' })
  brandProgramme(@Args() { slug, locale }: SlugArgs, @Ctx() { read }: Context) {
    return findProgrammeBySlug(read, slug, locale);
  }

  @FieldResolver(() => RichText)
  async body(@Root() programme: BrandProgrammeView, @Ctx() context: Context): Promise<RichText> {
    return richText(await context.loaders.programmeBodyById.load(programme.rowId), context);
  }

  @FieldResolver(() => [ProgrammeModule])
  modules(@Root() programme: BrandProgrammeView): ProgrammeModule[] {
    return (programme.moduleItems ?? []).map(({ name, description }) => ({ name, description: description ?? undefined }));
  }

  @FieldResolver(() => Media, { nullable: true })
  logo(@Root() programme: BrandProgrammeView, @Ctx() { mediaBaseUrl }: Context) {
    return toMedia(programme.logoMedia, mediaBaseUrl);
  }

  @FieldResolver(() => [CentreView], { description: 'The centres running this programme, with their live data and ratings.' })
  async centres(@Root() programme: BrandProgrammeView, @Ctx() context: Context) {
    // Programmes read for a centre's list come without their whole centre list: read it now.
    const codes = programme.centreCodes ?? (await context.loaders.programmeByDocumentId.load(localizedKey(programme.locale, programme.documentId)))?.centreCodes ?? [];
    return centresByCode(codes, context);
  }
}

@Resolver(() => ShowcaseArticleView)
export class ShowcaseArticleResolver {
  @FieldResolver(() => ID, { description: 'Globally unique and stable (Node): fetch this object again with node(id:).' })
  id(@Root() article: ShowcaseArticleView): string {
    return globalId('ShowcaseArticle', documentKey(article));
  }

  @Query(() => ShowcaseArticleView, { nullable: true, description: 'A showcase article by slug, e.g. xingji-zhanbo-3.' })
  article(@Args() { slug, locale }: SlugArgs, @Ctx() { read }: Context) {
    return findArticleBySlug(read, slug, locale);
  }

  @Query(() => ShowcaseArticleConnection, { description: 'Showcase articles, newest first, filtered across editorial and operational data.' })
  async articles(@Args() { filter, first, after, locale }: ArticlesArgs, @Ctx() { read }: Context, @Info() info: GraphQLResolveInfo) {
    return toConnection(await listArticles(read, { ...filter, locale, first, offset: offsetAfter(after) }, selectsTotalCount(info)));
  }

  @FieldResolver(() => RichText)
  async body(@Root() article: ShowcaseArticleView, @Ctx() context: Context): Promise<RichText> {
    return richText(await context.loaders.articleBodyById.load(article.rowId), context);
  }

  @FieldResolver(() => Media, { nullable: true })
  cover(@Root() article: ShowcaseArticleView, @Ctx() { mediaBaseUrl }: Context) {
    return toMedia(article.coverMedia, mediaBaseUrl);
  }

  @FieldResolver(() => [CentreView], { description: 'The centres the article features, in its order.' })
  centres(@Root() article: ShowcaseArticleView, @Ctx() context: Context) {
    return centresByCode(article.centreCodes, context);
  }

  @FieldResolver(() => [BrandProgrammeView])
  brandProgrammes(@Root() article: ShowcaseArticleView, @Ctx() context: Context) {
    return programmesByDocumentId(article.programmeDocumentIds, article.locale, context);
  }
}
