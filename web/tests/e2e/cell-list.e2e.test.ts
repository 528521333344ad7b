import { createDb, tables } from '@dangvu/drizzle';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectFitsPhone, signIn, signOut, startHarness, type Harness } from './harness.ts';

/** The cell page for its officers: the member list a page at a time, filtered and sorted, with dues and dossiers. */
let harness: Harness;
let cellMembers: { fullName: string; rosterNumber: number | null }[];

beforeAll(async () => {
  harness = await startHarness();
  const handle = createDb(harness.platform.databaseUrl, { max: 1 });
  try {
    const [cell] = await handle.db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    cellMembers = await handle.db.select({ fullName: tables.members.fullName, rosterNumber: tables.members.rosterNumber }).from(tables.members).where(eq(tables.members.orgId, cell!.id));
  } finally {
    await handle.close();
  }
});
afterAll(() => harness?.stop());

const rows = () => harness.page.locator('section[aria-labelledby="dang-vien"] tbody tr');
const names = () => harness.page.locator('section[aria-labelledby="dang-vien"] tbody td[data-label="Họ và tên"]').allInnerTexts();
const withoutMarks = (name: string) => name.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

async function openOwnCell() {
  const { page } = harness;
  await page.getByRole('link', { name: 'Tổ chức đảng' }).click();
  await page.waitForURL(/\/to-chuc\/[0-9a-f-]{36}$/);
  await page.waitForSelector('html[data-hydrated]');
}

describe('the cell secretary’s member list', () => {
  it('shows thirty members at a time with their dues and open dossiers, says how many there are, and has no accessibility violations', async () => {
    expect(cellMembers.length).toBeGreaterThan(30);
    await signIn(harness, 'SECRETARY');
    await openOwnCell();
    const { page } = harness;
    const total = cellMembers.length;
    expect(await page.getByRole('heading', { name: `Đảng viên (${total})` }).count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain(`Đang xem 1–30 trong ${total} đảng viên.`);
    expect(await rows().count()).toBe(30);
    const headers = await page.locator('section[aria-labelledby="dang-vien"] thead th').allInnerTexts();
    expect(headers).toEqual(['Số DS', 'Họ và tên', 'Loại', 'Tình trạng', 'Đảng phí', 'Hồ sơ đang giải quyết']);
    expect(await page.locator('td[data-label="Đảng phí"]').first().innerText()).toMatch(/^(Nợ \d+ tháng, [\d.]+ ₫|Đã đóng tháng này|Chưa đóng tháng này)$/);
    // By roster number: the first page holds the lowest numbers, in order.
    const numbers = cellMembers.map((member) => member.rosterNumber).filter((n): n is number => n !== null).sort((a, b) => a - b);
    expect((await page.locator('td[data-label="Số DS"]').allInnerTexts()).slice(0, 3)).toEqual(numbers.slice(0, 3).map(String));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('goes on to the next page and back, with no one shown twice', async () => {
    const { page } = harness;
    const first = await names();
    await page.getByRole('button', { name: /đảng viên tiếp theo/ }).click();
    await page.waitForURL(/sau=/);
    const total = cellMembers.length;
    expect(await page.locator('main').innerText()).toContain(`Đang xem 31–${Math.min(60, total)} trong ${total} đảng viên.`);
    const second = await names();
    expect(second.filter((name) => first.includes(name))).toEqual([]);
    await page.getByRole('button', { name: '← Về đầu danh sách' }).click();
    await page.waitForURL((url) => !url.searchParams.has('sau'));
    expect(await names()).toEqual(first);
  });

  it('sorts by name in Vietnamese alphabetical order', async () => {
    const { page } = harness;
    await page.getByLabel('Sắp xếp').selectOption({ label: 'Theo tên (A–Z)' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/thu-tu=ten/);
    const expected = cellMembers.map((member) => member.fullName).sort(new Intl.Collator('vi').compare).slice(0, 30);
    expect(await names()).toEqual(expected);
  });

  it('filters by a name typed without diacritics, and says a one-letter filter is too short beside the field', async () => {
    const { page } = harness;
    const wanted = cellMembers[7]!.fullName;
    const typed = withoutMarks(wanted).toLowerCase();
    await page.getByLabel('Họ tên', { exact: true }).fill(typed);
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL((url) => url.searchParams.get('ten') === typed);
    await page.waitForSelector('html[data-hydrated]');
    expect(await names()).toContain(wanted);
    // Every word somewhere in the name, as the filter reads it.
    const sameName = cellMembers.filter((member) => typed.split(' ').every((word) => withoutMarks(member.fullName).toLowerCase().includes(word))).length;
    expect(await page.locator('#dang-vien').innerText()).toBe(`Đảng viên (${sameName})`);
    await page.getByLabel('Họ tên', { exact: true }).fill('a');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.locator('#ten-error').waitFor();
    expect(await page.locator('#ten-error').innerText()).toMatch(/ít nhất 2 ký tự/);
  });

  it('fits a phone, one card per member', async () => {
    const { page } = harness;
    await page.goto(page.url().split('?')[0]!);
    await page.waitForSelector('html[data-hydrated]');
    await expectFitsPhone(page, [page.getByRole('button', { name: /đảng viên tiếp theo/ }), page.getByLabel('Họ tên', { exact: true })]);
  });
});

describe('the cell finance member’s member list', () => {
  it('shows the dues column, and no dossiers, which are not hers to read', async () => {
    await signOut(harness);
    await signIn(harness, 'FINANCE_MEMBER');
    await openOwnCell();
    const headers = await harness.page.locator('section[aria-labelledby="dang-vien"] thead th').allInnerTexts();
    expect(headers).toEqual(['Số DS', 'Họ và tên', 'Loại', 'Tình trạng', 'Đảng phí']);
    expect(await rows().count()).toBe(30);
  });
});
