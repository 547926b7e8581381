import { GROWTH_WORKLOADS } from './growth';
import { NODE_DEFAULT_MAX_HEADER_BYTES } from './http';
import type { Cell } from './report';

/**
 * The quality bars of issue #14, each with what this run measured and pass or fail, as
 * markdown lines. Ratios within one run are what the bars ask for: on a shared box the
 * absolute numbers move with the load, the ratios much less.
 */

type Verdict = 'pass' | 'fail' | 'not measured';
interface Bar {
  bar: string;
  measured: string;
  value: string;
  target: string;
  verdict: Verdict;
}

/** Within 20 % of the 1× figure: the 10× run may be at most 20 % slower. */
const GROWTH_MIN_RATIO = 0.8;

export function qualityBars(cells: Cell[], growthScale: number | null): string[] {
  const find = (contender: string, workload: string, scale = 1) => cells.find((cell) => cell.contender === contender && cell.workload === workload && cell.scale === scale);
  const bars: Bar[] = [];
  const ratioBar = (bar: string, a: Cell | undefined, b: Cell | undefined, target: number) => {
    const isMeasured = a !== undefined && b !== undefined && b.rps > 0;
    const value = isMeasured ? a.rps / b.rps : NaN;
    bars.push({
      bar,
      measured: isMeasured ? `${a.rps.toFixed(1)} vs ${b.rps.toFixed(1)} req/s` : '–',
      value: isMeasured ? `${value.toFixed(2)}×` : '–',
      target: `≥ ${target}×`,
      verdict: verdictOf(isMeasured, value >= target),
    });
  };

  const cold = find('api-cold', 'list');
  ratioBar('*List* uncached ÷ one-SQL ceiling', cold, find('one-sql-json-agg', 'list'), 0.5);
  ratioBar('*List* uncached ÷ Strapi REST (editorial half)', cold, find('strapi-rest', 'list (editorial, REST)'), 2);
  ratioBar('*Deep* uncached ÷ Strapi REST (editorial half)', find('api-cold', 'deep'), find('strapi-rest', 'deep (editorial, REST)'), 1.5);
  ratioBar('*List* cached ÷ static `node:http` ceiling', find('api-cached', 'list'), find('node-http-static', 'list'), 0.7);

  const sqlAlone = cold?.sqlAlone ?? null;
  bars.push({
    bar: '*List* SQL statements per request',
    measured: cold ? `${sqlAlone ?? '–'} alone, ${cold.sqlPerRequest?.toFixed(2) ?? '–'} per answer under load` : '–',
    value: sqlAlone === null ? '–' : String(sqlAlone),
    target: '≤ 8',
    verdict: verdictOf(sqlAlone !== null, (sqlAlone ?? Infinity) <= 8),
  });

  const mixed = find('api-cached', 'mixed');
  const rate = mixed?.overallRate ?? 200;
  const wrong = mixed ? mixed.wrongBodies + mixed.non2xx + mixed.errors : NaN;
  bars.push(
    {
      bar: `*Mixed* (cached API): ${rate} req/s served`,
      measured: mixed ? `${mixed.rps.toFixed(1)} req/s` : '–',
      value: mixed ? `${((100 * mixed.rps) / rate).toFixed(0)} %` : '–',
      target: '≥ 95 % of the rate',
      verdict: verdictOf(!!mixed, !!mixed && mixed.rps >= 0.95 * rate),
    },
    {
      bar: `*Mixed* at ${rate} req/s: p99`,
      measured: mixed ? `${mixed.p99.toFixed(0)} ms` : '–',
      value: mixed ? `${mixed.p99.toFixed(0)} ms` : '–',
      target: '< 100 ms',
      verdict: verdictOf(!!mixed, !!mixed && mixed.p99 < 100),
    },
    {
      bar: `*Mixed* at ${rate} req/s: errors`,
      measured: mixed ? `${wrong} of ${mixed.requests}` : '–',
      value: mixed ? String(wrong) : '–',
      target: '0',
      verdict: verdictOf(!!mixed, wrong === 0),
    },
    {
      bar: `*Mixed* at ${rate} req/s: RSS of the API`,
      measured: mixed ? `max ${mixed.rssMaxMb.toFixed(0)} MB` : '–',
      value: mixed ? `${mixed.rssMaxMb.toFixed(0)} MB` : '–',
      target: '< 300 MB',
      verdict: verdictOf(!!mixed, !!mixed && mixed.rssMaxMb < 300),
    },
  );

  const growthRows: string[] = [];
  for (const workload of GROWTH_WORKLOADS) {
    // The growth run measures its own 1× cell beside the n× one (api-cold-x1); the main 1× cell otherwise.
    const one = cells.find((cell) => cell.contender === 'api-cold-x1' && cell.workload === workload) ?? find('api-cold', workload);
    const many = growthScale ? find(`api-cold-x${growthScale}`, workload, growthScale) : undefined;
    const name = workload === 'list' ? '*List*' : '*Deep*';
    const isMeasured = !!one && !!many;
    const speed = isMeasured ? many.rps / one.rps : NaN;
    bars.push({
      bar: `Growth: ${name} uncached at ×${growthScale ?? 10} ÷ 1×`,
      measured: isMeasured ? `${many.rps.toFixed(1)} vs ${one.rps.toFixed(1)} req/s` : 'run with `--scale 10`',
      value: isMeasured ? `${speed.toFixed(2)}×` : '–',
      target: `≥ ${GROWTH_MIN_RATIO}× (within 20 %)`,
      verdict: verdictOf(isMeasured, speed >= GROWTH_MIN_RATIO),
    });
    const isCounted = isMeasured && one.sqlAlone !== null && many.sqlAlone !== null;
    bars.push({
      bar: `Growth: ${name} SQL statements per request at ×${growthScale ?? 10} and 1×`,
      measured: isCounted ? `${many.sqlAlone} and ${one.sqlAlone} alone; ${many.sqlPerRequest?.toFixed(2)} and ${one.sqlPerRequest?.toFixed(2)} per answer under load` : '–',
      value: isCounted ? `${many.sqlAlone} / ${one.sqlAlone}` : '–',
      target: 'equal',
      verdict: verdictOf(isCounted, isCounted && many.sqlAlone === one.sqlAlone),
    });
    if (isMeasured) {
      growthRows.push(
        `| ${name} | ${one.rps.toFixed(1)} | ${many.rps.toFixed(1)} | ${speed.toFixed(2)}× | ${one.p50.toFixed(0)} / ${many.p50.toFixed(0)} | ${cpu(one)} / ${cpu(many)} | ${one.sqlAlone ?? '–'} / ${many.sqlAlone ?? '–'} | ${one.sqlPerRequest?.toFixed(2) ?? '–'} / ${many.sqlPerRequest?.toFixed(2) ?? '–'} | ${one.bytes.toLocaleString('en')} / ${many.bytes.toLocaleString('en')} | ${one.headBytes.toLocaleString('en')} / ${many.headBytes.toLocaleString('en')} |`,
      );
    }
  }

  const passed = bars.filter((bar) => bar.verdict === 'pass').length;
  const lines = [
    '### Quality bars (issue #14)',
    '',
    `${passed} of ${bars.length} pass${bars.some((bar) => bar.verdict === 'not measured') ? ` (${bars.filter((bar) => bar.verdict === 'not measured').length} not measured in this run)` : ''}. Ratios compare cells of this run.`,
    '',
    '| bar | measured | value | target | verdict |',
    '|---|---|---:|---|---|',
    ...bars.map((bar) => `| ${bar.bar} | ${bar.measured} | ${bar.value} | ${bar.target} | ${bar.verdict === 'fail' ? '**fail**' : bar.verdict} |`),
    '',
    'Two bars are not timings: `tests/integration/read-side-plain.test.ts` (no managed entity after any public operation) and the CPU profile of *List* uncached (`--profile` writes `profile-list.md` beside this report).',
  ];
  if (growthRows.length) {
    lines.push(
      '',
      `### Growth (1× and ×${growthScale}, uncached API)`,
      '',
      '| workload | 1× req/s | ×n req/s | ×n ÷ 1× | p50 ms 1× / ×n | CPU ms per answer 1× / ×n | SQL alone 1× / ×n | SQL per answer 1× / ×n | body bytes 1× / ×n | head bytes 1× / ×n |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...growthRows,
    );
  }
  // Not a bar of the issue, but an answer a default Node client cannot read is a failure.
  const bigHeads = cells.filter((cell) => cell.headBytes > NODE_DEFAULT_MAX_HEADER_BYTES);
  if (bigHeads.length) {
    lines.push(
      '',
      `**Response heads over ${NODE_DEFAULT_MAX_HEADER_BYTES / 1024} KB** (Node's default limit: \`fetch\` and \`node:http\` clients refuse them; the bench reads with a larger limit): ` +
        bigHeads.map((cell) => `${cell.contender} ${cell.workload}${cell.scale > 1 ? ` ×${cell.scale}` : ''} ${cell.headBytes.toLocaleString('en')} bytes`).join(', ') +
        '. The Surrogate-Key header lists every document the answer shows.',
    );
  }
  return lines;
}

/** The API process's CPU per answer: steadier than req/s when other work shares the box. */
const cpu = (cell: Cell) => (Number.isFinite(cell.cpuMsPerAnswer) ? cell.cpuMsPerAnswer.toFixed(0) : '–');

function verdictOf(isMeasured: boolean, isMet: boolean): Verdict {
  if (!isMeasured) return 'not measured';
  return isMet ? 'pass' : 'fail';
}
