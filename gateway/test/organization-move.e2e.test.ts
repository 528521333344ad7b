import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { buildAccount, grantRole } from '@dangvu/drizzle/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { post } from './http-helpers.ts';

let platform: TestPlatform;
let handle: DbHandle;
beforeAll(async () => {
  platform = await startTestPlatform();
  handle = createDb(platform.databaseUrl, { max: 2 });
});
afterAll(async () => {
  await handle?.close();
  await platform?.stop();
});

describe('moving a cell to another ward, through the gateway', () => {
  it('moves the cell, and its members’ organization path follows through the outbox', async () => {
    const { db } = handle;
    const organizations = await db.select().from(tables.organizations);
    const province = organizations.find((o) => o.type === 'PROVINCIAL')!;
    const [fromWard, toWard] = organizations.filter((o) => o.type === 'PROVINCE_SUBORDINATE');
    const cell = organizations.find((o) => o.name === platform.demo.member.cellName)!;
    expect(cell.parentId).toBe(fromWard!.id);
    // A member of the cell without a demo account, made provincial administrator for the test.
    const [someone] = await db
      .select()
      .from(tables.members)
      .where(and(eq(tables.members.orgId, cell.id), eq(tables.members.rosterNumber, 12)));
    await grantRole(db, someone!, 'ADMIN', province);
    await buildAccount(db, someone!, 'tinhuy.admin', 'Quản trị cấp tỉnh 2026');
    const login = await post(platform, {
      query: 'mutation { login(input: { username: "tinhuy.admin", password: "Quản trị cấp tỉnh 2026" }) { token } }',
    });
    const token = login.body.data!.login.token;

    const moved = await post(
      platform,
      {
        query: 'mutation ($input: MoveOrganizationInput!) { moveOrganization(input: $input) { organization { parent { name } } userErrors { code } } }',
        variables: { input: { id: cell.id, newParentId: toWard!.id } },
      },
      { authorization: `Bearer ${token}` },
    );
    expect(moved.body.data!.moveOrganization).toEqual({ organization: { parent: { name: toWard!.name } }, userErrors: [] });

    const expected = `${toWard!.path}${cell.id}/`;
    const deadline = Date.now() + 10_000;
    let paths: string[] = [];
    while (Date.now() < deadline) {
      paths = (await db.select({ path: tables.members.orgPath }).from(tables.members).where(eq(tables.members.orgId, cell.id))).map((r) => r.path);
      if (paths.every((path) => path === expected)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(new Set(paths)).toEqual(new Set([expected]));
  });
});
