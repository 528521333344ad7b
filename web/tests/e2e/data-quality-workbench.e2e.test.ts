import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tables } from '@dangvu/drizzle';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, signIn, signOut, startHarness, type Harness } from './harness.ts';

/** The data-quality workbench: an administrator imports the central member database's export into a cell's register. */
let harness: Harness;
let cell: typeof tables.organizations.$inferSelect;
let changed: Awaited<ReturnType<typeof demoCellMember>>;
const NEW_ADDRESS = 'Số 12 ngõ 34 phố Kim Mã, phường Giảng Võ, Hà Nội';

beforeAll(async () => {
  harness = await startHarness();
  [cell] = (await harness.db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName))) as [typeof cell];
  changed = await demoCellMember(harness, 5);
});
afterAll(() => harness?.stop());

const HEADER = ['Số CCCD', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Ngày vào Đảng', 'Ngày chính thức', 'Dân tộc', 'Quê quán', 'Nơi cư trú', 'Mã tổ chức'];
const day = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/** A CSV file of the export with `rows` under the header, as the central database writes it (UTF-8 with a BOM). */
function exportFile(name: string, rows: string[][], header = HEADER) {
  const quoted = [header, ...rows].map((row) => row.map((value) => (/[",]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)).join(','));
  const file = join(mkdtempSync(join(tmpdir(), 'nhap-dang-vien-')), name);
  writeFileSync(file, `\uFEFF${quoted.join('\r\n')}\r\n`);
  return file;
}

const changedRow = () => [
  changed.citizenId!,
  changed.fullName,
  changed.gender === 'MALE' ? 'Nam' : 'Nữ',
  day(changed.birthDate),
  day(changed.joinedOn),
  day(changed.officialOn),
  changed.ethnicity,
  changed.hometown,
  NEW_ADDRESS,
  '',
];
const newRow = () => ['001192765432', 'Hoàng Thị Ngọc Diệp', 'Nữ', '11/04/1992', '15/06/2021', '', 'Kinh', 'Xã Đông Anh, Hà Nội', 'Số 3 ngõ 5 phố Đội Cấn, phường Ba Đình, Hà Nội', cell.id];

async function openWorkbench() {
  const { page, baseUrl } = harness;
  await page.goto(`${baseUrl}/to-chuc/${cell.id}`);
  await page.waitForSelector('html[data-hydrated]');
  await page.getByRole('link', { name: 'Chất lượng dữ liệu: nhập từ Cơ sở dữ liệu đảng viên' }).click();
  await page.waitForURL(`${baseUrl}/to-chuc/${cell.id}/du-lieu`);
  await page.getByRole('heading', { name: `Chất lượng dữ liệu – ${cell.name}`, level: 1 }).waitFor();
  await page.waitForSelector('html[data-hydrated]');
}

describe('the data-quality workbench', () => {
  it('refuses a file with a malformed row, naming the row and its errors, and changes nothing', async () => {
    await signIn(harness, 'ADMIN');
    const { page } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    await openWorkbench();
    const file = exportFile('dang-vien-loi.csv', [changedRow(), newRow(), ['12345', 'Nguyễn Văn Sai', 'Nam', '31/02/1990', '01/01/2015', '', 'Kinh', 'Hà Nội', 'Số 1 phố Huế, Hà Nội', '']]);
    await page.getByLabel('Tệp dữ liệu đảng viên').setInputFiles(file);
    await expectFitsPhone(page, [page.getByRole('button', { name: 'Tải lên và kiểm tra' })]);
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await page.getByText('Tệp có 1 dòng sai: sổ đảng viên không thay đổi.', { exact: false }).waitFor();
    const errors = await page.getByRole('list', { name: 'Các dòng sai trong tệp' }).innerText();
    expect(errors).toContain('Dòng 4:');
    expect(errors).toContain('Số căn cước công dân gồm đúng 12 chữ số.');
    expect(errors).toContain('Ngày "31/02/1990" không có thật hoặc sai dạng (dd/mm/yyyy).');
    expect(errors).not.toContain('Dòng 2:');
    const [member] = await harness.db.select().from(tables.members).where(eq(tables.members.id, changed.id));
    expect(member!.residenceAddress).toBe(changed.residenceAddress);
    expect(await harness.db.select().from(tables.members).where(eq(tables.members.citizenId, '001192765432'))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows a good file as a diff grouped by kind, applies the one row approved, and the register shows it', async () => {
    const { page, baseUrl } = harness;
    await page.getByLabel('Tệp dữ liệu đảng viên').setInputFiles(exportFile('dang-vien.csv', [changedRow(), newRow()]));
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await page.waitForURL(/\/du-lieu\?nhap=/);
    await page.getByRole('heading', { name: 'Có thay đổi (1)' }).waitFor();
    await page.getByRole('heading', { name: 'Đảng viên mới (1)' }).waitFor();
    expect(await page.getByRole('heading', { name: /^Có trong sổ nhưng không có trong tệp \(\d+\)$/ }).count()).toBe(1);

    const changedArticle = page.getByRole('article', { name: `Dòng 2: ${changed.fullName}` });
    expect(await changedArticle.getByRole('list', { name: 'Thay đổi của dòng 2' }).innerText()).toBe(`Nơi cư trú: ${changed.residenceAddress} → ${NEW_ADDRESS}`);
    expect(await page.getByRole('article', { name: 'Dòng 3: Hoàng Thị Ngọc Diệp' }).innerText()).toContain('CCCD 001192765432, sinh 11/04/1992');
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [changedArticle.locator('label.pick'), page.getByRole('button', { name: 'Duyệt các dòng đã chọn' }), page.getByRole('button', { name: 'Duyệt tất cả (2 dòng)' })]);

    await changedArticle.getByRole('checkbox', { name: `Duyệt dòng 2: ${changed.fullName}` }).check();
    await page.getByRole('button', { name: 'Duyệt các dòng đã chọn' }).click();
    await page.getByText('Đã cập nhật 1 dòng vào sổ đảng viên.').waitFor();
    expect(await page.getByRole('article', { name: `Dòng 2: ${changed.fullName}` }).innerText()).toContain('đã cập nhật');
    await page.getByRole('button', { name: 'Duyệt tất cả (1 dòng)' }).waitFor();
    // The new member waits for its own approval.
    expect(await harness.db.select().from(tables.members).where(eq(tables.members.citizenId, '001192765432'))).toEqual([]);

    await page.goto(`${baseUrl}/dang-vien/${changed.id}`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByText(NEW_ADDRESS).waitFor();
  });

  it('reviews a social-insurance file: the basis and the month’s dues before and after, set once approved', async () => {
    const { page } = harness;
    const header = ['Số CCCD', 'Mức lương đóng BHXH'];
    await openWorkbench();
    await page.getByLabel('Tệp mức lương đóng bảo hiểm xã hội').setInputFiles(exportFile('bhxh-loi.csv', [[changed.citizenId!, '8.000.000'], ['001088987651', '0']], header));
    await page.getByRole('button', { name: 'Tải lên và đối chiếu' }).click();
    await page.getByRole('list', { name: 'Các dòng sai trong tệp bảo hiểm xã hội' }).waitFor();
    const errors = await page.getByRole('list', { name: 'Các dòng sai trong tệp bảo hiểm xã hội' }).innerText();
    expect(errors).toMatch(/^Dòng 3: /);
    expect(errors).not.toContain('Dòng 2:');

    await page.getByLabel('Tệp mức lương đóng bảo hiểm xã hội').setInputFiles(exportFile('bhxh.csv', [[changed.citizenId!, '8.000.000'], ['001088987651', '6.000.000']], header));
    await page.getByRole('button', { name: 'Tải lên và đối chiếu' }).click();
    await page.waitForURL(/\/du-lieu\?doi-chieu=/);
    const row = page.getByRole('article', { name: `Dòng 2: ${changed.fullName}` });
    const changes = await row.getByRole('list', { name: 'Thay đổi của dòng 2' }).innerText();
    expect(changes).toContain('→ 8.000.000 ₫');
    expect(changes).toMatch(/Đảng phí mỗi tháng: .* → 80\.000 ₫/);
    expect(await page.getByText('Dòng 3: CCCD 001088987651').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [row.locator('label.pick'), page.getByRole('button', { name: 'Duyệt tất cả (1 dòng)' })]);

    await page.getByRole('button', { name: 'Duyệt tất cả (1 dòng)' }).click();
    await page.getByText('Đã cập nhật 1 dòng vào sổ đảng viên.').waitFor();
    const [member] = await harness.db.select().from(tables.members).where(eq(tables.members.id, changed.id));
    expect(member).toMatchObject({ duesCategory: 'SOCIAL_INSURANCE_SALARY', duesBasis: 8_000_000 });
  });

  it('shows no link to someone who may not import, and refuses them the page', async () => {
    const { page, baseUrl } = harness;
    await signOut(harness);
    await signIn(harness, 'SECRETARY');
    await page.goto(`${baseUrl}/to-chuc/${cell.id}`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: /Chất lượng dữ liệu/ }).count()).toBe(0);
    const response = await page.goto(`${baseUrl}/to-chuc/${cell.id}/du-lieu`);
    expect(response!.status()).toBe(403);
    await page.getByText('Chỉ quản trị viên phụ trách tổ chức này được nhập dữ liệu', { exact: false }).waitFor();
    expect(await page.getByLabel('Tệp dữ liệu đảng viên').count()).toBe(0);
  });
});
