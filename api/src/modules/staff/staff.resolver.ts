import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor } from '../../auth/authorize';
import type { Context } from '../../context';
import { CentreView } from '../centre/centre.view';
import { RegionView } from '../region/region.view';
import { STAFF_COLUMNS, StaffAccountView, toStaffAccountView } from './staff.view';
import { LoginArgs } from './staff.inputs';
import { login, logout } from './staff.service';
import { StaffSignIn } from './staff.types';

@Resolver(() => StaffAccountView)
export class StaffResolver {
  @Mutation(() => StaffSignIn, { description: 'Signs a staff member in. Five failed attempts for an account (or twenty from one address) lock it for the rest of the minute.' })
  async login(@Args() { email, password }: LoginArgs, @Ctx() context: Context): Promise<StaffSignIn> {
    const address = context.client.address ?? context.client.bucket;
    const signIn = await login(context.em, context.limiter, context.staffSessionHours, { email, password, address });
    return { ...signIn, account: toStaffAccountView(signIn.account) };
  }

  @Mutation(() => Boolean, { description: 'Ends the session of the token this request carries.' })
  async logout(@Ctx() context: Context): Promise<boolean> {
    await logout(context.em, requireActor(context), context.staffToken!);
    return true;
  }

  @Query(() => StaffAccountView, { description: 'The signed-in staff member.' })
  async me(@Ctx() context: Context): Promise<StaffAccountView> {
    const [account] = await context.read.rows<StaffAccountView>(`select ${STAFF_COLUMNS} from staff_account s where s.id = ?`, [requireActor(context).accountId]);
    return account;
  }

  @FieldResolver(() => RegionView)
  async region(@Root() account: StaffAccountView, @Ctx() { loaders }: Context): Promise<RegionView> {
    return (await loaders.regionByCode.load(account.regionCode))!;
  }

  @FieldResolver(() => CentreView, { nullable: true })
  async centre(@Root() account: StaffAccountView, @Ctx() { loaders }: Context): Promise<CentreView | null> {
    return account.centreCode ? loaders.centreByCode.load(account.centreCode) : null;
  }
}
