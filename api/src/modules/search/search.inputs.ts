import { IsIn, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_LOCALE, EDITORIAL_LOCALES } from '../editorial/editorial-document';

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words to find, e.g. 调解 or 养老 托管 (all must match).' })
  @Length(1, 100, { message: '$property must be 1 to 100 characters long' })
  query!: string;

  @Field(() => Int, { defaultValue: 10, description: 'Hits to return, 1 to 50.' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(50, { message: '$property must be at most 50' })
  first: number = 10;

  @Field({ defaultValue: DEFAULT_LOCALE })
  @IsIn([...EDITORIAL_LOCALES], { message: `$property must be one of ${EDITORIAL_LOCALES.join(', ')}` })
  locale: string = DEFAULT_LOCALE;
}
