import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSubgraph } from '../src/server.ts';
import { cellWithAccount, payerWithCode } from './bank-fixtures.ts';

let subgraph: TestSubgraph;
const CREATE_KEY = `mutation ($input: CreatePaymentNotificationKeyInput!) { createPaymentNotificationKey(input: $input) { key accountNumber webhookPath userErrors { code } } }`;
const db = () => subgraph.db.db;

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
});
afterAll(() => subgraph?.stop());

/** A SePay-style delivery: one transfer on the account. */
const delivery = (accountNumber: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 92704,
    gateway: 'MBBank',
    transactionDate: '2026-03-05 14:02:37',
    accountNumber,
    code: null,
    content: 'chuyen tien',
    transferType: 'in',
    transferAmount: 6000,
    accumulated: 19_077_000,
    subAccount: null,
    referenceCode: 'MBVCB.3278907687',
    description: '',
    ...fields,
  });

async function cellWithKey() {
  const cell = await cellWithAccount(db());
  const finance = personWith(randomUUID(), 'FINANCE_MEMBER', cell.orgPath);
  const { data } = await subgraph.call(CREATE_KEY, { input: { organizationId: cell.orgId } }, finance);
  return { cell, finance, key: data!.createPaymentNotificationKey.key as string, answer: data!.createPaymentNotificationKey };
}

describe('payment notifications', () => {
  it('makes a key shown once, kept only as its hash, for the organization’s own officers', async () => {
    const { cell, key, answer } = await cellWithKey();
    expect(answer).toEqual({ key: expect.stringMatching(/^dpn_[A-Za-z0-9_-]{43}$/), accountNumber: cell.accountNumber, webhookPath: '/hooks/dues/payment-notifications', userErrors: [] });
    const [stored] = await db().select().from(tables.notificationKeys).where(eq(tables.notificationKeys.orgId, cell.orgId));
    expect(JSON.stringify(stored)).not.toContain(key);
    const parent = cell.orgPath.split('/').slice(0, -2).join('/') + '/';
    for (const caller of [personWith(randomUUID(), 'FINANCE_MEMBER', parent), personWith(randomUUID(), 'ADMIN', '/'), personWith(randomUUID())]) {
      const { errors } = await subgraph.call(CREATE_KEY, { input: { organizationId: cell.orgId } }, caller);
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('pays the months a credited transfer’s code names, and takes a retried delivery as received without paying twice', async () => {
    const { cell, key } = await cellWithKey();
    const payer = await payerWithCode(db(), cell);
    const body = delivery(cell.accountNumber, { content: `NGUYEN VAN A ${payer.code} DANG PHI` });
    expect(await subgraph.hook('payment-notifications', body, `Apikey ${key}`)).toEqual({ status: 200, body: { success: true } });
    expect(await subgraph.hook('payment-notifications', body, `Apikey ${key}`)).toEqual({ status: 200, body: { success: true, message: 'Giao dịch đã nhận trước đó.' } });
    const months = await db().select().from(tables.obligations).where(eq(tables.obligations.memberId, payer.memberId));
    expect(months.map((m) => m.status)).toEqual(['PAID_ONLINE', 'PAID_ONLINE']);
    expect(await db().select().from(tables.receipts).where(eq(tables.receipts.memberId, payer.memberId))).toHaveLength(1);
  });

  it('queues an unmatched transfer and passes over a debit', async () => {
    const { cell, key } = await cellWithKey();
    expect((await subgraph.hook('payment-notifications', delivery(cell.accountNumber, { id: 1, content: 'tien dien' }), `Bearer ${key}`)).status).toBe(200);
    expect((await subgraph.hook('payment-notifications', delivery(cell.accountNumber, { id: 2, transferType: 'out' }), `Apikey ${key}`)).body).toEqual({ success: true, message: 'Giao dịch ghi nợ: không đối chiếu.' });
    const exceptions = await db().select().from(tables.paymentExceptions).where(eq(tables.paymentExceptions.orgId, cell.orgId));
    expect(exceptions.map((e) => e.kind)).toEqual(['UNMATCHED']);
    expect(await db().select().from(tables.bankTransactions).where(eq(tables.bankTransactions.orgId, cell.orgId))).toHaveLength(1);
  });

  it('answers 401 without a valid key, 403 for another account, 400 for a malformed body, and writes nothing', async () => {
    const { cell, key } = await cellWithKey();
    const replaced = await cellWithKey();
    expect(await subgraph.hook('payment-notifications', delivery(cell.accountNumber), undefined)).toMatchObject({ status: 401, body: { success: false } });
    expect(await subgraph.hook('payment-notifications', delivery(cell.accountNumber), 'Apikey dpn_wrong')).toMatchObject({ status: 401 });
    expect(await subgraph.hook('payment-notifications', delivery(cell.accountNumber), `Apikey ${replaced.key}`)).toMatchObject({ status: 403 });
    expect(await subgraph.hook('payment-notifications', '{"id":', `Apikey ${key}`)).toMatchObject({ status: 400, body: { message: 'Nội dung thông báo không phải JSON hợp lệ.' } });
    expect(await subgraph.hook('payment-notifications', delivery(cell.accountNumber, { transferAmount: 12.5 }), `Apikey ${key}`)).toMatchObject({ status: 400, body: { message: expect.stringContaining('transferAmount') } });
    // A new key replaces the old one.
    const { data } = await subgraph.call(CREATE_KEY, { input: { organizationId: cell.orgId } }, personWith(randomUUID(), 'SECRETARY', cell.orgPath));
    expect(await subgraph.hook('payment-notifications', delivery(cell.accountNumber), `Apikey ${key}`)).toMatchObject({ status: 401 });
    expect((await subgraph.hook('payment-notifications', delivery(cell.accountNumber, { id: 'x1' }), `Apikey ${data!.createPaymentNotificationKey.key}`)).status).toBe(200);
    expect(await db().select().from(tables.bankTransactions).where(eq(tables.bankTransactions.orgId, cell.orgId))).toHaveLength(1);
  });
});
