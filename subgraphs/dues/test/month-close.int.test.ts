import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSubgraph } from '../src/server.ts';
import { wardAndCell } from './ward-and-cell.fixture.ts';

let subgraph: TestSubgraph;
const CLOSE = `mutation ($input: CloseDuesMonthInput!) {
  closeDuesMonth(input: $input) { close { organization { id } month obligationCount paidCount amountDue amountCollected amountKept amountRemitted remittanceRule } userErrors { code field message } }
}`;
const CLOSES = `query ($reps: [_Any!]!, $month: YearMonth!) { _entities(representations: $reps) { ... on Organization { duesMonthCloses(month: $month) { organization { id } amountRemitted } } } }`;
const CASH = `mutation ($input: RecordCashPaymentInput!) { recordCashPayment(input: $input) { receipt { number } userErrors { code message } } }`;
const PREPARE = `mutation ($input: PreparePaymentInput!) { preparePayment(input: $input) { payment { code } userErrors { code message } } }`;
const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).slice(0, 7);

/** A ward and a grassroots cell under it with three members' October: 100.000 paid in cash, 50.000 online, 30.000 overdue. */
async function cellWithOctober() {
  const { ward, cell, wardPath, cellPath } = await wardAndCell(subgraph);
  const db = subgraph.db.db;
  await db.insert(tables.collectionAccounts).values({ orgId: cell, orgPath: cellPath, bankBin: '970405', accountNumber: '1234567890', holderName: 'CHI BO' });
  const members = [randomUUID(), randomUUID(), randomUUID()] as const;
  await db.insert(tables.payers).values(members.map((memberId) => ({ memberId, orgId: cell, orgPath: cellPath, category: 'STUDENT' as const, collectsFrom: '2026-01-01' })));
  await db.insert(tables.obligations).values([
    { memberId: members[0], orgId: cell, period: '2026-10-01', amount: 100_000, status: 'PAID_CASH' },
    { memberId: members[1], orgId: cell, period: '2026-10-01', amount: 50_000, status: 'PAID_ONLINE' },
    { memberId: members[2], orgId: cell, period: '2026-10-01', amount: 30_000, status: 'OVERDUE' },
  ]);
  return { ward, cell, wardPath, cellPath, members };
}

const as = (role: Role, orgPath: string) => personWith(randomUUID(), role, orgPath);
const close = (caller: ReturnType<typeof personWith>, organizationId: string, month = '2026-10') => subgraph.call(CLOSE, { input: { organizationId, month } }, caller);

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
});
afterAll(() => subgraph?.stop());

describe('Mutation.closeDuesMonth', () => {
  it('freezes the month’s totals with what the cell keeps and remits, shows the ward which cells closed, and lets no payment into the month after', async () => {
    const { cell, wardPath, cellPath, members } = await cellWithOctober();
    const { data, errors } = await close(as('FINANCE_MEMBER', cellPath), cell);
    expect(errors).toBeUndefined();
    expect(data!.closeDuesMonth).toEqual({
      close: {
        organization: { id: cell },
        month: '2026-10',
        obligationCount: 3,
        paidCount: 2,
        amountDue: '180000',
        amountCollected: '150000',
        amountKept: '105000',
        amountRemitted: '45000',
        remittanceRule: expect.stringContaining('giữ lại 70%, nộp lên 30%'),
      },
      userErrors: [],
    });
    const [entry] = await subgraph.db.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.action, 'dues.monthClosed'));
    expect(entry).toMatchObject({ orgPath: cellPath });

    const ward = await subgraph.call(CLOSES, { reps: [{ __typename: 'Organization', id: wardPath.split('/')[1], path: wardPath }], month: '2026-10' }, as('SECRETARY', wardPath));
    expect(ward.data!._entities[0].duesMonthCloses).toEqual([{ organization: { id: cell }, amountRemitted: '45000' }]);

    const cash = await subgraph.call(CASH, { input: { memberId: members[2], months: ['2026-10'] } }, as('SECRETARY', cellPath));
    expect(cash.data!.recordCashPayment).toEqual({ receipt: null, userErrors: [{ code: 'MONTH_CLOSED', message: expect.stringContaining('Tháng 10/2026 đã khóa sổ') }] });
    const qr = await subgraph.call(PREPARE, { input: { memberId: members[2], months: ['2026-10'] } }, personWith(members[2]));
    expect(qr.data!.preparePayment.userErrors.map((e: { code: string }) => e.code)).toEqual(['MONTH_CLOSED']);
    const [row] = await subgraph.db.db.select().from(tables.obligations).where(eq(tables.obligations.memberId, members[2]));
    expect(row!.status).toBe('OVERDUE');
  });

  it('closes a month once for fifty requests at once; the others are told it is closed', async () => {
    const { cell, cellPath } = await cellWithOctober();
    const finance = as('FINANCE_MEMBER', cellPath);
    const answers = await Promise.all(Array.from({ length: 50 }, () => close(finance, cell)));
    expect(answers.filter((a) => a.data?.closeDuesMonth.close)).toHaveLength(1);
    expect(answers.filter((a) => a.data?.closeDuesMonth.userErrors[0]?.code === 'ALREADY_CLOSED')).toHaveLength(49);
  });

  it('refuses, in Vietnamese, to close the month under way', async () => {
    const { cell, cellPath } = await cellWithOctober();
    const { data } = await close(as('SECRETARY', cellPath), cell, thisMonth);
    expect(data!.closeDuesMonth).toEqual({ close: null, userErrors: [{ code: 'MONTH_NOT_OVER', field: 'month', message: 'Chỉ khóa sổ được tháng đã kết thúc.' }] });
  });

  it('is closed by the cell’s finance member, secretary or deputy, or the ward’s; refused to administrators, analysts, outsiders and members', async () => {
    const { cell, wardPath, cellPath, members } = await cellWithOctober();
    for (const [i, caller] of [as('DEPUTY_SECRETARY', cellPath), as('SECRETARY', wardPath)].entries()) {
      expect((await close(caller, cell, `2026-0${i + 1}`)).data!.closeDuesMonth.userErrors).toEqual([]);
    }
    for (const caller of [as('ADMIN', cellPath), as('ANALYST', wardPath), as('FINANCE_MEMBER', `/${randomUUID()}/`), as('SECRETARY', `${cellPath}${randomUUID()}/`), personWith(members[0])]) {
      const { data, errors } = await close(caller, cell);
      expect(data).toBeNull();
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const ward = await subgraph.call(CLOSES, { reps: [{ __typename: 'Organization', id: cell, path: cellPath }], month: '2026-10' }, personWith(members[0]));
    expect(ward.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
