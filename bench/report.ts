import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './measure';
import type { BenchSeedSummary } from './seed-cms';

export interface Cell extends LoadResult {
  contender: string;
  workload: string;
  bytes: number;
  connections: number;
  overallRate: number | null;
}

export interface ReportInput {
  dir: string;
  mode: 'quick' | 'full';
  timing: { warmupRequests: number; warmupSeconds: number; seconds: number; minAnswers: number };
  machine: Record<string, string | number>;
  seed: BenchSeedSummary;
  content: string;
  cells: Cell[];
  durationSeconds: number;
}

/** Writes latest.json (every number) and latest.md (tables, ratios, targets) into dir. */
export function writeReport(input: ReportInput): string[] {
  mkdirSync(input.dir, { recursive: true });
  const json = path.join(input.dir, 'latest.json');
  const markdown = path.join(input.dir, 'latest.md');
  writeFileSync(json, `${JSON.stringify(input, null, 2)}\n`);
  writeFileSync(markdown, renderMarkdown(input));
  return [json, markdown];
}

function renderMarkdown({ mode, timing, machine, seed, content, cells, durationSeconds }: ReportInput): string {
  const find = (contender: string, workload: string) => cells.find((cell) => cell.contender === contender && cell.workload === workload);
  const rps = (contender: string, workload: string) => find(contender, workload)?.rps ?? NaN;
  const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const fixed = (value: number | null, digits = 1) => (value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits));

  const lines: string[] = [];
  lines.push(`## Run of ${machine.date} (${mode})`, '');
  lines.push(
    `Machine: ${machine.cpu}, ${machine.nproc} cores, ${machine.memoryGb} GB, Linux ${machine.kernel}; Node ${machine.node}; PostgreSQL ${machine.postgres}.`,
    `The load generator (autocannon, in the bench's own process) shares the cores with every contender and PostgreSQL.`,
    `Each cell: one request alone, a warm-up of ${timing.warmupRequests} requests plus ${timing.warmupSeconds} s (discarded), then ${timing.seconds} s measured, or ${timing.minAnswers} answers for a contender too slow to give ${timing.minAnswers} in that time; closed loop with ${cells[0]?.connections ?? 10} connections unless a rate is given. Every answer is checked (status, no \`errors\`, content markers). Whole run: ${durationSeconds} s.`,
    `Data: ${seed.centres} centres, ${seed.profiles} published profiles, ${seed.programmes} brand programmes, ${seed.articles} showcase articles, the same in Strapi and in the API's read model.`,
    `Content check before measuring: ${content}.`,
    '',
    '| contender | workload | req/s | p50 ms | p95 ms | p99 ms | body bytes | SQL/req | Strapi calls/req | RSS mean / max MB | answers | wrong answers | load avg |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const cell of cells) {
    const workload = cell.overallRate ? `${cell.workload} @ ${cell.overallRate}/s (body: the List's)` : cell.workload;
    lines.push(
      `| ${cell.contender} | ${workload} | ${fixed(cell.rps)} | ${fixed(cell.p50, 0)} | ${fixed(cell.p95, 0)} | ${fixed(cell.p99, 0)} | ${cell.bytes.toLocaleString('en')} | ${fixed(cell.sqlPerRequest, 2)} | ${fixed(cell.strapiCallsPerRequest, 2)} | ${cell.rssMeanMb.toFixed(0)} / ${cell.rssMaxMb.toFixed(0)} | ${cell.requests} in ${cell.seconds.toFixed(0)} s | ${cell.wrongBodies + cell.non2xx + cell.errors} | ${cell.loadAverage.toFixed(1)} |`,
    );
  }

  const cold = rps('api-cold', 'list');
  const cached = rps('api-cached', 'list');
  lines.push('', '### Ratios (List, same run)', '', '| ratio | value | target |', '|---|---:|---:|');
  const targets: Array<[string, number, number | null]> = [
    ['API cold ÷ API without DataLoaders', cold / rps('api-no-loaders', 'list'), 10],
    ['API cold ÷ Strapi GraphQL (editorial half)', cold / rps('strapi-graphql', 'list (editorial)'), 50],
    ['API cold ÷ Strapi REST + populate (editorial half)', cold / rps('strapi-rest', 'list (editorial, REST)'), 5],
    ['API cold ÷ one-SQL json_agg ceiling', cold / rps('one-sql-json-agg', 'list'), 0.5],
    ['API cached ÷ pre-serialised node:http ceiling', cached / rps('node-http-static', 'list'), 0.7],
    ['API cached ÷ Strapi GraphQL (editorial half)', cached / rps('strapi-graphql', 'list (editorial)'), null],
    ['API cached ÷ Strapi REST (editorial half)', cached / rps('strapi-rest', 'list (editorial, REST)'), null],
    ['API cold ÷ pre-serialised node:http ceiling', cold / rps('node-http-static', 'list'), null],
  ];
  for (const [name, value, target] of targets) {
    const verdict = target === null ? '' : value >= target ? ` (met: ≥ ${target}×)` : ` (**not met**: ≥ ${target}×)`;
    lines.push(`| ${name} | ${ratio(value, 1)} | ${target === null ? '–' : `≥ ${target}×`}${verdict} |`);
  }
  lines.push('', '### Ratios (Deep, same run)', '', '| ratio | value |', '|---|---:|');
  lines.push(`| API cold ÷ Strapi GraphQL (editorial half) | ${ratio(rps('api-cold', 'deep'), rps('strapi-graphql', 'deep (editorial)'))} |`);
  lines.push(`| API cold ÷ Strapi REST (editorial half) | ${ratio(rps('api-cold', 'deep'), rps('strapi-rest', 'deep (editorial, REST)'))} |`);
  lines.push(`| API cold ÷ API without DataLoaders | ${ratio(rps('api-cold', 'deep'), rps('api-no-loaders', 'deep'))} |`);

  const listSql = find('api-cold', 'list')?.sqlPerRequest ?? NaN;
  const mixed = find('api-cached', 'mixed');
  lines.push('', '### Other targets', '', '| target | measured | |', '|---|---:|---|');
  lines.push(`| SQL statements per List request ≤ 8 | ${fixed(listSql, 2)} | ${listSql <= 8 ? 'met' : '**not met**'} |`);
  if (mixed) {
    const isMet = mixed.p99 < 100 && mixed.wrongBodies + mixed.non2xx + mixed.errors === 0 && mixed.rps >= 0.95 * (mixed.overallRate ?? 0);
    lines.push(`| Mixed at ${mixed.overallRate}/s (cached API): p99 < 100 ms, zero errors | ${fixed(mixed.rps)} req/s, p99 ${fixed(mixed.p99, 0)} ms, ${mixed.wrongBodies + mixed.non2xx + mixed.errors} wrong | ${isMet ? 'met' : '**not met**'} |`);
    lines.push(`| RSS of the API under Mixed < 300 MB | max ${mixed.rssMaxMb.toFixed(0)} MB | ${mixed.rssMaxMb < 300 ? 'met' : '**not met**'} |`);
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}
