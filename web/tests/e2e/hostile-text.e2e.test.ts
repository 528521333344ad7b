import { tables } from '@dangvu/drizzle';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut, startHarness, type Harness } from './harness.ts';

/**
 * Text that others typed is shown as text (docs/reliability.md#bad-input-at-scale): a member's name and
 * hometown and a cell's name holding markup, a script and Svelte's own {@html} are shown literally on every
 * page that shows them, rendered on the server and in the browser, and no script of theirs runs.
 */
const NAME = `<img src=x onerror="window.__hostile='tên'">Nguyễn Văn Ánh`;
const HOMETOWN = `<script>window.__hostile='quê'</script>{@html '<b id="bait">đậm</b>'} & "quê" 'nhà'`;
const CELL = `Chi bộ <svg onload="window.__hostile='chi bộ'"></svg>{@html cell}`;

let harness: Harness;
let memberId: string;
let cellId: string;
const dialogs: string[] = [];

beforeAll(async () => {
  harness = await startHarness();
  const { db, platform, page } = harness;
  const [account] = await db.select().from(tables.accounts).where(eq(tables.accounts.username, platform.demo.member.username));
  memberId = account!.memberId!;
  const [cell] = await db.select().from(tables.organizations).where(eq(tables.organizations.name, platform.demo.member.cellName));
  cellId = cell!.id;
  // Written around the API, as an old import or another program might have: what the pages must survive is the stored text.
  await db.update(tables.members).set({ fullName: NAME, hometown: HOMETOWN }).where(eq(tables.members.id, memberId));
  await db.update(tables.organizations).set({ name: CELL }).where(eq(tables.organizations.id, cellId));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});
afterAll(() => harness?.stop());

/** What a script of the hostile text would have left behind, or an element its markup would have made. */
async function traces() {
  const { page } = harness;
  return page.evaluate(() => ({
    ran: (window as { __hostile?: string }).__hostile ?? null,
    elements: document.querySelectorAll('main img[src="x"], main svg[onload], #bait, [onerror]').length,
  }));
}

/** The page's HTML as the server sends it, before any script: the text must be there escaped, never as markup. */
async function serverHtml(path: string) {
  const cookie = (await harness.browser.cookies(harness.baseUrl)).find((c) => c.name === 'dangvu_token')!;
  return (await fetch(`${harness.baseUrl}${path}`, { headers: { cookie: `dangvu_token=${cookie.value}` } })).text();
}

function expectEscaped(html: string) {
  for (const markup of ['<img src=x', '<script>window.__hostile', '<svg onload', '<b id="bait">']) expect(html).not.toContain(markup);
  expect(html).toContain('&lt;img src=x onerror=');
}

describe('hostile text stored in names and notes', () => {
  it('shows the member their own name, hometown and cell literally, and runs none of it', async () => {
    await signIn(harness, 'MEMBER');
    const main = await harness.page.locator('main').innerText();
    expect(main).toContain(NAME);
    expect(main).toContain(HOMETOWN);
    expect(main).toContain(CELL);
    expect(await traces()).toEqual({ ran: null, elements: 0 });
    expectEscaped(await serverHtml('/ho-so'));
    await signOut(harness);
  });

  it('shows the secretary the cell page and the member’s record literally, and runs none of it', async () => {
    await signIn(harness, 'SECRETARY');
    const { page, baseUrl } = harness;
    for (const path of [`/to-chuc/${cellId}`, `/dang-vien/${memberId}`]) {
      await page.goto(`${baseUrl}${path}`);
      await page.waitForSelector('html[data-hydrated]');
      const heading = await page.getByRole('heading', { level: 1 }).innerText();
      expect(heading, path).toBe(path.startsWith('/to-chuc') ? CELL : NAME);
      expect(await page.locator('main').innerText(), path).toContain(NAME);
      expect(await page.title(), path).toContain(path.startsWith('/to-chuc') ? CELL : NAME);
      expect(await traces(), path).toEqual({ ran: null, elements: 0 });
      expectEscaped(await serverHtml(path));
    }
    expect(dialogs).toEqual([]);
  });
});
