import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';

function headersOf(incoming: IncomingHttpHeaders): FetcherHeaders {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Longest an unused connection is kept; a subgraph's `Keep-Alive: timeout=5` brings it down to 4 s. */
const IDLE_CONNECTION_MS = 60_000;

/** A subgraph's whole answer, read off the socket before the planner looks at it. */
class SubgraphResponse implements FetcherResponse {
  readonly redirected = false;
  bodyUsed = false;
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: FetcherHeaders;
  private readonly body: Buffer;
  constructor(url: string, status: number, statusText: string, headers: FetcherHeaders, body: Buffer) {
    this.url = url;
    this.status = status;
    this.statusText = statusText;
    this.headers = headers;
    this.body = body;
  }
  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  async text() {
    this.bodyUsed = true;
    return this.body.toString('utf8');
  }
  async json() {
    return JSON.parse(await this.text()) as unknown;
  }
  async arrayBuffer() {
    this.bodyUsed = true;
    return new Uint8Array(this.body).buffer;
  }
  clone() {
    return new SubgraphResponse(this.url, this.status, this.statusText, this.headers, this.body);
  }
}

/**
 * How the gateway reaches one subgraph: plain HTTP/1.1 over connections kept alive, at most `maxSockets` of
 * them. Apollo's default, make-fetch-happen, spent a quarter of the gateway's CPU on a cell's member list in
 * cache, retry and proxy layers that calls between our own services never use, agent-base's stack trace per
 * request among them (docs/benchmarks.md). Nothing is retried: a call may be a mutation.
 */
export function subgraphFetcher({ maxSockets }: { maxSockets: number }): Fetcher {
  // With a timeout set, node:http closes an idle connection a second before the server's announced
  // Keep-Alive timeout, rather than send a call down one the server is closing (ECONNRESET under load).
  const agent = new Agent({ keepAlive: true, maxSockets, timeout: IDLE_CONNECTION_MS });
  return (url: string, init: FetcherRequestInit = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const outgoing = request(url, { method: init.method ?? 'GET', headers: init.headers, agent, signal: init.signal }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve(new SubgraphResponse(url, incoming.statusCode ?? 0, incoming.statusMessage ?? '', headersOf(incoming.headers), Buffer.concat(chunks))),
        );
      });
      outgoing.on('error', reject);
      outgoing.end(init.body);
    });
}
