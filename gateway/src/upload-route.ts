import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import {
  GATEWAY_SIGNATURE_HEADER,
  HttpRejection,
  signSubgraphCall,
  SUBGRAPH_NAMES,
  uploadCallDocument,
  uploadCallVariables,
  type Identity,
  type SubgraphName,
} from '@dangvu/subgraph-kit';
import type { CryptoKey } from 'jose';
import { LIMITS } from './limits.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UploadRouteOptions {
  identify(request: IncomingMessage, requestId: string): Promise<Identity | HttpRejection>;
  subgraphUrls: Record<SubgraphName, string>;
  privateKey: CryptoKey;
}

/**
 * `PUT /uploads/<subgraph>/<uploadId>` (docs/decisions/0006-file-upload.md#the-path): the caller's token is
 * checked as for /graphql, a missing or oversized Content-Length is refused before a byte is read, and the
 * body is streamed to the owning subgraph with a call signed for that upload id and size alone. Whose upload
 * it is, and whether its bytes are acceptable, the subgraph decides.
 */
export function uploadRoute({ identify, subgraphUrls, privateKey }: UploadRouteOptions) {
  return async (request: IncomingMessage, path: string, requestId: string) => {
    const [subgraph, uploadId, ...rest] = path.split('/');
    if (rest.length > 0 || !SUBGRAPH_NAMES.includes(subgraph as SubgraphName) || !UUID.test(uploadId ?? '')) {
      return new HttpRejection(404, 'NOT_FOUND', 'Không tìm thấy địa chỉ tải tệp này.');
    }
    const identity = await identify(request, requestId);
    if (identity instanceof HttpRejection) return identity;
    if (!identity.personId) {
      return new HttpRejection(401, 'UNAUTHENTICATED', 'Đồng chí cần đăng nhập để tải tệp lên.');
    }
    const declared = request.headers['content-length'];
    if (declared === undefined || !/^[0-9]+$/.test(declared)) {
      return new HttpRejection(411, 'LENGTH_REQUIRED', 'Yêu cầu tải tệp phải ghi rõ kích thước (Content-Length).');
    }
    const bytes = Number(declared);
    if (bytes > LIMITS.uploadBytes) {
      return new HttpRejection(413, 'PAYLOAD_TOO_LARGE', `Tệp quá lớn (tối đa ${LIMITS.uploadBytes / (1024 * 1024)} MB).`);
    }
    // A sender that stalls holds a socket and the subgraph's receipt: cut it off.
    request.setTimeout(LIMITS.uploadIdleMs, () => request.destroy());
    const signature = await signSubgraphCall(
      { subgraph: subgraph!, identity, requestId, query: uploadCallDocument(uploadId!), variables: uploadCallVariables(bytes) },
      privateKey,
    );
    const response = await fetch(new URL(`/uploads/${uploadId}`, subgraphUrls[subgraph as SubgraphName]), {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'content-length': declared, [GATEWAY_SIGNATURE_HEADER]: signature },
      body: Readable.toWeb(request) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const headers: Record<string, string> = {};
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter) headers['retry-after'] = retryAfter;
    return { status: response.status, body: await response.json(), headers };
  };
}
