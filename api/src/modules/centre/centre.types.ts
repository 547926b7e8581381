import { ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { Centre } from './centre.entity';

@ObjectType({ description: 'A page of centres.' })
export class CentreConnection extends Connection(Centre, 'Centre') {}
