import { createDb, tables } from '@dangvu/drizzle';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, signIn, signOut, startHarness, type Harness } from './harness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

/** The demo member's name as an elderly user would type it: no diacritics, lower case. */
const plain = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

describe('the secretary searches the register', () => {
  it('finds a member typed without diacritics, with no accessibility violations', async () => {
    await signIn(harness, 'SECRETARY');
    const { page, platform } = harness;
    await page.getByRole('link', { name: 'Tìm đảng viên' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tìm đảng viên' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    await page.getByLabel('Họ tên, số căn cước hoặc số thẻ đảng viên').fill(plain(platform.demo.member.fullName));
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: platform.demo.member.fullName }).waitFor();
    expect(await page.locator('main').innerText()).toContain(platform.demo.member.cellName);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says in Vietnamese when the query is too short', async () => {
    const { page } = harness;
    await page.getByLabel('Họ tên, số căn cước hoặc số thẻ đảng viên').fill('a');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/ít nhất 2 ký tự/);
  });

  it('pages through a status filter', async () => {
    const { page } = harness;
    await page.getByLabel('Họ tên, số căn cước hoặc số thẻ đảng viên').fill('');
    await page.getByLabel('Tình trạng').selectOption({ label: 'Đang sinh hoạt' });
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: 'Trang sau →' }).waitFor();
    const first = await page.locator('tbody tr').count();
    await page.getByRole('link', { name: 'Trang sau →' }).click();
    await page.waitForURL(/sau=/);
    expect(first).toBe(20);
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('searches on a phone, the results shown as cards that fit the screen', async () => {
    const { page, platform } = harness;
    const query = page.getByLabel('Họ tên, số căn cước hoặc số thẻ đảng viên');
    const search = page.getByRole('button', { name: 'Tìm' });
    await expectFitsPhone(page, [query, page.getByLabel('Tình trạng'), page.getByLabel('Loại đảng viên'), search]);
    await query.fill(plain(platform.demo.member.fullName));
    await search.click();
    await page.waitForURL((url) => url.searchParams.get('q') === plain(platform.demo.member.fullName));
    await page.getByRole('link', { name: platform.demo.member.fullName }).waitFor();
    await expectFitsPhone(page, [page.getByRole('link', { name: platform.demo.member.fullName })]);
  });
});

describe('namesakes in the results', () => {
  const NAME = 'Hoàng Thị Trùng Tên';

  /** Two members of the demo cell given one name, born in different years, with different party cards. */
  beforeAll(async () => {
    const [first, second] = await Promise.all([demoCellMember(harness, 21), demoCellMember(harness, 22)]);
    const handle = createDb(harness.platform.databaseUrl, { max: 1 });
    try {
      await handle.db.update(tables.members).set({ fullName: NAME, birthDate: '1961-03-02', cardNumber: 'NB.61000123', membershipKind: 'OFFICIAL' }).where(eq(tables.members.id, first.id));
      await handle.db.update(tables.members).set({ fullName: NAME, birthDate: '1988-09-30', cardNumber: 'NB.88000456', membershipKind: 'OFFICIAL' }).where(eq(tables.members.id, second.id));
    } finally {
      await handle.close();
    }
  });

  const search = async () => {
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-vien?q=${encodeURIComponent(plain(NAME))}`);
    await page.waitForSelector('html[data-hydrated]');
    return page.locator('.told').allInnerTexts();
  };

  it('tells the secretary which is which: the end of the card number and the year of birth', async () => {
    expect((await search()).sort()).toEqual(['thẻ …0123 · sinh năm 1961', 'thẻ …0456 · sinh năm 1988']);
  });

  it('gives the finance member, who may not read birth dates, the card numbers’ ends alone', async () => {
    await signOut(harness);
    await signIn(harness, 'FINANCE_MEMBER');
    expect((await search()).sort()).toEqual(['thẻ …0123', 'thẻ …0456']);
  });
});
