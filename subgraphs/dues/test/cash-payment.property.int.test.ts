import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSubgraph } from '../src/server.ts';

/**
 * recordCashPayment under hostile input (docs/reliability.md#bad-input-at-scale): whatever the member id and
 * months are, the answer is a refusal a client can read (BAD_USER_INPUT or a userError, in Vietnamese), never
 * a 500, and nothing is written.
 */
let subgraph: TestSubgraph;
const RECORD = 'mutation ($input: RecordCashPaymentInput!) { recordCashPayment(input: $input) { receipt { reference } userErrors { code message } } }';

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
});
afterAll(() => subgraph?.stop());

const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom("' or 1=1 --", "2026-01'; delete from dues.obligations; --", '<img src=x onerror=alert(1)>', '\u0000', 'Nguye\u0302\u0303n', '2026-02-30', '2026-13', '0000-00', '9999-12', '-2026-01'),
  fc.string({ maxLength: 5 }).map((s) => s.repeat(5_000)),
);
const VIETNAMESE = /[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/i;

describe('Mutation.recordCashPayment under hostile input', () => {
  it('never answers a 500, always refuses in Vietnamese, and writes nothing', async () => {
    const orgId = randomUUID();
    const orgPath = `/${randomUUID()}/${orgId}/`;
    const member = randomUUID();
    await subgraph.db.db.insert(tables.payers).values({ memberId: member, orgId, orgPath, category: 'STUDENT', collectsFrom: '2026-01-01' });
    await subgraph.db.db.insert(tables.obligations).values({ memberId: member, orgId, period: '2026-01-01', amount: 3_000, status: 'DUE' });
    const finance = personWith(randomUUID(), 'FINANCE_MEMBER', orgPath);
    const state = async () => ({
      obligations: await subgraph.db.db.select().from(tables.obligations).where(eq(tables.obligations.orgId, orgId)),
      receipts: (await subgraph.db.db.select().from(tables.receipts).where(eq(tables.receipts.orgId, orgId))).length,
    });
    const before = await state();

    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, fc.constant(member)), fc.array(hostileText, { maxLength: 30 }), async (memberId, months) => {
        const answer = await subgraph.call(RECORD, { input: { memberId, months } }, finance);
        expect(answer.status).toBeLessThan(500);
        const errors = answer.errors ?? [];
        for (const error of errors) {
          expect(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN']).toContain(error.extensions?.code);
          expect(error.message).toMatch(VIETNAMESE);
        }
        if (!errors.length) {
          const payload = answer.data!.recordCashPayment;
          expect(payload.receipt).toBeNull();
          expect(payload.userErrors.length).toBeGreaterThan(0);
          for (const userError of payload.userErrors) expect(userError.message).toMatch(VIETNAMESE);
        }
      }),
      { numRuns: 80 },
    );
    expect(await state()).toEqual(before);
  }, 120_000);
});
