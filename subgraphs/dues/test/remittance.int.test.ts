import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Identity, Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSubgraph } from '../src/server.ts';
import { wardAndCell } from './ward-and-cell.fixture.ts';

let subgraph: TestSubgraph;
const REMITTANCE = 'remittance { id month state amount amountFromClose amountFromAdjustments transferReference transferredOn rejectionReason organization { id } superior { id } }';
const SUBMIT = `mutation ($input: SubmitDuesRemittanceInput!) { submitDuesRemittance(input: $input) { ${REMITTANCE} userErrors { code field message } } }`;
const CONFIRM = `mutation ($input: ConfirmDuesRemittanceInput!) { confirmDuesRemittance(input: $input) { ${REMITTANCE} userErrors { code field message } } }`;
const REJECT = `mutation ($input: RejectDuesRemittanceInput!) { rejectDuesRemittance(input: $input) { ${REMITTANCE} userErrors { code field message } } }`;
const ADJUST = `mutation ($input: RecordDuesAdjustmentInput!) {
  recordDuesAdjustment(input: $input) { adjustment { month kind amount amountKept amountRemitted reason carried } userErrors { code field message } }
}`;
const CLOSE = `mutation ($input: CloseDuesMonthInput!) { closeDuesMonth(input: $input) { close { amountRemitted } userErrors { code } } }`;
const RECEIVED = `query ($reps: [_Any!]!, $state: DuesRemittanceState) {
  _entities(representations: $reps) { ... on Organization { duesRemittancesReceived(state: $state) { id month state amount organization { id } viewerCanDecide } } }
}`;
const CLOSES = `query ($reps: [_Any!]!, $month: YearMonth!) {
  _entities(representations: $reps) { ... on Organization { duesMonthCloses(month: $month) { amountCollected amountAdjusted adjustments { kind amount carried } remittance { state amount } } } }
}`;

/** A ward and a grassroots cell under it whose October collected 150.000 (remitting 45.000 at 30%) and whose November 100.000. */
async function tree() {
  const { ward, cell, wardPath, cellPath } = await wardAndCell(subgraph);
  const db = subgraph.db.db;
  const members = [randomUUID(), randomUUID(), randomUUID()] as const;
  await db.insert(tables.payers).values(members.map((memberId) => ({ memberId, orgId: cell, orgPath: cellPath, category: 'STUDENT' as const, collectsFrom: '2026-01-01' })));
  await db.insert(tables.obligations).values([
    { memberId: members[0], orgId: cell, period: '2026-10-01', amount: 100_000, status: 'PAID_CASH' },
    { memberId: members[1], orgId: cell, period: '2026-10-01', amount: 50_000, status: 'PAID_ONLINE' },
    { memberId: members[2], orgId: cell, period: '2026-10-01', amount: 30_000, status: 'OVERDUE' },
    { memberId: members[0], orgId: cell, period: '2026-11-01', amount: 100_000, status: 'PAID_CASH' },
  ]);
  const finance = as('FINANCE_MEMBER', cellPath);
  for (const month of ['2026-10', '2026-11']) await subgraph.call(CLOSE, { input: { organizationId: cell, month } }, finance);
  return { ward, cell, wardPath, cellPath, members, finance };
}

const as = (role: Role, orgPath: string) => personWith(randomUUID(), role, orgPath);
/** One person holding two roles: e.g. the ward's deputy who is also the cell's finance member. */
const holding = (...grants: [Role, string][]): Identity => ({ personId: randomUUID(), grants: grants.map(([role, orgPath]) => ({ role, orgId: orgPath.split('/').at(-2)!, orgPath })), partner: null });
const submission = (organizationId: string, month = '2026-10') => ({ organizationId, month, transferReference: 'FT26310123456', transferredOn: '2026-11-03' });
const submit = (caller: Identity, input: Record<string, unknown>) => subgraph.call(SUBMIT, { input }, caller);
const confirm = (caller: Identity, id: string) => subgraph.call(CONFIRM, { input: { id } }, caller);
const reject = (caller: Identity, id: string, reason: string) => subgraph.call(REJECT, { input: { id, reason } }, caller);
const adjust = (caller: Identity, input: Record<string, unknown>) => subgraph.call(ADJUST, { input }, caller);
const orgRep = (path: string) => ({ __typename: 'Organization', id: path.split('/').at(-2), path });
const remittanceRows = (orgPath: string) => subgraph.db.db.select().from(tables.remittances).where(eq(tables.remittances.orgPath, orgPath));

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
});
afterAll(() => subgraph?.stop());

describe('submitting and confirming a remittance', () => {
  it('sends the close’s 45.000 up with the transfer’s reference; the ward sees it waiting, its finance member confirms it, each step audited', async () => {
    const { ward, cell, wardPath, cellPath, finance } = await tree();
    const { data, errors } = await submit(finance, submission(cell));
    expect(errors).toBeUndefined();
    const remittance = data!.submitDuesRemittance.remittance;
    expect(remittance).toEqual({
      id: expect.any(String),
      month: '2026-10',
      state: 'SUBMITTED',
      amount: '45000',
      amountFromClose: '45000',
      amountFromAdjustments: '0',
      transferReference: 'FT26310123456',
      transferredOn: '2026-11-03',
      rejectionReason: null,
      organization: { id: cell },
      superior: { id: ward },
    });
    const wardFinance = as('FINANCE_MEMBER', wardPath);
    const waiting = await subgraph.call(RECEIVED, { reps: [orgRep(wardPath)], state: 'SUBMITTED' }, wardFinance);
    expect(waiting.data!._entities[0].duesRemittancesReceived).toEqual([{ id: remittance.id, month: '2026-10', state: 'SUBMITTED', amount: '45000', organization: { id: cell }, viewerCanDecide: true }]);
    const confirmed = await confirm(wardFinance, remittance.id);
    expect(confirmed.data!.confirmDuesRemittance).toMatchObject({ remittance: { state: 'CONFIRMED', amount: '45000' }, userErrors: [] });
    const closes = await subgraph.call(CLOSES, { reps: [orgRep(cellPath)], month: '2026-10' }, finance);
    expect(closes.data!._entities[0].duesMonthCloses[0].remittance).toEqual({ state: 'CONFIRMED', amount: '45000' });
    const trail = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.entityId, remittance.id), like(tables.auditEntries.action, 'dues.remittance.%')));
    expect(trail.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['dues.remittance.submit', finance.personId],
      ['dues.remittance.confirm', wardFinance.personId],
    ]);
  });

  it('takes a rejection with its reason, refuses one without, and the cell submits again with the new transfer', async () => {
    const { cell, wardPath, finance } = await tree();
    const { id } = (await submit(finance, submission(cell))).data!.submitDuesRemittance.remittance;
    const deputy = as('DEPUTY_SECRETARY', wardPath);
    expect((await reject(deputy, id, '  ')).data!.rejectDuesRemittance).toEqual({ remittance: null, userErrors: [{ code: 'REASON_REQUIRED', field: 'reason', message: 'Hãy ghi lý do từ chối để tổ chức nộp lại cho đúng.' }] });
    const rejected = await reject(deputy, id, 'Chưa nhận được tiền trên tài khoản.');
    expect(rejected.data!.rejectDuesRemittance.remittance).toMatchObject({ state: 'REJECTED', rejectionReason: 'Chưa nhận được tiền trên tài khoản.' });
    expect((await confirm(deputy, id)).data!.confirmDuesRemittance.userErrors.map((e: { code: string }) => e.code)).toEqual(['ALREADY_REJECTED']);
    const again = await submit(finance, { ...submission(cell), transferReference: 'FT26310999999', transferredOn: '2026-11-10' });
    expect(again.data!.submitDuesRemittance.remittance).toMatchObject({ id, state: 'SUBMITTED', transferReference: 'FT26310999999', rejectionReason: null });
    expect((await confirm(deputy, id)).data!.confirmDuesRemittance.remittance.state).toBe('CONFIRMED');
  });

  it('confirms once for fifty confirmations at once; the others are told it is confirmed', async () => {
    const { cell, wardPath, finance } = await tree();
    const { id } = (await submit(finance, submission(cell))).data!.submitDuesRemittance.remittance;
    const wardSecretary = as('SECRETARY', wardPath);
    const answers = await Promise.all(Array.from({ length: 50 }, () => confirm(wardSecretary, id)));
    expect(answers.filter((a) => a.data?.confirmDuesRemittance.remittance?.state === 'CONFIRMED')).toHaveLength(1);
    expect(answers.filter((a) => a.data?.confirmDuesRemittance.userErrors[0]?.code === 'ALREADY_CONFIRMED')).toHaveLength(49);
    const trail = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.entityId, id), eq(tables.auditEntries.action, 'dues.remittance.confirm')));
    expect(trail).toHaveLength(1);
  });

  it('submits once for fifty submissions at once', async () => {
    const { cell, cellPath, finance } = await tree();
    const answers = await Promise.all(Array.from({ length: 50 }, () => submit(finance, submission(cell))));
    expect(answers.filter((a) => a.data?.submitDuesRemittance.remittance)).toHaveLength(1);
    expect(answers.filter((a) => a.data?.submitDuesRemittance.userErrors[0]?.code === 'ALREADY_SUBMITTED')).toHaveLength(49);
    expect(await remittanceRows(cellPath)).toHaveLength(1);
  });

  it('refuses, in Vietnamese and writing nothing, a month not closed, a transfer dated tomorrow or before the month, no reference', async () => {
    const { cell, cellPath, finance } = await tree();
    const cases = [
      [{ ...submission(cell, '2026-09'), transferredOn: '2026-10-02' }, 'MONTH_NOT_CLOSED'],
      [{ ...submission(cell), transferredOn: '2099-01-01' }, 'TRANSFERRED_IN_FUTURE'],
      [{ ...submission(cell), transferredOn: '2026-09-30' }, 'TRANSFERRED_BEFORE_MONTH'],
      [{ ...submission(cell), transferReference: ' ' }, 'REFERENCE_REQUIRED'],
    ] as const;
    for (const [input, code] of cases) {
      const { data } = await submit(finance, input);
      expect(data!.submitDuesRemittance.remittance).toBeNull();
      expect(data!.submitDuesRemittance.userErrors).toEqual([{ code, field: expect.any(String), message: expect.stringMatching(/[ạảãáàâăđêôơư]/u) }]);
    }
    expect(await remittanceRows(cellPath)).toEqual([]);
  });

  it('is submitted by the cell’s own finance member, secretary or deputy only; the ward’s officers and others are refused', async () => {
    const { cell, wardPath, cellPath, members } = await tree();
    const wardDeputy = as('DEPUTY_SECRETARY', wardPath);
    expect((await submit(wardDeputy, submission(cell))).data!.submitDuesRemittance.userErrors.map((e: { code: string }) => e.code)).toEqual(['FORBIDDEN_ACTION']);
    for (const caller of [as('ADMIN', cellPath), as('ANALYST', wardPath), as('FINANCE_MEMBER', `/${randomUUID()}/`), as('SECRETARY', `${cellPath}${randomUUID()}/`), personWith(members[0])]) {
      const { data, errors } = await submit(caller, submission(cell));
      expect(data).toBeNull();
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    expect(await remittanceRows(cellPath)).toEqual([]);
    for (const role of ['SECRETARY', 'DEPUTY_SECRETARY'] as const) {
      expect((await submit(as(role, cellPath), submission(cell, role === 'SECRETARY' ? '2026-10' : '2026-11'))).data!.submitDuesRemittance.userErrors).toEqual([]);
    }
  });

  it('is confirmed by no officer of the ward who also holds a role in the cell or under it, nor by one who submitted it; the cell’s own officers and outsiders are refused', async () => {
    const { cell, wardPath, cellPath, members } = await tree();
    const both = holding(['FINANCE_MEMBER', cellPath], ['DEPUTY_SECRETARY', wardPath]);
    const { id } = (await submit(both, submission(cell))).data!.submitDuesRemittance.remittance;
    for (const caller of [both, holding(['SECRETARY', wardPath], ['SECRETARY', `${cellPath}${randomUUID()}/`])]) {
      const { data } = await confirm(caller, id);
      const own = caller === both ? 'Người nộp không tự xác nhận' : 'Đồng chí không xác nhận khoản nộp của chính tổ chức mình';
      expect(data!.confirmDuesRemittance).toEqual({ remittance: null, userErrors: [{ code: 'FORBIDDEN_ACTION', field: 'id', message: expect.stringContaining(own) }] });
    }
    for (const caller of [as('SECRETARY', cellPath), as('FINANCE_MEMBER', cellPath), as('ADMIN', wardPath), as('ANALYST', wardPath), as('FINANCE_MEMBER', `/${randomUUID()}/`), personWith(members[0])]) {
      const { data, errors } = await confirm(caller, id);
      expect(data).toBeNull();
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const received = await subgraph.call(RECEIVED, { reps: [orgRep(wardPath)] }, as('SECRETARY', cellPath));
    expect(received.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const [row] = await remittanceRows(cellPath);
    expect(row!.state).toBe('SUBMITTED');
  });
});

describe('adjustments after a close', () => {
  it('records a late payment against closed October, split 70/30, shows it in October’s totals and carries its 3.000 into the next remittance; one after the confirmation goes with November’s', async () => {
    const { cell, wardPath, cellPath, finance } = await tree();
    const late = await adjust(finance, { organizationId: cell, month: '2026-10', kind: 'LATE_PAYMENT', amount: '10000', reason: 'Đồng chí C nộp tiền mặt ngày 05/11 cho tháng 10' });
    expect(late.data!.recordDuesAdjustment).toEqual({
      adjustment: { month: '2026-10', kind: 'LATE_PAYMENT', amount: '10000', amountKept: '7000', amountRemitted: '3000', reason: 'Đồng chí C nộp tiền mặt ngày 05/11 cho tháng 10', carried: false },
      userErrors: [],
    });
    const october = await subgraph.call(CLOSES, { reps: [orgRep(cellPath)], month: '2026-10' }, finance);
    expect(october.data!._entities[0].duesMonthCloses[0]).toEqual({ amountCollected: '150000', amountAdjusted: '10000', adjustments: [{ kind: 'LATE_PAYMENT', amount: '10000', carried: false }], remittance: null });
    const sent = (await submit(finance, submission(cell))).data!.submitDuesRemittance.remittance;
    expect(sent).toMatchObject({ amount: '48000', amountFromClose: '45000', amountFromAdjustments: '3000' });
    await confirm(as('FINANCE_MEMBER', wardPath), sent.id);

    await adjust(finance, { organizationId: cell, month: '2026-10', kind: 'CORRECTION', amount: '-5000', reason: 'Ghi nhầm số tiền của đồng chí B' });
    const november = (await submit(finance, { ...submission(cell, '2026-11'), transferredOn: '2026-12-01' })).data!.submitDuesRemittance.remittance;
    // November's close remits 30.000; October's correction of -5.000 takes back its -1.500 (kept -3.500).
    expect(november).toMatchObject({ amount: '28500', amountFromClose: '30000', amountFromAdjustments: '-1500' });
    const again = await subgraph.call(CLOSES, { reps: [orgRep(cellPath)], month: '2026-10' }, finance);
    expect(again.data!._entities[0].duesMonthCloses[0]).toMatchObject({ amountCollected: '150000', amountAdjusted: '5000', adjustments: [{ carried: true }, { carried: true }] });
    const trail = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.action, 'dues.monthAdjusted'), eq(tables.auditEntries.orgPath, cellPath)));
    expect(trail).toHaveLength(2);
  });

  it('refuses, in Vietnamese and writing nothing, a month not closed, zero, a negative late payment, no reason', async () => {
    const { cell, cellPath, finance } = await tree();
    const base = { organizationId: cell, month: '2026-10', kind: 'CORRECTION', amount: '1000', reason: 'Sửa số' };
    for (const [input, code] of [
      [{ ...base, month: '2026-09' }, 'MONTH_NOT_CLOSED'],
      [{ ...base, amount: '0' }, 'AMOUNT_ZERO'],
      [{ ...base, kind: 'LATE_PAYMENT', amount: '-1000' }, 'LATE_PAYMENT_NEGATIVE'],
      [{ ...base, reason: '' }, 'REASON_REQUIRED'],
    ] as const) {
      const { data } = await adjust(finance, input);
      expect(data!.recordDuesAdjustment.userErrors).toEqual([{ code, field: expect.any(String), message: expect.stringMatching(/[ạảãáàâăđêôơư]/u) }]);
    }
    expect(await subgraph.db.db.select().from(tables.monthAdjustments).where(eq(tables.monthAdjustments.orgPath, cellPath))).toEqual([]);
  });

  it('is recorded by those who close the month, the ward’s too; refused to administrators, analysts, outsiders, officers below and members', async () => {
    const { cell, wardPath, cellPath, members } = await tree();
    const input = { organizationId: cell, month: '2026-10', kind: 'LATE_PAYMENT', amount: '1000', reason: 'Thu muộn' };
    for (const caller of [as('SECRETARY', cellPath), as('DEPUTY_SECRETARY', cellPath), as('FINANCE_MEMBER', wardPath)]) {
      expect((await adjust(caller, input)).data!.recordDuesAdjustment.userErrors).toEqual([]);
    }
    for (const caller of [as('ADMIN', cellPath), as('ANALYST', wardPath), as('FINANCE_MEMBER', `/${randomUUID()}/`), as('SECRETARY', `${cellPath}${randomUUID()}/`), personWith(members[0])]) {
      const { data, errors } = await adjust(caller, input);
      expect(data).toBeNull();
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});
