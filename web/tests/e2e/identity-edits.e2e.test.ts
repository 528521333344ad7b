import { createDb, tables } from '@dangvu/drizzle';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, openRecord, signIn, signOut, startHarness, type Harness } from './harness.ts';

let harness: Harness;
let member: Awaited<ReturnType<typeof demoCellMember>>;
beforeAll(async () => {
  harness = await startHarness();
  member = await demoCellMember(harness, 12);
});
afterAll(() => harness?.stop());

const nameOf = async (id: string) => {
  const handle = createDb(harness.platform.databaseUrl, { max: 1 });
  try {
    return (await handle.db.select().from(tables.members).where(eq(tables.members.id, id)))[0]!.fullName;
  } finally {
    await handle.close();
  }
};

describe('an identity edit, from the cell secretary’s proposal to the approval, on a phone', () => {

  it('is proposed by the secretary from the member’s record, with its reason; the secretary cannot approve it', async () => {
    await signIn(harness, 'SECRETARY');
    const { page } = harness;
    await openRecord(harness, member.id);
    await page.getByRole('link', { name: 'Thông tin lý lịch và đề nghị sửa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông tin lý lịch' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    const send = page.getByRole('button', { name: 'Gửi đề nghị' });
    await expectFitsPhone(page, [page.getByLabel('Họ và tên'), page.getByLabel('Lý do, căn cứ'), send]);
    // Nothing changed: refused in Vietnamese, nothing sent to the committee.
    await page.getByLabel('Lý do, căn cứ').fill('Theo căn cước công dân');
    await send.click();
    await page.getByText('Đề nghị không thay đổi thông tin nào so với hồ sơ hiện tại.').waitFor();
    await page.getByLabel('Họ và tên').fill(`${member.fullName} Em`);
    await send.click();
    await page.getByText('Đã gửi đề nghị; cấp ủy cơ sở quản lý hồ sơ sẽ xem xét, duyệt.').waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Đang chờ cấp ủy cơ sở duyệt');
    expect(main).toContain(`${member.fullName} Em`);
    expect(await page.getByRole('button', { name: 'Duyệt và cập nhật hồ sơ' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Rút đề nghị' }).count()).toBe(1);
    expect(await nameOf(member.id)).toBe(member.fullName);
    expect(await axeViolations(page)).toEqual([]);
    await signOut(harness);
  });

  it('is approved by the deputy from the cell’s list of proposals awaiting a decision, and the record shows the new name', async () => {
    await signIn(harness, 'DEPUTY_SECRETARY');
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/to-chuc/${member.orgId}`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('link', { name: 'Đề nghị sửa lý lịch chờ duyệt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đề nghị sửa lý lịch chờ duyệt' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    const approve = page.getByRole('button', { name: 'Duyệt và cập nhật hồ sơ' });
    const reject = page.getByRole('button', { name: 'Không duyệt' });
    await expectFitsPhone(page, [approve, reject]);
    expect(await page.locator('main').innerText()).toContain('Theo căn cước công dân');
    // A rejection needs its reason: said beside the field, nothing decided.
    await reject.click();
    await page.getByText(/Ghi rõ lý do, căn cứ/).waitFor();
    await approve.click();
    await page.getByText('Đã duyệt: hồ sơ đảng viên đã được cập nhật.').waitFor();
    expect(await page.locator('main').innerText()).toContain('Không có đề nghị nào đang chờ duyệt.');
    expect(await nameOf(member.id)).toBe(`${member.fullName} Em`);
    await openRecord(harness, member.id);
    await page.getByRole('heading', { level: 1, name: `${member.fullName} Em` }).waitFor();
    await expectFitsPhone(page);
    expect(await axeViolations(page)).toEqual([]);
  });
});
