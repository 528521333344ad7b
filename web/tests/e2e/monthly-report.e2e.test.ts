import { tables } from '@dangvu/drizzle';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectFitsPhone, signIn, signOut, startHarness, type Harness } from './harness.ts';

let harness: Harness;
let cellReport: string;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

describe('the monthly report', () => {
  it('opens from the cell’s page for its secretary, last month’s, with its figures and no accessibility violations', async () => {
    await signIn(harness, 'SECRETARY');
    const { page } = harness;
    await page.getByRole('link', { name: 'Tổ chức đảng' }).click();
    await page.waitForURL(/\/to-chuc\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: 'Báo cáo tháng' }).click();
    await page.waitForURL(/\/bao-cao\/[0-9a-f-]{36}\/\d{4}-\d{2}$/);
    await page.waitForSelector('html[data-hydrated]');
    cellReport = page.url();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Báo cáo tháng \d{1,2}\/\d{4}$/);
    const main = await page.locator('main').innerText();
    expect(main).toContain(harness.platform.demo.member.cellName);
    expect(main).toContain('Trong phạm vi triển khai');
    expect(main).toContain('Tài khoản đã kích hoạt');
    expect(await page.getByRole('region', { name: 'Mức sẵn sàng' }).innerText()).toMatch(/Bí thư có tài khoản đã kích hoạt\s+1\/1/);
    expect(await page.getByRole('img', { name: /Tỷ lệ tài khoản đã kích hoạt/ }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('downloads as an Excel file that opens with Vietnamese headers and the cell’s line', async () => {
    const { page } = harness;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải về Excel (XLSX)' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile((await download.path())!)).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Trong phạm vi triển khai');
    expect(String(sheet.getRow(2).getCell(1).value)).toContain(harness.platform.demo.member.cellName);
    expect(typeof sheet.getRow(2).getCell(2).value).toBe('number');
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const secretaries = headers.indexOf('Tổ chức có bí thư dùng tài khoản');
    expect(secretaries).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(secretaries).value).toBe(1);
    // The file went out recorded: who, which organization, which month (docs/rules/reports.md#exports).
    const [, month] = /\/(\d{4}-\d{2})$/.exec(cellReport)!;
    const entries = await harness.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.action, 'monthlyReport.exported'));
    expect(entries.map((entry) => entry.after)).toEqual([{ month, format: 'XLSX' }]);
  });

  it('is submitted upward once by the cell’s secretary, with the review, and then shown as sent', async () => {
    const { page } = harness;
    await page.getByLabel('Nhận xét khi rà soát số liệu').fill('Đã rà soát; hai đồng chí cao tuổi được hướng dẫn kích hoạt tài khoản.');
    await page.getByRole('button', { name: /^Gửi báo cáo tháng/ }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toMatch(/Đã gửi báo cáo lên cấp trên/);
    await page.reload();
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/Đã gửi lúc/);
    expect(main).toContain('hai đồng chí cao tuổi');
    expect(await page.getByRole('button', { name: /^Gửi báo cáo tháng/ }).count()).toBe(0);
    await signOut(harness);
  });

  it('shows the analyst, at the ward, which cells have sent theirs, on a phone, and offers no form', async () => {
    await signIn(harness, 'ANALYST');
    const { page } = harness;
    await page.goto(cellReport);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('link', { name: /^↑/ }).click();
    await page.getByRole('heading', { name: 'Báo cáo của cấp dưới' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(harness.platform.demo.member.cellName) });
    expect(await row.innerText()).toMatch(/Đã gửi đúng hạn|Gửi sau hạn/);
    // The units ranked by the API, lowest share of activated accounts first (docs/rules/reports.md#lagging-units).
    expect(await page.getByRole('img', { name: /thấp nhất trước/ }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Gửi báo cáo tháng/ }).count()).toBe(0);
    await expectFitsPhone(page, [page.getByRole('link', { name: 'Tải về CSV' }), page.getByRole('button', { name: 'Xem' })]);
    expect(await axeViolations(page)).toEqual([]);
    await signOut(harness);
  });

  it('is refused to a member without a role', async () => {
    await signIn(harness, 'MEMBER');
    const { page } = harness;
    await page.goto(cellReport);
    expect(await page.locator('main').innerText()).toContain('không có quyền xem báo cáo');
  });
});
