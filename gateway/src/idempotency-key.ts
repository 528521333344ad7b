import type { IncomingMessage } from 'node:http';
import { HttpRejection, IDEMPOTENCY_HEADER, isIdempotencyKey, requestFingerprint, type IdempotencyClaim, type JsonBody } from '@dangvu/subgraph-kit';

const refused = (message: string) => new HttpRejection(400, 'BAD_USER_INPUT', message);

/**
 * The client's Idempotency-Key with its request's fingerprint, handed to each subgraph call in the signed
 * header; the subgraphs keep the answers (docs/api.md#retries). Null without the header.
 */
export function idempotencyClaim(request: IncomingMessage, body: JsonBody | undefined): IdempotencyClaim | null | HttpRejection {
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !isIdempotencyKey(header)) {
    return refused('Khóa Idempotency-Key không hợp lệ: cần từ 1 đến 255 ký tự ASCII in được, không có khoảng trắng (ví dụ một UUID).');
  }
  if (Array.isArray(body)) {
    return refused('Một khóa Idempotency-Key chỉ dùng cho một thao tác; không gửi kèm một lô nhiều thao tác.');
  }
  return { key: header, fingerprint: requestFingerprint(body ?? {}) };
}
