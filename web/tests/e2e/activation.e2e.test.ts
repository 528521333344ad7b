import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, demoCellMember, expectFitsPhone, isInView, openRecord, sendCredentials, signIn, signOut, startHarness, type Harness } from './harness.ts';

/**
 * A new member's first hour: the secretary issues the account and prints the slip, the member activates it
 * on a phone and is signed in, changes the password later; the secretary reissues a code once it is forgotten.
 */
let harness: Harness;
let member: Awaited<ReturnType<typeof demoCellMember>>;
/** What the slip said, as the member would type it from the paper. */
const slip = { username: '', code: '' };
const PASSWORD = 'nha toi co ba cay cau';
const NEW_PASSWORD = 'cay cau truoc ngo nha';

beforeAll(async () => {
  harness = await startHarness();
  member = await demoCellMember(harness, 14);
});
afterAll(() => harness?.stop());

/** The day in Vietnam `days` days from now, as dd/mm/yyyy. */
const vietnamDayIn = (days: number) => {
  const [year, month, day] = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
};

/** The value beside `label` in a facts list. */
const fact = (harness: Harness, label: string) => harness.page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

describe('the secretary issues the account', () => {
  it('shows the one-time code, how to say it aloud and the slip, and takes the secretary to it, with no accessibility violations', async () => {
    await signIn(harness, 'SECRETARY');
    const { page } = harness;
    await openRecord(harness, member.id);
    await page.getByRole('button', { name: 'Cấp tài khoản' }).click();
    const code = page.locator('.code');
    await code.waitFor();
    slip.code = (await code.textContent())!;
    slip.username = (await fact(harness, 'Tên đăng nhập').textContent())!.trim();
    expect(slip.code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(slip.username).toBe(member.citizenId);
    // Ten characters said one by one, in two groups of five.
    const spoken = (await fact(harness, 'Đọc là').textContent())!.trim();
    expect(spoken.split(' – ').map((group) => group.split(', ').length)).toEqual([5, 5]);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-form-answer'))).toBe(true);
    expect(await page.getByRole('link', { name: `${harness.baseUrl}/kich-hoat` }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('prints the slip alone: name, username, code, the activation page and until when the code works, in Vietnam’s time', async () => {
    const { page } = harness;
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('header').isVisible()).toBe(false);
      expect(await page.getByRole('heading', { name: 'Chức trách', exact: true }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'In phiếu cho đảng viên' }).isVisible()).toBe(false);
      const printed = await page.locator('[data-print-slip]').innerText();
      for (const part of [member.fullName, slip.username, slip.code, `${harness.baseUrl}/kich-hoat`]) expect(printed).toContain(part);
      expect(await fact(harness, 'Mã dùng được đến').textContent()).toMatch(new RegExp(`^\\d{2}:\\d{2} ngày ${vietnamDayIn(7)}$`));
      expect(printed).toContain('Mã chỉ dùng được một lần.');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('keeps the code on one line, inside a small phone’s screen', async () => {
    const { page } = harness;
    const code = page.locator('.code');
    await expectFitsPhone(page, [code, page.getByRole('button', { name: 'In phiếu cho đảng viên' })]);
    const { height, lineHeight } = await code.evaluate((element) => ({
      height: element.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(element).fontSize) * 1.6,
    }));
    expect(height).toBeLessThan(lineHeight);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signOut(harness);
  });
});

describe('the member activates the account on a phone', () => {
  it('finds the activation page from the login page, the password policy shown before typing', async () => {
    const { page } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByRole('link', { name: 'Kích hoạt tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kích hoạt tài khoản' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.getByText('Dài ít nhất 10 ký tự').isVisible()).toBe(true);
    await expectFitsPhone(page, [
      page.getByLabel('Tên đăng nhập'),
      page.getByLabel('Mã kích hoạt'),
      page.getByLabel('Mật khẩu mới', { exact: true }),
      page.getByLabel('Nhập lại mật khẩu mới'),
      page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }),
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is told beside the field, in view, when the two passwords differ, and when the password is only digits', async () => {
    const { page } = harness;
    await page.getByLabel('Tên đăng nhập').fill(slip.username);
    // As typed from the paper by someone who does not bother with capitals or the hyphen.
    await page.getByLabel('Mã kích hoạt').fill(slip.code.replace('-', '').toLowerCase());
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill('nha toi co hai cay cau');
    await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
    const differ = page.locator('#passwordAgain-error');
    await differ.waitFor();
    expect(await differ.textContent()).toMatch(/chưa giống nhau/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('passwordAgain');
    expect(await isInView(page, differ)).toBe(true);
    expect(await page.getByLabel('Mã kích hoạt').inputValue()).toBe(slip.code.replace('-', '').toLowerCase());

    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('2024202420242024');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('2024202420242024');
    await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
    const weak = page.locator('#password-error');
    await weak.waitFor();
    expect(await weak.textContent()).toMatch(/chỉ gồm chữ số/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    expect(await isInView(page, weak)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('activates with a password of their own and is signed in on the profile', async () => {
    const { page } = harness;
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(PASSWORD);
    await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
    await page.waitForURL('**/ho-so');
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('header').innerText()).toContain(member.fullName);
    expect(await page.locator('main').innerText()).toContain(member.fullName);
    await expectFitsPhone(page);
  });

  it('refuses the same code a second time', async () => {
    const { page, baseUrl } = harness;
    await signOut(harness);
    await page.goto(`${baseUrl}/kich-hoat`);
    await page.waitForSelector('html[data-hydrated]');
    await page.getByLabel('Tên đăng nhập').fill(slip.username);
    await page.getByLabel('Mã kích hoạt').fill(slip.code);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
    await page.locator('#activationCode-error').waitFor();
    expect(await page.locator('#activationCode-error').textContent()).toMatch(/không đúng hoặc đã hết hạn/);
  });
});

describe('the member changes the password', () => {
  it('is refused beside the field when the current password is wrong, then changes it', async () => {
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-nhap`);
    await page.waitForSelector('html[data-hydrated]');
    await sendCredentials(harness, slip.username, PASSWORD);
    await page.waitForURL('**/ho-so');
    await page.getByRole('link', { name: 'Bảo mật tài khoản' }).click();
    await page.getByRole('link', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    const menu = page.getByRole('navigation', { name: 'Chính' });
    expect(await menu.getByRole('link', { name: 'Bảo mật tài khoản' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByText('Dài ít nhất 10 ký tự').isVisible()).toBe(true);

    await page.getByLabel('Mật khẩu đang dùng').fill('khong phai mat khau');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.locator('#currentPassword-error').waitFor();
    expect(await page.locator('#currentPassword-error').textContent()).toMatch(/không đúng/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('currentPassword');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Mật khẩu đang dùng').fill(PASSWORD);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    const done = page.getByRole('status');
    await done.waitFor();
    expect(await done.textContent()).toContain('Đã đổi mật khẩu.');
    expect(await isInView(page, done)).toBe(true);
    expect(await page.getByLabel('Mật khẩu mới', { exact: true }).inputValue()).toBe('');
  });

  it('signs in with the new password, and no longer with the old one', async () => {
    const { page } = harness;
    await signOut(harness);
    await sendCredentials(harness, slip.username, PASSWORD);
    await page.locator('#password-error').waitFor();
    await sendCredentials(harness, slip.username, NEW_PASSWORD);
    await page.waitForURL('**/ho-so');
    await signOut(harness);
  });
});

describe('the secretary reissues a forgotten password’s account', () => {
  it('asks first, saying the old password stops working, then shows a new code and its slip', async () => {
    await signIn(harness, 'SECRETARY');
    const { page } = harness;
    await openRecord(harness, member.id);
    await page.getByRole('button', { name: 'Cấp lại mã kích hoạt' }).click();
    const question = page.getByRole('group', { name: `Cấp lại mã kích hoạt cho đồng chí ${member.fullName}?` });
    await question.waitFor();
    expect(await question.innerText()).toContain('Mật khẩu hiện tại và xác thực hai lớp (nếu có) của đồng chí ấy thôi dùng được ngay.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('group');
    expect(await axeViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Có, cấp lại mã' }).click();
    const code = page.locator('.code');
    await code.waitFor();
    expect(await code.textContent()).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(await code.textContent()).not.toBe(slip.code);
    expect(await page.locator('[data-print-slip]').innerText()).toContain(`${harness.baseUrl}/kich-hoat`);
    await signOut(harness);
  });

  it('after which the member’s password no longer signs in', async () => {
    const { page } = harness;
    await sendCredentials(harness, slip.username, NEW_PASSWORD);
    await page.locator('#password-error').waitFor();
    expect(new URL(page.url()).pathname).toBe('/dang-nhap');
  });
});
