import { defineModule } from '../module';
import { PointsAccount, PointsMovement, PointsRedemption, PointsRule, PointsTransfer, RewardItem } from './points.entity';
import { ResidentPointsResolver } from './points.resolver';
import { PointsStaffResolver } from './staff.resolver';

// No list tags: no answer about points is cached (balances and stock change with every write; residents' answers are personal).
export const pointsModule = defineModule({
  name: 'points',
  entities: [PointsAccount, PointsTransfer, PointsMovement, PointsRule, RewardItem, PointsRedemption],
  resolvers: [ResidentPointsResolver, PointsStaffResolver],
});
