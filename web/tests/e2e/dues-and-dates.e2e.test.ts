import { tables } from '@dangvu/drizzle';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, openRecord, signIn, signOut, startHarness, type Harness } from './harness.ts';

/**
 * Dates as Vietnam writes and lives them, in a browser that speaks American English (where a date widget
 * would say mm/dd/yyyy), and the dues panel that leads with what is owed.
 */
let harness: Harness;
let db: Harness['db'];
beforeAll(async () => {
  harness = await startHarness({ locale: 'en-US' });
  ({ db } = harness);
});
afterAll(() => harness?.stop());

const duesSection = (harness: Harness) => harness.page.locator('section', { has: harness.page.getByRole('heading', { name: 'Đảng phí', exact: true }) });

/** The demo member's obligations, newest first. */
async function demoMemberObligations() {
  const [account] = await db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, 'dangvien.demo'));
  const rows = await db.select().from(tables.obligations).where(eq(tables.obligations.memberId, account!.memberId)).orderBy(desc(tables.obligations.period));
  return { memberId: account!.memberId, rows };
}

describe('the dues panel', () => {
  it('says the dues are paid ("đã đóng") when every month is', async () => {
    const { memberId } = await demoMemberObligations();
    await db.update(tables.obligations).set({ status: 'PAID_ONLINE', paidAt: new Date() }).where(eq(tables.obligations.memberId, memberId));
    await signIn(harness, 'MEMBER');
    const dues = await duesSection(harness).innerText();
    expect(dues).toMatch(/Đảng phí tháng \d{1,2}\/\d{4}: hạn \d{2}\/\d{2}\/\d{4}, đã đóng/);
    expect(dues).not.toContain('đã xong');
    expect(dues).not.toContain('Còn nợ');
  });

  it('leads with the months owed, in words and with the amount to the last digit, and counts no days down', async () => {
    const { memberId, rows } = await demoMemberObligations();
    const owed = rows.slice(1, 3).map((row) => row.period);
    await db
      .update(tables.obligations)
      .set({ status: 'OVERDUE', paidAt: null, amount: 248_000 })
      .where(and(eq(tables.obligations.memberId, memberId), inArray(tables.obligations.period, owed)));
    const { page } = harness;
    await page.reload();
    await page.waitForSelector('html[data-hydrated]');
    const dues = duesSection(harness);
    const first = dues.locator('p').first();
    expect(await first.innerText()).toMatch(/^!\s*Đồng chí còn nợ 2 tháng, 496\.000 ₫\.$/);
    expect(await dues.innerText()).not.toMatch(/còn \d+ ngày/);
    expect(await dues.innerText()).toContain('Còn nợ\n2 tháng, 496.000 ₫');
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [first]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signOut(harness);
  });
});

describe('dates', () => {
  it('are typed as dd/mm/yyyy in the role form, whatever the browser’s language, with a hint that says so', async () => {
    await signIn(harness, 'ADMIN');
    const { page } = harness;
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    const member = await demoCellMember(harness, 13);
    expect(member.joinedOn < '2026-11-03').toBe(true);
    await openRecord(harness, member.id);
    const startsOn = page.getByLabel('Từ ngày');
    expect(await startsOn.getAttribute('type')).toBeNull();
    expect(await startsOn.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await page.locator('#startsOn-hint').textContent()).toContain('Ngày/tháng/năm');

    await page.locator('#role').selectOption({ label: 'Phó bí thư' });
    await page.getByLabel('Tại tổ chức').selectOption({ label: harness.platform.demo.member.cellName });
    await startsOn.fill('31/02/2026');
    await page.getByRole('button', { name: 'Giao chức trách' }).click();
    await page.locator('#startsOn-error').waitFor();
    expect(await page.locator('#startsOn-error').textContent()).toContain('ngày/tháng/năm');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('startsOn');

    // The third of November, which an American reading would take for the eleventh of March.
    await startsOn.fill('03/11/2026');
    await page.getByRole('button', { name: 'Giao chức trách' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã giao chức trách.' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('từ 03/11/2026');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('of instants are Vietnam’s: a dues account saved at 01:30 on 1 December in Hanoi says 01/12/2026', async () => {
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    // The demo cell has an account already: this one replaces it, saved at that instant.
    const account = { bankBin: '970405', accountNumber: '3500205123456', holderName: 'CHI BO', updatedAt: new Date('2026-11-30T18:30:00Z') };
    await db.insert(tables.bankAccounts).values({ orgId: cell!.id, ...account }).onConflictDoUpdate({ target: tables.bankAccounts.orgId, set: account });
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/to-chuc/${cell!.id}`);
    const updated = page.locator('dt', { hasText: 'Cập nhật' }).locator('xpath=following-sibling::dd[1]');
    expect(await updated.textContent()).toBe('01/12/2026');
  });
});
