import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../api/src/db/mikro-orm.config';
import type { Reader } from '../../api/src/db/read';
import { createEditorialLoaders } from '../../api/src/modules/editorial/editorial.loaders';
import { listArticles } from '../../api/src/modules/editorial/editorial.service';

// A centre no seeded or CMS-published article features, so only this test's rows are listed.
const CENTRE = '530423105003-01';

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init(createOrmConfig({ databaseUrl: process.env.TEST_DATABASE_URL! }));
});
afterAll(() => orm.close(true));

/**
 * The rows are written in a transaction that is rolled back, so a reconcile pass running in
 * another test file never sees (or removes) them.
 */
async function withArticles(check: (read: Reader) => Promise<void>): Promise<void> {
  const rollback = new Error('rollback');
  await orm.em
    .fork()
    .transactional(async (em) => {
      const insert = (slug: string, publishedAt: string, publishedDate: string | null) =>
        em.getConnection().execute(
          `insert into editorial_showcase_article (document_id, locale, published_at, source_updated_at, slug, title, centre_codes, published_date)
         values (?, 'zh-Hans', ?, ?, ?, ?, ?::text[], ?)`,
          [`order-${slug}`, publishedAt, publishedAt, slug, `Article ${slug}`, `{${CENTRE}}`, publishedDate],
          'run',
          em.getTransactionContext(),
        );
      await insert('dated-2024', '2025-03-01T02:00:00Z', '2024-06-30');
      // Published without a date, just after midnight in China on 1 Dec 2025 (still 30 Nov in UTC).
      await insert('undated-2025', '2025-11-30T16:30:00Z', null);
      await insert('dated-2025-11', '2025-12-02T02:00:00Z', '2025-11-30');
      // Plain-row reads inside the transaction, so they see its rows.
      await check({ rows: (sql, params = []) => em.getConnection().execute(sql, [...params], 'all', em.getTransactionContext()), tag: () => undefined });
      throw rollback;
    })
    .catch((error) => {
      if (error !== rollback) throw error;
    });
}

describe('articles, newest first', () => {
  it('should list an article without a date by the day it was published in China, not last', async () => {
    await withArticles(async (read) => {
      const page = await listArticles(read, { centreCode: CENTRE, locale: 'zh-Hans', first: 10, offset: 0 });
      expect(page.items.map((article) => article.slug)).toEqual(['undated-2025', 'dated-2025-11', 'dated-2024']);
      const loaders = createEditorialLoaders(read, { batch: true });
      const viaCentre = (await loaders.articlesByCentreCode({ locale: 'zh-Hans', first: 10, offset: 0, withTotalCount: true }).load(CENTRE)).items;
      expect(viaCentre.map((article) => article.slug)).toEqual(['undated-2025', 'dated-2025-11', 'dated-2024']);
    });
  });
});
