import { createDb, tables } from '@dangvu/drizzle';
import { and, eq, isNotNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, signIn, signOut, startHarness, type Harness } from './harness.ts';

/** The administrative unit a commune-level committee serves, set from above (docs/rules/organization-tree.md#administrative-unit). */
let harness: Harness;
let commune: typeof tables.organizations.$inferSelect;
let takenCode: string;
const read = async <T>(query: (db: ReturnType<typeof createDb>['db']) => Promise<T>) => {
  const handle = createDb(harness.platform.databaseUrl, { max: 1 });
  try {
    return await query(handle.db);
  } finally {
    await handle.close();
  }
};
const codeOfCommune = () => read(async (db) => (await db.select().from(tables.organizations).where(eq(tables.organizations.id, commune.id)))[0]!.administrativeUnitCode);

beforeAll(async () => {
  harness = await startHarness();
  const cell = await read(async (db) => (await db.select().from(tables.organizations).where(eq(tables.organizations.id, (await demoCellMember(harness, 12)).orgId)))[0]!);
  commune = await read(async (db) => (await db.select().from(tables.organizations).where(eq(tables.organizations.id, cell.parentId!)))[0]!);
  // Another commune's unit: choosing it is refused, naming that commune.
  takenCode = await read(
    async (db) =>
      (await db.select().from(tables.organizations).where(and(eq(tables.organizations.type, 'PROVINCE_SUBORDINATE'), ne(tables.organizations.id, commune.id), isNotNull(tables.organizations.administrativeUnitCode))))[0]!
        .administrativeUnitCode!,
  );
});
afterAll(() => harness?.stop());

describe('the administrative unit of a commune committee, on its classification page, on a phone', () => {
  it('is not offered to the commune’s own secretary: it is decided from above', async () => {
    await signIn(harness, 'COMMITTEE_SECRETARY');
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/to-chuc/${commune.id}/phan-loai`);
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.getByRole('heading', { name: 'Đơn vị hành chính' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lưu mã đơn vị hành chính' }).count()).toBe(0);
    await signOut(harness);
  });

  it('is set by the province’s administrator, each refusal said in Vietnamese beside the code and nothing changed', async () => {
    await signIn(harness, 'PROVINCE_ADMIN');
    const { page } = harness;
    const before = await codeOfCommune();
    await page.goto(`${harness.baseUrl}/to-chuc/${commune.id}/phan-loai`);
    await page.waitForSelector('html[data-hydrated]');
    const code = page.getByLabel('Mã xã, phường, đặc khu');
    const save = page.getByRole('button', { name: 'Lưu mã đơn vị hành chính' });
    await expectFitsPhone(page, [code, save]);
    if (before) expect(await page.locator('main').innerText()).toContain(`Đảng bộ đang gắn với xã, phường, đặc khu mã ${before}.`);
    await code.fill('12ab');
    await save.click();
    await page.locator('#administrativeUnitCode-error').waitFor();
    expect(await page.locator('#administrativeUnitCode-error').textContent()).toContain('Mã xã, phường, đặc khu gồm 5 chữ số.');
    await code.fill(takenCode);
    await save.click();
    await page.getByText(`Đơn vị hành chính ${takenCode} đã gắn với`).waitFor();
    expect(await codeOfCommune()).toBe(before);
    await code.fill('99991');
    await save.click();
    await page.getByText('Đã gắn đảng bộ với đơn vị hành chính mã 99991.').waitFor();
    expect(await page.locator('main').innerText()).toContain('Đảng bộ đang gắn với xã, phường, đặc khu mã 99991.');
    expect(await codeOfCommune()).toBe('99991');
    expect(await axeViolations(page)).toEqual([]);
    await signOut(harness);
  });
});
