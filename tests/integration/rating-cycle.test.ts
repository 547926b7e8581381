import { ReportedFigure } from '../../api/src/modules/figure/reported-figure.entity';
import { signIn, STAFF, staffOperation } from '../helpers/staff';
import { createIsolatedTestApp, type TestApp } from '../helpers/test-app';

const GAOCANG = '530402901000-01';
const GAOLONGTAN = '530402999001-01';
const HONGTA = '530402';
const STATISTICS = `{ ratingStatistics(year: 2025, regionCode: "${HONGTA}") { totalRated } }`;

type Headers = Record<string, string>;
type Scores = Record<string, { score?: number; measuredValue?: number; notApplicable?: boolean; justification?: string; evidenceUrls?: string[] }>;

/** Full marks on every indicator the evaluator scores (DERIVED ones come from the figures). */
const FULL: Scores = {
  B1: { score: 8, evidenceUrls: ['https://example.org/photos/b1.jpg'] },
  B2: { score: 6 },
  B3: { score: 6, justification: '安全生产台账齐全，无责任事故' },
  P1: { measuredValue: 30 },
  P2: { score: 10, justification: '每月开展议事协商' },
  SP1: { measuredValue: 12 },
  PB1: { score: 10, evidenceUrls: ['https://example.org/agreements.pdf'] },
};

function scoresInput(scores: Scores) {
  return Object.entries(scores).map(([indicatorCode, value]) => ({ indicatorCode, ...value }));
}

describe('the annual rating cycle, run by a county through the documented operations', () => {
  let app: TestApp;
  let city: Headers;
  let hongta: Headers;
  let cycleId: string;

  const run = async (name: string, variables: Record<string, unknown>, headers: Headers) => app.gql(staffOperation(name), variables, headers);
  const submit = (headers: Headers, centreCode: string, stage: string, scores: Scores, extra: Record<string, unknown> = {}) =>
    run('submit-assessment', { input: { cycleId, centreCode, stage, scores: scoresInput(scores), ...extra } }, headers);
  const advance = (headers: Headers, to: string) => run('advance-rating-cycle', { cycleId, to }, headers);
  const errorOf = (result: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) => result.errors?.[0];
  const askStatistics = () => fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: STATISTICS }) });
  const countRows = async (table: string) => Number((await app.app.orm.em.getConnection().execute(`select count(*)::int as n from ${table}`))[0].n);

  beforeAll(async () => {
    app = await createIsolatedTestApp('rating_cycle');
    city = await signIn(app, STAFF.city);
    hongta = await signIn(app, STAFF.hongta);
    // What the centres' records say for 2025: 高仓 earns every derived point, 高龙潭 part of them.
    const em = app.app.orm.em.fork();
    const figure = (centre: string, key: string, value: number) =>
      em.create(ReportedFigure, { centre, year: 2025, key, label: key, value, unit: '', source: 'test record', isLowerBound: false, isCumulative: false });
    figure(GAOCANG, 'SATISFACTION_RATE', 98);
    figure(GAOCANG, 'TRAININGS_HELD', 376);
    figure(GAOCANG, 'TRAINING_ATTENDANCE', 17965);
    figure(GAOCANG, 'PEOPLE_SERVED', 4738);
    figure(GAOLONGTAN, 'SATISFACTION_RATE', 92);
    figure(GAOLONGTAN, 'TRAININGS_HELD', 25);
    figure(GAOLONGTAN, 'TRAINING_ATTENDANCE', 600);
    figure(GAOLONGTAN, 'PEOPLE_SERVED', 1500);
    await em.flush();
    // 高龙潭 also keeps its 2025 trainings as records: 30 closed sessions of 20 people each.
    // Records come before the reported figure, so its derived training values are 30 and 600.
    await em.getConnection().execute(
      `insert into activity (id, centre_code, kind, title, organiser, organiser_level, starts_at, status, attendance_count, closed_at)
       select 'cycle-test-' || n, ?, 'SKILLS_TRAINING', '业务技能培训 ' || n, '高龙潭社区', 'COMMUNITY', timestamptz '2025-03-01 09:00+08' + n * interval '1 day', 'CLOSED', 20, timestamptz '2025-03-01 12:00+08' + n * interval '1 day'
         from generate_series(1, 30) n`,
      [GAOLONGTAN],
    );
  });
  afterAll(() => app.stop());

  it('lets the city shorten the notice while the 2025 scheme is not frozen', async () => {
    const { data } = await app.gql(staffOperation('rating-scheme'), { year: 2025 });
    const scheme = data.ratingScheme;
    expect(scheme.frozenAt).toBeNull();
    const input = {
      year: 2025,
      name: scheme.name,
      threeStarMin: scheme.threeStarMin,
      fourStarMin: scheme.fourStarMin,
      fiveStarMin: scheme.fiveStarMin,
      noticeWorkingDays: 0,
      dimensions: scheme.dimensions.map((dimension: { key: string; name: string; maxScore: number }) => ({
        ...dimension,
        indicators: scheme.indicators
          .filter((indicator: { dimensionKey: string }) => indicator.dimensionKey === dimension.key)
          .map(({ dimensionKey: _key, ...indicator }: Record<string, unknown>) => ({ ...indicator, figureKey: indicator.figureKey ?? undefined })),
      })),
    };
    const saved = await app.gql('mutation($input: RatingSchemeInput!) { saveRatingScheme(input: $input) { noticeWorkingDays } }', { input }, city);
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveRatingScheme.noticeWorkingDays).toBe(0);
    // A county administrator may not change the scheme.
    const denied = await app.gql('mutation($input: RatingSchemeInput!) { saveRatingScheme(input: $input) { year } }', { input }, hongta);
    expect(errorOf(denied)!.extensions!.code).toBe('FORBIDDEN');
  });

  it('opens the county cycle; a county administrator elsewhere may not', async () => {
    const elsewhere = await run('open-rating-cycle', { year: 2025, regionCode: HONGTA }, await signIn(app, STAFF.chengjiang));
    expect(errorOf(elsewhere)!.extensions!.code).toBe('FORBIDDEN');
    const opened = await run('open-rating-cycle', { year: 2025, regionCode: HONGTA, idempotencyKey: 'open-hongta-2025' }, hongta);
    expect(opened.errors).toBeUndefined();
    expect(opened.data.openRatingCycle).toMatchObject({ year: 2025, stage: 'SETUP', nextStage: 'SELF_ASSESSMENT', region: { name: '红塔区' } });
    cycleId = opened.data.openRatingCycle.id;
    const retried = await run('open-rating-cycle', { year: 2025, regionCode: HONGTA, idempotencyKey: 'open-hongta-2025' }, hongta);
    expect(retried.data.openRatingCycle.id).toBe(cycleId);
  });

  it('refuses a stage out of order and an edit to the frozen scheme, writing nothing', async () => {
    const skipped = await advance(hongta, 'COUNTY_REVIEW');
    expect(errorOf(skipped)!.extensions).toMatchObject({ code: 'CONFLICT', cycleStage: 'SETUP' });
    expect((await advance(hongta, 'SELF_ASSESSMENT')).data.advanceRatingCycle.stage).toBe('SELF_ASSESSMENT');
    const { data } = await app.gql(staffOperation('rating-scheme'), { year: 2025 });
    expect(data.ratingScheme.frozenAt).not.toBeNull();
    const edit = await app.gql(
      'mutation($input: RatingSchemeInput!) { saveRatingScheme(input: $input) { year } }',
      {
        input: {
          year: 2025,
          name: 'x',
          threeStarMin: 1,
          fourStarMin: 2,
          fiveStarMin: 3,
          noticeWorkingDays: 1,
          dimensions: [{ key: 'A', name: 'a', maxScore: 100, indicators: [{ code: 'A1', name: 'a', maxScore: 1, rule: 'MET_UNMET' }] }],
        },
      },
      city,
    );
    expect(errorOf(edit)!.extensions!.code).toBe('CONFLICT');
    expect((await app.gql(staffOperation('rating-scheme'), { year: 2025 })).data.ratingScheme.indicators).toHaveLength(data.ratingScheme.indicators.length);
  });

  it('takes self-assessments from centre staff, and refuses bad scores with the argument named', async () => {
    const gaolongtan = await signIn(app, STAFF.gaolongtan);
    const before = await countRows('assessment');
    const tooHigh = await submit(gaolongtan, GAOLONGTAN, 'SELF', { ...FULL, B1: { score: 9, evidenceUrls: ['https://example.org/b1.jpg'] } });
    expect(errorOf(tooHigh)!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.scores[0].score' });
    expect(errorOf(tooHigh)!.message).toContain('8');
    const noJustification = await submit(gaolongtan, GAOLONGTAN, 'SELF', { ...FULL, B3: { score: 6 } });
    expect(errorOf(noJustification)!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.scores[2].justification' });
    const notTheirs = await submit(gaolongtan, GAOCANG, 'SELF', FULL);
    expect(errorOf(notTheirs)!.extensions!.code).toBe('FORBIDDEN');
    const tooEarly = await submit(hongta, GAOLONGTAN, 'COUNTY', FULL);
    expect(errorOf(tooEarly)!.extensions!.code).toBe('CONFLICT');
    expect(await countRows('assessment')).toBe(before);

    const self = await submit(gaolongtan, GAOLONGTAN, 'SELF', FULL);
    expect(self.errors).toBeUndefined();
    // 20 + 20 + 12 (satisfaction 92 %) + 6 + 5 (trainings) + 10 + 7 (people served) + 10 = 90.
    expect(self.data.submitAssessment).toMatchObject({ stage: 'SELF', totalScore: 90, stars: 5, isVetoed: false });
    const derived = self.data.submitAssessment.scores.find((score: { indicator: { code: string } }) => score.indicator.code === 'E1');
    expect(derived).toMatchObject({ measuredValue: 30, score: 6 });
    expect(derived.snapshot).toMatchObject({ figureKey: 'TRAININGS_HELD', value: 30, source: 'RECORDS' });
    const satisfaction = self.data.submitAssessment.scores.find((score: { indicator: { code: string } }) => score.indicator.code === 'S1');
    expect(satisfaction.snapshot).toMatchObject({ figureKey: 'SATISFACTION_RATE', value: 92, source: 'REPORTED_FIGURE' });
    expect((await submit(hongta, GAOCANG, 'SELF', FULL)).data.submitAssessment.totalScore).toBe(100);
  });

  it('has the county review each candidate, with deviations from the self-assessment visible', async () => {
    expect((await advance(hongta, 'COUNTY_REVIEW')).data.advanceRatingCycle.stage).toBe('COUNTY_REVIEW');
    const evaluator = await signIn(app, STAFF.evaluator);
    const unassigned = await submit(evaluator, GAOLONGTAN, 'COUNTY', FULL);
    expect(errorOf(unassigned)!.extensions!.code).toBe('FORBIDDEN');
    expect((await run('assign-evaluator', { cycleId, centreCode: GAOLONGTAN, evaluatorEmail: STAFF.evaluator }, hongta)).errors).toBeUndefined();
    const review = await submit(evaluator, GAOLONGTAN, 'COUNTY', { ...FULL, B1: { score: 6, evidenceUrls: ['https://example.org/b1.jpg'] } });
    expect(review.errors).toBeUndefined();
    expect(review.data.submitAssessment).toMatchObject({ totalScore: 88, stars: 4 });
    expect(review.data.submitAssessment.deviations.find((row: { indicator: { code: string } }) => row.indicator.code === 'B1')).toMatchObject({
      selfScore: 8,
      score: 6,
      difference: -2,
    });
    // The evaluator was assigned to 高龙潭 only.
    expect(errorOf(await submit(evaluator, GAOCANG, 'COUNTY', FULL))!.extensions!.code).toBe('FORBIDDEN');
    expect((await submit(hongta, GAOCANG, 'COUNTY', FULL)).data.submitAssessment.stars).toBe(5);
    expect((await advance(hongta, 'CITY_RATING')).data.advanceRatingCycle.stage).toBe('CITY_RATING');
    expect(errorOf(await advance(hongta, 'PUBLIC_NOTICE'))!.extensions!.code).toBe('FORBIDDEN');
  });

  it('lets only a county five-star become a city five-star', async () => {
    const refused = await submit(city, GAOLONGTAN, 'CITY', FULL, { tier: 'CITY' });
    expect(errorOf(refused)!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.tier' });
    expect(errorOf(refused)!.message).toContain('county five-star');
    expect((await submit(city, GAOLONGTAN, 'CITY', { ...FULL, B1: { score: 6, evidenceUrls: ['https://example.org/b1.jpg'] } })).data.submitAssessment).toMatchObject({
      stars: 4,
      tier: 'COUNTY',
    });
    const gaocang = await submit(city, GAOCANG, 'CITY', FULL, { tier: 'CITY' });
    expect(gaocang.data.submitAssessment).toMatchObject({ stars: 5, tier: 'CITY', totalScore: 100 });
    // Records edited after the submission do not change the submitted score.
    await app.app.orm.em.fork().nativeUpdate(ReportedFigure, { centre: GAOCANG, year: 2025, key: 'TRAININGS_HELD' }, { value: 1 });
  });

  it('holds publication while an objection is open; the city resolves it and overrides with a reason', async () => {
    expect((await advance(city, 'PUBLIC_NOTICE')).data.advanceRatingCycle).toMatchObject({ stage: 'PUBLIC_NOTICE' });
    // Cached now; publishing must purge it.
    const statistics = await askStatistics();
    expect((await statistics.json()).data.ratingStatistics.totalRated).toBe(0);
    expect((await askStatistics()).headers.get('x-cache')).toBe('HIT');
    const publicNotice = await app.gql(staffOperation('rating-cycle').replace(/assessments \{[\s\S]*?\n    \}\n    objections \{[^}]*\}\n/, ''), { year: 2025 });
    const hongtaCycle = publicNotice.data.ratingCycles.find((cycle: { id: string }) => cycle.id === cycleId);
    expect(hongtaCycle.notice).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ centre: expect.objectContaining({ code: GAOCANG }), stars: 5, tier: 'CITY' }),
        expect.objectContaining({ centre: expect.objectContaining({ code: GAOLONGTAN }), stars: 4 }),
      ]),
    );
    const gaolongtan = await signIn(app, STAFF.gaolongtan);
    const objection = await run('lodge-objection', { input: { cycleId, centreCode: GAOLONGTAN, text: '复评扣分依据不足，阵地标识已整改', contact: '13800000000' } }, gaolongtan);
    expect(objection.errors).toBeUndefined();
    expect(errorOf(await advance(city, 'PUBLISHED'))!.extensions!.code).toBe('CONFLICT');
    const resolved = await run('resolve-objection', { id: objection.data.lodgeObjection.id, upheld: true, resolution: '经复核，标识已整改，改评五星' }, city);
    expect(resolved.data.resolveObjection.status).toBe('UPHELD');
    const noReason = await run('override-rating', { input: { cycleId, centreCode: GAOLONGTAN, stars: 5, reason: '' } }, city);
    expect(errorOf(noReason)!.extensions!.code).toBe('BAD_USER_INPUT');
    const overridden = await run('override-rating', { input: { cycleId, centreCode: GAOLONGTAN, stars: 5, reason: '异议成立，经复核改评五星' } }, city);
    expect(overridden.data.overrideRating).toMatchObject({ stars: 4, overrideStars: 5, overrideTier: 'COUNTY' });
    expect((await advance(city, 'PUBLISHED')).data.advanceRatingCycle.stage).toBe('PUBLISHED');
  });

  it('publishes results that show on the centres and in the statistics', async () => {
    const statistics = await askStatistics();
    expect(statistics.headers.get('x-cache')).toBe('MISS');
    expect((await statistics.json()).data.ratingStatistics.totalRated).toBe(2);
    const { data } = await app.gql(`{
      gaocang: centre(code: "${GAOCANG}") { currentRating { year stars tier totalScore achievedOn lostOn } }
      gaolongtan: centre(code: "${GAOLONGTAN}") { rating(year: 2025) { stars tier } ratingHistory { year stars } }
      ratingStatistics(year: 2025, regionCode: "${HONGTA}") { countyFiveStar countyFourStar cityFiveStar totalRated }
    }`);
    expect(data.gaocang.currentRating).toMatchObject({ year: 2025, stars: 5, tier: 'CITY', totalScore: 100, lostOn: null });
    expect(data.gaocang.currentRating.achievedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.gaolongtan.rating).toEqual({ stars: 5, tier: 'COUNTY' });
    expect(data.ratingStatistics).toEqual({ countyFiveStar: 2, countyFourStar: 0, cityFiveStar: 1, totalRated: 2 });
  });

  it('records every write in the audit log, readable by the county for its own centres', async () => {
    const { data } = await run('audit-log', { first: 100 }, hongta);
    const actions = data.auditLog.edges.map((edge: { node: { action: string } }) => edge.node.action);
    for (const action of ['openRatingCycle', 'advanceRatingCycle', 'assignEvaluator', 'submitAssessment', 'overrideRating', 'lodgeObjection', 'resolveObjection']) {
      expect(actions).toContain(action);
    }
    const override = data.auditLog.edges.find((edge: { node: { action: string } }) => edge.node.action === 'overrideRating').node;
    expect(override).toMatchObject({ actorEmail: STAFF.city, actorRole: 'CITY_ADMIN', before: { stars: 4 }, after: { stars: 5, reason: '异议成立，经复核改评五星' } });
    // 澄江市 sees none of 红塔区's writes.
    const chengjiang = await run('audit-log', { first: 100 }, await signIn(app, STAFF.chengjiang));
    expect(chengjiang.data.auditLog.totalCount).toBe(0);
  });
});
