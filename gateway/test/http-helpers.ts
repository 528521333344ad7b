import type { TestPlatform } from '../src/testing/platform.ts';

export interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POSTs a GraphQL request to the gateway as a client would. */
export async function post(
  platform: TestPlatform,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer> {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) };
}

export async function loginAs(platform: TestPlatform, role: string): Promise<string> {
  const account = platform.accounts.find((a) => a.role === role)!;
  const { body } = await post(platform, {
    query: 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }',
    variables: { u: account.username, p: account.password },
  });
  return body.data!.login.token;
}
