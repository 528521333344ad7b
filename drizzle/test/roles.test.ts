import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateDatabase } from '../src/migrate.ts';
import { applyServiceRoles, serviceDatabaseUrl, serviceRole } from '../src/roles.ts';
import { SERVICE_NAMES, type ServiceName } from '../src/schema/names.ts';
import { createTestDatabase, withDatabase, type TestDatabase } from '../src/testing/index.ts';

let database: TestDatabase;
let owner: postgres.Sql;
const sessions: postgres.Sql[] = [];

/** A connection as the service's own role, as its process gets it. */
function as(service: ServiceName): postgres.Sql {
  const sql = postgres(database.serviceUrl(service), { max: 1, onnotice: () => {} });
  sessions.push(sql);
  return sql;
}

beforeAll(async () => {
  database = await createTestDatabase();
  owner = postgres(database.url, { max: 1, onnotice: () => {} });
  await owner`insert into audit.entries (chain, action, entity_type, entity_id, hash) values ('x/0', 'test', 'Test', 'x', 'h')`;
  await owner`insert into outbox.events (topic, aggregate_id, payload) values ('member.transferred', 'm', '{}')`;
});
afterAll(async () => {
  await Promise.all(sessions.map((sql) => sql.end()));
  await owner?.end();
  await database?.drop();
});

describe("a subgraph's own database role", () => {
  it.each(SERVICE_NAMES)('cannot change or cut the audit trail, nor get around its trigger (%s)', async (service) => {
    const sql = as(service);
    await expect(sql`update audit.entries set action = 'forged'`).rejects.toThrow(/permission denied/);
    await expect(sql`delete from audit.entries`).rejects.toThrow(/permission denied/);
    await expect(sql`truncate audit.entries`).rejects.toThrow(/permission denied/);
    await expect(sql`alter table audit.entries disable trigger entries_append_only`).rejects.toThrow(/must be owner/);
    await expect(sql`set session_replication_role = replica`).rejects.toThrow(/permission denied to set parameter/);
    await expect(sql`drop trigger entries_append_only on audit.entries`).rejects.toThrow(/must be owner/);
  });

  it.each(SERVICE_NAMES)('cannot change or remove outbox events and deliveries (%s)', async (service) => {
    const sql = as(service);
    await expect(sql`update outbox.events set payload = '{"forged": true}'`).rejects.toThrow(/permission denied/);
    // The one column it may name in an UPDATE, so that consumers can lock events, is kept by the trigger.
    await expect(sql`update outbox.events set created_at = now()`).rejects.toThrow(/append-only/);
    await expect(sql`delete from outbox.events`).rejects.toThrow(/permission denied/);
    await expect(sql`delete from outbox.deliveries`).rejects.toThrow(/permission denied/);
    await expect(sql`alter table outbox.events disable trigger events_append_only`).rejects.toThrow(/must be owner/);
  });

  it('appends to the audit trail and finds its chain head, but reads entries only in the members subgraph', async () => {
    const dues = as('dues');
    await dues`insert into audit.entries (chain, action, entity_type, entity_id, hash) values ('dangvu_dues/1', 'test', 'Test', 'd', 'h1')`;
    expect(await dues`select hash from audit.entries where chain = 'dangvu_dues/1' order by id desc limit 1`).toEqual([{ hash: 'h1' }]);
    await expect(dues`select before, after from audit.entries`).rejects.toThrow(/permission denied/);
    expect((await as('members')`select entity_id from audit.entries where entity_id = 'd'`).length).toBe(1);
  });

  it('publishes, locks and consumes outbox events', async () => {
    const members = as('members');
    await members`insert into outbox.events (topic, aggregate_id, payload) values ('member.changed', 'm', '{}')`;
    await members.begin(async (tx) => {
      const [event] = await tx<{ id: string }[]>`select id from outbox.events order by id limit 1 for update skip locked`;
      await tx`insert into outbox.deliveries (consumer, event_id) values ('test', ${event!.id})`;
    });
  });

  it('reads and writes its own schema only', async () => {
    const dues = as('dues');
    await dues`insert into dues.obligations (member_id, org_id, period, amount) values (gen_random_uuid(), gen_random_uuid(), '2026-01-01', 10000)`;
    await dues`update dues.obligations set amount = 20000`;
    await dues`delete from dues.obligations`;
    await expect(dues`select * from members.members`).rejects.toThrow(/permission denied/);
    await expect(as('organization')`select * from dues.obligations`).rejects.toThrow(/permission denied/);
    await expect(as('members')`insert into organization.bank_accounts default values`).rejects.toThrow(/permission denied/);
    await expect(dues`create table dues.extra (id int)`).rejects.toThrow(/permission denied/);
    await expect(dues`select * from drizzle.__drizzle_migrations`).rejects.toThrow(/permission denied/);
  });

  it('runs jobs and reads the calendar everywhere, while only the transfers subgraph sets the calendar', async () => {
    const organization = as('organization');
    await organization`insert into jobs.runs (job, key) values ('organization.test', 'k')`;
    await organization`update jobs.runs set done = 1 where job = 'organization.test'`;
    expect(await organization`select count(*)::int as n from calendar.adjustments`).toHaveLength(1);
    await expect(organization`delete from calendar.adjustments`).rejects.toThrow(/permission denied/);
    await as('transfers')`insert into calendar.adjustments (day, kind, note, source) values ('2031-01-02', 'DAY_OFF', 'Nghỉ thử', 'thử')`;
  });

  it('gets the grants of a table added by a later migration, and loses a grant taken out of the table', async () => {
    await owner`create table dues.later (id int primary key)`;
    await owner.unsafe(`grant select on members.members to ${serviceRole('dues')}`);
    await applyServiceRoles(owner);
    const dues = as('dues');
    await dues`insert into dues.later values (1)`;
    await expect(dues`select * from members.members`).rejects.toThrow(/permission denied/);
  });

  it('is an ordinary role: no superuser, no role or database creation, no membership in another role', async () => {
    const rows = await owner<{ rolname: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }[]>`
      select rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls from pg_roles where rolname like 'dangvu\\_%' order by rolname`;
    expect(rows).toEqual(
      SERVICE_NAMES.map(serviceRole)
        .sort()
        .map((rolname) => ({ rolname, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false })),
    );
  });
});

describe('migrating as an owner who may not create or change roles', () => {
  it("grants the roles an administrator made, and leaves them the administrator's passwords", async () => {
    const adminUrl = inject('databaseAdminUrl');
    const name = `dangvu_plain_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(16).toString('hex');
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE ROLE ${name} LOGIN CREATEDB NOCREATEROLE PASSWORD '${password}'`);
    const ownerUrl = Object.assign(new URL(withDatabase(adminUrl, name)), { username: name, password }).toString();
    const plain = postgres(withDatabase(ownerUrl, new URL(adminUrl).pathname.slice(1)), { max: 1, onnotice: () => {} });
    try {
      await plain.unsafe(`CREATE DATABASE ${name}`);
      const { passwordsKept } = await migrateDatabase(ownerUrl, { servicePasswords: { dues: 'not-the-administrators' } });
      expect(passwordsKept).toEqual([...SERVICE_NAMES]);
      const dues = postgres(serviceDatabaseUrl(ownerUrl, 'dues', inject('servicePasswords').dues), { max: 1, onnotice: () => {} });
      try {
        await dues`insert into dues.obligations (member_id, org_id, period, amount) values (gen_random_uuid(), gen_random_uuid(), '2026-01-01', 10000)`;
        await expect(dues`update audit.entries set action = 'forged'`).rejects.toThrow(/permission denied/);
      } finally {
        await dues.end();
      }
    } finally {
      await plain.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await plain.end();
      await admin.unsafe(`DROP ROLE ${name}`);
      await admin.end();
    }
  });
});
