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
    await signOut(harness);
  });
});

describe('recognition as an official member: the cell resolves, the committee above it decides, on a phone', () => {
  const typed = (day: string) => day.split('-').reverse().join('/');
  /** Today in Vietnam, as yyyy-mm-dd. */
  const vietnamDay = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(instant);
  const monthsAgo = (months: number) => {
    const day = new Date(`${vietnamDay(new Date())}T00:00:00Z`);
    day.setUTCMonth(day.getUTCMonth() - months);
    return day.toISOString().slice(0, 10);
  };
  let probationer: Awaited<ReturnType<typeof demoCellMember>>;
  const kindOf = async () => {
    const handle = createDb(harness.platform.databaseUrl, { max: 1 });
    try {
      return (await handle.db.select().from(tables.members).where(eq(tables.members.id, probationer.id)))[0]!.membershipKind;
    } finally {
      await handle.close();
    }
  };

  beforeAll(async () => {
    // A member admitted thirteen months ago and not yet recognized: the probation is over.
    probationer = await demoCellMember(harness, 20);
    const handle = createDb(harness.platform.databaseUrl, { max: 1 });
    try {
      await handle.db
        .update(tables.members)
        .set({ membershipKind: 'PROBATIONARY', joinedOn: monthsAgo(13), officialOn: null, cardNumber: null })
        .where(eq(tables.members.id, probationer.id));
    } finally {
      await handle.close();
    }
  });

  it('is proposed by the cell secretary with the resolution, refused before the twelve months end; the secretary cannot decide', async () => {
    await signIn(harness, 'SECRETARY');
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-vien/${probationer.id}/ly-lich`);
    await page.waitForSelector('html[data-hydrated]');
    const record = page.getByRole('button', { name: 'Ghi nghị quyết đề nghị công nhận' });
    await expectFitsPhone(page, [page.getByLabel('Ngày nghị quyết của chi bộ'), page.getByLabel('Số nghị quyết'), record]);
    await page.getByLabel('Ngày nghị quyết của chi bộ').fill(typed(monthsAgo(2)));
    await page.getByLabel('Số nghị quyết').fill('05-NQ/CB');
    await record.click();
    await page.getByText(/Chưa hết 12 tháng dự bị/).waitFor();
    await page.getByLabel('Ngày nghị quyết của chi bộ').fill(typed(vietnamDay(new Date())));
    await record.click();
    await page.getByText('Đã ghi nghị quyết của chi bộ; cấp ủy cấp trên sẽ xem xét, quyết định.').waitFor();
    expect(await page.locator('main').innerText()).toContain('Chi bộ đã có nghị quyết số 05-NQ/CB');
    expect(await page.getByRole('button', { name: 'Ghi quyết định công nhận' }).count()).toBe(0);
    expect(await kindOf()).toBe('PROBATIONARY');
    expect(await axeViolations(page)).toEqual([]);
    await signOut(harness);
  });

  it('is decided by the commune committee’s secretary, who sees the resolution; a rejection needs its reason', async () => {
    await signIn(harness, 'COMMITTEE_SECRETARY');
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-vien/${probationer.id}/ly-lich`);
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('main').innerText()).toContain('Chi bộ đã có nghị quyết số 05-NQ/CB');
    const recognize = page.getByRole('button', { name: 'Ghi quyết định công nhận' });
    const reject = page.getByRole('button', { name: 'Không công nhận' });
    await expectFitsPhone(page, [page.getByLabel('Ngày quyết định'), page.getByLabel('Số quyết định'), recognize, reject]);
    await reject.click();
    await page.getByText(/Ghi rõ lý do không công nhận chính thức/).waitFor();
    expect(await kindOf()).toBe('PROBATIONARY');
    await page.getByLabel('Ngày quyết định').fill(typed(vietnamDay(new Date())));
    await page.getByLabel('Số quyết định').fill('15-QĐ/ĐU');
    await recognize.click();
    await page.getByText('Đã ghi quyết định công nhận đảng viên chính thức.').waitFor();
    expect(await page.locator('main').innerText()).toContain('theo quyết định số 15-QĐ/ĐU');
    expect(await kindOf()).toBe('OFFICIAL');
    expect(await axeViolations(page)).toEqual([]);
    await signOut(harness);
  });
});
