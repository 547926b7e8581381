import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireActor } from '../../auth/authorize';
import type { Context } from '../../context';
import { CentreView } from '../centre/centre.view';
import { RegionView } from '../region/region.view';
import { StaffAccount } from './staff-account.entity';
import { LoginArgs } from './staff.inputs';
import { login, logout } from './staff.service';
import { StaffSignIn } from './staff.types';

@Resolver(() => StaffAccount)
export class StaffResolver {
  @Mutation(() => StaffSignIn, { description: 'Signs a staff member in. Five failed attempts for an account (or twenty from one address) lock it for the rest of the minute.' })
  async login(@Args() { email, password }: LoginArgs, @Ctx() context: Context): Promise<StaffSignIn> {
    const address = context.client.address ?? context.client.bucket;
    return login(context.em, context.limiter, context.staffSessionHours, { email, password, address });
  }

  @Mutation(() => Boolean, { description: 'Ends the session of the token this request carries.' })
  async logout(@Ctx() context: Context): Promise<boolean> {
    await logout(context.em, requireActor(context), context.staffToken!);
    return true;
  }

  @Query(() => StaffAccount, { description: 'The signed-in staff member.' })
  async me(@Ctx() context: Context): Promise<StaffAccount> {
    return context.em.findOneOrFail(StaffAccount, { id: requireActor(context).accountId });
  }

  @FieldResolver(() => RegionView)
  async region(@Root() account: StaffAccount, @Ctx() { loaders }: Context): Promise<RegionView> {
    return (await loaders.regionByCode.load(account.region.code))!;
  }

  @FieldResolver(() => CentreView, { nullable: true })
  async centre(@Root() account: StaffAccount, @Ctx() { loaders }: Context): Promise<CentreView | null> {
    return account.centre ? loaders.centreByCode.load(account.centre.code) : null;
  }
}
