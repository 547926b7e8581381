import { MaxLength } from 'class-validator';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class LoginArgs {
  @Field()
  @MaxLength(200)
  email!: string;

  @Field()
  @MaxLength(200)
  password!: string;
}
