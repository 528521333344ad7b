import { Client, fetchExchange, ssrExchange, type SSRData } from '@urql/core';

export interface ClientOptions {
  url: string;
  fetch: typeof fetch;
  /** Server side: the access token for the gateway. In the browser the /graphql proxy adds it from the cookie. */
  token?: string | null;
  isClient: boolean;
  initialState?: SSRData;
}

/**
 * One urql client per request on the server and per page in the browser, never shared. POST always:
 * Apollo's CSRF guard refuses the GETs urql would send for short queries.
 */
export function createGraphQLClient(options: ClientOptions) {
  const ssr = ssrExchange({ isClient: options.isClient, initialState: options.initialState });
  const client = new Client({
    url: options.url,
    fetch: options.fetch,
    preferGetMethod: false,
    exchanges: [ssr, fetchExchange],
    fetchOptions: options.token ? { headers: { authorization: `Bearer ${options.token}` } } : undefined,
  });
  return { client, ssr };
}

/** The code of the first error the API answered with, if any. */
export function errorCode(error: { graphQLErrors?: { extensions?: Record<string, unknown> }[]; response?: { status?: number } } | undefined) {
  if (!error) return null;
  if (error.response?.status === 401) return 'UNAUTHENTICATED';
  const code = error.graphQLErrors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}
