import { GraphQLError } from 'graphql';

/**
 * A subgraph's 400 that refuses the request's input: Apollo Server answers a variable its scalar refuses
 * (a Date of 30 February, a YearMonth of "2026-1") with HTTP 400 and BAD_USER_INPUT, which the gateway's
 * supergraph cannot tell, since it knows a custom scalar only by name. Said to the client as that refusal
 * rather than as an internal error (found by test/mutation-inputs.property.e2e.test.ts).
 */
export function subgraphRefusal(status: number, body: unknown): GraphQLError | null {
  if (status !== 400 || typeof body !== 'object' || body === null) return null;
  const [first] = ((body as { errors?: unknown }).errors ?? []) as { message?: unknown; extensions?: { code?: unknown } }[];
  if (first?.extensions?.code !== 'BAD_USER_INPUT' || typeof first.message !== 'string') return null;
  return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
}
