import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { ShowcaseArticleView } from './showcase-article.view';

@ObjectType({ simpleResolvers: true, description: 'Rich text from the CMS, rendered on the server.' })
export class RichText {
  @Field({ description: 'Safe HTML: text escaped, only http, https and mailto links, no raw HTML from editors.' })
  html!: string;

  @Field({ description: 'Plain text, paragraphs separated by blank lines.' })
  text!: string;

  @Field(() => GraphQLJSON, { description: "Strapi's blocks, for clients that render them themselves." })
  blocks!: unknown;
}

@ObjectType({ simpleResolvers: true, description: 'One rendition of an image (thumbnail, small, medium, large).' })
export class MediaFormat {
  @Field()
  name!: string;

  @Field({ description: 'Absolute URL.' })
  url!: string;

  @Field(() => Int, { nullable: true })
  width!: number | null;

  @Field(() => Int, { nullable: true })
  height!: number | null;
}

@ObjectType({ simpleResolvers: true, description: 'An image from the CMS media library.' })
export class Media {
  @Field({ description: 'Absolute URL.' })
  url!: string;

  @Field(() => Int, { nullable: true })
  width!: number | null;

  @Field(() => Int, { nullable: true })
  height!: number | null;

  @Field(() => String, { nullable: true, description: 'Alternative text for screen readers.' })
  alternativeText!: string | null;

  @Field(() => [MediaFormat])
  formats!: MediaFormat[];
}

@ObjectType({ simpleResolvers: true, description: 'A figure shown on a profile, e.g. 服务群众 4738 人次.' })
export class Highlight {
  @Field()
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field({ nullable: true })
  unit?: string;
}

@ObjectType({ simpleResolvers: true, description: 'A part of a brand programme, e.g. 红心铸魂 in 六心服务.' })
export class ProgrammeModule {
  @Field()
  name!: string;

  @Field({ nullable: true })
  description?: string;
}

@ObjectType({ simpleResolvers: true })
export class Seo {
  @Field({ nullable: true })
  metaTitle?: string;

  @Field({ nullable: true })
  metaDescription?: string;

  @Field(() => Media, { nullable: true })
  shareImage?: Media | null;
}

@ObjectType({ simpleResolvers: true, description: 'A page of showcase articles.' })
export class ShowcaseArticleConnection extends Connection(ShowcaseArticleView, 'ShowcaseArticle') {}
