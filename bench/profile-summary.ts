import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Cell } from './report';

/**
 * Summarises a V8 CPU profile (.cpuprofile, as `npm run bench -- --profile` or `node --cpu-prof`
 * writes them) as markdown: self time by package and by function, and whether MikroORM
 * created entities (any sample with one of ENTITY_CREATION on its stack). With a window (the
 * monotonic µs of one bench cell) only that cell's samples count.
 *
 *   node dist/bench/profile-summary.js <file.cpuprofile>
 *   node dist/bench/profile-summary.js --cell api-cold/list [--scale 10] [--report .data/bench/latest.json] [--dir .data/bench/profiles]
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}
export interface Window {
  startUs: number;
  endUs: number;
}

/**
 * Where MikroORM turns rows into managed entities (@mikro-orm/core 6.6 dist: the factory, the
 * hydrator that calls the compiled per-entity hydrators, the unit of work's register and the
 * identity map, change-tracking snapshots and diffs, em.map/merge). The compiled functions
 * themselves are anonymous and have no file, so they are found through these callers.
 */
export const ENTITY_CREATION: Array<{ file: string; functions: string[] }> = [
  { file: '@mikro-orm/core/entity/EntityFactory.js', functions: ['create', 'createEntity', 'hydrate', 'mergeData', 'createReference'] },
  { file: '@mikro-orm/core/hydration/ObjectHydrator.js', functions: ['hydrate', 'hydrateReference'] },
  { file: '@mikro-orm/core/unit-of-work/UnitOfWork.js', functions: ['register', 'merge'] },
  { file: '@mikro-orm/core/unit-of-work/IdentityMap.js', functions: ['store'] },
  { file: '@mikro-orm/core/utils/EntityComparator.js', functions: ['prepareEntity', 'diffEntities'] },
  { file: '@mikro-orm/core/entity/EntityHelper.js', functions: ['ensurePropagation', 'propagate'] },
  { file: '@mikro-orm/core/entity/WrappedEntity.js', functions: ['WrappedEntity'] },
  { file: '@mikro-orm/core/EntityManager.js', functions: ['map', 'merge'] },
];

const NO_FILE_NAMES = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** Which package (or part of this repository) a frame's code belongs to. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return NO_FILE_NAMES.has(functionName) ? functionName : 'V8 built-ins and generated code (no file)';
  if (url.startsWith('node:')) return 'node built-ins (node:*)';
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules !== -1) {
    const [first, second] = url.slice(inModules + '/node_modules/'.length).split('/');
    return first!.startsWith('@') ? `${first}/${second}` : first!;
  }
  for (const part of ['api/src', 'bench', 'seeds']) if (url.includes(`/dist/${part}/`) || url.includes(`/${part}/`)) return `app: ${part}`;
  return 'other';
}

function markerOf({ url, functionName }: ProfileNode['callFrame']): string | null {
  for (const marker of ENTITY_CREATION) {
    if (url.endsWith(marker.file) && marker.functions.includes(functionName)) return `${marker.file.replace('@mikro-orm/core/', '').replace(/\.js$/, '')}.${functionName}`;
  }
  return null;
}

export function summariseProfile(profile: CpuProfile, { title, window }: { title: string; window?: Window }): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  // A sample lasts until the next one (as DevTools counts it).
  const self = new Map<number, number>();
  let time = profile.startTime;
  const times = profile.timeDeltas.map((delta) => (time += delta));
  profile.samples.forEach((nodeId, index) => {
    const at = times[index]!;
    if (window && (at < window.startUs || at > window.endUs)) return;
    const duration = (times[index + 1] ?? profile.endTime) - at;
    self.set(nodeId, (self.get(nodeId) ?? 0) + Math.max(0, duration));
  });

  let total = 0;
  let idle = 0;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, { ms: number; pkg: string }>();
  const byMarker = new Map<string, number>();
  let entityCreation = 0;
  for (const [nodeId, micros] of self) {
    const { callFrame } = byId.get(nodeId)!;
    total += micros;
    if (callFrame.functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const pkg = packageOf(callFrame.url, callFrame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
    const where = callFrame.url ? `${shortUrl(callFrame.url)}:${callFrame.lineNumber + 1}` : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, { ms: (byFunction.get(key)?.ms ?? 0) + micros, pkg });
    // Entity creation on the stack: each marker counted once per sample, the total once too.
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parentOf.get(id)) {
      const marker = markerOf(byId.get(id)!.callFrame);
      if (marker) seen.add(marker);
    }
    for (const marker of seen) byMarker.set(marker, (byMarker.get(marker) ?? 0) + micros);
    if (seen.size > 0) entityCreation += micros;
  }

  const busy = total - idle;
  const ms = (micros: number) => (micros / 1000).toFixed(0);
  const share = (micros: number) => (busy > 0 ? `${((100 * micros) / busy).toFixed(1)} %` : '–');
  const top = <V>(map: Map<string, V>, value: (v: V) => number, count: number) => [...map].sort((a, b) => value(b[1]) - value(a[1])).slice(0, count);
  const lines = [
    `### CPU profile: ${title}`,
    '',
    `${ms(total)} ms of samples${window ? " in the cell's measured window" : ''}, ${ms(idle)} ms idle, **${ms(busy)} ms busy**: the shares below are of busy time. ` +
      '(V8 samples wall-clock time: on a loaded box busy time includes waiting for a core, so compare shares, not milliseconds, between runs.)',
    '',
    entityCreation > 0
      ? `**MikroORM entity creation: present**, ${ms(entityCreation)} ms (${share(entityCreation)}) of samples have one of its functions on the stack.`
      : '**MikroORM entity creation: none** (no sample has any of its functions on the stack).',
    '',
  ];
  if (byMarker.size > 0) {
    lines.push('| MikroORM function on the stack | ms | share |', '|---|---:|---:|');
    for (const [marker, micros] of top(byMarker, (v) => v, 20)) lines.push(`| \`${marker}\` | ${ms(micros)} | ${share(micros)} |`);
    lines.push('');
  }
  lines.push('Self time by package:', '', '| package | ms | share |', '|---|---:|---:|');
  for (const [pkg, micros] of top(byPackage, (v) => v, 15)) lines.push(`| ${pkg} | ${ms(micros)} | ${share(micros)} |`);
  lines.push('', 'Self time by function (top 20):', '', '| function | package | ms | share |', '|---|---|---:|---:|');
  for (const [key, { ms: micros, pkg }] of top(byFunction, (v) => v.ms, 20)) lines.push(`| \`${key}\` | ${pkg} | ${ms(micros)} | ${share(micros)} |`);
  lines.push(
    '',
    `Markers of entity creation (\`@mikro-orm/core\`): ${ENTITY_CREATION.map((marker) => `${marker.file.replace('@mikro-orm/core/', '')} ${marker.functions.join(', ')}`).join('; ')}.`,
    '',
  );
  return lines.join('\n');
}

function shortUrl(url: string): string {
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules !== -1) return url.slice(inModules + '/node_modules/'.length);
  const inDist = url.indexOf('/dist/');
  return inDist !== -1 ? url.slice(inDist + '/dist/'.length) : url.replace(/^file:\/\//, '');
}

/** The newest profile written by process `pid` (V8 names them CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile). */
export function profileOfProcess(profileDir: string, pid: number): string | null {
  if (!existsSync(profileDir)) return null;
  const files = readdirSync(profileDir)
    .filter((file) => file.endsWith('.cpuprofile') && file.split('.')[3] === String(pid))
    .map((file) => path.join(profileDir, file));
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0] ?? null;
}

/** After a --profile run: the uncached List cells' samples (1× and the growth run's), into profile-list.md. */
export function summariseListProfiles({ profileDir, cells, outDir }: { profileDir: string; cells: Cell[]; outDir: string }): string[] {
  const sections = ['## CPU profiles of *List* uncached', ''];
  for (const cell of cells.filter((candidate) => candidate.contender.startsWith('api-cold') && candidate.workload === 'list')) {
    const file = profileOfProcess(profileDir, cell.pid);
    const title = `${cell.contender}, *List*${cell.scale > 1 ? ` at ×${cell.scale}` : ''}, ${cell.requests} answers (${file ? path.basename(file) : 'no profile found'})`;
    sections.push(file ? summariseProfile(readProfile(file), { title, window: cell.window }) : `### ${title}\n`);
  }
  const out = path.join(outDir, 'profile-list.md');
  writeFileSync(out, `${sections.join('\n')}\n`);
  return [out];
}

function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

function main(args: string[]): void {
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const cellName = option('--cell');
  if (!cellName) {
    const files = args.filter((arg) => arg.endsWith('.cpuprofile'));
    if (files.length === 0) throw new Error('usage: profile-summary <file.cpuprofile> | --cell <contender>/<workload> [--scale n] [--report latest.json] [--dir profiles]');
    for (const file of files) process.stdout.write(`${summariseProfile(readProfile(file), { title: path.basename(file) })}\n`);
    return;
  }
  const [contenderName, workload] = cellName.split('/');
  const scale = Number(option('--scale') ?? 1);
  const candidates = [option('--report'), path.join('.data', 'bench', 'latest.json'), path.join('bench', 'results', 'latest.json')].filter(
    (file): file is string => !!file && existsSync(file),
  );
  if (candidates.length === 0) throw new Error('no bench report found: pass --report <latest.json>');
  const { cells } = JSON.parse(readFileSync(candidates[0]!, 'utf8')) as { cells: Cell[] };
  // The growth run's contenders carry their scale in their name (api-cold-x10).
  const names = [contenderName, `${contenderName}-x${scale}`];
  const cell = cells.find((candidate) => names.includes(candidate.contender) && candidate.workload === workload && (candidate.scale ?? 1) === scale);
  if (!cell?.window) throw new Error(`${candidates[0]} has no cell ${cellName} at scale ${scale} with a measured window`);
  const file = args.find((arg) => arg.endsWith('.cpuprofile')) ?? profileOfProcess(option('--dir') ?? path.join('.data', 'bench', 'profiles'), cell.pid);
  if (!file) throw new Error(`no profile of process ${cell.pid} (run the bench with --profile)`);
  process.stdout.write(`${summariseProfile(readProfile(file), { title: `${cellName}${scale > 1 ? ` ×${scale}` : ''} (${path.basename(file)})`, window: cell.window })}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
