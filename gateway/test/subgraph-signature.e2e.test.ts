import { SUBGRAPHS } from '@dangvu/schema';
import { ANONYMOUS, GATEWAY_SIGNATURE_HEADER, generateSigningKeys, importKey, signSubgraphCall } from '@dangvu/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const query = '{ _service { sdl } }';

async function call(url: string, headers: Record<string, string>, body: unknown = { query }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] } };
}

const sign = (subgraph: string, key = platform.gatewaySigningKey, signedQuery = query) =>
  signSubgraphCall({ subgraph, identity: ANONYMOUS, requestId: 'test', query: signedQuery, variables: undefined }, key);

describe.each(SUBGRAPHS.map(({ name }) => name))('the %s subgraph', (name) => {
  it('answers a call the gateway signed for it', async () => {
    const answer = await call(platform.subgraphUrls[name], { [GATEWAY_SIGNATURE_HEADER]: await sign(name) });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body.data)).toContain('@key');
  });

  it('refuses a call without a signature', async () => {
    const answer = await call(platform.subgraphUrls[name], {});
    expect(answer.status).toBe(401);
    expect(answer.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a signature made with another key', async () => {
    const foreign = await importKey((await generateSigningKeys()).privateJwk);
    const answer = await call(platform.subgraphUrls[name], { [GATEWAY_SIGNATURE_HEADER]: await sign(name, foreign) });
    expect(answer.status).toBe(401);
  });

  it('refuses a signature made for another subgraph', async () => {
    const other = name === 'members' ? 'dues' : 'members';
    const answer = await call(platform.subgraphUrls[name], { [GATEWAY_SIGNATURE_HEADER]: await sign(other) });
    expect(answer.status).toBe(401);
  });

  it('refuses a signed call sent a second time within its life', async () => {
    const header = await sign(name);
    expect((await call(platform.subgraphUrls[name], { [GATEWAY_SIGNATURE_HEADER]: header })).status).toBe(200);
    const replayed = await call(platform.subgraphUrls[name], { [GATEWAY_SIGNATURE_HEADER]: header });
    expect(replayed.status).toBe(401);
    expect(replayed.body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a signature replayed with another query', async () => {
    const header = await sign(name);
    const answer = await call(platform.subgraphUrls[name], { [GATEWAY_SIGNATURE_HEADER]: header }, { query: '{ __typename }' });
    expect(answer.status).toBe(401);
  });
});
