import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../src/bench/load.ts';
import { cpuMsOf, pidListeningOn } from '../src/bench/processes.ts';
import { met, targetsTable } from '../src/bench/report.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A stand-in endpoint: every third answer a GraphQL error, every fifth a 500; records the header each request carried. */
async function endpoint() {
  const seen: string[] = [];
  let served = 0;
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      served++;
      seen.push(String(request.headers['x-once'] ?? ''));
      if (served % 5 === 0) response.writeHead(500).end('{}');
      else response.writeHead(200, { 'content-type': 'application/json' }).end(served % 3 === 0 ? '{"errors":[{"message":"no"}]}' : '{"data":{"ok":true}}');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, seen, port: (server.address() as AddressInfo).port };
}

describe('the load generator', () => {
  it('counts a GraphQL error and a failed status as errors, and stops when its time is up', async () => {
    const { url } = await endpoint();
    const started = Date.now();
    const result = await runLoad({ url, connections: 4, warmupMs: 100, durationMs: 500, body: '{}', headers: {} });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(result.requests).toBeGreaterThan(20);
    // Of every fifteen answers, 3 are 500s and 4 more are GraphQL errors.
    expect(result.errors / result.requests).toBeCloseTo(7 / 15, 1);
    expect(result.firstError).toMatch(/^(500|200 \{"errors")/);
    expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.p99);
  });

  it('sends each signed header value once, and says when they ran out', async () => {
    const { url, seen } = await endpoint();
    const tokens = Array.from({ length: 50 }, (_, i) => `token-${i}`);
    const result = await runLoad({ url, connections: 2, warmupMs: 0, durationMs: 400, body: '{}', headers: {}, signedHeader: { name: 'x-once', tokens } });
    const used = seen.filter((value) => value !== '');
    expect(new Set(used).size).toBe(used.length);
    expect(used.length).toBe(Math.min(50, seen.length));
    expect(result.tokensLeft).toBe(Math.max(0, 50 - seen.length));
  });
});

describe('process figures', () => {
  it('finds the process listening on a port, and its CPU time', async () => {
    const { port } = await endpoint();
    expect(pidListeningOn(port)).toBe(process.pid);
    expect(cpuMsOf({ self: process.pid }).self).toBeGreaterThan(0);
  });
});

describe('the targets table', () => {
  it('marks a target met only on the right side of its goal', () => {
    const ratio = { what: 'ratio', unit: '', goal: { atLeast: 0.6 } };
    const memory = { what: 'memory', unit: ' MB', goal: { below: 250 } };
    expect([met({ ...ratio, measured: 0.6 }), met({ ...ratio, measured: 0.59 }), met({ ...memory, measured: 250 }), met({ ...memory, measured: 249 })]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(targetsTable([{ ...ratio, measured: 0.28 }])).toContain('| 0.28     | ≥ 0.6 | NO  |');
  });
});
