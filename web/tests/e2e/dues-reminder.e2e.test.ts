import { tables } from '@dangvu/drizzle';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectFitsPhone, signIn, startHarness, type Harness } from './harness.ts';

/**
 * The reminder on the member's page before the month ends (docs/rules/dues-standing.md#reminders). The harness
 * has no clock of its own, so the window is widened to the whole month (DUES_REMINDER_DAYS=31) and the days
 * left are reckoned here from today's date in Vietnam.
 */
let harness: Harness;
let memberId: string;
let orgId: string;
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
const [year, month, day] = today.split('-').map(Number) as [number, number, number];
const period = `${today.slice(0, 7)}-01`;
const daysLeft = new Date(Date.UTC(year, month, 0)).getUTCDate() - day;

beforeAll(async () => {
  process.env.DUES_REMINDER_DAYS = '31';
  harness = await startHarness();
  const [account] = await harness.db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, 'dangvien.demo'));
  memberId = account!.memberId;
  const [payer] = await harness.db.select().from(tables.payers).where(eq(tables.payers.memberId, memberId));
  orgId = payer!.orgId;
});
afterAll(async () => {
  delete process.env.DUES_REMINDER_DAYS;
  await harness?.stop();
});

/** This month's obligation of the demo member, in `status`. */
async function thisMonth(status: 'DUE' | 'PAID_CASH') {
  await harness.db
    .insert(tables.obligations)
    .values({ memberId, orgId, period, amount: 98_765, status })
    .onConflictDoUpdate({ target: [tables.obligations.memberId, tables.obligations.period], set: { status, paidAt: status === 'DUE' ? null : new Date() } });
}

describe('the reminder before the month ends', () => {
  it('tells the member on their page that this month’s dues are unpaid and how many days are left, and leads to paying them', async () => {
    await thisMonth('DUE');
    await signIn(harness, 'MEMBER');
    const { page } = harness;
    const reminder = page.getByRole('complementary', { name: /Đảng phí tháng/ });
    const monthName = `${String(month).padStart(2, '0')}/${year}`;
    expect((await reminder.locator('p').first().innerText()).replace(/\s+/g, ' ')).toBe(
      `! Đảng phí tháng ${monthName} chưa đóng — ${daysLeft === 0 ? 'hôm nay là ngày cuối tháng' : `còn ${daysLeft} ngày`}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [reminder]);
    await reminder.getByRole('link', { name: 'Đóng đảng phí' }).click();
    await page.waitForURL(`${harness.baseUrl}/dang-phi`);
    await page.getByRole('heading', { name: 'Đảng phí', level: 1 }).waitFor();
  });

  it('says nothing once this month is paid', async () => {
    await thisMonth('PAID_CASH');
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/ho-so`);
    await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
    expect(await page.getByRole('complementary', { name: /Đảng phí tháng/ }).count()).toBe(0);
    const [row] = await harness.db.select().from(tables.obligations).where(and(eq(tables.obligations.memberId, memberId), eq(tables.obligations.period, period)));
    expect(row!.status).toBe('PAID_CASH');
  });
});
