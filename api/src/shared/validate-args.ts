import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

/**
 * Argument validation with class-validator, as type-graphql's `validate: true` does it (same
 * options, same ArgumentValidationError, so format-error.ts answers as before), without two
 * costs it has on a 100-centre list: type-graphql `require`s class-validator and copies its
 * exports on every argument it checks, and `showcaseArticles(first: 3)` is checked once per
 * centre. Here class-validator is imported once, its rules run synchronously (the one custom
 * rule, calendar-date.ts, is synchronous), and one request checks each distinct argument value
 * of each type once: a value that passed passes again.
 */
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

/** Per request (its context object): argument type → the JSON of the values that passed. */
const passedByRequest = new WeakMap<object, Map<unknown, Set<string>>>();

export const validateArgs: ValidatorFn = (argValue: unknown, argType, { context }) => {
  if (argValue === null || typeof argValue !== 'object') return;
  let passedByType = passedByRequest.get(context);
  if (!passedByType) passedByRequest.set(context, (passedByType = new Map()));
  let passed = passedByType.get(argType);
  if (!passed) passedByType.set(argType, (passed = new Set()));
  const key = JSON.stringify(argValue);
  if (passed.has(key)) return;
  const values: object[] = Array.isArray(argValue) ? argValue.filter((item): item is object => item !== null && typeof item === 'object') : [argValue];
  for (const value of values) {
    const errors: ValidationError[] = validateSync(value, OPTIONS);
    if (errors.length > 0) throw new ArgumentValidationError(errors);
  }
  passed.add(key);
};
