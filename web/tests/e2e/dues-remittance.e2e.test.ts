import { tables } from '@dangvu/drizzle';
import { and, eq } from 'drizzle-orm';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, signIn, signOut, startHarness, type Harness } from './harness.ts';

/** The finance member sending a closed month up and the ward confirming it (after a rejection); a reduction decided through its form. */
let harness: Harness;
let db: Harness['db'];
beforeAll(async () => {
  harness = await startHarness();
  ({ db } = harness);
});
afterAll(() => harness?.stop());

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const typedDay = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;
const [year, monthNumber] = today.split('-').map(Number) as [number, number];
const lastMonth = new Date(Date.UTC(year, monthNumber - 2, 1)).toISOString().slice(0, 7);
const demoCell = async () => (await db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName)))[0]!;

describe('remitting a closed month', () => {
  it('lets the finance member send last month’s 120.000 ₫ up on a phone; the ward’s secretary rejects it with a reason, it is sent again and confirmed', async () => {
    const cell = await demoCell();
    await db.insert(tables.monthCloses).values({
      orgId: cell.id,
      orgPath: cell.path,
      period: `${lastMonth}-01`,
      obligationCount: 10,
      paidCount: 8,
      amountDue: 500_000,
      amountCollected: 400_000,
      amountKept: 280_000,
      amountRemitted: 120_000,
      remittanceRule: 'Tổ chức cơ sở đảng giữ lại 70%, nộp lên 30% (Quyết định 342-QĐ/TW)',
    });
    const { page } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    const send = async (reference: string) => {
      await signIn(harness, 'FINANCE_MEMBER');
      await page.goto(`${harness.baseUrl}/dang-phi/chi-bo/${cell.id}`);
      await page.getByRole('link', { name: /Nộp đảng phí lên cấp trên/ }).click();
      await page.waitForURL('**/nop-cap-tren');
      await page.waitForSelector('html[data-hydrated]');
      const section = page.getByRole('region', { name: /^Số liệu tháng/ });
      await section.getByLabel('Số tham chiếu giao dịch chuyển tiền').fill(reference);
      await section.getByLabel('Ngày chuyển tiền').fill(typedDay);
      const button = section.getByRole('button', { name: 'Nộp lên cấp trên' });
      await expectFitsPhone(page, [button]);
      await button.click();
      await section.getByRole('status').filter({ hasText: 'Đã gửi khoản nộp lên cấp trên' }).waitFor();
      expect(await section.innerText()).toContain('Chờ cấp trên xác nhận');
      expect(await section.innerText()).toContain('120.000 ₫, chuyển ngày');
      expect(await axeViolations(page)).toEqual([]);
      await signOut(harness);
    };
    const asWard = async (decide: (item: Locator) => Promise<void>) => {
      await signIn(harness, 'COMMITTEE_SECRETARY');
      await page.goto(`${harness.baseUrl}/dang-phi/chi-bo/${cell.parentId}/nop-cap-tren`);
      await page.waitForSelector('html[data-hydrated]');
      const item = page.getByRole('article', { name: `${cell.name}, tháng ${Number(lastMonth.slice(5))}/${lastMonth.slice(0, 4)}` });
      expect(await item.innerText()).toContain('120.000 ₫');
      await expectFitsPhone(page, [item.getByRole('button', { name: 'Xác nhận đã nhận' })]);
      await decide(item);
      expect(await axeViolations(page)).toEqual([]);
      await signOut(harness);
    };
    const row = async () => (await db.select().from(tables.remittances).where(and(eq(tables.remittances.orgId, cell.id), eq(tables.remittances.period, `${lastMonth}-01`))))[0]!;

    await send('FT-LAN-1');
    expect(await row()).toMatchObject({ state: 'SUBMITTED', amount: 120_000, transferReference: 'FT-LAN-1', transferredOn: today });

    await asWard(async (item) => {
      await item.getByLabel('Lý do từ chối').fill('Chưa thấy tiền về tài khoản của đảng ủy');
      await item.getByRole('button', { name: 'Từ chối' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã từ chối khoản nộp' }).waitFor();
    });
    expect(await row()).toMatchObject({ state: 'REJECTED', rejectionReason: 'Chưa thấy tiền về tài khoản của đảng ủy' });

    await send('FT-LAN-2');
    await asWard(async (item) => {
      await item.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã xác nhận đã nhận khoản nộp' }).waitFor();
      expect(await page.getByRole('article', { name: new RegExp(cell.name) }).innerText()).toContain('Cấp trên đã nhận');
    });
    expect(await row()).toMatchObject({ state: 'CONFIRMED', transferReference: 'FT-LAN-2' });
  });
});

describe('deciding a reduction', () => {
  it('lets the cell’s secretary reduce a member’s dues by half through the form: refused first without the member’s application, then this month is halved', async () => {
    const cell = await demoCell();
    const member = await demoCellMember(harness, 9);
    const thisMonth = `${today.slice(0, 7)}-01`;
    await db.update(tables.obligations).set({ status: 'DUE', paidAt: null }).where(and(eq(tables.obligations.memberId, member.id), eq(tables.obligations.period, thisMonth)));
    const [before] = await db.select().from(tables.obligations).where(and(eq(tables.obligations.memberId, member.id), eq(tables.obligations.period, thisMonth)));
    const rated = before!.ratedAmount ?? before!.amount;

    await signIn(harness, 'SECRETARY');
    const { page } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${harness.baseUrl}/dang-phi/chi-bo/${cell.id}`);
    await page.getByRole('link', { name: /Quyết định miễn, giảm/ }).click();
    await page.waitForURL('**/quyet-dinh');
    await page.waitForSelector('html[data-hydrated]');
    const section = page.getByRole('region', { name: 'Miễn, giảm đảng phí' });
    await section.getByLabel('Đảng viên', { exact: true }).selectOption(member.id);
    await section.getByLabel('Hình thức').selectOption('REDUCTION');
    await section.getByLabel('Lý do', { exact: true }).selectOption('OTHER_HARDSHIP');
    await section.getByLabel('Mức giảm (chỉ khi giảm)').selectOption('50');
    const month = `${today.slice(5, 7)}/${today.slice(0, 4)}`;
    await section.getByLabel('Từ tháng').fill(month);
    await section.getByLabel('Đến tháng (bắt buộc khi giảm)').fill(month);
    await section.getByLabel('Số, ký hiệu quyết định').fill('05-QĐ/CB');
    await section.getByLabel('Ngày quyết định').fill(typedDay);
    const button = section.getByRole('button', { name: 'Ghi nhận quyết định' });
    await expectFitsPhone(page, [button]);
    await button.click();
    await section.getByRole('alert').filter({ hasText: 'cần có đơn của đảng viên' }).waitFor();
    expect(await db.select().from(tables.reliefDecisions).where(eq(tables.reliefDecisions.memberId, member.id))).toEqual([]);

    await section.getByLabel('Đơn của đảng viên (ngày, nội dung)').fill(`Đơn ngày ${typedDay}: gia đình khó khăn`);
    await section.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    await section.getByRole('status').filter({ hasText: 'Đã ghi nhận quyết định' }).waitFor();
    const [decision] = await db.select().from(tables.reliefDecisions).where(eq(tables.reliefDecisions.memberId, member.id));
    expect(decision).toMatchObject({ kind: 'REDUCTION', percent: 50, reference: '05-QĐ/CB', decidedOn: today });
    const [after] = await db.select().from(tables.obligations).where(and(eq(tables.obligations.memberId, member.id), eq(tables.obligations.period, thisMonth)));
    expect(after!.amount).toBe(Math.floor((rated * 50 * 2 + 100) / 200));
    expect(await axeViolations(page)).toEqual([]);
  });
});
