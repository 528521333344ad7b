import { Worker } from 'node:worker_threads';

export interface LoadJob {
  /** A GraphQL endpoint on loopback. */
  url: string;
  connections: number;
  /** Load before the measured window, unrecorded: JIT, caches and pools settle. */
  warmupMs: number;
  durationMs: number;
  /** The JSON body every request sends. */
  body: string;
  headers: Record<string, string>;
  /**
   * A header that must differ per request, such as a gateway signature used once: one value per request,
   * made before the run so that making them costs nothing during it. A request beyond the last goes without.
   */
  signedHeader?: { name: string; tokens: string[] };
}

export interface LoadResult {
  requests: number;
  errors: number;
  firstError: string | null;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Signed header values not used; none left means the run outgrew them and the count is suspect. */
  tokensLeft: number | null;
}

/** Runs one bounded load on a thread of its own, so that the bench's sampling never delays a request. */
export function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: job });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });
}
