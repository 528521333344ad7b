import { randomUUID } from 'node:crypto';
import { ANONYMOUS, type Identity } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
});
afterAll(() => subgraph?.stop());

const QUOTE = `query ($input: DuesQuoteInput!) {
  duesQuote(input: $input) { quote { month amount category regime rule calculation source } userErrors { code field message } }
}`;
const partner = (scopes: string[]): Identity => ({ personId: null, grants: [], partner: { clientId: randomUUID(), scopes } });

describe('Query.duesQuote', () => {
  it('gives a member the amount, the rule and its source for a month', async () => {
    const { data, errors } = await subgraph.call(
      QUOTE,
      { input: { situation: 'NO_INCOME_RETIREMENT_AGE', wageRegion: 'REGION_I', birthDate: '1960-02-01', sex: 'FEMALE', month: '2028-01' } },
      personWith(randomUUID()),
    );
    expect(errors).toBeUndefined();
    expect(data!.duesQuote).toEqual({
      quote: {
        month: '2028-01',
        amount: '15930',
        category: 'NO_INCOME_RETIREMENT_AGE',
        regime: '01-QĐ/TW',
        rule: expect.stringContaining('0,3% mức lương tối thiểu vùng'),
        calculation: expect.stringContaining('= 15.930 đ'),
        source: expect.stringContaining('Quy định 01-QĐ/TW'),
      },
      userErrors: [],
    });
  });

  it('reckons the months before 02/2026 by the 2010 rates', async () => {
    const { data } = await subgraph.call(QUOTE, { input: { situation: 'STUDENT', month: '2025-12' } }, personWith(randomUUID()));
    expect(data!.duesQuote.quote).toMatchObject({ amount: '3000', regime: '342-QĐ/TW' });
  });

  it('answers a missing basis as a user error with nothing else', async () => {
    const { data, errors } = await subgraph.call(QUOTE, { input: { situation: 'PENSION', month: '2026-02' } }, personWith(randomUUID()));
    expect(errors).toBeUndefined();
    expect(data!.duesQuote).toEqual({ quote: null, userErrors: [{ code: 'DUES_BASIS_REQUIRED', field: 'basis', message: expect.stringContaining('căn cứ') }] });
  });

  it('refuses an amount that is not whole dong in a string, before reckoning anything', async () => {
    for (const basis of [5_000_000, '5000000.5', '-0']) {
      const { data, errors } = await subgraph.call(QUOTE, { input: { situation: 'PENSION', basis, month: '2026-02' } }, personWith(randomUUID()));
      expect(data).toBeUndefined();
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('serves a partner holding dues:read, and refuses one without it and the anonymous caller', async () => {
    const input = { situation: 'STUDENT', month: '2026-02' };
    const allowed = await subgraph.call(QUOTE, { input }, partner(['dues:read']));
    expect(allowed.data!.duesQuote.quote.amount).toBe('5000');
    for (const [caller, code] of [
      [partner(['members:read']), 'FORBIDDEN'],
      [ANONYMOUS, 'UNAUTHENTICATED'],
    ] as const) {
      const { data, errors } = await subgraph.call(QUOTE, { input }, caller);
      expect(data).toBeNull();
      expect(errors!.map((e) => e.extensions?.code)).toEqual([code]);
    }
  });
});
