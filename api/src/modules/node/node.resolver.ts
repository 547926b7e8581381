import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Node } from '../../shared/node';
import { NodeArgs, NodesArgs } from './node.inputs';
import { findNode } from './node.service';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'The object with this global id; null when none has it (Relay Global Object Identification).' })
  node(@Args() { id }: NodeArgs, @Ctx() context: Context) {
    return findNode(id, context);
  }

  @Query(() => [Node], { nullable: 'items', description: 'The objects with these global ids, in the same order; null for each id no object has.' })
  nodes(@Args() { ids }: NodesArgs, @Ctx() context: Context) {
    return Promise.all(ids.map((id) => findNode(id, context)));
  }
}
