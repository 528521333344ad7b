import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadJob, LoadResult } from './load.ts';

/**
 * A closed loop per connection, as autocannon runs: each sends a request, waits for the whole answer, and
 * sends the next. An answer is an error unless it is a 200 whose JSON has no `errors` (a GraphQL error comes
 * back as 200 too, so the status alone would count a refused read as a success).
 */
const job = workerData as LoadJob;
const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
const url = new URL(job.url);
let latencies = new Float64Array(1 << 16);
let count = 0;
let errors = 0;
let firstError: string | null = null;
let measuring = false;
let token = 0;

function record(started: number, failure: string | null) {
  if (!measuring) return;
  if (failure !== null) {
    errors++;
    firstError ??= failure;
  }
  if (count === latencies.length) {
    const grown = new Float64Array(latencies.length * 2);
    grown.set(latencies);
    latencies = grown;
  }
  latencies[count++] = performance.now() - started;
}

function send(): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...job.headers };
  if (job.signedHeader) headers[job.signedHeader.name] = job.signedHeader.tokens[token++] ?? '';
  return new Promise((resolve) => {
    const started = performance.now();
    const outgoing = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        record(started, incoming.statusCode === 200 && !text.includes('"errors":') ? null : `${incoming.statusCode} ${text.slice(0, 200)}`);
        resolve();
      });
    });
    outgoing.on('error', (error) => {
      record(started, error.message);
      resolve();
    });
    outgoing.end(job.body);
  });
}

async function loop(until: () => boolean) {
  while (!until()) await send();
}

const warmUntil = Date.now() + job.warmupMs;
await Promise.all(Array.from({ length: job.connections }, () => loop(() => Date.now() >= warmUntil)));
measuring = true;
const started = performance.now();
const endAt = Date.now() + job.durationMs;
await Promise.all(Array.from({ length: job.connections }, () => loop(() => Date.now() >= endAt)));
const elapsedMs = performance.now() - started;
agent.destroy();

const sorted = latencies.subarray(0, count).sort();
const at = (quantile: number) => (count === 0 ? 0 : sorted[Math.min(count - 1, Math.floor(quantile * count))]!);
const result: LoadResult = {
  requests: count,
  errors,
  firstError,
  requestsPerSecond: (count * 1000) / elapsedMs,
  latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) },
  tokensLeft: job.signedHeader ? Math.max(0, job.signedHeader.tokens.length - token) : null,
};
parentPort!.postMessage(result);
