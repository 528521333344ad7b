import { createHash } from 'node:crypto';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { signAccessToken, type Identity } from '@dangvu/subgraph-kit';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { post } from './http-helpers.ts';

/**
 * Bank reconciliation through the gateway (docs/api.md#payment-notifications): a statement sent on the upload
 * route to the dues subgraph and imported, and a payment notification on the public hook route.
 */
let platform: TestPlatform;
let handle: DbHandle;
let finance: Identity;
let orgId: string;
let accountNumber: string;

const bearer = async (identity: Identity) => ({ authorization: `Bearer ${await signAccessToken(identity, platform.authSigningKey)}` });
const hook = async (body: string, headers: Record<string, string> = {}) => {
  const response = await fetch(new URL('/hooks/dues/payment-notifications', platform.gatewayUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as any };
};
const notification = (id: number, content: string) =>
  JSON.stringify({ id, gateway: 'MBBank', transactionDate: '2026-03-05 10:00:00', accountNumber, content, transferType: 'in', transferAmount: 1_000, referenceCode: `FT${id}`, description: '' });

beforeAll(async () => {
  platform = await startTestPlatform();
  handle = createDb(platform.databaseUrl, { max: 2 });
  const [account] = await handle.db.select().from(tables.collectionAccounts).limit(1);
  orgId = account!.orgId;
  accountNumber = account!.accountNumber;
  const [someone] = await handle.db.select().from(tables.members).where(like(tables.members.orgPath, `${account!.orgPath}%`)).limit(1);
  finance = { personId: someone!.id, grants: [{ role: 'FINANCE_MEMBER', orgId, orgPath: account!.orgPath }], partner: null };
}, 120_000);
afterAll(async () => {
  await handle?.close();
  await platform?.stop();
});

describe('bank reconciliation through the gateway', () => {
  it('sends a statement on the upload route to the dues subgraph and imports it into the queue', async () => {
    const csv = Buffer.from('Ngày GD,Diễn giải,Ghi nợ,Ghi có,Số tham chiếu\n05/03/2026,CHUYEN TIEN AN TRUA,,250.000,E2E-1\n');
    const start = await post(
      platform,
      { query: 'mutation ($input: StartBankStatementUploadInput!) { startBankStatementUpload(input: $input) { upload { id url } userErrors { code } } }', variables: { input: { organizationId: orgId, fileName: 'sao-ke.csv', byteSize: csv.length, sha256: createHash('sha256').update(csv).digest('hex') } } },
      await bearer(finance),
    );
    const upload = (start.body as any).data.startBankStatementUpload.upload;
    expect(upload.url).toBe(`/uploads/dues/${upload.id}`);
    const put = await fetch(new URL(upload.url, platform.gatewayUrl), { method: 'PUT', headers: { 'content-type': 'application/octet-stream', ...(await bearer(finance)) }, body: csv });
    expect(put.status).toBe(200);
    const imported = await post(
      platform,
      { query: 'mutation ($input: ImportBankStatementInput!) { importBankStatement(input: $input) { statementImport { newLines exceptions { kind amount } } userErrors { code } } }', variables: { input: { uploadId: upload.id, preset: 'GENERIC' } } },
      await bearer(finance),
    );
    expect((imported.body as any).data.importBankStatement).toEqual({ statementImport: { newLines: 1, exceptions: [{ kind: 'UNMATCHED', amount: '250000' }] }, userErrors: [] });
  });

  it('takes a notification with the organization’s key, answers a retry alike, and refuses one without a key or around the gateway', async () => {
    const made = await post(platform, { query: 'mutation ($input: CreatePaymentNotificationKeyInput!) { createPaymentNotificationKey(input: $input) { key webhookPath } }', variables: { input: { organizationId: orgId } } }, await bearer(finance));
    const { key, webhookPath } = (made.body as any).data.createPaymentNotificationKey;
    expect(webhookPath).toBe('/hooks/dues/payment-notifications');
    const body = notification(5501, 'CHUYEN KHOAN KHONG RO');
    expect(await hook(body, { authorization: `Apikey ${key}` })).toEqual({ status: 200, body: { success: true } });
    expect(await hook(body, { authorization: `Apikey ${key}` })).toMatchObject({ status: 200, body: { success: true } });
    expect(await hook(body)).toMatchObject({ status: 401, body: { success: false } });
    const around = await fetch(new URL('/hooks/payment-notifications', platform.subgraphUrls.dues), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Apikey ${key}` }, body });
    expect(around.status).toBe(401);
    const lines = await handle.db.select().from(tables.bankTransactions).where(eq(tables.bankTransactions.reference, 'N-5501'));
    expect(lines).toHaveLength(1);
  });
});
