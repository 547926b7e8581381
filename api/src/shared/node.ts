import { Field, ID, InterfaceType } from 'type-graphql';

/** Where `node(id:)` puts the type of what it found: the views are plain rows, not class instances. */
export const NODE_TYPE = Symbol('node type');

@InterfaceType('Node', {
  description: 'An object with a globally unique, stable id (Relay Global Object Identification): fetch it again with node(id:).',
  resolveType: (value: { [NODE_TYPE]?: string }) => value[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique and stable; opaque. Localized documents have one per locale.' })
  id!: string;
}

/** A view as node(id:) answers it, marked with its GraphQL type. */
export function asNode<T extends object>(typeName: string, view: T | null): (T & { [NODE_TYPE]: string }) | null {
  return view && { ...view, [NODE_TYPE]: typeName };
}
