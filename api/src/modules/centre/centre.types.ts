import { ObjectType } from 'type-graphql';
import { Connection } from '../../shared/pagination';
import { CentreView } from './centre.view';

@ObjectType({ simpleResolvers: true, description: 'A page of centres.' })
export class CentreConnection extends Connection(CentreView, 'Centre') {}
