import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tables } from '@dangvu/drizzle';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, signIn, startHarness, type Harness } from './harness.ts';

/** The cell's statement page: the finance member imports the bank's export and resolves what did not match. */
let harness: Harness;
let db: Harness['db'];
beforeAll(async () => {
  harness = await startHarness();
  ({ db } = harness);
});
afterAll(() => harness?.stop());

/** The member's latest month made owed at `amount`, and a QR payment of it prepared with `code`. */
async function owingWithCode(memberId: string, cellId: string, amount: number, code: string) {
  const [latest] = await db.select().from(tables.obligations).where(eq(tables.obligations.memberId, memberId)).orderBy(desc(tables.obligations.period)).limit(1);
  await db.update(tables.obligations).set({ status: 'DUE', paidAt: null, receiptId: null, amount }).where(eq(tables.obligations.id, latest!.id));
  const [account] = await db.select().from(tables.collectionAccounts).where(eq(tables.collectionAccounts.orgId, cellId));
  await db.insert(tables.qrPayments).values({ code, memberId, months: [latest!.period], monthsKey: latest!.period, amount, collectingOrgId: cellId, bankBin: account!.bankBin, accountNumber: account!.accountNumber, holderName: account!.holderName });
  return latest!;
}

describe('the statement page', () => {
  it('imports a bank statement on a phone: the matched line is paid, the unmatched and the partial wait, and one is resolved with a reason', async () => {
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    const payer = await demoCellMember(harness, 3);
    const short = await demoCellMember(harness, 4);
    const paid = await owingWithCode(payer.id, cell!.id, 98_765, 'DPK7M2Q9XA');
    await owingWithCode(short.id, cell!.id, 50_000, 'DPHUVW2345');
    const csv = [
      'NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM',
      'STT,Ngày hiệu lực,Số tham chiếu,Ghi nợ,Ghi có,Số dư,Mô tả',
      `1,05/12/2026,FT26339001,,"98.765",,"MBVCB.4530998360.029552.${payer.fullName} chuyen tien DPK7M2Q9XA DANG PHI"`,
      '2,05/12/2026,FT26339002,,"150.000",,"CT DEN:0123 TIEN HANG"',
      `3,05/12/2026,FT26339003,,"20.000",,"IBFT DPHUVW2345DANGPHI"`,
    ].join('\r\n');
    const file = join(mkdtempSync(join(tmpdir(), 'sao-ke-')), 'sao-ke-bidv.csv');
    writeFileSync(file, csv);

    await signIn(harness, 'FINANCE_MEMBER');
    const { page } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${harness.baseUrl}/dang-phi/chi-bo/${cell!.id}`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('link', { name: 'Đối chiếu sao kê ngân hàng và khoản cần xử lý' }).click();
    await page.waitForURL(`${harness.baseUrl}/dang-phi/chi-bo/${cell!.id}/sao-ke`);
    await page.getByRole('heading', { name: `Đối chiếu sao kê ngân hàng – ${cell!.name}`, level: 1 }).waitFor();
    await page.getByLabel('Ngân hàng').selectOption('BIDV');
    await page.getByLabel('Tệp sao kê').setInputFiles(file);
    await expectFitsPhone(page, [page.getByRole('button', { name: 'Nhập và đối chiếu' })]);
    await page.getByRole('button', { name: 'Nhập và đối chiếu' }).click();
    await page.getByText('Đã đối chiếu 3 giao dịch ghi có: 1 khớp và ghi nhận đã đóng, 2 cần xử lý.').waitFor();

    const [row] = await db.select().from(tables.obligations).where(eq(tables.obligations.id, paid.id));
    expect(row!.status).toBe('PAID_ONLINE');
    const [receipt] = await db.select().from(tables.receipts).where(eq(tables.receipts.id, row!.receiptId!));
    expect(receipt).toMatchObject({ method: 'PAID_ONLINE', amount: 98_765, orgId: cell!.id });

    const unmatched = page.getByRole('article', { name: 'Giao dịch FT26339002' });
    const partial = page.getByRole('article', { name: 'Giao dịch FT26339003' });
    expect(await unmatched.innerText()).toContain('Không có mã thanh toán: 150.000 ₫');
    expect(await partial.innerText()).toContain('Chuyển thiếu: 20.000 ₫');
    expect(await partial.innerText()).toContain(`Mã DPHUVW2345 của đồng chí ${short.fullName}, phải đóng 50.000 ₫.`);
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [unmatched.getByRole('button', { name: 'Xử lý' })]);

    await unmatched.getByLabel('Cách xử lý').selectOption('NOT_DUES');
    await unmatched.getByLabel('Lý do').fill('Tiền hàng của chi bộ, không phải đảng phí');
    await unmatched.getByRole('button', { name: 'Xử lý' }).click();
    await page.getByText('Đã xử lý khoản tiền.').waitFor();
    await page.getByRole('heading', { name: 'Khoản cần xử lý (1)' }).waitFor();
    expect(await page.getByRole('article', { name: 'Giao dịch FT26339002' }).count()).toBe(0);
    const [line] = await db.select().from(tables.bankTransactions).where(and(eq(tables.bankTransactions.orgId, cell!.id), eq(tables.bankTransactions.reference, 'FT26339002')));
    const [resolved] = await db.select().from(tables.paymentExceptions).where(eq(tables.paymentExceptions.transactionId, line!.id));
    expect(resolved).toMatchObject({ resolution: 'NOT_DUES', reason: 'Tiền hàng của chi bộ, không phải đảng phí' });
  });
});
