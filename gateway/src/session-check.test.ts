import { createServer, type Server } from 'node:http';
import { generateSigningKeys, GATEWAY_SIGNATURE_HEADER, importKey, type Identity } from '@dangvu/subgraph-kit';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_CHECK_SECONDS, sessionCheck, type SessionState } from './session-check.ts';

/** A members subgraph that answers `sessionState` from a table, and checks that each question is signed for it. */
let server: Server;
let url: string;
const states = new Map<string, SessionState>();
const asked: { sid: string; personId: string | null }[] = [];
const keys = await generateSigningKeys();
const publicKey = await importKey(keys.publicJwk);
const privateKey = await importKey(keys.privateJwk);
let down = false;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const body = JSON.parse(text) as { query: string; variables: { id: string } };
    const call = await jwtVerify(request.headers[GATEWAY_SIGNATURE_HEADER] as string, publicKey, { audience: 'members' }).catch(() => null);
    if (!call || down) return response.writeHead(down ? 503 : 401).end('{}');
    asked.push({ sid: body.variables.id, personId: call.payload.sub ?? null });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { sessionState: states.get(body.variables.id) ?? 'ENDED' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  url = `http://127.0.0.1:${address.port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  asked.length = 0;
  down = false;
});

const person: Identity = { personId: '00000000-0000-4000-8000-000000000001', grants: [], partner: null };

describe('the session check', () => {
  it('asks the members subgraph as the token’s own person, once for requests that arrive together', async () => {
    states.set('s1', 'ACTIVE');
    const check = sessionCheck({ membersUrl: url, privateKey });
    expect(await Promise.all([1, 2, 3].map(() => check.state('token-1', 's1', person, 'r')))).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
    expect(asked).toEqual([{ sid: 's1', personId: person.personId }]);
  });

  it('learns that a session ended within seconds: an open one is asked about again after the check interval', async () => {
    let clock = 0;
    states.set('s2', 'ACTIVE');
    const check = sessionCheck({ membersUrl: url, privateKey, now: () => clock });
    expect(await check.state('token-2', 's2', person, 'r')).toBe('ACTIVE');
    states.set('s2', 'ENDED');
    clock += SESSION_CHECK_SECONDS * 1000 - 1;
    expect(await check.state('token-2', 's2', person, 'r')).toBe('ACTIVE');
    clock += 1;
    expect(await check.state('token-2', 's2', person, 'r')).toBe('ENDED');
    // Ended is final: another token of the session is refused without asking.
    expect(await check.state('token-2b', 's2', person, 'r')).toBe('ENDED');
    expect(asked).toHaveLength(2);
  });

  it('does not keep a failure: the next request asks again', async () => {
    states.set('s3', 'ACTIVE');
    const check = sessionCheck({ membersUrl: url, privateKey });
    down = true;
    await expect(check.state('token-3', 's3', person, 'r')).rejects.toThrow();
    down = false;
    expect(await check.state('token-3', 's3', person, 'r')).toBe('ACTIVE');
  });

  it('keeps at most its capacity of answers, forgetting the oldest', async () => {
    states.set('s4', 'ACTIVE');
    const check = sessionCheck({ membersUrl: url, privateKey, capacity: 2 });
    for (const token of ['a', 'b', 'c', 'a']) await check.state(token, 's4', person, 'r');
    expect(asked).toHaveLength(4);
  });
});
