import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeys, importKey, signAccessToken } from '@dangvu/subgraph-kit';
import { LIMITS } from '../src/limits.ts';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { loginAs, post } from './http-helpers.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const codes = (answer: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) =>
  answer.body.errors?.map((error) => error.extensions?.code);

describe('gateway health', () => {
  it('answers /healthz, and /readyz once every subgraph is ready', async () => {
    const base = new URL(platform.gatewayUrl);
    expect((await fetch(new URL('/healthz', base))).status).toBe(200);
    const ready = await fetch(new URL('/readyz', base));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('login', () => {
  const loginQuery = 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token expiresAt userErrors { code message } } }';

  it('gives a token for the right password', async () => {
    const { username, password } = platform.demo.member;
    const { body } = await post(platform, { query: loginQuery, variables: { u: username, p: password } });
    expect(body.data!.login.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.data!.login.userErrors).toEqual([]);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await post(platform, { query: loginQuery, variables: { u: 'bithu.demo', p: 'sai-mat-khau' } });
    const unknown = await post(platform, { query: loginQuery, variables: { u: 'khong.ton.tai', p: 'sai-mat-khau' } });
    expect(wrong.status).toBe(200);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.data!.login).toMatchObject({ token: null, userErrors: [{ code: 'INVALID_CREDENTIALS' }] });
    expect(wrong.body.data!.login.userErrors[0].message).toMatch(/không đúng/);
  });
});

describe('bearer tokens', () => {
  const me = { query: '{ me { fullName } }' };

  it('lets a signed-in member read their own record', async () => {
    const token = await loginAs(platform, 'MEMBER');
    const { status, body } = await post(platform, me, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(body.data!.me.fullName).toBe(platform.demo.member.fullName);
  });

  it('tells an anonymous caller asking for the member query to sign in (UNAUTHENTICATED)', async () => {
    const answer = await post(platform, me);
    expect(answer.body.data).toEqual({ me: null });
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers a malformed Authorization header with 401 UNAUTHENTICATED', async () => {
    const answer = await post(platform, me, { authorization: 'Token abc' });
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers a token signed by another key with 401', async () => {
    const { privateJwk } = await generateSigningKeys();
    const forged = await new SignJWT({ grants: [{ role: 'ADMIN', orgId: 'x', orgPath: '/' }] })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('dangvu-members')
      .setAudience('dangvu')
      .setSubject(platform.seed.accounts[0]!.username)
      .setExpirationTime('5m')
      .sign(await importKey(privateJwk));
    const answer = await post(platform, me, { authorization: `Bearer ${forged}` });
    expect(answer.status).toBe(401);
    expect(answer.body.errors![0]!.message).toMatch(/không hợp lệ/);
    // The two-step code's word is not reused for a token.
    expect(answer.body.errors![0]!.message).not.toMatch(/mã xác thực/i);
  });

  it('answers an expired token with 401 and asks to sign in again', async () => {
    const identity = { personId: '00000000-0000-4000-8000-000000000000', grants: [], partner: null };
    const expired = await signAccessToken(identity, platform.authSigningKey, new Date(Date.now() - 60 * 60 * 1000));
    const answer = await post(platform, me, { authorization: `Bearer ${expired}` });
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.body.errors![0]!.message).toMatch(/hết hạn/);
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, payload, signature] = (await loginAs(platform, 'MEMBER')).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const escalated = { ...claims, grants: [{ role: 'ADMIN', orgId: 'x', orgPath: '/' }] };
    const tampered = Buffer.from(JSON.stringify(escalated)).toString('base64url');
    const answer = await post(platform, me, { authorization: `Bearer ${header}.${tampered}.${signature}` });
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('malformed requests', () => {
  it('answers malformed JSON with 400, not 500', async () => {
    const answer = await post(platform, '{"query": "{ me { id } }"');
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
  });

  it('answers a GraphQL syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    const answer = await post(platform, { query: '{ me { ' });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('refuses a form-encoded POST (CSRF prevention)', async () => {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(400);
  });

  it('never shows a stack trace or a field suggestion in production', async () => {
    const answer = await post(platform, { query: '{ me { fullNam } }' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).not.toMatch(/Did you mean|stacktrace|at .*\.ts/);
  });

  it('has introspection off in production', async () => {
    const answer = await post(platform, { query: '{ __schema { types { name } } }' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/[Ii]ntrospection/);
  });
});

describe('request limits', () => {
  const nested = (depth: number) => `{ me { organization ${'{ parent '.repeat(depth)}{ id }${' }'.repeat(depth)} } }`;

  it('accepts a query within the depth limit', async () => {
    const token = await loginAs(platform, 'MEMBER');
    const answer = await post(platform, { query: nested(LIMITS.depth - 4) }, { authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
  });

  it('refuses a query deeper than the limit', async () => {
    const answer = await post(platform, { query: nested(LIMITS.depth + 2) });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.body.errors![0]!.message).toBe('Syntax Error: Query validation error.');
  });

  const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: me { id }`).join(' ')} }`;

  it('accepts as many aliases as the limit', async () => {
    expect((await post(platform, { query: aliased(LIMITS.aliases) })).status).toBe(200);
  });

  it('refuses more aliases than the limit, without telling the limit', async () => {
    const answer = await post(platform, { query: aliased(LIMITS.aliases + 1) });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors![0]!.message).toBe('Syntax Error: Query validation error.');
  });

  // The same field repeated merges into one, so only the directive count can be over a limit.
  const directed = (count: number) => `{ me { ${' id @include(if: true)'.repeat(count)} } }`;

  it('accepts as many directives as the limit', async () => {
    expect((await post(platform, { query: directed(LIMITS.directives) })).status).toBe(200);
  });

  it('refuses more directives than the limit', async () => {
    const answer = await post(platform, { query: directed(LIMITS.directives + 1) });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.errors![0]!.message).toBe('Syntax Error: Query validation error.');
  });

  it('refuses a document of more tokens than the limit with 400', async () => {
    const fields = 'id '.repeat(LIMITS.tokens);
    const answer = await post(platform, { query: `{ me { ${fields} } }` });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(answer.body.errors![0]!.message).toMatch(/tokens/i);
  });

  it('refuses a body larger than the limit with 413', async () => {
    const answer = await post(platform, { query: '{ me { id } }', variables: { padding: 'x'.repeat(LIMITS.bodyBytes) } });
    expect(answer.status).toBe(413);
    expect(codes(answer)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('runs a small batch and refuses one larger than the limit', async () => {
    const one = { query: '{ me { id } }' };
    const small = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([one, one]),
    });
    expect(small.status).toBe(200);
    expect(await small.json()).toHaveLength(2);
    const large = await post(platform, Array.from({ length: LIMITS.batchSize + 1 }, () => one));
    expect(large.status).toBe(400);
    expect(codes(large)).toEqual(['BATCH_TOO_LARGE']);
  });
});

describe('page sizes through the gateway', () => {
  // A partner who asks for 500 rows is told the page size allowed, in Vietnamese, as for 101, never a syntax error.
  it.each([101, 500, 10_000])('answers first: %i with BAD_USER_INPUT in Vietnamese', async (first) => {
    const token = await loginAs(platform, 'SECRETARY');
    const answer = await post(
      platform,
      { query: 'query ($first: Int) { members(first: $first) { pageInfo { hasNextPage } } }', variables: { first } },
      { authorization: `Bearer ${token}` },
    );
    expect(answer.status).toBe(200);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors![0]!.message).toMatch(/1 đến 100/);
  });
});
