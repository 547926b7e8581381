import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { ApiKeyKind } from './api-key.entity';

@InputType({ description: 'A new portal key (see README, "For portal developers").' })
export class CreateApiKeyInput {
  @Field({ description: 'Who the key is for, e.g. 澄江市政府门户.' })
  @MaxLength(100)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Limit the key to a region subtree (6-, 9- or 12-digit code).' })
  @IsOptional()
  regionCode?: string;

  @Field(() => [String], { nullable: true, description: 'Browser origins allowed to call with the key; none: server-side use only.' })
  @IsOptional()
  @ArrayMaxSize(20)
  allowedOrigins?: string[];

  @Field(() => Int, { defaultValue: 20_000, description: 'Cost points per minute.' })
  @Min(1)
  @Max(1_000_000)
  ratePerMinute!: number;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date;

  @Field({ defaultValue: false })
  safelistOnly!: boolean;

  @Field(() => ApiKeyKind, { defaultValue: ApiKeyKind.SECRET, description: 'PUBLISHABLE for web pages (needs allowedOrigins); SECRET for servers.' })
  kind!: ApiKeyKind;
}
