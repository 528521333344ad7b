import { createHash } from 'node:crypto';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { jobs } from '@dangvu/subgraph-dues/jobs';
import { readElements } from '@dangvu/subgraph-dues/vietqr';
import { runJob, signAccessToken, vietnamDay, type Identity, type Role } from '@dangvu/subgraph-kit';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { officerOf as officerOfIn, post } from './http-helpers.ts';

/**
 * A dues month of a cell of the demo commune, end to end through the gateway (docs/rules/dues-remittance.md,
 * dues-payments.md): the month's obligations made by the monthly run; some paid in cash, one by a VietQR payment
 * the bank's notification reports (delivered twice), one found in the bank's statement, one applied by hand from
 * the statement's exception queue; the month closed, its remittance submitted by the cell and confirmed by the
 * commune, with the amounts checked at every step.
 */
let platform: TestPlatform;
let handle: DbHandle;
type Org = typeof tables.organizations.$inferSelect;
let cell: Org;
let commune: Org;

const today = vietnamDay(new Date());
const [year, monthNumber] = today.split('-').map(Number) as [number, number];
const lastMonth = new Date(Date.UTC(year, monthNumber - 2, 1)).toISOString().slice(0, 7);
const period = `${lastMonth}-01`;

const officerOf = (org: Org, role: Role) => officerOfIn(handle.db, org, role);

async function call(identity: Identity, query: string, variables: Record<string, unknown> = {}) {
  const { body } = await post(platform, { query, variables }, { authorization: `Bearer ${await signAccessToken(identity, platform.authSigningKey)}` });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  handle = createDb(platform.databaseUrl, { max: 3 });
  const orgs = await handle.db.select().from(tables.organizations);
  cell = orgs.find((o) => o.name === platform.demo.member.cellName)!;
  commune = orgs.find((o) => o.id === cell.parentId)!;
});
afterAll(async () => {
  await handle?.close();
  await platform?.stop();
});

describe('a dues month of a commune’s cell through the gateway', () => {
  it('makes the month, takes cash, a notified QR payment and a statement with exceptions, closes it, and the cell’s 30% reaches the commune, confirmed', async () => {
    const { db } = handle;
    // The demo data made last month already: the cell's months are taken back so that the monthly run makes them.
    await db.delete(tables.obligations).where(and(eq(tables.obligations.orgId, cell.id), eq(tables.obligations.period, period)));
    await runJob(handle, jobs[0], { month: lastMonth });
    const made = await db.select().from(tables.obligations).where(and(eq(tables.obligations.orgId, cell.id), eq(tables.obligations.period, period)));
    const payers = await db.select().from(tables.payers).where(eq(tables.payers.orgId, cell.id));
    expect(made.length).toBe(payers.length);
    const finance = await officerOf(cell, 'FINANCE_MEMBER');
    // The finance member's own months are the secretary's to take: the payers here are the others.
    const owed = made.filter((o) => o.status === 'DUE' && o.amount > 0 && o.memberId !== finance.personId).sort((a, b) => a.memberId.localeCompare(b.memberId));
    expect(owed.length).toBeGreaterThan(5);
    const [byCash1, byCash2, byQr, byStatement, byHand] = owed;

    const CASH = `mutation ($input: RecordCashPaymentInput!) { recordCashPayment(input: $input) { receipt { amount reference } userErrors { code message } } }`;
    for (const obligation of [byCash1!, byCash2!]) {
      const { recordCashPayment } = await call(finance, CASH, { input: { memberId: obligation.memberId, months: [lastMonth] } });
      expect(recordCashPayment).toMatchObject({ receipt: { amount: String(obligation.amount) }, userErrors: [] });
    }

    const PREPARE = `mutation ($input: PreparePaymentInput!) { preparePayment(input: $input) { payment { code amount memo qrPayload } userErrors { code message } } }`;
    const prepare = async (obligation: typeof owed[number]) => {
      const { preparePayment } = await call({ personId: obligation.memberId, grants: [], partner: null }, PREPARE, { input: { memberId: obligation.memberId, months: [lastMonth] } });
      expect(preparePayment.userErrors).toEqual([]);
      expect(preparePayment.payment.amount).toBe(String(obligation.amount));
      expect(readElements(preparePayment.payment.qrPayload).get('54')).toBe(String(obligation.amount));
      return preparePayment.payment as { code: string; memo: string };
    };
    const statusOf = async (obligation: typeof owed[number]) =>
      (await db.select().from(tables.obligations).where(and(eq(tables.obligations.memberId, obligation.memberId), eq(tables.obligations.period, period))))[0]!.status;

    // One payer's bank tells the payment-notification service, which posts it to the gateway's hook with the cell's key.
    const byQrPayment = await prepare(byQr!);
    const { createPaymentNotificationKey } = await call(finance, `mutation ($input: CreatePaymentNotificationKeyInput!) { createPaymentNotificationKey(input: $input) { key userErrors { code } } }`, { input: { organizationId: cell.id } });
    const [account] = await db.select().from(tables.collectionAccounts).where(eq(tables.collectionAccounts.orgId, cell.id));
    const notification = JSON.stringify({ id: 77001, gateway: 'Agribank', transactionDate: `${today} 09:30:00`, accountNumber: account!.accountNumber, content: `IBFT ${byQrPayment.memo}`, transferType: 'in', transferAmount: Number(byQr!.amount), referenceCode: 'FT77001', description: '' });
    for (let delivery = 0; delivery < 2; delivery++) {
      const hooked = await fetch(new URL('/hooks/dues/payment-notifications', platform.gatewayUrl), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Apikey ${createPaymentNotificationKey.key}` }, body: notification });
      expect(hooked.status).toBe(200);
    }
    expect(await statusOf(byQr!)).toBe('PAID_ONLINE');

    // The others come in the bank's statement: one with its code buried in the bank's narrative, one whose payer
    // left the memo out (an exception the finance member applies to the months by hand), and a transfer that is
    // not dues at all.
    const byStatementPayment = await prepare(byStatement!);
    const amount = (dong: number) => new Intl.NumberFormat('vi-VN').format(dong);
    const csv = Buffer.from([
      'Ngày GD,Diễn giải,Ghi nợ,Ghi có,Số tham chiếu',
      `${today.split('-').reverse().join('/')},MBVCB.4530998360.NGUYEN VAN A chuyen tien ${byStatementPayment.code.toLowerCase()}dang phi,,"${amount(byStatement!.amount)}",E2E-STMT-1`,
      `${today.split('-').reverse().join('/')},CHUYEN TIEN DANG PHI THANG NAY,,"${amount(byHand!.amount)}",E2E-STMT-2`,
      `${today.split('-').reverse().join('/')},HOAN TIEN AN TRUA,,"${amount(250_000)}",E2E-STMT-3`,
    ].join('\n'));
    const { startBankStatementUpload } = await call(finance, `mutation ($input: StartBankStatementUploadInput!) { startBankStatementUpload(input: $input) { upload { id url } userErrors { code } } }`, { input: { organizationId: cell.id, fileName: 'sao-ke.csv', byteSize: csv.length, sha256: createHash('sha256').update(csv).digest('hex') } });
    const put = await fetch(new URL(startBankStatementUpload.upload.url, platform.gatewayUrl), { method: 'PUT', headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${await signAccessToken(finance, platform.authSigningKey)}` }, body: csv });
    expect(put.status).toBe(200);
    const IMPORT = `mutation ($input: ImportBankStatementInput!) { importBankStatement(input: $input) { statementImport { matched newLines alreadySeen exceptions { id kind amount reference } } userErrors { code } } }`;
    const { importBankStatement } = await call(finance, IMPORT, { input: { uploadId: startBankStatementUpload.upload.id, preset: 'GENERIC' } });
    expect(importBankStatement.userErrors).toEqual([]);
    expect(importBankStatement.statementImport).toMatchObject({ matched: 1, newLines: 3 });
    const exceptions = importBankStatement.statementImport.exceptions as { id: string; kind: string; reference: string }[];
    expect(exceptions.map((e) => [e.kind, e.reference]).sort()).toEqual([['UNMATCHED', 'E2E-STMT-2'], ['UNMATCHED', 'E2E-STMT-3']]);
    expect(await statusOf(byStatement!)).toBe('PAID_ONLINE');
    const RESOLVE = `mutation ($input: ResolveDuesPaymentExceptionInput!) { resolveDuesPaymentException(input: $input) { exception { resolution } receipt { amount } userErrors { code } } }`;
    const forgotten = exceptions.find((e) => e.reference === 'E2E-STMT-2')!;
    const applied = await call(finance, RESOLVE, { input: { exceptionId: forgotten.id, action: 'APPLY_TO_MONTHS', reason: 'Đảng viên xác nhận đã chuyển, quên ghi nội dung', memberId: byHand!.memberId, months: [lastMonth] } });
    expect(applied.resolveDuesPaymentException).toEqual({ exception: { resolution: 'APPLIED' }, receipt: { amount: String(byHand!.amount) }, userErrors: [] });
    const lunch = exceptions.find((e) => e.reference === 'E2E-STMT-3')!;
    const dismissed = await call(finance, RESOLVE, { input: { exceptionId: lunch.id, action: 'NOT_DUES', reason: 'Tiền hoàn ăn trưa, không phải đảng phí' } });
    expect(dismissed.resolveDuesPaymentException.userErrors).toEqual([]);
    expect(await statusOf(byHand!)).toBe('PAID_ONLINE');
    // The same statement again changes nothing.
    const again = await call(finance, `mutation ($input: StartBankStatementUploadInput!) { startBankStatementUpload(input: $input) { upload { id url } } }`, { input: { organizationId: cell.id, fileName: 'sao-ke.csv', byteSize: csv.length, sha256: createHash('sha256').update(csv).digest('hex') } });
    await fetch(new URL(again.startBankStatementUpload.upload.url, platform.gatewayUrl), { method: 'PUT', headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${await signAccessToken(finance, platform.authSigningKey)}` }, body: csv });
    const reimported = await call(finance, IMPORT, { input: { uploadId: again.startBankStatementUpload.upload.id, preset: 'GENERIC' } });
    expect(reimported.importBankStatement.statementImport).toMatchObject({ matched: 0, newLines: 0, alreadySeen: 3, exceptions: [] });

    const settled = await db.select().from(tables.obligations).where(and(eq(tables.obligations.orgId, cell.id), eq(tables.obligations.period, period)));
    const collected = settled.filter((o) => ['PAID_CASH', 'PAID_ONLINE', 'PREPAID'].includes(o.status)).reduce((sum, o) => sum + o.amount, 0);
    const kept = Math.floor((collected * 70 * 2 + 100) / 200);

    const CLOSE = `mutation ($input: CloseDuesMonthInput!) { closeDuesMonth(input: $input) { close { amountDue amountCollected amountKept amountRemitted paidCount } userErrors { code } } }`;
    const { closeDuesMonth } = await call(finance, CLOSE, { input: { organizationId: cell.id, month: lastMonth } });
    expect(closeDuesMonth).toEqual({
      close: {
        amountDue: String(settled.reduce((sum, o) => sum + o.amount, 0)),
        amountCollected: String(collected),
        amountKept: String(kept),
        amountRemitted: String(collected - kept),
        paidCount: settled.filter((o) => ['PAID_CASH', 'PAID_ONLINE', 'PREPAID'].includes(o.status)).length,
      },
      userErrors: [],
    });

    const SUBMIT = `mutation ($input: SubmitDuesRemittanceInput!) { submitDuesRemittance(input: $input) { remittance { id state amount } userErrors { code message } } }`;
    const { submitDuesRemittance } = await call(finance, SUBMIT, { input: { organizationId: cell.id, month: lastMonth, transferReference: 'FT-E2E-0001', transferredOn: today } });
    expect(submitDuesRemittance).toMatchObject({ remittance: { state: 'SUBMITTED', amount: String(collected - kept) }, userErrors: [] });

    const communeSecretary = await officerOf(commune, 'SECRETARY');
    const RECEIVED = `query ($id: ID!) { organization(id: $id) { duesRemittancesReceived(state: SUBMITTED) { id amount organization { name } viewerCanDecide } } }`;
    const { organization } = await call(communeSecretary, RECEIVED, { id: commune.id });
    expect(organization.duesRemittancesReceived).toContainEqual({ id: submitDuesRemittance.remittance.id, amount: String(collected - kept), organization: { name: cell.name }, viewerCanDecide: true });

    // The cell's own officer may not confirm what the cell sent.
    const refused = await post(platform, { query: `mutation ($id: ID!) { confirmDuesRemittance(input: { id: $id }) { userErrors { code } } }`, variables: { id: submitDuesRemittance.remittance.id } }, { authorization: `Bearer ${await signAccessToken(finance, platform.authSigningKey)}` });
    expect(refused.body.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const CONFIRM = `mutation ($id: ID!) { confirmDuesRemittance(input: { id: $id }) { remittance { state amount } userErrors { code } } }`;
    const { confirmDuesRemittance } = await call(communeSecretary, CONFIRM, { id: submitDuesRemittance.remittance.id });
    expect(confirmDuesRemittance).toEqual({ remittance: { state: 'CONFIRMED', amount: String(collected - kept) }, userErrors: [] });
    const closes = await call(finance, `query ($id: ID!, $m: YearMonth!) { organization(id: $id) { duesMonthCloses(month: $m) { organization { id } remittance { state } } } }`, { id: cell.id, m: lastMonth });
    expect(closes.organization.duesMonthCloses.find((c: { organization: { id: string } }) => c.organization.id === cell.id).remittance).toEqual({ state: 'CONFIRMED' });
  });
});
