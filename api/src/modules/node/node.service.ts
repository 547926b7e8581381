import type { Context } from '../../context';
import { parseGlobalId } from '../../shared/global-id';
import { asNode, type NODE_TYPE } from '../../shared/node';

/**
 * The object a global id names, read as its own root query reads it (a key limited to a region
 * finds nothing outside it), or null: an id this API did not issue, of a type that is not a
 * Node, or of an object that is gone. A null answer is tagged so that the object's appearance
 * purges it.
 */
export async function findNode(id: string, context: Context): Promise<(object & { [NODE_TYPE]: string }) | null> {
  const parsed = parseGlobalId(id);
  const source = parsed && context.nodeSources[parsed.typeName];
  if (!parsed || !source) return null;
  const found = asNode(parsed.typeName, await source.load(parsed.key, context));
  if (!found && source.missingTag) context.read.tag(source.missingTag);
  return found;
}
