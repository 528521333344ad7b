import { createDb, type DbHandle } from '@dangvu/drizzle';
import { createTestDatabase, type TestDatabase } from '@dangvu/drizzle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, verifyAuditChain } from '../src/audit.repository.ts';

let database: TestDatabase;
let handle: DbHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  handle = createDb(database.url, { max: 2 });
  for (const [index, name] of ['Chi bộ thôn Đông', 'Chi bộ thôn Đoài', 'Chi bộ thôn Thượng'].entries()) {
    await handle.db.transaction((tx) =>
      auditLog(tx).append([{
        actorId: null,
        action: 'organization.renamed',
        entityType: 'Organization',
        entityId: `org-${index}`,
        before: { name: `Cũ ${index}`, version: 1 },
        after: { version: 2, name },
        requestId: `req-${index}`,
        orgPath: '/p/',
      }]),
    );
  }
});
afterAll(async () => {
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
  it('verifies an untouched chain', async () => {
    expect(await verifyAuditChain(handle.db)).toMatchObject({ checked: 3, problems: [] });
  });

  it('rolls an entry back with the change it records', async () => {
    await expect(
      handle.db.transaction(async (tx) => {
        await auditLog(tx).append([{ actorId: null, action: 'x', entityType: 'X', entityId: 'x', requestId: null }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await verifyAuditChain(handle.db)).checked).toBe(3);
  });

  it('finds an altered entry', async () => {
    const [second] = await handle.sql<{ id: number }[]>`select id from audit.entries order by id offset 1 limit 1`;
    await tamper(`update audit.entries set after = '{"name": "Chi bộ bị sửa", "version": 2}' where id = ${second!.id}`);
    expect((await verifyAuditChain(handle.db)).problems).toEqual([expect.objectContaining({ entryId: Number(second!.id), problem: 'altered' })]);
  });

  it('finds a removed entry by the break in the chain after it', async () => {
    const rows = await handle.sql<{ id: string }[]>`select id from audit.entries order by id`;
    await tamper(`delete from audit.entries where id = ${rows[0]!.id}`);
    const { problems } = await verifyAuditChain(handle.db);
    expect(problems).toContainEqual(expect.objectContaining({ entryId: Number(rows[1]!.id), problem: 'missing-before' }));
  });
});
