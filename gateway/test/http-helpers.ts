import { tables, type Db } from '@dangvu/drizzle';
import type { Identity, Role } from '@dangvu/subgraph-kit';
import { and, eq, isNull } from 'drizzle-orm';
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

/** The demo data's holder of `role` on `org`, acting under that one grant, as their token would carry it. */
export async function officerOf(db: Db, org: { id: string; path: string }, role: Role): Promise<Identity> {
  const [grant] = await db
    .select()
    .from(tables.roleGrants)
    .where(and(eq(tables.roleGrants.orgId, org.id), eq(tables.roleGrants.role, role), isNull(tables.roleGrants.endsOn)));
  return { personId: grant!.memberId, grants: [{ role, orgId: org.id, orgPath: org.path }], partner: null };
}
