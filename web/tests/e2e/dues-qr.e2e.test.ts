import { tables } from '@dangvu/drizzle';
import { crc16CcittFalse, readElements } from '@dangvu/subgraph-dues/vietqr';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrCodeShape } from '../../src/lib/server/qr.ts';
import { axeViolations, expectFitsPhone, signIn, startHarness, type Harness } from './harness.ts';

/** Paying dues by VietQR from the member's dues page (docs/rules/dues-payments.md#paying-by-qr). */
let harness: Harness;
let db: Harness['db'];
let memberId: string;
let periods: string[];
beforeAll(async () => {
  harness = await startHarness();
  ({ db } = harness);
  const [account] = await db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, harness.platform.demo.member.username));
  memberId = account!.memberId!;
  // The member's two latest months are owed, 98.765 đ and 60.000 đ, and no other.
  await db.update(tables.obligations).set({ status: 'PAID_CASH' }).where(and(eq(tables.obligations.memberId, memberId), inArray(tables.obligations.status, ['DUE', 'OVERDUE', 'REDUCED'])));
  const latest = await db.select().from(tables.obligations).where(eq(tables.obligations.memberId, memberId)).orderBy(desc(tables.obligations.period)).limit(2);
  periods = latest.map((o) => o.period);
  for (const [period, amount] of [
    [periods[0]!, 98_765],
    [periods[1]!, 60_000],
  ] as const) {
    await db.update(tables.obligations).set({ status: 'DUE', paidAt: null, amount }).where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, period)));
  }
});
afterAll(() => harness?.stop());

const monthLabel = (period: string) => `tháng ${Number(period.slice(5, 7))}/${period.slice(0, 4)}`;

describe('paying dues by QR', () => {
  it('gives the member, on a phone, a QR of the open months ticked whose payload names the cell’s bank, account, the sum and a memo with the payment code, with a correct CRC', async () => {
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    const [collecting] = await db.select().from(tables.collectionAccounts).where(eq(tables.collectionAccounts.orgId, cell!.id));

    await signIn(harness, 'MEMBER');
    const { page } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${harness.baseUrl}/dang-phi`);
    await page.waitForSelector('html[data-hydrated]');
    const section = page.getByRole('region', { name: 'Đóng bằng mã QR' });
    for (const period of periods) expect(await section.getByLabel(`${monthLabel(period)} –`).isChecked()).toBe(true);
    const button = section.getByRole('button', { name: 'Tạo mã QR để chuyển khoản' });
    await expectFitsPhone(page, [button]);
    await button.click();

    const image = section.getByRole('img', { name: 'Mã QR chuyển khoản đảng phí 158.765 ₫' });
    await image.waitFor();
    const payload = await section.getByLabel('Dữ liệu mã QR (để sao chép)').inputValue();
    const root = readElements(payload);
    const merchant = readElements(root.get('38')!);
    expect(merchant.get('00')).toBe('A000000727');
    expect(Object.fromEntries(readElements(merchant.get('01')!))).toEqual({ '00': collecting!.bankBin, '01': collecting!.accountNumber });
    expect(root.get('54')).toBe('158765');
    const memo = readElements(root.get('62')!).get('08')!;
    expect(memo).toMatch(/^DP[A-HJ-NP-Z2-9]{8} DANG PHI$/);
    expect(root.get('63')).toBe(crc16CcittFalse(payload.slice(0, -4)));
    // The image is the QR code of exactly that payload.
    expect(await image.locator('path').getAttribute('d')).toBe(qrCodeShape(payload).path);

    const text = await section.innerText();
    expect(text).toContain('Số tiền\n158.765 ₫');
    expect(text).toContain(`Số tài khoản\n${collecting!.accountNumber}`);
    expect(text).toContain(`Chủ tài khoản\n${collecting!.holderName}`);
    expect(text).toContain(`Nội dung chuyển khoản\n${memo}`);
    expect(text).toContain('Agribank');
    const [prepared] = await db.select().from(tables.qrPayments).where(eq(tables.qrPayments.code, memo.slice(0, 10)));
    expect(prepared).toMatchObject({ memberId, amount: 158_765, status: 'OPEN' });
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [image, section.getByLabel('Dữ liệu mã QR (để sao chép)')]);
  });

  it('says in Vietnamese, when no organization on the member’s way up has an account, to pay in cash to the cell', async () => {
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    await db.delete(tables.collectionAccounts).where(inArray(tables.collectionAccounts.orgId, cell!.path.split('/').filter(Boolean)));
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-phi`);
    await page.waitForSelector('html[data-hydrated]');
    const section = page.getByRole('region', { name: 'Đóng bằng mã QR' });
    await section.getByRole('button', { name: 'Tạo mã QR để chuyển khoản' }).click();
    const notice = section.getByRole('alert');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('chưa đăng ký tài khoản ngân hàng');
    expect(await section.getByRole('img').count()).toBe(0);
  });
});
