import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';

/**
 * The list tags an operation's answer carries: a field named in `listTags` (any depth,
 * fragments included) shows a list or lookup that a new record may change. Read from the
 * document once per request, instead of a middleware wrapped around every resolved field.
 */
export function listTagsOf(document: DocumentNode, operationName: string | null | undefined, listTags: Readonly<Record<string, string>>): Set<string> {
  const tags = new Set<string>();
  const fragments = new Map<string, SelectionSetNode>();
  let operation: SelectionSetNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
    if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName)) operation ??= definition.selectionSet;
  }
  const seen = new Set<SelectionSetNode>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    // A fragment spread many times is walked once: the cost stays linear in the document.
    if (!selectionSet || seen.has(selectionSet)) return;
    seen.add(selectionSet);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const tag = listTags[selection.name.value];
        if (tag) tags.add(tag);
        visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        visit(fragments.get(selection.name.value));
      }
    }
  };
  visit(operation);
  return tags;
}
