import * as classValidator from 'class-validator';
import { ArgumentValidationError, type ResolverData } from 'type-graphql';
import { MAX_PAGE_SIZE, PageArgs } from '../../api/src/shared/pagination';
import { validateArgs } from '../../api/src/shared/validate-args';

function pageArgs(first: number): PageArgs {
  return Object.assign(new PageArgs(), { first });
}

/** What type-graphql hands the validator: one request is one context object. */
function request(): ResolverData {
  return { root: undefined, args: {}, context: {}, info: {} as ResolverData['info'] };
}

describe('argument validation (shared/validate-args.ts)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('should refuse a value outside the rules with the ArgumentValidationError format-error.ts maps to BAD_USER_INPUT', () => {
    expect(() => validateArgs(pageArgs(MAX_PAGE_SIZE + 1), PageArgs, request())).toThrow(ArgumentValidationError);
    let refusal: unknown;
    try {
      validateArgs(pageArgs(-1), PageArgs, request());
    } catch (error) {
      refusal = error;
    }
    const [problem] = (refusal as ArgumentValidationError).extensions.validationErrors as classValidator.ValidationError[];
    expect(problem).toMatchObject({ property: 'first', constraints: { min: 'first must be at least 0' } });
  });

  it('should check a value that repeats in one request once (showcaseArticles(first: 3) on every centre of a list)', () => {
    const spy = jest.spyOn(classValidator, 'validateSync');
    const data = request();
    for (let centre = 0; centre < 100; centre += 1) validateArgs(pageArgs(3), PageArgs, data);
    expect(spy).toHaveBeenCalledTimes(1);
    validateArgs(pageArgs(5), PageArgs, data);
    validateArgs(pageArgs(3), PageArgs, request());
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('should refuse a bad value every time it repeats, never remembering a failure as a pass', () => {
    const data = request();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(() => validateArgs(pageArgs(MAX_PAGE_SIZE + 1), PageArgs, data)).toThrow(ArgumentValidationError);
    }
  });

  it('should leave scalars and null to GraphQL, which has already typed them', () => {
    expect(() => validateArgs(null, PageArgs, request())).not.toThrow();
    expect(() => validateArgs('530402901000-01', String, request())).not.toThrow();
  });
});
