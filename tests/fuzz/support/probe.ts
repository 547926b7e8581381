/** One HTTP request as the fuzzer sends it, and the checks every answer must pass. */
export interface Probe {
  method: 'GET' | 'POST';
  /** Path and query string, e.g. /graphql?query=… */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  /** Milliseconds until the whole body arrived; Infinity when it never did. */
  elapsed: number;
  /** Milliseconds /healthz took while this request was in flight (0 when it finished first). */
  healthDuringRequest: number;
}

/**
 * Generous enough for a 2-core machine running browser tests beside the fuzzer; a normal answer
 * takes milliseconds, while the unbounded walk of issue 13 (the fragment bomb) took 6 s to minutes.
 */
export const ANSWER_BOUND_MS = Number(process.env.FUZZ_ANSWER_BOUND_MS ?? 5000);
const GIVE_UP_MS = 15_000;

export async function send(baseUrl: string, probe: Probe): Promise<Answer> {
  const startedAt = Date.now();
  let finished = false;
  const request = fetch(baseUrl + probe.path, {
    method: probe.method,
    headers: probe.headers,
    body: probe.body,
    signal: AbortSignal.timeout(GIVE_UP_MS),
  }).then(async (response) => ({ status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() }));
  // While the request is in flight the server must still answer its liveness probe.
  const health = new Promise<number>((resolve) => setTimeout(resolve, 150)).then(() => (finished ? 0 : timeHealth(baseUrl)));
  try {
    const answer = await request;
    finished = true;
    return { ...answer, elapsed: Date.now() - startedAt, healthDuringRequest: await health };
  } catch (error) {
    finished = true;
    return { status: 0, contentType: '', text: `no answer: ${(error as Error).message}`, elapsed: Infinity, healthDuringRequest: await health };
  }
}

async function timeHealth(baseUrl: string): Promise<number> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(GIVE_UP_MS) });
    await response.text();
    return response.ok ? Date.now() - startedAt : Infinity;
  } catch {
    return Infinity;
  }
}

/** Text that says how the server is built: stack frames, file paths, SQL. */
const LEAKS: Array<[string, RegExp]> = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\]]+ \(?[^()\s]*:\d+:\d+\)?/],
  ['a stack trace field', /"stacktrace"/i],
  ['a file path', /\/work\/|node_modules|\.ts:\d|\.js:\d|node:internal/],
  ['SQL text', /\b(?:select\b[\s\S]{0,400}?\bfrom\b|insert into|update \\?"?\w+\\?"? set|delete from)/i],
  ['an HTML error page', /<!DOCTYPE html>[\s\S]*<pre>/i],
];

/**
 * The rules for every answer: never a 5xx, never server internals, each error with a code,
 * in time, and /healthz answering meanwhile. Returns the broken rules (empty when fine).
 */
export function problemsWith(answer: Answer, { allowedStatuses = [] }: { allowedStatuses?: number[] } = {}): string[] {
  const problems: string[] = [];
  if (answer.status === 0) problems.push(answer.text);
  if (answer.status >= 500 && !allowedStatuses.includes(answer.status)) problems.push(`status ${answer.status}`);
  if (answer.elapsed > ANSWER_BOUND_MS) problems.push(`answered in ${answer.elapsed} ms (bound ${ANSWER_BOUND_MS} ms)`);
  if (answer.healthDuringRequest > ANSWER_BOUND_MS) problems.push(`/healthz took ${answer.healthDuringRequest} ms meanwhile`);
  for (const [what, pattern] of LEAKS) {
    if (pattern.test(answer.text)) problems.push(`the body shows ${what}`);
  }
  problems.push(...errorCodeProblems(answer));
  return problems;
}

/** Every error carries a code: GraphQL's extensions.code, or a `code` of the endpoint's own. */
function errorCodeProblems(answer: Answer): string[] {
  if (answer.status === 0) return [];
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return answer.status >= 400 ? [`error answer is not JSON (${answer.contentType})`] : [];
  }
  const errors = (body as { errors?: unknown })?.errors;
  if (Array.isArray(errors)) {
    if (errors.some((error) => typeof error?.extensions?.code !== 'string')) return ['an error without extensions.code'];
    // A masked crash is still a crash: bad input must be refused with a code that says so.
    return errors.some((error) => error.extensions.code === 'INTERNAL_SERVER_ERROR') ? ['INTERNAL_SERVER_ERROR'] : [];
  }
  if (answer.status >= 400) {
    const own = body as { code?: unknown; error?: { code?: unknown } };
    if (typeof own?.code !== 'string' && typeof own?.error?.code !== 'string') return ['an error answer without a code'];
  }
  return [];
}

/** A short, readable account of an answer for a counterexample. */
export function summarise(answer: Answer): string {
  return `HTTP ${answer.status} in ${answer.elapsed} ms: ${answer.text.slice(0, 400)}`;
}
