import { IsIn, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '../../shared/pagination';
import { CENTRE_CODE_PATTERN } from '../centre/centre.inputs';
import { REGION_CODE_MESSAGE, REGION_CODE_PATTERN } from '../region/region.inputs';
import { DEFAULT_LOCALE, EDITORIAL_LOCALES } from './editorial-document';

const LOCALE_MESSAGE = `$property must be one of ${EDITORIAL_LOCALES.join(', ')}`;

@ArgsType()
export class LocaleArgs {
  @Field({ defaultValue: DEFAULT_LOCALE, description: 'zh-Hans (default) or en; a missing translation falls back to zh-Hans.' })
  @IsIn([...EDITORIAL_LOCALES], { message: LOCALE_MESSAGE })
  locale: string = DEFAULT_LOCALE;
}

@ArgsType()
export class SlugArgs extends LocaleArgs {
  @Field()
  @Length(1, 120, { message: '$property must be 1 to 120 characters long' })
  slug!: string;
}

@ArgsType()
export class LocalizedPageArgs extends PageArgs {
  @Field({ defaultValue: DEFAULT_LOCALE, description: 'zh-Hans (default) or en; a missing translation falls back to zh-Hans.' })
  @IsIn([...EDITORIAL_LOCALES], { message: LOCALE_MESSAGE })
  locale: string = DEFAULT_LOCALE;
}

@InputType({ description: 'All given conditions must hold.' })
export class ArticleFilter {
  @Field(() => ID, { nullable: true, description: 'Articles featuring this centre.' })
  @IsOptional()
  @Matches(CENTRE_CODE_PATTERN, { message: '$property must be a centre code, e.g. 530402901000-01' })
  centreCode?: string;

  @Field(() => ID, { nullable: true, description: 'Articles featuring a centre anywhere in this region.' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: REGION_CODE_MESSAGE })
  regionCode?: string;

  @Field({ nullable: true, description: 'Slug of a brand programme the article is about.' })
  @IsOptional()
  @Length(1, 120)
  programme?: string;

  @Field({ nullable: true, description: 'e.g. 星级党群服务中心展播' })
  @IsOptional()
  @Length(1, 60)
  series?: string;

  @Field(() => [Int], { nullable: true, description: 'Articles featuring a centre whose current rating has one of these star counts.' })
  @IsOptional()
  @IsIn([3, 4, 5], { each: true, message: '$property must contain only 3, 4 or 5' })
  stars?: number[];
}

@ArgsType()
export class ArticlesArgs extends LocalizedPageArgs {
  @Field(() => ArticleFilter, { nullable: true })
  @ValidateNested()
  filter?: ArticleFilter;
}
