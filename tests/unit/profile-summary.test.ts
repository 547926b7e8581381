import { packageOf, summariseProfile } from '../../bench/profile-summary';

const CORE = 'file:///repo/node_modules/@mikro-orm/core';

/** root → graphql execute → (EntityFactory.create → compiled hydrator) and → app resolver; plus idle. */
function profile() {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0, columnNumber: 0, scriptId: '0' });
  return {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 6] },
      { id: 2, callFrame: frame('execute', 'file:///repo/node_modules/graphql/execution/execute.js'), children: [3, 5] },
      { id: 3, callFrame: frame('create', `${CORE}/entity/EntityFactory.js`), children: [4] },
      { id: 4, callFrame: frame('', '') },
      { id: 5, callFrame: frame('listCentres', 'file:///repo/dist/api/src/modules/centre/centre.service.js') },
      { id: 6, callFrame: frame('(idle)', '') },
    ],
    startTime: 1_000,
    // Samples at 1,010 … 1,060 µs; each lasts until the next (the last until endTime).
    samples: [4, 4, 3, 5, 6, 2],
    timeDeltas: [10, 10, 10, 10, 10, 10],
    endTime: 1_070,
  };
}

describe('bench/profile-summary', () => {
  it('should name the package of a frame', () => {
    expect(packageOf(`${CORE}/entity/EntityFactory.js`, 'create')).toBe('@mikro-orm/core');
    expect(packageOf('file:///repo/node_modules/pg/lib/result.js', 'parseRow')).toBe('pg');
    expect(packageOf('file:///repo/dist/api/src/app.js', 'x')).toBe('app: api/src');
    expect(packageOf('node:internal/streams/writable', 'write')).toBe('node built-ins (node:*)');
    expect(packageOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(packageOf('', '')).toBe('V8 built-ins and generated code (no file)');
  });

  it('should count entity creation through its callers, even when the compiled hydrator has no name or file', () => {
    const markdown = summariseProfile(profile(), { title: 't' });
    // Busy: 5 samples × 10 µs (the idle one is left out); entity creation: the 3 under EntityFactory.create.
    expect(markdown).toContain('**MikroORM entity creation: present**, 0 ms (60.0 %)');
    expect(markdown).toContain('| `entity/EntityFactory.create` | 0 | 60.0 % |');
    expect(markdown).toMatch(/\| @mikro-orm\/core \| 0 \| 20\.0 % \|/);
    expect(markdown).toMatch(/\| V8 built-ins and generated code \(no file\) \| 0 \| 40\.0 % \|/);
  });

  it('should keep only the samples of a window, and say none when no marker is on their stacks', () => {
    const markdown = summariseProfile(profile(), { title: 't', window: { startUs: 1_035, endUs: 1_065 } });
    expect(markdown).toContain('**MikroORM entity creation: none**');
    expect(markdown).toMatch(/\| app: api\/src \| 0 \| 50\.0 % \|/);
  });
});
