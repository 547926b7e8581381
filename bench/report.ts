import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GrowthSummary } from './growth';
import type { LoadResult } from './measure';
import { qualityBars } from './quality-bars';
import type { BenchSeedSummary } from './seed-cms';

export interface Cell extends LoadResult {
  contender: string;
  workload: string;
  /** 1, or n for the growth run's cells (--scale n: n times the data). */
  scale: number;
  /** The contender's process: its CPU profile (--profile) is named after it. */
  pid: number;
  bytes: number;
  /** Bytes of the answer's status line and headers (Surrogate-Key grows with the documents shown). */
  headBytes: number;
  /** SQL statements of the one request sent alone before the warm-up (exact; null when the cell mixes requests). */
  sqlAlone: number | null;
  connections: number;
  overallRate: number | null;
}

export interface ReportInput {
  dir: string;
  mode: 'quick' | 'full';
  timing: { warmupRequests: number; warmupSeconds: number; seconds: number; minAnswers: number };
  machine: Record<string, string | number>;
  seed: BenchSeedSummary;
  /** The growth run (--scale n), or null when it did not run. */
  growth: GrowthSummary | null;
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

function renderMarkdown({ mode, timing, machine, seed, growth, content, cells, durationSeconds }: ReportInput): string {
  const find = (contender: string, workload: string) => cells.find((cell) => cell.contender === contender && cell.workload === workload && cell.scale === 1);
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
    ...(growth
      ? [
          `Growth run (×${growth.scale}, its own databases, measured after the 1× cells with the 1× processes stopped): ${growth.seed.centres} centres, ${growth.seed.profiles} profiles, ${growth.seed.programmes} brand programmes, ${growth.seed.articles} showcase articles, filled into the API's read model by Strapi as at 1× (${growth.reconciled ? `this run: reconcile ${growth.reconciled.upserted} upserted, ${growth.reconciled.unchanged} unchanged` : 'by an earlier run'}; it holds ${growth.readModel.profiles} profiles, ${growth.readModel.programmes} programmes, ${growth.readModel.articles} articles).`,
        ]
      : []),
    `Content check before measuring: ${content}.`,
    '',
    '| contender | workload | req/s | p50 ms | p95 ms | p99 ms | body bytes | SQL/req | Strapi calls/req | CPU ms/answer | RSS mean / max MB | answers | wrong answers | load avg |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const cell of cells) {
    const workload = cell.overallRate ? `${cell.workload} @ ${cell.overallRate}/s (body: the List's)` : cell.scale > 1 ? `${cell.workload} (×${cell.scale} data)` : cell.workload;
    lines.push(
      `| ${cell.contender} | ${workload} | ${fixed(cell.rps)} | ${fixed(cell.p50, 0)} | ${fixed(cell.p95, 0)} | ${fixed(cell.p99, 0)} | ${cell.bytes.toLocaleString('en')} | ${fixed(cell.sqlPerRequest, 2)} | ${fixed(cell.strapiCallsPerRequest, 2)} | ${fixed(cell.cpuMsPerAnswer)} | ${cell.rssMeanMb.toFixed(0)} / ${cell.rssMaxMb.toFixed(0)} | ${cell.requests} in ${cell.seconds.toFixed(0)} s | ${cell.wrongBodies + cell.non2xx + cell.errors} | ${cell.loadAverage.toFixed(1)} |`,
    );
  }

  lines.push('', ...qualityBars(cells, growth?.scale ?? null));

  const cold = rps('api-cold', 'list');
  const cached = rps('api-cached', 'list');
  lines.push('', '### Ratios (List, same run)', '', '| ratio | value | target (issue #7) |', '|---|---:|---:|');
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

  lines.push('');
  return `${lines.join('\n')}\n`;
}
