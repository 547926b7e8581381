import { badInput } from '../errors/app-error';

/** For each status, the statuses it may move to; an empty list marks a final status. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** Throws a BAD_USER_INPUT naming `argument` unless `table` allows `from` → `to`. */
export function assertTransition<S extends string>(table: TransitionTable<S>, what: string, from: S, to: S, argument = 'status'): void {
  if (table[from].includes(to)) return;
  const allowed = table[from].length > 0 ? `it may move to ${table[from].join(', ')}` : `${from} is final`;
  throw badInput(argument, `cannot move ${what} from ${from} to ${to}: ${allowed}.`);
}
