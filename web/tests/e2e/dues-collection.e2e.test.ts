import { tables } from '@dangvu/drizzle';
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, signIn, startHarness, type Harness } from './harness.ts';

/** The cell's collection sheet: the finance member takes a member's dues in cash and prints the receipt. */
let harness: Harness;
let db: Harness['db'];
beforeAll(async () => {
  harness = await startHarness();
  ({ db } = harness);
});
afterAll(() => harness?.stop());

describe('the cell’s dues collection page', () => {
  it('lets the finance member, on a phone, take a member’s open months in cash and gives the numbered receipt; the months are then paid', async () => {
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    const [account] = await db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, harness.platform.demo.member.username));
    const memberId = account!.memberId!;
    const [latest] = await db.select().from(tables.obligations).where(eq(tables.obligations.memberId, memberId)).orderBy(desc(tables.obligations.period)).limit(1);
    await db
      .update(tables.obligations)
      .set({ status: 'DUE', paidAt: null, amount: 98_765 })
      .where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, latest!.period)));

    await signIn(harness, 'FINANCE_MEMBER');
    const { page } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    // The cell's page, where its officers work, leads to the collection.
    await page.goto(`${harness.baseUrl}/to-chuc/${cell!.id}`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('link', { name: 'Thu đảng phí của đảng viên' }).click();
    await page.waitForURL(`${harness.baseUrl}/dang-phi/chi-bo/${cell!.id}`);
    await page.getByRole('heading', { name: `Thu đảng phí – ${cell!.name}`, level: 1 }).waitFor();
    const payer = page.getByRole('region', { name: harness.platform.demo.member.fullName });
    const [year, month] = latest!.period.split('-');
    expect(await payer.innerText()).toContain(`tháng ${Number(month)}/${year}: 98.765 ₫`);
    const box = payer.getByLabel(`tháng ${Number(month)}/${year} – 98.765 ₫`);
    expect(await box.isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [payer.getByRole('button', { name: 'Ghi nhận đã thu tiền mặt' })]);

    await payer.getByRole('button', { name: 'Ghi nhận đã thu tiền mặt' }).click();
    const receipt = page.getByRole('region', { name: 'Biên lai thu đảng phí' });
    await receipt.waitFor();
    const text = await receipt.innerText();
    const [saved] = await db.select().from(tables.receipts).where(eq(tables.receipts.memberId, memberId)).orderBy(desc(tables.receipts.receivedAt)).limit(1);
    expect(text).toContain(`Số: ${String(saved!.number).padStart(4, '0')}/${saved!.year}`);
    expect(text).toContain(harness.platform.demo.member.fullName);
    expect(text).toContain(`tháng ${Number(month)}/${year}`);
    // Every open month was ticked: the receipt is their sum, and each names the receipt.
    const paid = await db.select().from(tables.obligations).where(eq(tables.obligations.receiptId, saved!.id));
    expect(saved!.amount).toBe(paid.reduce((sum, o) => sum + o.amount, 0));
    expect(paid.every((o) => o.status === 'PAID_CASH')).toBe(true);
    expect(text).toContain(`Số tiền\n${saved!.amount.toLocaleString('vi-VN')} ₫`);
    expect(text).toContain('Tiền mặt');
    expect(await page.getByRole('status').innerText()).toContain('Đã ghi nhận thu tiền mặt');
    const [row] = await db.select().from(tables.obligations).where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, latest!.period)));
    expect(row!.status).toBe('PAID_CASH');
    expect(row!.receiptId).toBe(saved!.id);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('records the payment once when the first answer was lost on the way and the finance member taps again, showing the first receipt', async () => {
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    const [account] = await db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, harness.platform.demo.member.username));
    const memberId = account!.memberId!;
    const [latest] = await db.select().from(tables.obligations).where(eq(tables.obligations.memberId, memberId)).orderBy(desc(tables.obligations.period)).limit(1);
    await db
      .update(tables.obligations)
      .set({ status: 'DUE', paidAt: null, receiptId: null })
      .where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, latest!.period)));
    const receipts = async () => (await db.select().from(tables.receipts).where(eq(tables.receipts.memberId, memberId))).length;
    const before = await receipts();

    await harness.page.context().clearCookies();
    await signIn(harness, 'FINANCE_MEMBER');
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-phi/chi-bo/${cell!.id}`);
    await page.waitForSelector('html[data-hydrated]');
    // The first answer reaches the server, which records the payment, and is then lost on its way back.
    let lost = false;
    const cashAction = (url: URL) => url.search.includes('/cash');
    await page.route(
      cashAction,
      async (route) => {
        if (lost) return route.continue();
        lost = true;
        await route.fetch();
        await route.abort('connectionreset');
      },
    );
    const payer = page.getByRole('region', { name: harness.platform.demo.member.fullName });
    await payer.getByRole('button', { name: 'Ghi nhận đã thu tiền mặt' }).click();
    await page.getByText('Hệ thống đang bận').waitFor();
    expect(await receipts()).toBe(before + 1);

    await payer.getByRole('button', { name: 'Ghi nhận đã thu tiền mặt' }).click();
    const receipt = page.getByRole('region', { name: 'Biên lai thu đảng phí' });
    await receipt.waitFor();
    const [saved] = await db.select().from(tables.receipts).where(eq(tables.receipts.memberId, memberId)).orderBy(desc(tables.receipts.receivedAt)).limit(1);
    expect(await receipt.innerText()).toContain(`Số: ${String(saved!.number).padStart(4, '0')}/${saved!.year}`);
    expect(await receipts()).toBe(before + 1);
    await page.unroute(cashAction);
  });

  it('lists, above the sheet, the members with three unpaid months this year for the cell to consider and those with two to remind', async () => {
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const [yearStart, monthStart] = [`${today.slice(0, 4)}-01-01`, `${today.slice(0, 7)}-01`];
    // This year's months before this one: every one paid, then some of them unpaid again for two members.
    const pastMonths = and(gte(tables.obligations.period, yearStart), lt(tables.obligations.period, monthStart));
    await db.update(tables.obligations).set({ status: 'PAID_CASH' }).where(and(eq(tables.obligations.orgId, cell!.id), pastMonths));
    const unpaid = async (rosterNumber: number, count: number) => {
      const member = await demoCellMember(harness, rosterNumber);
      const months = (await db.select().from(tables.obligations).where(and(eq(tables.obligations.memberId, member.id), pastMonths))).map((o) => o.period).sort().slice(0, count);
      for (const period of months) await db.update(tables.obligations).set({ status: 'OVERDUE' }).where(and(eq(tables.obligations.memberId, member.id), eq(tables.obligations.period, period)));
      return { member, months };
    };
    const considered = await unpaid(5, 3);
    const reminded = await unpaid(6, 2);

    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-phi/chi-bo/${cell!.id}`);
    await page.waitForSelector('html[data-hydrated]');
    const consider = page.getByRole('list', { name: 'Đảng viên cần chi bộ xem xét' });
    const remind = page.getByRole('list', { name: 'Đảng viên cần nhắc nhở' });
    // Early in January no month of the year is behind: nobody can be listed yet.
    if (considered.months.length === 3) {
      expect(await consider.innerText()).toContain(`${considered.member.fullName}: 3 tháng`);
      expect(await consider.getByRole('listitem').count()).toBe(1);
    }
    if (reminded.months.length === 2) {
      expect(await remind.innerText()).toContain(reminded.member.fullName);
      expect(await remind.getByRole('listitem').count()).toBe(1);
    }
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [consider]);
  });
});
