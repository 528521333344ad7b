import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoCellMember, isInView, openRecord, sendCredentials, signIn, startHarness, type Harness } from './harness.ts';

/**
 * A session kept while its person works, announced before it ends, and a form that outlives it
 * (docs/rules/web-sessions.md). The page's clock is Playwright's, moved on by hand: a session's real
 * twelve hours are not waited for, its end is written into the cookie that tells the page when it comes.
 */
let harness: Harness;
let memberId: string;

beforeAll(async () => {
  harness = await startHarness();
  memberId = (await demoCellMember(harness, 14)).id;
});
afterAll(() => harness?.stop());

const SESSION_UNTIL = 'dangvu_phien_den';
const minutes = (n: number) => n * 60_000;

async function cookie(name: string) {
  return (await harness.browser.cookies(harness.baseUrl)).find((c) => c.name === name)?.value;
}

/** Tells the page its session ends `fromNow` ms from now, as the web server would after a sign-in that long ago. */
async function sessionEndsIn(fromNow: number) {
  const end = new Date(Date.now() + fromNow);
  await harness.browser.addCookies([{ name: SESSION_UNTIL, value: end.toISOString(), url: harness.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return end;
}

/** Vietnam's wall clock at `instant`, as the notice says it. */
const vietnamTime = (instant: Date) => new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);

const notice = () => harness.page.locator('.session');

// A page of its own for each test: Playwright's clock is installed once per page.
beforeEach(async () => {
  await harness.browser.clearCookies();
  const previous = harness.page;
  harness.page = await harness.browser.newPage();
  await previous.close();
});

describe('a secretary at work on a long form', () => {
  it('saves it after the 15-minute access token has expired: the refresh token renews the session on the way', async () => {
    const { page } = harness;
    await signIn(harness, 'SECRETARY');
    await openRecord(harness, memberId);
    await page.getByLabel('Nơi làm việc').fill('Hợp tác xã Nông nghiệp Hạ Long');
    const refresh = await cookie('dangvu_refresh');
    await harness.browser.clearCookies({ name: 'dangvu_token' });
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Đã lưu hồ sơ.').waitFor();
    expect(await cookie('dangvu_refresh')).not.toBe(refresh);
    expect(await cookie('dangvu_token')).toBeTruthy();
  });

  it('is kept signed in without a word while typing, shortly before the session would end', async () => {
    const { page } = harness;
    await page.clock.install();
    await signIn(harness, 'SECRETARY');
    await sessionEndsIn(minutes(20));
    await openRecord(harness, memberId);
    await page.clock.fastForward(minutes(11));
    await page.getByLabel('Chức vụ').fill('Đội trưởng');
    const before = await cookie(SESSION_UNTIL);
    // The page looks five minutes before the end: the person typed a moment ago, so it renews.
    await page.clock.fastForward(minutes(5));
    await expect.poll(() => cookie(SESSION_UNTIL)).not.toBe(before);
    expect(Date.parse(decodeURIComponent((await cookie(SESSION_UNTIL))!)) - Date.now()).toBeGreaterThan(minutes(11 * 60));
    expect(await notice().count()).toBe(0);
  });

  it('is warned five minutes before the end when away, and "Tiếp tục làm việc" keeps the session', async () => {
    const { page } = harness;
    await page.clock.install();
    await signIn(harness, 'SECRETARY');
    const end = vietnamTime(await sessionEndsIn(minutes(20)));
    await openRecord(harness, memberId);
    await page.clock.fastForward(minutes(16));
    await notice().waitFor();
    expect(await notice().getAttribute('role')).toBe('alert');
    expect(await notice().innerText()).toContain(`Phiên đăng nhập sẽ kết thúc lúc ${end} nếu đồng chí không dùng tiếp.`);
    expect(await isInView(page, notice())).toBe(true);
    await page.getByRole('button', { name: 'Tiếp tục làm việc' }).click();
    await notice().waitFor({ state: 'detached' });
    expect(Date.parse(decodeURIComponent((await cookie(SESSION_UNTIL))!)) - Date.now()).toBeGreaterThan(minutes(11 * 60));
  });

  it('once the session has ended, signs in again from the notice and finds the page with what was typed', async () => {
    const { page } = harness;
    await page.clock.install();
    await signIn(harness, 'SECRETARY');
    await sessionEndsIn(minutes(20));
    await openRecord(harness, memberId);
    await page.getByLabel('Nơi cư trú').fill('Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình');
    await page.clock.fastForward(minutes(21));
    await page.getByText('Phiên đăng nhập đã kết thúc.').waitFor();
    expect(await isInView(page, notice())).toBe(true);
    // The browser drops the session's cookies when their time is up; the page's clock alone was moved on.
    await harness.browser.clearCookies();
    await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
    await page.waitForURL(/\/dang-nhap\?tiep=/);
    await page.waitForSelector('html[data-hydrated]');
    expect(await page.locator('main').innerText()).toContain('đồng chí sẽ trở lại đúng trang đang làm dở');
    const account = harness.platform.accounts.find((a) => a.role === 'SECRETARY')!;
    await sendCredentials(harness, account.username, account.password);
    await page.waitForURL(`**/dang-vien/${memberId}`);
    await page.getByText('Đã điền lại nội dung đồng chí nhập').waitFor();
    expect(await page.getByLabel('Nơi cư trú').inputValue()).toBe('Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình');
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Đã lưu hồ sơ.').waitFor();
  });

  it('sending the form after the session ended leads to the login page, and back to the form as it was', async () => {
    const { page } = harness;
    await signIn(harness, 'SECRETARY');
    await openRecord(harness, memberId);
    await page.getByLabel('Chức vụ').fill('Tổ trưởng tổ sản xuất');
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    // Signed out elsewhere, or away past the refresh token's twelve hours: the cookies are gone.
    await harness.browser.clearCookies();
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.waitForURL(/\/dang-nhap\?tiep=/);
    expect(new URL(page.url()).searchParams.get('tiep')).toBe(`/dang-vien/${memberId}`);
    await page.waitForSelector('html[data-hydrated]');
    const account = harness.platform.accounts.find((a) => a.role === 'SECRETARY')!;
    await sendCredentials(harness, account.username, account.password);
    await page.waitForURL(`**/dang-vien/${memberId}`);
    const restored = page.getByLabel('Chức vụ');
    await page.getByText('Đã điền lại nội dung đồng chí nhập').waitFor();
    expect([await restored.inputValue(), await page.getByLabel('Số điện thoại').inputValue()]).toEqual(['Tổ trưởng tổ sản xuất', '0912 345 678']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('phone');
    // Filled in once: the draft is gone from the tab.
    expect(await page.evaluate(() => sessionStorage.getItem('dangvu:ban-nhap'))).toBeNull();
    await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await page.getByText('Đã lưu hồ sơ.').waitFor();
  });
});

describe('the way back after signing in', () => {
  it('leads only to a page of this site: another address in the login page’s query is ignored', async () => {
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-nhap?tiep=${encodeURIComponent('//evil.example/ho-so')}`);
    await page.waitForSelector('html[data-hydrated]');
    const account = harness.platform.accounts.find((a) => a.role === 'MEMBER')!;
    await sendCredentials(harness, account.username, account.password);
    await page.waitForURL(`${harness.baseUrl}/ho-so`);
  });
});
