import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_SIGNATURE_HEADER, signSubgraphCall, type RequestContext } from '@dangvu/subgraph-kit';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import type { CryptoKey } from 'jose';
import { subgraphRefusal } from './subgraph-refusal.ts';
import { subgraphFetcher } from './subgraph-fetcher.ts';

/** Forwards each planned fetch with the caller's identity in a header signed for that subgraph alone. */
export class SignedDataSource extends RemoteGraphQLDataSource<RequestContext> {
  private readonly subgraph: string;
  private readonly privateKey: CryptoKey;

  constructor(options: { name: string; url: string; privateKey: CryptoKey; maxSockets: number }) {
    super({ url: options.url, fetcher: subgraphFetcher({ maxSockets: options.maxSockets }) });
    this.subgraph = options.name;
    this.privateKey = options.privateKey;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestContext>) {
    // Health checks and schema loading carry no request context; this gateway does neither.
    if (!('identity' in context) || !context.identity || !request.query) return;
    const token = await signSubgraphCall(
      {
        subgraph: this.subgraph,
        identity: context.identity,
        requestId: context.requestId,
        idempotency: context.idempotency,
        query: request.query,
        variables: request.variables,
      },
      this.privateKey,
    );
    request.http?.headers.set(GATEWAY_SIGNATURE_HEADER, token);
  }

  override async errorFromResponse(response: FetcherResponse) {
    const error = await super.errorFromResponse(response);
    const answer = error.extensions.response as { status: number; body: unknown };
    return subgraphRefusal(answer.status, answer.body) ?? error;
  }
}
