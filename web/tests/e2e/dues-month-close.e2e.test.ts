import { tables } from '@dangvu/drizzle';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, signIn, signOut, startHarness, type Harness } from './harness.ts';

/** Closing a cell's dues month, and the ward seeing which of its cells closed and what each remits. */
let harness: Harness;
let db: Harness['db'];
beforeAll(async () => {
  harness = await startHarness();
  ({ db } = harness);
});
afterAll(() => harness?.stop());

const dong = (amount: number) => `${amount.toLocaleString('vi-VN')} ₫`;

describe('closing a dues month', () => {
  it('lets the finance member close last month on a phone, frozen with what the cell keeps and remits; the ward’s secretary then sees it', async () => {
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()).split('-').map(Number) as [number, number];
    const lastMonth = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10);
    // One member still owes last month, to try paying it once closed.
    const debtor = await demoCellMember(harness, 7);
    await db.update(tables.obligations).set({ status: 'OVERDUE', paidAt: null }).where(and(eq(tables.obligations.memberId, debtor.id), eq(tables.obligations.period, lastMonth)));
    const rows = await db.select().from(tables.obligations).where(and(eq(tables.obligations.orgId, cell!.id), eq(tables.obligations.period, lastMonth)));
    const collected = rows.filter((o) => ['PAID_CASH', 'PAID_ONLINE', 'PREPAID'].includes(o.status)).reduce((sum, o) => sum + o.amount, 0);
    // A grassroots cell keeps 70% (half a dong up) and remits the rest.
    const kept = Math.floor((collected * 70 * 2 + 100) / 200);

    await signIn(harness, 'FINANCE_MEMBER');
    const { page } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${harness.baseUrl}/dang-phi/chi-bo/${cell!.id}`);
    await page.waitForSelector('html[data-hydrated]');
    const section = page.getByRole('region', { name: 'Khóa sổ tháng trước' });
    const button = section.getByRole('button', { name: 'Khóa sổ đảng phí tháng trước' });
    await expectFitsPhone(page, [button]);
    await button.click();
    await section.getByRole('status').filter({ hasText: 'Đã khóa sổ' }).waitFor();
    const text = await section.innerText();
    expect(text).toContain(`Đã thu\n${dong(collected)}`);
    expect(text).toContain(`Giữ lại\n${dong(kept)}`);
    expect(text).toContain(`Nộp cấp trên\n${dong(collected - kept)}`);
    expect(text).toContain('giữ lại 70%, nộp lên 30%');
    expect(await section.getByRole('button').count()).toBe(0);
    const [frozen] = await db.select().from(tables.monthCloses).where(and(eq(tables.monthCloses.orgId, cell!.id), eq(tables.monthCloses.period, lastMonth)));
    expect(frozen).toMatchObject({ amountCollected: collected, amountRemitted: collected - kept, obligationCount: rows.length });
    expect(await axeViolations(page)).toEqual([]);

    // No cash enters the closed month: the debtor's last month is refused by name, and stays owed.
    const payer = page.getByRole('region', { name: debtor.fullName });
    for (const box of await payer.getByRole('checkbox').all()) if ((await box.getAttribute('value')) !== lastMonth.slice(0, 7)) await box.uncheck();
    await payer.getByRole('button', { name: 'Ghi nhận đã thu tiền mặt' }).click();
    await page.getByRole('alert').filter({ hasText: 'đã khóa sổ' }).waitFor();
    const [still] = await db.select().from(tables.obligations).where(and(eq(tables.obligations.memberId, debtor.id), eq(tables.obligations.period, lastMonth)));
    expect(still!.status).toBe('OVERDUE');

    await signOut(harness);
    await signIn(harness, 'COMMITTEE_SECRETARY');
    await page.goto(`${harness.baseUrl}/dang-phi/chi-bo/${cell!.parentId}`);
    await page.waitForSelector('html[data-hydrated]');
    const closed = page.getByRole('list', { name: 'Tổ chức cấp dưới đã khóa sổ' });
    expect(await closed.innerText()).toContain(`${cell!.name}: đã thu ${dong(collected)}, nộp lên ${dong(collected - kept)}`);
    expect(await axeViolations(page)).toEqual([]);
  });
});
