import { createDb, tables } from '@dangvu/drizzle';
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectFitsPhone, openRecord, signIn, signOut, startHarness, type Harness } from './harness.ts';

let harness: Harness;
const t = {} as { memberId: string; ward: { id: string; name: string }; home: { id: string; name: string } };

const inDatabase = async <T>(read: (db: ReturnType<typeof createDb>['db']) => Promise<T>) => {
  const handle = createDb(harness.platform.databaseUrl, { max: 1 });
  try {
    return await read(handle.db);
  } finally {
    await handle.close();
  }
};

beforeAll(async () => {
  harness = await startHarness();
  await inDatabase(async (db) => {
    const [member] = await db.select().from(tables.members).where(eq(tables.members.fullName, harness.platform.demo.member.fullName));
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.id, member!.orgId));
    const [ward] = await db.select().from(tables.organizations).where(eq(tables.organizations.id, cell!.parentId!));
    // Another village cell of the same ward: where the demo member says they live.
    const [home] = await db
      .select()
      .from(tables.organizations)
      .where(and(eq(tables.organizations.parentId, ward!.id), eq(tables.organizations.type, 'GRASSROOTS_CELL'), ne(tables.organizations.id, cell!.id)));
    t.memberId = member!.id;
    t.ward = ward!;
    t.home = home!;
  });
});
afterAll(() => harness?.stop());

describe('a residence cell, declared by the member and confirmed by the ward committee, on a phone', () => {
  it('is declared by the member from their record, choosing the ward and then the cell', async () => {
    await signIn(harness, 'MEMBER');
    const { page } = harness;
    await openRecord(harness, t.memberId);
    await page.getByRole('link', { name: 'Chi bộ nơi cư trú' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chi bộ nơi cư trú' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    const ward = page.getByRole('button', { name: `Xem các chi bộ của ${t.ward.name}` });
    await expectFitsPhone(page, [ward]);
    await ward.click();
    const choose = page.getByRole('button', { name: `Chọn ${t.home.name}` });
    await choose.waitFor();
    await page.waitForSelector('html[data-hydrated]');
    await choose.click();
    await page.getByText('Đã khai báo; đảng ủy xã, phường nơi cư trú sẽ xác nhận.').waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Đang chờ đảng ủy xã, phường xác nhận');
    expect(main).toContain(t.home.name);
    expect(await page.getByRole('button', { name: 'Xác nhận' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await signOut(harness);
  });

  it('is confirmed by the ward committee’s secretary, and becomes the member’s residence cell', async () => {
    await signIn(harness, 'COMMITTEE_SECRETARY');
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/to-chuc/${t.ward.id}`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('link', { name: 'Xác nhận chi bộ nơi cư trú' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xác nhận chi bộ nơi cư trú' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('main').innerText()).toContain(harness.platform.demo.member.fullName);
    const confirm = page.getByRole('button', { name: 'Xác nhận', exact: true });
    await expectFitsPhone(page, [confirm]);
    await confirm.click();
    await page.getByText('Đã xác nhận chi bộ nơi cư trú.').waitFor();
    expect(await page.locator('main').innerText()).toContain('Không có khai báo nào đang chờ xác nhận.');
    const residence = await inDatabase(async (db) => (await db.select().from(tables.members).where(eq(tables.members.id, t.memberId)))[0]!.residenceOrgId);
    expect(residence).toBe(t.home.id);
    expect(await axeViolations(page)).toEqual([]);
  });
});
