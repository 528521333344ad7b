import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { drainOutbox, publish, type Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesCollectionAccountConsumer } from '../src/payment/collection-account.consumer.ts';
import { crc16CcittFalse, readElements } from '../src/payment/vietqr.rules.ts';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const PREPARE = `mutation ($input: PreparePaymentInput!) {
  preparePayment(input: $input) {
    payment { code amount memo qrPayload months member { id } collectedBy { id } bankBin accountNumber holderName }
    userErrors { code field message }
  }
}`;

/** A ward, a grassroots committee under it with its dues account, and a subordinate cell with one payer owing Jan (DUE) and Feb (OVERDUE, reduced). */
async function committeeWithPayer({ account = true } = {}) {
  const ward = randomUUID();
  const committee = randomUUID();
  const cell = randomUUID();
  const committeePath = `/${ward}/${committee}/`;
  const cellPath = `${committeePath}${cell}/`;
  const member = randomUUID();
  const db = subgraph.db.db;
  await db.insert(tables.payers).values({ memberId: member, orgId: cell, orgPath: cellPath, category: 'SOCIAL_INSURANCE_SALARY', basis: 6_000_000, collectsFrom: '2026-01-01' });
  await db.insert(tables.obligations).values([
    { memberId: member, orgId: cell, period: '2026-01-01', amount: 60_000, status: 'DUE' },
    { memberId: member, orgId: cell, period: '2026-02-01', amount: 42_000, status: 'OVERDUE' },
    { memberId: member, orgId: cell, period: '2026-03-01', amount: 60_000, status: 'PAID_CASH' },
  ]);
  // The ward's own account is farther from the cell than the committee's: the committee's is the one used.
  await announce(ward, `/${ward}/`, '970436', '0011000000001', 'DANG UY PHUONG');
  if (account) await announce(committee, committeePath, '970405', '1234567890', 'DANG BO CO SO TRUONG');
  return { ward, committee, cell, cellPath, committeePath, member };
}

async function announce(orgId: string, orgPath: string, bankBin: string, accountNumber: string, holderName: string) {
  const { db } = subgraph.db;
  await db.transaction((tx) => publish(tx, 'organization.duesAccountSet', orgId, { orgId, orgPath, bankBin, accountNumber, holderName }));
  await drainOutbox(db, duesCollectionAccountConsumer);
}

const as = (role: Role, orgPath: string) => personWith(randomUUID(), role, orgPath);
const prepare = (caller: ReturnType<typeof personWith>, memberId: string, months: string[]) => subgraph.call(PREPARE, { input: { memberId, months } }, caller);

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
});
afterAll(() => subgraph?.stop());

describe('Mutation.preparePayment', () => {
  it('gives the member a VietQR payload that decodes to the collecting committee’s bank and account, the months’ sum and a memo with the payment code, with a correct CRC', async () => {
    const { committee, member } = await committeeWithPayer();
    const { data, errors } = await prepare(personWith(member), member, ['2026-02', '2026-01']);
    expect(errors).toBeUndefined();
    const { payment, userErrors } = data!.preparePayment;
    expect(userErrors).toEqual([]);
    expect(payment).toMatchObject({
      amount: '102000',
      months: ['2026-01', '2026-02'],
      member: { id: member },
      collectedBy: { id: committee },
      bankBin: '970405',
      accountNumber: '1234567890',
      holderName: 'DANG BO CO SO TRUONG',
    });
    expect(payment.code).toMatch(/^DP[A-HJ-NP-Z2-9]{8}$/);
    expect(payment.memo).toBe(`${payment.code} DANG PHI`);

    const root = readElements(payment.qrPayload);
    const merchant = readElements(root.get('38')!);
    expect(merchant.get('00')).toBe('A000000727');
    expect(Object.fromEntries(readElements(merchant.get('01')!))).toEqual({ '00': '970405', '01': '1234567890' });
    expect(merchant.get('02')).toBe('QRIBFTTA');
    expect([root.get('53'), root.get('54'), root.get('58')]).toEqual(['704', '102000', 'VN']);
    expect(readElements(root.get('62')!).get('08')).toBe(payment.memo);
    expect(root.get('63')).toBe(crc16CcittFalse(payment.qrPayload.slice(0, -4)));
  });

  it('gives the same payment for the same months, once for fifty requests at once; a changed amount or account makes a new code and retires the old', async () => {
    const { committee, committeePath, member } = await committeeWithPayer();
    const self = personWith(member);
    const fifty = await Promise.all(Array.from({ length: 50 }, () => prepare(self, member, ['2026-01'])));
    const codes = new Set(fifty.map((r) => r.data!.preparePayment.payment.code));
    expect(codes.size).toBe(1);
    const [first] = codes;
    expect((await prepare(self, member, ['2026-01'])).data!.preparePayment.payment.code).toBe(first);

    // A reduction decided since: the QR must not ask for the old amount.
    await subgraph.db.db.update(tables.obligations).set({ amount: 30_000 }).where(and(eq(tables.obligations.memberId, member), eq(tables.obligations.period, '2026-01-01')));
    const reduced = (await prepare(self, member, ['2026-01'])).data!.preparePayment.payment;
    expect(reduced.code).not.toBe(first);
    expect(reduced.amount).toBe('30000');

    await announce(committee, committeePath, '970418', '99887766', 'DANG BO CO SO TRUONG');
    const moved = (await prepare(self, member, ['2026-01'])).data!.preparePayment.payment;
    expect(moved).toMatchObject({ bankBin: '970418', accountNumber: '99887766' });
    expect(moved.code).not.toBe(reduced.code);
    const rows = await subgraph.db.db.select().from(tables.qrPayments).where(eq(tables.qrPayments.memberId, member));
    expect(rows.map((r) => r.status).sort()).toEqual(['OPEN', 'SUPERSEDED', 'SUPERSEDED']);
  });

  it('says in Vietnamese that there is no account to pay into when neither the cell nor a committee above has one', async () => {
    const member = randomUUID();
    const cell = randomUUID();
    await subgraph.db.db.insert(tables.payers).values({ memberId: member, orgId: cell, orgPath: `/${randomUUID()}/${cell}/`, category: 'STUDENT', collectsFrom: '2026-01-01' });
    await subgraph.db.db.insert(tables.obligations).values({ memberId: member, orgId: cell, period: '2026-01-01', amount: 5_000, status: 'DUE' });
    const { data } = await prepare(personWith(member), member, ['2026-01']);
    expect(data!.preparePayment).toEqual({
      payment: null,
      userErrors: [{ code: 'NO_COLLECTION_ACCOUNT', field: 'memberId', message: expect.stringContaining('chưa đăng ký tài khoản ngân hàng') }],
    });
  });

  it('refuses, in Vietnamese and preparing nothing, a month paid already, not made, chosen twice, or none', async () => {
    const { member } = await committeeWithPayer();
    const cases: [string[], string][] = [
      [['2026-01', '2026-03'], 'MONTH_ALREADY_SETTLED'],
      [['2026-09'], 'MONTH_NOT_OWED'],
      [['2026-01', '2026-01'], 'DUPLICATE_MONTH'],
      [[], 'MONTHS_REQUIRED'],
      [Array.from({ length: 25 }, (_, i) => `20${24 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`), 'TOO_MANY_MONTHS'],
    ];
    for (const [months, code] of cases) {
      const { data } = await prepare(personWith(member), member, months);
      expect(data!.preparePayment).toEqual({ payment: null, userErrors: [{ code, field: 'months', message: expect.stringMatching(/tháng/i) }] });
    }
    expect(await subgraph.db.db.select().from(tables.qrPayments).where(eq(tables.qrPayments.memberId, member))).toEqual([]);
  });

  it('is prepared by the member, by the finance member, secretary or deputy of the cell or a committee above, for themselves too; refused to everyone else', async () => {
    const { ward, cellPath, committeePath, member } = await committeeWithPayer();
    const allowed = [
      personWith(member),
      // An officer of the cell who is the member themself prepares their own payment as a member does.
      personWith(member, 'FINANCE_MEMBER', cellPath),
      as('FINANCE_MEMBER', cellPath),
      as('SECRETARY', cellPath),
      as('DEPUTY_SECRETARY', cellPath),
      as('FINANCE_MEMBER', committeePath),
      as('SECRETARY', `/${ward}/`),
    ];
    for (const caller of allowed) expect((await prepare(caller, member, ['2026-01'])).data!.preparePayment.userErrors).toEqual([]);
    const refused = [
      personWith(randomUUID()),
      as('ADMIN', cellPath),
      as('ANALYST', cellPath),
      as('FINANCE_MEMBER', `/${randomUUID()}/`),
      as('SECRETARY', `${cellPath}${randomUUID()}/`),
    ];
    for (const caller of refused) {
      const { data, errors } = await prepare(caller, member, ['2026-01']);
      expect(data).toBeNull();
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    // A member the roll does not know is refused alike, so that nobody learns who exists.
    const { errors } = await prepare(as('SECRETARY', `/${ward}/`), randomUUID(), ['2026-01']);
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
