import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { jobs } from '@dangvu/subgraph-dues/jobs';
import { readElements } from '@dangvu/subgraph-dues/vietqr';
import { runJob, signAccessToken, vietnamDay, type Identity, type Role } from '@dangvu/subgraph-kit';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { officerOf as officerOfIn, post } from './http-helpers.ts';

/**
 * A dues month of a cell of the demo commune, end to end through the gateway (docs/rules/dues-remittance.md):
 * the month's obligations made by the monthly run, some paid in cash, some by a prepared VietQR payment, the
 * month closed, its remittance submitted by the cell and confirmed by the commune, with the amounts checked at
 * every step.
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
  it('makes the month, takes cash and a QR payment, closes it, and the cell’s 30% reaches the commune, confirmed', async () => {
    const { db } = handle;
    // The demo data made last month already: the cell's months are taken back so that the monthly run makes them.
    await db.delete(tables.obligations).where(and(eq(tables.obligations.orgId, cell.id), eq(tables.obligations.period, period)));
    await runJob(handle, jobs[0], { month: lastMonth });
    const made = await db.select().from(tables.obligations).where(and(eq(tables.obligations.orgId, cell.id), eq(tables.obligations.period, period)));
    const payers = await db.select().from(tables.payers).where(eq(tables.payers.orgId, cell.id));
    expect(made.length).toBeGreaterThan(3);
    expect(made.length).toBe(payers.length);
    const owed = made.filter((o) => o.status === 'DUE' && o.amount > 0).sort((a, b) => a.memberId.localeCompare(b.memberId));
    const [byCash1, byCash2, byQr] = owed;

    const finance = await officerOf(cell, 'FINANCE_MEMBER');
    const CASH = `mutation ($input: RecordCashPaymentInput!) { recordCashPayment(input: $input) { receipt { amount reference } userErrors { code message } } }`;
    for (const obligation of [byCash1!, byCash2!].filter((o) => o.memberId !== finance.personId)) {
      const { recordCashPayment } = await call(finance, CASH, { input: { memberId: obligation.memberId, months: [lastMonth] } });
      expect(recordCashPayment).toMatchObject({ receipt: { amount: String(obligation.amount) }, userErrors: [] });
    }

    const member: Identity = { personId: byQr!.memberId, grants: [], partner: null };
    const PREPARE = `mutation ($input: PreparePaymentInput!) { preparePayment(input: $input) { payment { code amount memo qrPayload } userErrors { code message } } }`;
    const { preparePayment } = await call(member, PREPARE, { input: { memberId: byQr!.memberId, months: [lastMonth] } });
    expect(preparePayment.userErrors).toEqual([]);
    expect(preparePayment.payment.amount).toBe(String(byQr!.amount));
    expect(readElements(preparePayment.payment.qrPayload).get('54')).toBe(String(byQr!.amount));
    // The bank's credit for the code arrives through the statement import or the notification webhook, which
    // this branch does not have: it is applied here as that reconciliation will, to the months the code names.
    const [prepared] = await db.select().from(tables.qrPayments).where(eq(tables.qrPayments.code, preparePayment.payment.code));
    await db.update(tables.obligations).set({ status: 'PAID_ONLINE', paidAt: new Date() }).where(and(eq(tables.obligations.memberId, prepared!.memberId), inArray(tables.obligations.period, prepared!.months)));

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
