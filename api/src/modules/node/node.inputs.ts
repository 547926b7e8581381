import { ArrayMaxSize } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

export const MAX_NODE_IDS = 100;

@ArgsType()
export class NodeArgs {
  @Field(() => ID, { description: 'A global id, as any `id` field gives it.' })
  id!: string;
}

@ArgsType()
export class NodesArgs {
  @Field(() => [ID], { description: `Global ids, at most ${MAX_NODE_IDS}.` })
  @ArrayMaxSize(MAX_NODE_IDS, { message: `$property may hold at most ${MAX_NODE_IDS} ids` })
  ids!: string[];
}
