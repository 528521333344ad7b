import { createDb, type DbHandle } from '@dangvu/drizzle';
import { createTestDatabase, type TestDatabase } from '@dangvu/drizzle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryInput } from '../src/audit-chain.ts';
import { auditLog, verifyAuditChain } from '../src/audit.repository.ts';

let database: TestDatabase;
let handle: DbHandle;
const handles: DbHandle[] = [];

/** A pool as the subgraph's process has it: its own role. */
function asService(service: 'organization' | 'members' | 'dues', max = 1): DbHandle {
  const opened = createDb(database.serviceUrl(service), { max });
  handles.push(opened);
  return opened;
}

const renamed = (index: number, name: string): AuditEntryInput => ({
  actorId: null,
  action: 'organization.renamed',
  entityType: 'Organization',
  entityId: `org-${index}`,
  before: { name: `Cũ ${index}`, version: 1 },
  after: { version: 2, name },
  requestId: `req-${index}`,
  orgPath: '/p/',
});

const append = (on: DbHandle, ...entries: AuditEntryInput[]) => on.db.transaction((tx) => auditLog(tx).append(entries));

const chainOf = async (entityId: string) =>
  (await handle.sql<{ chain: string }[]>`select chain from audit.entries where entity_id = ${entityId}`)[0]!.chain;

beforeAll(async () => {
  database = await createTestDatabase();
  handle = createDb(database.url, { max: 2 });
  const organization = asService('organization');
  for (const [index, name] of ['Chi bộ thôn Đông', 'Chi bộ thôn Đoài', 'Chi bộ thôn Thượng'].entries()) {
    await append(organization, renamed(index, name));
  }
  await append(asService('dues'), renamed(10, 'Chi bộ thôn Hạ'), renamed(11, 'Chi bộ thôn Trung'));
});
afterAll(async () => {
  await Promise.all(handles.map((opened) => opened.close()));
  await handle?.close();
  await database?.drop();
});

/** Tampering as a superuser would: around the append-only trigger. */
async function tamper(statement: string) {
  await handle.sql.begin(async (tx) => {
    await tx.unsafe('alter table audit.entries disable trigger entries_append_only');
    await tx.unsafe(statement);
    await tx.unsafe('alter table audit.entries enable trigger entries_append_only');
  });
}

describe('the hash-chained audit trail', () => {
  it("keeps each service's entries on chains of its own database role, and verifies them untouched", async () => {
    expect(await chainOf('org-0')).toMatch(/^dangvu_organization\/\d+$/);
    expect(await chainOf('org-10')).toMatch(/^dangvu_dues\/\d+$/);
    const { checked, problems, heads } = await verifyAuditChain(handle.db);
    expect({ checked, problems }).toEqual({ checked: 5, problems: [] });
    expect(heads.map((head) => [head.chain.split('/')[0], head.count])).toEqual([
      ['dangvu_dues', 2],
      ['dangvu_organization', 3],
    ]);
  });

  it('rolls an entry back with the change it records', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await auditLog(tx).append([{ actorId: null, action: 'x', entityType: 'X', entityId: 'x', requestId: null }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await verifyAuditChain(handle.db)).checked).toBe(5);
  });

  it('lets writers on different chains go on while one holds its chain', async () => {
    const [first, second] = await twoConnectionsOnDifferentChains();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding = first.db.transaction(async (tx) => {
      await auditLog(tx).append([renamed(20, 'giữ khóa')]);
      await held;
    });
    const other = append(second, renamed(21, 'không phải chờ'));
    const waited = await Promise.race([other.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 2_000))]);
    release();
    await Promise.all([holding, other]);
    expect(waited).toBe(false);
    expect((await verifyAuditChain(handle.db)).problems).toEqual([]);
  });

  it('keeps every chain whole under many concurrent appends', async () => {
    const pool = asService('members', 6);
    await Promise.all(Array.from({ length: 30 }, (_, index) => append(pool, renamed(100 + index, `Đồng thời ${index}`), renamed(200 + index, 'cặp'))));
    const { checked, problems } = await verifyAuditChain(handle.db, { batchSize: 7 });
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(65);
  });

  it('appends a batch of any size with the same three statements, in its order, and verifies it', async () => {
    const statements: string[] = [];
    const counted = createDb(database.serviceUrl('members'), { max: 1, onQuery: (query) => statements.push(query) });
    handles.push(counted);
    // A new connection first asks PostgreSQL for its types: warm it before counting.
    await append(counted, renamed(5_000, 'một'));
    statements.length = 0;
    await append(counted, renamed(5_001, 'một'));
    const forOne = [...statements];
    statements.length = 0;
    const fifty = Array.from({ length: 50 }, (_, index) => ({ ...renamed(6_000 + index, `Chi bộ ${index}`), before: null, orgPath: null }));
    await append(counted, ...fifty);
    // The very same statements, prepared once per connection: the batch travels as one parameter.
    expect(statements).toEqual(forOne);
    // Its lock, the chain's last hash and one insert, inside the transaction.
    expect(statements.filter((query) => !/^(begin|commit)/i.test(query.trim()))).toHaveLength(3);
    const stored = await handle.sql<{ entity_id: string; before: unknown; org_path: string | null }[]>`
      select entity_id, before, org_path from audit.entries where entity_id like 'org-60__' order by id`;
    expect(stored.map((row) => row.entity_id)).toEqual(fifty.map((entry) => entry.entityId));
    expect(stored.every((row) => row.before === null && row.org_path === null)).toBe(true);
    expect((await verifyAuditChain(handle.db)).problems).toEqual([]);
  });

  it('finds an altered entry, on its chain', async () => {
    const [second] = await handle.sql<{ id: string; chain: string }[]>`select id, chain from audit.entries where entity_id = 'org-1'`;
    await tamper(`update audit.entries set after = '{"name": "Chi bộ bị sửa", "version": 2}' where id = ${second!.id}`);
    expect((await verifyAuditChain(handle.db)).problems).toEqual([{ problem: 'altered', chain: second!.chain, entryId: Number(second!.id) }]);
  });

  it('finds a removed entry by the break in the chain after it', async () => {
    const rows = await handle.sql<{ id: string; chain: string }[]>`select id, chain from audit.entries where entity_id in ('org-10', 'org-11') order by id`;
    await tamper(`delete from audit.entries where id = ${rows[0]!.id}`);
    const { problems } = await verifyAuditChain(handle.db);
    expect(problems).toContainEqual({ problem: 'missing-before', chain: rows[1]!.chain, entryId: Number(rows[1]!.id) });
  });
});

describe('verification against a checkpoint', () => {
  let checkpointed: DbHandle;
  let chain: string;
  beforeAll(async () => {
    checkpointed = asService('organization');
    await append(checkpointed, renamed(300, 'mốc 1'), renamed(301, 'mốc 2'), renamed(302, 'mốc 3'));
    chain = await chainOf('org-300');
  });

  const checkpoint = async () => (await verifyAuditChain(handle.db)).heads;

  // Chains are striped by backend pid, so this connection may write on a chain tampered with above: each test
  // compares with what that chain already showed instead of expecting none.
  const problemsOf = async (options?: Parameters<typeof verifyAuditChain>[1]) =>
    (await verifyAuditChain(handle.db, options)).problems.filter((problem) => problem.chain === chain);

  it('finds nothing more when the chains only grew since', async () => {
    const before = await checkpoint();
    const known = await problemsOf();
    await append(checkpointed, renamed(303, 'sau mốc'));
    expect(await problemsOf({ checkpoint: before })).toEqual(known);
  });

  it('reports entries cut from the end of a chain, which the chain alone cannot show', async () => {
    const before = await checkpoint();
    const head = before.find((each) => each.chain === chain)!;
    const known = await problemsOf();
    await tamper(`delete from audit.entries where id in (select id from audit.entries where chain = '${chain}' order by id desc limit 2)`);
    expect(await problemsOf()).toEqual(known);
    expect(await problemsOf({ checkpoint: before })).toContainEqual({ problem: 'truncated', chain, expected: head.count, found: head.count - 2 });
  });

  it('reports a chain cut and grown again to past its checkpointed length', async () => {
    const before = await checkpoint();
    const head = before.find((each) => each.chain === chain)!;
    await tamper(`delete from audit.entries where id = (select max(id) from audit.entries where chain = '${chain}')`);
    await append(checkpointed, renamed(304, 'thay thế 1'), renamed(305, 'thay thế 2'));
    const { problems } = await verifyAuditChain(handle.db, { checkpoint: before });
    expect(problems).toContainEqual(expect.objectContaining({ problem: 'diverged', chain, position: head.count }));
  });

  it('reports a whole chain gone', async () => {
    const { problems } = await verifyAuditChain(handle.db, { checkpoint: [{ chain: 'dangvu_transfers/3', count: 4, hash: 'a'.repeat(64) }] });
    expect(problems).toContainEqual({ problem: 'truncated', chain: 'dangvu_transfers/3', expected: 4, found: 0 });
  });
});

/** Two connections of one role that write to different chains, found by what they write. */
async function twoConnectionsOnDifferentChains(): Promise<[DbHandle, DbHandle]> {
  const byChain = new Map<string, DbHandle>();
  for (let index = 0; ; index++) {
    const opened = asService('organization');
    await append(opened, renamed(1_000 + index, 'tìm chuỗi'));
    const chain = await chainOf(`org-${1_000 + index}`);
    const other = [...byChain.entries()].find(([seen]) => seen !== chain);
    if (other) return [other[1], opened];
    byChain.set(chain, opened);
  }
}
