import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, HttpRejection, verifyAccessToken, type Identity } from '@dangvu/subgraph-kit';
import type { CryptoKey } from 'jose';

/** The caller behind a request: anonymous without an Authorization header, refused with a bad one. */
export async function identify(request: IncomingMessage, publicKey: CryptoKey): Promise<Identity | HttpRejection> {
  const header = request.headers.authorization;
  if (header === undefined) return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header);
  if (!match) {
    return new HttpRejection(401, 'UNAUTHENTICATED', 'Thông tin xác thực không đúng định dạng (cần "Bearer <token>").');
  }
  const result = await verifyAccessToken(match[1]!, publicKey);
  if (result.ok) return result.identity;
  return new HttpRejection(
    401,
    'UNAUTHENTICATED',
    result.reason === 'expired' ? 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.' : 'Mã xác thực không hợp lệ. Vui lòng đăng nhập lại.',
  );
}
