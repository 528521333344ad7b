import { tables } from '@dangvu/drizzle';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectFitsPhone, signIn, startHarness, type Harness } from './harness.ts';

/** The member's own dues page: what is owed, and each month with the rule that produced its amount. */
let harness: Harness;
let db: Harness['db'];
beforeAll(async () => {
  harness = await startHarness();
  ({ db } = harness);
});
afterAll(() => harness?.stop());

describe('the member’s dues page', () => {
  it('shows each month with its status and how its amount was reckoned, reduced months with the full rate beside, on a phone', async () => {
    const [account] = await db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, 'dangvien.demo'));
    const [latest] = await db.select().from(tables.obligations).where(eq(tables.obligations.memberId, account!.memberId)).orderBy(desc(tables.obligations.period)).limit(1);
    await db
      .update(tables.obligations)
      .set({
        status: 'DUE',
        paidAt: null,
        amount: 69_136,
        ratedAmount: 98_765,
        calculation: '1% tiền lương làm căn cứ đóng bảo hiểm xã hội bắt buộc của tháng trước: 1% × 9.876.543 đ = 98.765 đ; giảm 30% theo quyết định: 69.136 đ',
      })
      .where(and(eq(tables.obligations.memberId, account!.memberId), eq(tables.obligations.period, latest!.period)));

    await signIn(harness, 'MEMBER');
    const { page } = harness;
    // The phone menu has no room for another entry: the profile's dues section leads here.
    await page.goto(`${harness.baseUrl}/ho-so`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('link', { name: 'Xem từng tháng và cách tính đảng phí' }).click();
    await page.waitForURL(`${harness.baseUrl}/dang-phi`);
    await page.getByRole('heading', { name: 'Đảng phí', level: 1 }).waitFor();
    const [year, month] = latest!.period.split('-');
    const firstRow = page.locator('tbody tr').first();
    const text = await firstRow.innerText();
    expect(text).toContain(`tháng ${Number(month)}/${year}`);
    expect(text).toContain('69.136 ₫');
    expect(text).toContain('mức theo quy định 98.765 ₫');
    expect(text).toContain('Chưa đóng');
    expect(text).toContain('1% × 9.876.543 đ = 98.765 đ; giảm 30%');
    // A month the demo data made before the monthly run says so instead of showing nothing.
    expect(await page.locator('tbody tr').nth(1).innerText()).toContain('Khoản được lập trước khi có cách tính tự động.');
    expect(await page.locator('main').innerText()).toContain('Mức đóng hằng tháng\n69.136 ₫');
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [firstRow]);
  });

  it('computes a month’s dues with the rule, the figures and the source, and says in Vietnamese what is missing', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('link', { name: 'Tính thử mức đảng phí theo quy định' }).click();
    await page.waitForURL('**/dang-phi/tinh');
    await page.waitForSelector('html[data-hydrated]');
    await page.getByLabel('Trường hợp').selectOption({ label: 'Không đóng bảo hiểm, không có lương hưu, chưa đến tuổi nghỉ hưu' });
    await page.getByLabel('Vùng lương tối thiểu nơi chi bộ đóng').selectOption({ label: 'Vùng I' });
    await page.getByLabel('Tháng', { exact: true }).fill('02/2026');
    await page.getByRole('button', { name: 'Tính' }).click();
    const heading = page.getByRole('heading', { name: /Số tiền phải đóng/ });
    await heading.waitFor();
    expect(await heading.innerText()).toBe('Số tiền phải đóng: 15.930 ₫');
    const result = await page.locator('main').innerText();
    expect(result).toContain('0,3% × 5.310.000 đ');
    expect(result).toContain('Quy định 01-QĐ/TW');

    await page.getByLabel('Trường hợp').selectOption({ label: 'Hưởng lương hưu' });
    await page.getByRole('button', { name: 'Tính' }).click();
    await page.locator('#basis-error').waitFor();
    expect(await page.locator('#basis-error').innerText()).toContain('Cần nhập số tiền làm căn cứ');
    expect(await page.getByRole('heading', { name: /Số tiền phải đóng/ }).count()).toBe(0);

    await page.getByLabel('Tháng', { exact: true }).fill('13/2026');
    await page.getByRole('button', { name: 'Tính' }).click();
    await page.locator('#month-error').waitFor();
    expect(await page.locator('#month-error').innerText()).toContain('ví dụ 02/2026');
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [page.getByRole('button', { name: 'Tính' }), page.getByLabel('Trường hợp')]);
  });
});
