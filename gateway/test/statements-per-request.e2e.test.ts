import { createDb, type DbHandle } from '@dangvu/drizzle';
import { buildMember } from '@dangvu/drizzle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { loginAs, post } from './http-helpers.ts';

let platform: TestPlatform;
let db: DbHandle;
let secretary: string;
let member: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  db = createDb(platform.databaseUrl, { max: 1 });
  secretary = await loginAs(platform, 'SECRETARY');
  member = await loginAs(platform, 'MEMBER');
});
afterAll(async () => {
  await db?.close();
  await platform?.stop();
});

/** A secretary's organization page: the cell's members with their dues standing and dossiers (four subgraphs). */
const CELL_LIST = `{ me { organization { id members {
  id fullName rosterNumber membershipKind activityStatus duesStanding { paidThrough unpaidMonths amountOwed } transfers { kind state } } } } }`;
const WITH_PHONES = CELL_LIST.replace('id fullName rosterNumber', 'id fullName phone rosterNumber');

/**
 * SQL statements the subgraphs sent for one request, and how many members it listed. The least of a few tries:
 * the gateway asks the members subgraph about the session every few seconds, which one try may catch.
 */
async function statementsFor(query: string, token = secretary): Promise<{ statements: number; listed: number }> {
  let least = Infinity;
  let listed = 0;
  for (let i = 0; i < 3; i++) {
    const before = platform.queries.count;
    const answer = await post(platform, { query }, { authorization: `Bearer ${token}` });
    expect(answer.body.errors).toBeUndefined();
    least = Math.min(least, platform.queries.count - before);
    listed = answer.body.data!.me.organization.members?.length ?? 0;
  }
  return { statements: least, listed };
}

async function addMembersToTheCell(count: number): Promise<void> {
  const cellId = (await post(platform, { query: '{ me { organization { id } } }' }, { authorization: `Bearer ${secretary}` })).body.data!.me.organization.id;
  const [cell] = await db.sql<{ id: string; path: string }[]>`select id, path from organization.organizations where id = ${cellId}`;
  for (let i = 0; i < count; i++) await buildMember(db.db, cell!);
}

/** The member's home page, its organization part: the officers wait for the organization subgraph's path. */
const HOME_ORGANIZATION = '{ me { id fullName organization { id name parent { name } officers { role fullName } } } }';

describe('SQL statements per request through the gateway', () => {
  it("read the member's own record once on the home page, though the officers are a second call to the members subgraph", async () => {
    const answer = await post(platform, { query: HOME_ORGANIZATION }, { authorization: `Bearer ${member}` });
    expect(answer.body.data!.me.organization.officers.length).toBeGreaterThan(0);
    // The member (1), their organization and its parent (2: the parent is a later fetch), the officers (1); the
    // officers' rule asks where the member's organization lies, which `me` read in the same request.
    expect((await statementsFor(HOME_ORGANIZATION, member)).statements).toBe(4);
  });

  it("reads the member's record anew on the next request: moved to another cell, they no longer see the old one's officers", async () => {
    const auth = { authorization: `Bearer ${member}` };
    const home = (await post(platform, { query: HOME_ORGANIZATION }, auth)).body.data!.me;
    const ask = `{ organization(id: "${home.organization.id}") { officers { fullName } } }`;
    expect((await post(platform, { query: ask }, auth)).body.data!.organization.officers.length).toBeGreaterThan(0);
    const [{ path: oldPath } = { path: '' }] = await db.sql<{ path: string }[]>`select org_path as path from members.members where id = ${home.id}`;
    const [elsewhere] = await db.sql<{ id: string; path: string }[]>`
      select id, path from organization.organizations where type = 'GRASSROOTS_CELL' and path not like ${oldPath + '%'} limit 1`;
    await db.sql`update members.members set org_id = ${elsewhere!.id}, org_path = ${elsewhere!.path} where id = ${home.id}`;
    const after = await post(platform, { query: ask }, auth);
    expect(after.body.data?.organization?.officers ?? null).toBeNull();
    expect(after.body.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
  });

  it("are the same for a secretary's list of the cell's members, with dues and dossiers, however long the list", async () => {
    await post(platform, { query: CELL_LIST }, { authorization: `Bearer ${secretary}` });
    const short = await statementsFor(CELL_LIST);
    await addMembersToTheCell(12);
    const long = await statementsFor(CELL_LIST);
    expect(long.listed).toBe(short.listed + 12);
    expect(short.statements).toBeGreaterThan(0);
    expect(long.statements).toBe(short.statements);
  });

  it('are the same for the list with phones, each read recorded, however long the list', async () => {
    await post(platform, { query: WITH_PHONES }, { authorization: `Bearer ${secretary}` });
    const short = await statementsFor(WITH_PHONES);
    await addMembersToTheCell(12);
    const long = await statementsFor(WITH_PHONES);
    expect(long.listed).toBe(short.listed + 12);
    expect(long.statements).toBe(short.statements);
    // Each listed member's phone was recorded as read.
    const [{ viewed } = { viewed: 0 }] = await db.sql<{ viewed: number }[]>`
      select count(*)::int as viewed from audit.entries where action = 'member.viewed' and request_id is not null`;
    expect(viewed).toBeGreaterThanOrEqual(long.listed * 3);
  });
});
