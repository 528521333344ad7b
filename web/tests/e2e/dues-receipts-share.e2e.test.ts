import { readFile } from 'node:fs/promises';
import { tables } from '@dangvu/drizzle';
import { readPdf } from '@dangvu/subgraph-kit/testing';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type RunningBrowser } from './browser.ts';
import { axeViolations, expectFitsPhone, signIn, startHarness, type Harness } from './harness.ts';

/** The member's receipts as PDFs and a relative paying from a shared link (docs/rules/dues-payments.md). */
let harness: Harness;
let db: Harness['db'];
let relative: RunningBrowser;
let memberId: string;
let periods: string[];

beforeAll(async () => {
  harness = await startHarness();
  ({ db } = harness);
  relative = await launchBrowser(inject('browser'), { locale: 'vi-VN' });
  const [account] = await db.select({ memberId: tables.accounts.memberId }).from(tables.accounts).where(eq(tables.accounts.username, harness.platform.demo.member.username));
  memberId = account!.memberId!;
  // The member's two latest months are owed, 50.000 đ each, and no other.
  await db.update(tables.obligations).set({ status: 'PAID_CASH' }).where(and(eq(tables.obligations.memberId, memberId), inArray(tables.obligations.status, ['DUE', 'OVERDUE', 'REDUCED'])));
  const latest = await db.select().from(tables.obligations).where(eq(tables.obligations.memberId, memberId)).orderBy(desc(tables.obligations.period)).limit(2);
  periods = latest.map((o) => o.period).sort();
  await db.update(tables.obligations).set({ status: 'DUE', paidAt: null, amount: 50_000 }).where(and(eq(tables.obligations.memberId, memberId), inArray(tables.obligations.period, periods)));
});
afterAll(async () => {
  await relative?.close();
  await harness?.stop();
});

/** One GraphQL call through the gateway as the demo cell's finance member, as their collection page makes it. */
async function asFinanceMember(query: string, variables: Record<string, unknown>) {
  const account = harness.platform.accounts.find((a) => a.role === 'FINANCE_MEMBER')!;
  const post = async (body: unknown, token?: string) =>
    (await fetch(harness.platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })).json();
  const login = await post({ query: 'mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { token } }', variables: { u: account.username, p: account.password } });
  return post({ query, variables }, login.data.login.token);
}

const monthsWords = () => periods.map((period) => `${period.slice(5, 7)}/${period.slice(0, 4)}`).join(', ');

describe('the member’s receipts and the shared link', () => {
  it('lets the member download the receipt of a cash payment as a PDF in Vietnamese, with the amount in words', async () => {
    // The finance member takes the two months in cash through the API, as the collection page does.
    const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, harness.platform.demo.member.cellName));
    const answer = await asFinanceMember(
      'mutation ($input: RecordCashPaymentInput!) { recordCashPayment(input: $input) { receipt { reference } userErrors { code } } }',
      { input: { memberId, months: periods.map((period) => period.slice(0, 7)) } },
    );
    expect(answer.data.recordCashPayment.userErrors).toEqual([]);
    const reference: string = answer.data.recordCashPayment.receipt.reference;

    await signIn(harness, 'MEMBER');
    const { page } = harness;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${harness.baseUrl}/dang-phi`);
    await page.waitForSelector('html[data-hydrated]');
    const section = page.getByRole('region', { name: 'Biên lai đã nhận' });
    const link = section.getByRole('link', { name: `Biên lai ${reference} (PDF)` });
    await expectFitsPhone(page, [link]);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = readPdf(await readFile((await download.path())!)).text.replace(/\s+/g, '');
    for (const phrase of [
      'BIÊN LAI THU ĐẢNG PHÍ',
      `Số: ${reference}`,
      cell!.name.toUpperCase(),
      `Họ và tên đảng viên: ${harness.platform.demo.member.fullName}`,
      `Nộp đảng phí các tháng: ${monthsWords()}`,
      'Số tiền: 100.000 đồng',
      'Bằng chữ: Một trăm nghìn đồng',
    ]) {
      expect(text).toContain(phrase.replace(/\s+/g, ''));
    }
  });

  it('gives a relative, in a browser never signed in, the amount and the QR from a shared link; once revoked, the link says so in Vietnamese', async () => {
    await db.update(tables.obligations).set({ status: 'DUE', paidAt: null, receiptId: null }).where(and(eq(tables.obligations.memberId, memberId), inArray(tables.obligations.period, periods)));
    const { page } = harness;
    await page.goto(`${harness.baseUrl}/dang-phi`);
    await page.waitForSelector('html[data-hydrated]');
    const section = page.getByRole('region', { name: 'Nhờ người thân đóng hộ' });
    await section.getByRole('button', { name: 'Tạo liên kết đóng hộ (100.000 ₫)' }).click();
    const addressField = section.getByLabel('Địa chỉ liên kết (để sao chép và gửi)');
    await addressField.waitFor();
    const address = await addressField.inputValue();
    expect(address).toMatch(/\/dong-ho\/[A-Za-z0-9_-]{43}$/);

    const phone = relative.context.pages()[0] ?? (await relative.context.newPage());
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(address);
    const qr = phone.getByRole('img', { name: 'Mã QR chuyển khoản đảng phí 100.000 ₫' });
    await qr.waitFor();
    const shown = await phone.locator('main').innerText();
    expect(shown).toContain('Số tiền\n100.000 ₫');
    expect(shown).toContain(`Đảng phí các tháng\ntháng ${Number(periods[0]!.slice(5, 7))}/`);
    // Nothing personal: not the member's name, birth date or citizen ID.
    const [member] = await db.select().from(tables.members).where(eq(tables.members.id, memberId));
    expect(shown).not.toContain(member!.fullName);
    if (member!.citizenId) expect(shown).not.toContain(member!.citizenId);
    expect(await axeViolations(phone)).toEqual([]);
    await expectFitsPhone(phone, [qr]);

    await page.reload();
    await page.waitForSelector('html[data-hydrated]');
    await page.getByRole('region', { name: 'Nhờ người thân đóng hộ' }).getByRole('button', { name: 'Thu hồi liên kết' }).click();
    await page.getByText('Đã thu hồi liên kết').waitFor();

    await phone.reload();
    const stopped = phone.getByRole('alert');
    await stopped.waitFor();
    expect(await stopped.innerText()).toContain('Liên kết này đã bị thu hồi');
    expect(await phone.getByRole('img').count()).toBe(0);
    const opens = await db.select().from(tables.duesShareLinkOpens);
    expect(opens.map((open) => open.outcome).sort()).toEqual(['ACTIVE', 'REVOKED']);
  });
});
