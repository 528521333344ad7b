import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';

export type JsonBody = Record<string, unknown> | unknown[];

/** A request refused before it reaches GraphQL execution. */
export class HttpRejection {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  /** Sent with the refusal, such as the Retry-After of a 429. */
  readonly headers: Record<string, string>;
  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    this.status = status;
    this.code = code;
    this.message = message;
    this.headers = headers;
  }
}

export interface GraphQLHttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  maxBodyBytes: number;
  allowGet: boolean;
  /** Largest accepted array of operations in one POST (HTTP batching); 1 turns batching off. */
  maxBatchSize: number;
  /** Builds the per-request context, or refuses the request (bad signature, bad token). */
  context(request: IncomingMessage, body: JsonBody | undefined, requestId: string): Promise<C | HttpRejection>;
  /** Other GET routes, such as /healthz, answered with their JSON. */
  routes?: Record<string, () => Promise<{ status: number; body: unknown }>>;
  /**
   * `PUT /uploads/…`: file bytes on their own route with their own limit (docs/decisions/0006-file-upload.md),
   * handed the path below `/uploads/`; the GraphQL body limit does not apply to them.
   */
  upload?(request: IncomingMessage, path: string, requestId: string): Promise<{ status: number; body: unknown; headers?: Record<string, string> } | HttpRejection>;
  /** `POST /hooks/…`: an outside service's notification (hooks.ts), handed the path below `/hooks/`. */
  hook?(request: IncomingMessage, path: string, requestId: string): Promise<{ status: number; body: unknown } | HttpRejection>;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

function reject(response: ServerResponse, rejection: HttpRejection, requestId: string) {
  sendJson(
    response,
    rejection.status,
    { errors: [{ message: rejection.message, extensions: { code: rejection.code, requestId } }] },
    { ...rejection.headers, 'x-request-id': requestId },
  );
}

async function readBody(request: IncomingMessage, limit: number): Promise<string | HttpRejection> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = (limit: number) =>
  new HttpRejection(413, 'PAYLOAD_TOO_LARGE', `Yêu cầu quá lớn (tối đa ${Math.floor(limit / 1024)} KB).`);

function parseBody(text: string, contentType: string | undefined, maxBatch: number): JsonBody | undefined | HttpRejection {
  if (!contentType?.startsWith('application/json')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new HttpRejection(400, 'BAD_REQUEST', 'Nội dung yêu cầu không phải JSON hợp lệ.');
  }
  if (Array.isArray(body)) {
    if (maxBatch <= 1) return new HttpRejection(400, 'BAD_REQUEST', 'Không hỗ trợ gửi nhiều thao tác trong một yêu cầu.');
    if (body.length > maxBatch) {
      return new HttpRejection(400, 'BATCH_TOO_LARGE', `Mỗi yêu cầu chỉ được gồm tối đa ${maxBatch} thao tác.`);
    }
    return body;
  }
  if (typeof body !== 'object' || body === null) {
    return new HttpRejection(400, 'BAD_REQUEST', 'Nội dung yêu cầu phải là một đối tượng JSON.');
  }
  return body as Record<string, unknown>;
}

async function writeGraphQLResponse(response: ServerResponse, result: HTTPGraphQLResponse, requestId: string) {
  const headers: Record<string, string> = { 'x-request-id': requestId };
  for (const [key, value] of result.headers) headers[key] = value;
  response.writeHead(result.status ?? 200, headers);
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/** A node:http listener that serves one GraphQL endpoint at /graphql on top of Apollo Server, plus a few JSON routes. */
export function graphqlHttpHandler<C extends BaseContext>(options: GraphQLHttpOptions<C>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const route = options.routes?.[url.pathname];
      if (route && request.method === 'GET') {
        const { status, body } = await route();
        return sendJson(response, status, body);
      }
      if (options.upload && url.pathname.startsWith('/uploads/')) {
        if (request.method !== 'PUT') {
          return reject(response, new HttpRejection(405, 'METHOD_NOT_ALLOWED', 'Tệp được gửi lên bằng phương thức PUT.'), requestId);
        }
        const answer = await options.upload(request, url.pathname.slice('/uploads/'.length), requestId);
        if (answer instanceof HttpRejection) return reject(response, answer, requestId);
        return sendJson(response, answer.status, answer.body, { ...answer.headers, 'x-request-id': requestId });
      }
      if (options.hook && url.pathname.startsWith('/hooks/')) {
        if (request.method !== 'POST') {
          return reject(response, new HttpRejection(405, 'METHOD_NOT_ALLOWED', 'Thông báo được gửi bằng phương thức POST.'), requestId);
        }
        const answer = await options.hook(request, url.pathname.slice('/hooks/'.length), requestId);
        if (answer instanceof HttpRejection) return reject(response, answer, requestId);
        return sendJson(response, answer.status, answer.body, { 'x-request-id': requestId });
      }
      if (url.pathname !== '/graphql') {
        return reject(response, new HttpRejection(404, 'NOT_FOUND', 'Không tìm thấy địa chỉ này.'), requestId);
      }
      if (request.method !== 'POST' && !(options.allowGet && request.method === 'GET')) {
        return reject(response, new HttpRejection(405, 'METHOD_NOT_ALLOWED', 'Phương thức HTTP không được hỗ trợ.'), requestId);
      }
      let body: JsonBody | undefined;
      if (request.method === 'POST') {
        const text = await readBody(request, options.maxBodyBytes);
        if (text instanceof HttpRejection) return reject(response, text, requestId);
        const parsed = parseBody(text, request.headers['content-type'], options.maxBatchSize);
        if (parsed instanceof HttpRejection) return reject(response, parsed, requestId);
        body = parsed;
      }
      const context = await options.context(request, body, requestId);
      if (context instanceof HttpRejection) return reject(response, context, requestId);
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const result = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? 'POST', headers, search: url.search, body },
        context: async () => context,
      });
      await writeGraphQLResponse(response, result, requestId);
    } catch (error) {
      console.error(`error unhandled request failure requestId=${requestId}`, error);
      if (!response.headersSent) {
        reject(response, new HttpRejection(500, 'INTERNAL', `Đã có lỗi hệ thống (mã yêu cầu ${requestId}).`), requestId);
      } else {
        response.end();
      }
    }
  };
}

export interface RunningServer {
  server: Server;
  /** The GraphQL endpoint's URL. */
  url: string;
  /**
   * Stops taking requests and lets those under way finish, for at most `graceMs` (then their connections
   * are cut), then runs `onStop`. A request that arrives meanwhile on a connection kept open is refused
   * with 503 SERVICE_UNAVAILABLE and the connection closed; a new connection is refused by the socket.
   */
  stop(graceMs?: number): Promise<void>;
}

/** How long a stopping server waits for requests under way: within the supervisor's 10 s before it kills. */
export const DRAIN_MS = 8_000;

const SHUTTING_DOWN = new HttpRejection(503, 'SERVICE_UNAVAILABLE', 'Dịch vụ đang khởi động lại; yêu cầu chưa được thực hiện. Vui lòng thử lại sau giây lát.');

/** Serves `handler` on host:port (0 for a free port); see `stop` for how it ends. */
export async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
  port: number,
  host: string,
  onStop: () => Promise<void>,
): Promise<RunningServer> {
  let draining = false;
  const server = createServer((request, response) => {
    if (!draining) return void handler(request, response);
    response.shouldKeepAlive = false;
    reject(response, SHUTTING_DOWN, randomUUID());
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${actual}/graphql`,
    async stop(graceMs = DRAIN_MS) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(cut);
      await onStop();
    },
  };
}
