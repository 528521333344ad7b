import { createDb, tables } from '@dangvu/drizzle';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, signIn, signOut, startHarness, type Harness } from './harness.ts';

let harness: Harness;
let memberId: string;
let cellId: string;
beforeAll(async () => {
  harness = await startHarness();
  const handle = createDb(harness.platform.databaseUrl, { max: 1 });
  try {
    const [member] = await handle.db.select().from(tables.members).where(eq(tables.members.fullName, harness.platform.demo.member.fullName));
    memberId = member!.id;
  } finally {
    await handle.close();
  }
  cellId = (await demoCellMember(harness, 12)).orgId;
});
afterAll(() => harness?.stop());

const todayTyped = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

describe('an exemption from activity, from the member’s application to the cell’s resolution, on a phone', () => {
  it('is applied for by the member from their own record', async () => {
    await signIn(harness, 'MEMBER');
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-vien/${memberId}`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('link', { name: 'Tình trạng sinh hoạt và các thủ tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tình trạng sinh hoạt' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    const send = page.getByRole('button', { name: 'Nộp đơn' });
    await expectFitsPhone(page, [page.getByLabel('Đề nghị'), page.getByLabel('Lý do'), send]);
    await send.click();
    await page.locator('#kind-error').waitFor();
    expect(await page.locator('#kind-error').textContent()).toContain('Chọn việc đồng chí đề nghị.');
    await page.getByLabel('Đề nghị').selectOption({ label: 'Miễn công tác và sinh hoạt đảng' });
    await page.getByLabel('Lý do').fill('Tuổi cao, sức khỏe yếu');
    await send.click();
    await page.getByRole('status').waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Đã nộp đơn; chi bộ sẽ xem xét tại kỳ sinh hoạt.');
    expect(main).toContain('Đơn đang chờ chi bộ xem xét');
    // The member may withdraw it, not resolve it.
    expect(await page.getByRole('button', { name: 'Rút đơn' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Chi bộ đồng ý' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await signOut(harness);
  });

  it('is adopted by the cell’s secretary with the resolution’s number and day, then reported up', async () => {
    await signIn(harness, 'SECRETARY');
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-vien/${memberId}/trang-thai`);
    await page.waitForSelector('html[data-hydrated]');
    const adopt = page.getByRole('button', { name: 'Chi bộ đồng ý' });
    await expectFitsPhone(page, [page.getByLabel('Ngày chi bộ họp xét'), page.getByLabel('Số nghị quyết'), adopt]);
    await page.getByLabel('Ngày chi bộ họp xét').fill('31/02/2026');
    await page.getByLabel('Số nghị quyết').fill('05-NQ/CB');
    await adopt.click();
    await page.getByText(/Ngày không đúng/).waitFor();
    expect(await page.getByLabel('Số nghị quyết').inputValue()).toBe('05-NQ/CB');
    await page.getByLabel('Ngày chi bộ họp xét').fill(todayTyped());
    await page.getByLabel('Tên tệp bản quét (nếu có)').first().fill('nghi-quyet-05.pdf');
    await adopt.click();
    await page.getByText('Đã ghi nghị quyết của chi bộ; tình trạng sinh hoạt đã được cập nhật.').waitFor();
    let main = await page.locator('main').innerText();
    expect(main).toContain('Miễn công tác và sinh hoạt');
    expect(main).toContain('Số 05-NQ/CB');
    expect(main).toContain('nghi-quyet-05.pdf');
    await page.getByRole('button', { name: 'Đã báo cáo cấp trên' }).click();
    await page.getByText('Đã ghi việc báo cáo cấp trên.').waitFor();
    main = await page.locator('main').innerText();
    expect(main).toContain('Báo cáo cấp trên ngày');
    await expectFitsPhone(page);
    expect(await axeViolations(page)).toEqual([]);
    await signOut(harness);
  });
});

describe('reclassifying an organization, by the commune’s administrator, on a phone', () => {
  it('shows the cell’s readiness and turns the grassroots cell into a subordinate cell, dated and kept in history', async () => {
    await signIn(harness, 'ADMIN');
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/to-chuc/${cellId}`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('link', { name: 'Phân loại, lộ trình triển khai và mức sẵn sàng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phân loại và triển khai' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    let main = await page.locator('main').innerText();
    expect(main).toContain('Mức sẵn sàng');
    expect(main).toContain('Chi bộ cơ sở');
    // The kind reviewed and kept: counted as classified (docs/rules/organization-tree.md#classification-review).
    expect(main).toMatch(/Rà soát loại hình\s+Chưa rà soát/);
    await page.getByRole('button', { name: 'Xác nhận loại hình hiện tại' }).click();
    await page.getByText('Đã ghi nhận: loại hình của tổ chức đã được rà soát và giữ nguyên.').waitFor();
    expect(await page.locator('main').innerText()).toMatch(/Rà soát loại hình\s+Đã rà soát ngày \d{2}\/\d{2}\/\d{4}/);
    const save = page.getByRole('button', { name: 'Phân loại lại' });
    await expectFitsPhone(page, [page.getByLabel('Loại hình mới'), page.getByLabel('Ngày có hiệu lực'), save]);
    await save.click();
    await page.locator('#type-error').waitFor();
    expect(await page.locator('#type-error').textContent()).toContain('Chọn loại hình mới.');
    await page.getByLabel('Loại hình mới').selectOption({ label: 'Đảng bộ bộ phận' });
    await save.click();
    // A partial committee does not sit under a commune: refused, said in Vietnamese, nothing changed.
    await page.getByText(/chỉ được đặt dưới/).waitFor();
    await page.getByLabel('Loại hình mới').selectOption({ label: 'Chi bộ trực thuộc' });
    await save.click();
    await page.getByText('Đã phân loại lại tổ chức; loại hình cũ vẫn giữ trong lịch sử.').waitFor();
    main = await page.locator('main').innerText();
    expect(main).toContain('Chi bộ trực thuộc');
    expect(main).toContain('Nộp qua tài khoản của đảng bộ cơ sở');
    await expectFitsPhone(page);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('sets the month the cell goes online, shown as its own', async () => {
    const { page } = harness;
    await page.getByLabel('Tháng bắt đầu thực hiện trực tuyến').fill('2026-10');
    await page.getByRole('button', { name: 'Lưu lộ trình' }).click();
    await page.getByText('Đã lưu tháng bắt đầu thực hiện trực tuyến.').waitFor();
    expect(await page.locator('main').innerText()).toContain('Thực hiện trực tuyến từ tháng 10/2026.');
  });
});
