import { ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { Activity } from './activity.entity';

@ObjectType({ description: 'A page of activities, by start time.' })
export class ActivityConnection extends Connection(Activity, 'Activity') {}
