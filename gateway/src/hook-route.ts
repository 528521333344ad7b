import type { IncomingMessage } from 'node:http';
import {
  ANONYMOUS,
  GATEWAY_SIGNATURE_HEADER,
  HOOK_NAME,
  hookCallDocument,
  hookCallVariables,
  HttpRejection,
  readHookBody,
  signSubgraphCall,
  SUBGRAPH_NAMES,
  type SubgraphName,
} from '@dangvu/subgraph-kit';
import type { CryptoKey } from 'jose';

export interface HookRouteOptions {
  subgraphUrls: Record<SubgraphName, string>;
  privateKey: CryptoKey;
}

/**
 * `POST /hooks/<subgraph>/<name>` (docs/api.md#payment-notifications): an outside service's notification, which
 * carries no person's token. The body (64 KiB at most) is passed on to the owning subgraph in a call signed for
 * that hook and that body's hash, with the sender's Authorization header as sent: the subgraph holds the keys,
 * so it authenticates the sender and answers in the sender's terms.
 */
export function hookRoute({ subgraphUrls, privateKey }: HookRouteOptions) {
  return async (request: IncomingMessage, path: string, requestId: string) => {
    const [subgraph, name, ...rest] = path.split('/');
    if (rest.length > 0 || !SUBGRAPH_NAMES.includes(subgraph as SubgraphName) || !HOOK_NAME.test(name ?? '')) {
      return new HttpRejection(404, 'NOT_FOUND', 'Không tìm thấy địa chỉ này.');
    }
    const body = await readHookBody(request);
    if (body instanceof HttpRejection) return body;
    const signature = await signSubgraphCall({ subgraph: subgraph!, identity: ANONYMOUS, requestId, query: hookCallDocument(name!), variables: hookCallVariables(body) }, privateKey);
    const authorization = request.headers.authorization;
    const response = await fetch(new URL(`/hooks/${name}`, subgraphUrls[subgraph as SubgraphName]), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_SIGNATURE_HEADER]: signature, ...(authorization ? { authorization } : {}) },
      body,
    });
    return { status: response.status, body: await response.json() };
  };
}
