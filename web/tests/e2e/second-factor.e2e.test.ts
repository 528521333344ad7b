import { createDb, tables } from '@dangvu/drizzle';
import { newTotpSecret, totpCode, totpStep } from '@dangvu/subgraph-members/totp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, expectFitsPhone, sendCredentials, signIn, signOut, startHarness, type Harness } from './harness.ts';

let harness: Harness;
const secret = newTotpSecret();
/** The cell where the ward administrator lives, as the database has it. */
let adminResidenceCell: string;

beforeAll(async () => {
  harness = await startHarness();
  const handle = createDb(harness.platform.databaseUrl, { max: 1 });
  // The deputy secretary's account already uses a second factor.
  await handle.db.update(tables.accounts).set({ totpSecret: secret, totpEnabledAt: new Date() }).where(eq(tables.accounts.username, 'phobithu.demo'));
  const [residence] = await handle.db
    .select({ name: tables.organizations.name })
    .from(tables.accounts)
    .innerJoin(tables.members, eq(tables.members.id, tables.accounts.memberId))
    .innerJoin(tables.organizations, eq(tables.organizations.id, tables.members.residenceOrgId))
    .where(eq(tables.accounts.username, 'quantri.demo'));
  adminResidenceCell = residence!.name;
  await handle.close();
});
afterAll(() => harness?.stop());

const CODE_FIELD = 'Mã 6 chữ số trong ứng dụng';
const QR_NAME = 'Mã QR để thêm tài khoản dangvu vào ứng dụng xác thực';

/** A six-digit code that is not the one the app shows now. */
const wrongCode = (key: string) => String((Number(totpCode(key, totpStep(new Date()))) + 500_000) % 1_000_000).padStart(6, '0');

/** Types the username and password of a demo account; the login page then asks for the code. */
async function enterPassword(harness: Harness, username: string) {
  const { page, baseUrl } = harness;
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.waitForSelector('html[data-hydrated]');
  await sendCredentials(harness, username, harness.platform.accounts.find((account) => account.username === username)!.password);
  await page.getByLabel('Mã xác thực').waitFor();
}

describe('signing in with a second factor', () => {
  it('asks for the authenticator code after the right password, then signs in with it', async () => {
    const { page } = harness;
    await enterPassword(harness, 'phobithu.demo');
    expect(await page.locator('#totpCode-error').textContent()).toMatch(/mã 6 số/i);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Mã xác thực').fill(totpCode(secret, totpStep(new Date())));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/ho-so');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hồ sơ của tôi');
    await signOut(harness);
  });
});

describe('a member turns on two-step sign-in on "Bảo mật tài khoản"', () => {
  let enrolled: string;

  /** Sends a code that is not the one the app shows now; the answer stands beside the code field. */
  async function sendWrongCode(button: string) {
    const { page } = harness;
    await page.getByLabel(CODE_FIELD).fill(wrongCode(enrolled));
    await page.getByRole('button', { name: button }).click();
    await page.locator('#code-error').waitFor();
    expect(await page.locator('#code-error').textContent()).toMatch(/không đúng/);
  }

  it('shows it is off and, once started, a QR code, the secret in groups of four and a link for phones, with no accessibility violations', async () => {
    await signIn(harness, 'MEMBER');
    const { page } = harness;
    await page.getByRole('link', { name: 'Bảo mật tài khoản', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bảo mật tài khoản' }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('main').innerText()).toContain('Chưa bật');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await page.getByRole('img', { name: QR_NAME }).waitFor();
    const shown = (await page.locator('.secret').textContent())!;
    expect(shown).toMatch(/^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/);
    enrolled = shown.replace(/\s/g, '');
    expect(await page.getByRole('link', { name: 'mở bằng ứng dụng xác thực' }).getAttribute('href')).toMatch(
      new RegExp(`^otpauth://totp/.*secret=${enrolled}`),
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says beside the field that a wrong code is wrong, keeping the QR code, then turns on with the right one', async () => {
    const { page } = harness;
    await sendWrongCode('Xác nhận và bật');
    expect(await page.getByLabel(CODE_FIELD).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('img', { name: QR_NAME }).count()).toBe(1);

    await page.getByLabel(CODE_FIELD).fill(totpCode(enrolled, totpStep(new Date())));
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page.getByText('Đã bật xác thực hai lớp.', { exact: false }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Đang bật');
    expect(await page.getByRole('button', { name: 'Tắt xác thực hai lớp' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps it on when the code to turn it off is wrong', async () => {
    await sendWrongCode('Tắt xác thực hai lớp');
    expect(await harness.page.locator('main').innerText()).toContain('Đang bật');
  });

  it('then asks for the code at sign-in, refusing a wrong one beside the field', async () => {
    const { page } = harness;
    await signOut(harness);
    await enterPassword(harness, harness.platform.demo.member.username);
    await page.getByLabel('Mã xác thực').fill(wrongCode(enrolled));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('#totpCode-error').filter({ hasText: /không đúng/ }).waitFor();

    // A code works once: the current step's went on confirming, and the app's next one is accepted too.
    await page.getByLabel('Mã xác thực').fill(totpCode(enrolled, totpStep(new Date()) + 1));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL('**/ho-so');
    await signOut(harness);
  });
});

describe('an administrator requires two-step sign-in of the role holders in the ward', () => {
  it('sees the cell where they live on their profile', async () => {
    await signIn(harness, 'ADMIN');
    const residence = harness.page.locator('dt', { hasText: 'Chi bộ nơi cư trú' }).locator('xpath=following-sibling::dd[1]');
    expect(await residence.textContent()).toBe(adminResidenceCell);
  });

  it('switches the requirement on from the ward’s page, where "Tổ chức đảng" opens, and is told it is done, with no accessibility violations', async () => {
    const { page } = harness;
    await page.getByRole('link', { name: 'Tổ chức đảng' }).click();
    await page.getByRole('heading', { level: 1, name: /^Đảng bộ (phường|xã) / }).waitFor();
    await page.waitForSelector('html[data-hydrated]');
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Xác thực hai lớp cho người giữ chức trách' }) });
    expect(await section.innerText()).toContain('Không bắt buộc');
    await section.getByRole('button', { name: 'Bắt buộc xác thực hai lớp' }).click();
    await section.getByRole('status').waitFor();
    expect(await section.getByRole('status').textContent()).toContain('Đã bắt buộc xác thực hai lớp');
    expect(await section.innerText()).toContain('Đang bắt buộc');
    expect(await axeViolations(page)).toEqual([]);
    await expectFitsPhone(page, [section.getByRole('button', { name: 'Bỏ yêu cầu xác thực hai lớp' })]);
    await signOut(harness);
  });

  it('sends the cell secretary, who has no second factor, to "Bảo mật tài khoản" with the withheld-roles notice', async () => {
    const { page } = harness;
    await signIn(harness, 'SECRETARY', /\/bao-mat\?chuc-trach=tam-giu$/);
    const notice = await page.getByRole('status').innerText();
    expect(notice).toContain('Chức trách của đồng chí đang tạm chưa dùng được');
    expect(notice).toContain('yêu cầu người giữ chức trách đăng nhập bằng xác thực hai lớp');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets the secretary start enrolling on a phone, the notice still shown', async () => {
    const { page } = harness;
    await expectFitsPhone(page, [page.getByRole('button', { name: 'Bật xác thực hai lớp' })]);
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    await page.getByRole('img', { name: QR_NAME }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Chức trách của đồng chí đang tạm chưa dùng được');
    await expectFitsPhone(page, [
      page.getByRole('img', { name: QR_NAME }),
      page.getByLabel(CODE_FIELD),
      page.getByRole('button', { name: 'Xác nhận và bật' }),
    ]);
    await signOut(harness);
  });

  it('asks for the code at sign-in on a phone too', async () => {
    const { page } = harness;
    await enterPassword(harness, 'phobithu.demo');
    await expectFitsPhone(page, [page.getByLabel('Mã xác thực'), page.getByRole('button', { name: 'Đăng nhập' })]);
  });
});
