import { Client } from 'pg';
import { descendantPattern, isWithin, subtreeSql, subtreeSqlOf } from '../../api/src/shared/region-subtree';

/**
 * The one subtree rule, asked the same questions in TypeScript and in PostgreSQL. The cases
 * are the boundaries a wrong spelling gets wrong: a sibling whose code starts with the root's
 * digits, the root itself, a parent, and LIKE wildcards in a path.
 */
const ROOT = '530000000000/530400000000';
const CASES: Array<[path: string, root: string, inside: boolean]> = [
  [ROOT, ROOT, true],
  [`${ROOT}/530402000000`, ROOT, true],
  [`${ROOT}/530402000000/530402001000`, ROOT, true],
  ['530000000000', ROOT, false],
  ['530000000000/530400000001', ROOT, false],
  ['530000000000/5304000000001/x', ROOT, false],
  ['530000000000/530500000000', ROOT, false],
  ['a_c/x', 'abc', false],
  ['abc/x', 'a_c', false],
  ['a%c/x', 'a%c', true],
  ['abcd/x', 'a%', false],
  ['', ROOT, false],
];

describe('region subtree rule', () => {
  it.each(CASES)('TypeScript: %s within %s → %s', (path, root, inside) => {
    expect(isWithin(path, root)).toBe(inside);
  });

  const databaseUrl = process.env.DATABASE_URL;
  (databaseUrl ? it : it.skip)('SQL (bound and computed root) agrees with TypeScript on every case', async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      for (const [path, root, inside] of CASES) {
        const bound = subtreeSql('$1::text', root);
        const boundSql = bound.sql
          .replace(/\$1::text/g, 'p.path')
          .replace('?', '$2')
          .replace('?', '$3');
        const computed = subtreeSqlOf('p.path', 'p.root');
        const { rows } = await client.query(`select ${boundSql} as bound, ${computed} as computed from (select $1::text as path, $4::text as root) p`, [
          path,
          ...bound.params,
          root,
        ]);
        expect([path, root, rows[0].bound, rows[0].computed]).toEqual([path, root, inside, inside]);
      }
    } finally {
      await client.end();
    }
  });

  it('escapes LIKE wildcards in the root', () => {
    expect(descendantPattern('a%_\\')).toBe('a\\%\\_\\\\/%');
  });
});
