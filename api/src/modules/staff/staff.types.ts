import { Field, ObjectType } from 'type-graphql';
import { StaffAccountView } from './staff.view';

@ObjectType({ simpleResolvers: true, description: 'A new session: send the token as "Authorization: Bearer <token>".' })
export class StaffSignIn {
  @Field({ description: 'Shown once; only its hash is stored. Sign out with the logout mutation.' })
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => StaffAccountView)
  account!: StaffAccountView;
}
