import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { tables, type Db } from '@dangvu/drizzle';
import { paymentCode } from '../src/payment/qr-payment.rules.ts';
import { statementUploads } from '../src/statement/statement-uploads.ts';

/** A cell with its dues account and one payer owing `months` at 3,000 đ each, and a QR payment prepared for `paid`. */
export async function cellWithAccount(db: Db, { parentPath = `/${randomUUID()}/`, accountNumber = String(Date.now()) + String(Math.random()).slice(2, 8) } = {}) {
  const orgId = randomUUID();
  const orgPath = `${parentPath}${orgId}/`;
  await db.insert(tables.duesOrganizations).values({ orgId, path: orgPath, type: 'GRASSROOTS_CELL' });
  await db.insert(tables.collectionAccounts).values({ orgId, orgPath, bankBin: '970418', accountNumber, holderName: 'CHI BO THU NGHIEM' });
  return { orgId, orgPath, accountNumber };
}

/** A payer of the cell owing each month 3,000 đ (DUE), and a prepared payment of `paid` months with its code. */
export async function payerWithCode(db: Db, cell: { orgId: string; orgPath: string; accountNumber: string }, months = ['2026-01-01', '2026-02-01'], memberId: string = randomUUID()) {
  await db.insert(tables.payers).values({ memberId, orgId: cell.orgId, orgPath: cell.orgPath, category: 'STUDENT', collectsFrom: '2026-01-01' }).onConflictDoNothing();
  await db.insert(tables.obligations).values(months.map((period) => ({ memberId, orgId: cell.orgId, period, amount: 3_000, status: 'DUE' as const })));
  const code = paymentCode(randomBytes(8));
  await db.insert(tables.qrPayments).values({
    code,
    memberId,
    months,
    monthsKey: months.join(','),
    amount: 3_000 * months.length,
    collectingOrgId: cell.orgId,
    bankBin: '970418',
    accountNumber: cell.accountNumber,
    holderName: 'CHI BO THU NGHIEM',
  });
  return { memberId, code, amount: 3_000 * months.length };
}

let uploads = 0;
/** A received statement upload, as the bytes route leaves it (the route itself is tested through the gateway). */
export async function receivedStatement(db: Db, bytes: Buffer, upload: { ownerId: string; orgPath: string; type?: 'CSV' | 'XLSX' }) {
  const repository = statementUploads.repository(db);
  const type = upload.type ?? 'CSV';
  const row = await repository.create({
    purpose: 'BANK_STATEMENT',
    ownerId: upload.ownerId,
    orgId: upload.orgPath.split('/').at(-2)!,
    orgPath: upload.orgPath,
    fileName: `sao-ke-${++uploads}.${type.toLowerCase()}`,
    declaredBytes: bytes.length,
    declaredSha256: createHash('sha256').update(bytes).digest('hex'),
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  await repository.receive(row.id, bytes, type);
  return row.id;
}

/** A BIDV-style CSV export: the bank's preamble, its header, and one row per line. */
export const bidvCsv = (lines: [reference: string, credit: string, narrative: string, day?: string][]) =>
  Buffer.from(
    [
      'NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM',
      'SAO KÊ TÀI KHOẢN',
      'STT,Ngày hiệu lực,Số tham chiếu,Ghi nợ,Ghi có,Số dư,Mô tả',
      ...lines.map(([reference, credit, narrative, day = '03/03/2026'], i) => `${i + 1},${day},${reference},,"${credit}",,"${narrative}"`),
    ].join('\r\n'),
  );
