import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { subgraphFetcher } from './subgraph-fetcher.ts';

let server: Server | undefined;
afterEach(async () => {
  if (!server) return;
  const stopping = server;
  server = undefined;
  stopping.closeAllConnections();
  await new Promise<void>((resolve) => stopping.close(() => resolve()));
});

/** A stand-in subgraph that answers each POST after `delayMs`, counting the connections it was opened. */
async function subgraph(answer: { status: number; body: string; delayMs?: number; keepAliveMs?: number }) {
  const sockets = new Set<Socket>();
  const received: { method?: string; header?: string; body: string }[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method, header: request.headers['x-test'] as string, body: Buffer.concat(chunks).toString() });
      setTimeout(() => {
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(answer.body);
      }, answer.delayMs ?? 0);
    });
  });
  if (answer.keepAliveMs) server.keepAliveTimeout = answer.keepAliveMs;
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, sockets, received };
}

describe('subgraphFetcher', () => {
  it('sends the method, headers and body, and hands back the status, headers and JSON', async () => {
    const stub = await subgraph({ status: 200, body: '{"data":{"ok":true}}' });
    const response = await subgraphFetcher({ maxSockets: 4 })(stub.url, { method: 'POST', headers: { 'x-test': 'signed' }, body: '{"query":"{ ok }"}' });
    expect(stub.received).toEqual([{ method: 'POST', header: 'signed', body: '{"query":"{ ok }"}' }]);
    expect([response.ok, response.status, response.headers.get('content-type')]).toEqual([true, 200, 'application/json']);
    expect(await response.json()).toEqual({ data: { ok: true } });
  });

  it('opens no more than maxSockets connections however many calls wait, and reuses them', async () => {
    const stub = await subgraph({ status: 200, body: '{}', delayMs: 20 });
    const fetcher = subgraphFetcher({ maxSockets: 3 });
    const call = () => fetcher(stub.url, { method: 'POST', body: '{}' });
    await Promise.all(Array.from({ length: 20 }, call));
    await Promise.all(Array.from({ length: 20 }, call));
    expect(stub.received).toHaveLength(40);
    expect(stub.sockets.size).toBe(3);
  });

  it("lets go of an idle connection before the subgraph's keep-alive timeout closes it under a call", async () => {
    const stub = await subgraph({ status: 200, body: '{}', keepAliveMs: 2_000 });
    await subgraphFetcher({ maxSockets: 1 })(stub.url, { method: 'POST', body: '{}' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // The server would close it at 2 s; the fetcher closed it a second before.
    expect([...stub.sockets].map((socket) => socket.closed)).toEqual([true]);
  });

  it('passes a refusal on as a response that is not ok, for the data source to report', async () => {
    const stub = await subgraph({ status: 401, body: '{"errors":[{"message":"no"}]}' });
    const response = await subgraphFetcher({ maxSockets: 1 })(stub.url, { method: 'POST', body: '{}' });
    expect([response.ok, response.status]).toEqual([false, 401]);
    expect(await response.text()).toBe('{"errors":[{"message":"no"}]}');
  });

  it('rejects when the subgraph cannot be reached', async () => {
    const stub = await subgraph({ status: 200, body: '{}' });
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    await expect(subgraphFetcher({ maxSockets: 1 })(stub.url, { method: 'POST', body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
