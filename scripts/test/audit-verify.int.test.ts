import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, appendFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateDatabase, startEmbeddedPostgres, type DbHandle, type EmbeddedServer } from '@dangvu/drizzle';
import { freePort, withDatabase } from '@dangvu/drizzle/testing';
import { auditLog } from '@dangvu/subgraph-kit';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseIdentity, signCheckpoint, type Checkpoint } from '../src/audit-checkpoint.ts';
import { auditVerifyCommand, scheduleAuditCheckpoints } from '../src/audit-verify.ts';

// This package's tests have no shared database set-up: this file starts its own server (or uses TEST_DATABASE_URL's).
let server: EmbeddedServer | null = null;
let adminUrl: string;
beforeAll(async () => {
  const external = process.env.TEST_DATABASE_URL;
  server = external ? null : await startEmbeddedPostgres({ dataDir: await mkdtemp(join(tmpdir(), 'dangvu-audit-verify-')), port: await freePort(), persistent: false });
  adminUrl = external ?? server!.adminUrl;
}, 120_000);
afterAll(() => server?.stop());

let url: string;
let handle: DbHandle;
let verifierDir: string;
let sequence = 0;
beforeEach(async () => {
  const name = `dangvu_audit_verify_${process.pid}_${++sequence}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  await admin.end();
  url = withDatabase(adminUrl, name);
  await migrateDatabase(url);
  handle = createDb(url, { max: 1 });
  verifierDir = join(await mkdtemp(join(tmpdir(), 'dangvu-verifier-')), 'verifier');
  await append(5);
  return async () => {
    await handle.close();
    const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.end();
  };
});

async function append(count: number) {
  for (let index = 0; index < count; index++) {
    await handle.db.transaction((tx) =>
      auditLog(tx).append([{ actorId: null, action: 'member.viewed', entityType: 'Member', entityId: `m-${index}`, requestId: `r-${index}` }]),
    );
  }
}

const deps = (out: { write(text: string): unknown }) => ({
  connect: async () => ({ db: handle.db, url, close: async () => {} }),
  verifierDir,
  out,
});

/** `npm run audit:verify` against the test database, with what it printed. */
async function verify(...argv: string[]) {
  let output = '';
  const code = await auditVerifyCommand(argv, deps({ write: (text: string) => (output += text) }));
  return { code, output };
}

const checkpoints = async () =>
  (await readFile(join(verifierDir, 'checkpoints.jsonl'), 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Checkpoint);

/** As a superuser would, around the append-only trigger: the one way to cut entries. */
async function asSuperuser(statement: string) {
  await handle.sql.begin(async (tx) => {
    await tx.unsafe('alter table audit.entries disable trigger entries_append_only');
    await tx.unsafe(statement);
    await tx.unsafe('alter table audit.entries enable trigger entries_append_only');
  });
}

describe('npm run audit:verify', () => {
  it('signs a checkpoint of every chain head when the trail holds, and prints it', async () => {
    const { code, output } = await verify();
    expect(code).toBe(0);
    const [checkpoint] = await checkpoints();
    expect(checkpoint).toMatchObject({ database: databaseIdentity(url), checked: 5 });
    expect(checkpoint!.heads.reduce((sum, head) => sum + head.count, 0)).toBe(5);
    expect(output).toContain(`checkpoint: ${JSON.stringify(checkpoint)}`);
    expect((await stat(join(verifierDir, 'private.pem'))).mode & 0o077).toBe(0);
  });

  it('reports entries cut from the end of a chain since the last checkpoint', async () => {
    expect((await verify()).code).toBe(0);
    const [last] = await handle.sql<{ chain: string }[]>`select chain from audit.entries order by id desc limit 1`;
    await asSuperuser(`delete from audit.entries where id in (select id from audit.entries where chain = '${last!.chain}' order by id desc limit 2)`);

    const { code, output } = await verify();
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`chuỗi ${last!.chain}: còn \\d+ mục, mốc kiểm tra gần nhất đã ghi \\d+; các mục cuối đã bị cắt`));
    expect(await checkpoints()).toHaveLength(1);
  });

  it('reports a chain cut and grown again past the checkpoint, by the entry that is not the one checkpointed', async () => {
    expect((await verify()).code).toBe(0);
    await asSuperuser('delete from audit.entries where id = (select max(id) from audit.entries)');
    await append(3);
    const { code, output } = await verify();
    expect(code).toBe(1);
    expect(output).toContain('chuỗi đã bị dựng lại');
  });

  it('finds nothing to report when entries were only added since the checkpoint', async () => {
    expect((await verify()).code).toBe(0);
    await append(2);
    const { code, output } = await verify();
    expect(output).toContain('0 vấn đề');
    expect(code).toBe(0);
    expect((await checkpoints()).map((checkpoint) => checkpoint.checked)).toEqual([5, 7]);
  });

  it('refuses a checkpoint not signed by its key, one that would make a cut look expected', async () => {
    expect((await verify()).code).toBe(0);
    const [genuine] = await checkpoints();
    const other = generateKeyPairSync('ed25519');
    const lower = signCheckpoint({ ...genuine!, heads: genuine!.heads.map((head) => ({ ...head, count: 0 })) }, other);
    await appendFile(join(verifierDir, 'checkpoints.jsonl'), `${JSON.stringify(lower)}\n`);
    await asSuperuser('delete from audit.entries where id = (select max(id) from audit.entries)');

    const { code, output } = await verify();
    expect(code).toBe(1);
    expect(output).toContain('dòng 2');
    expect(output).toContain('các mục cuối đã bị cắt');
  });

  it('signs no checkpoint over an altered entry, nor when told not to', async () => {
    await asSuperuser(`update audit.entries set entity_id = 'forged' where id = (select min(id) from audit.entries)`);
    const altered = await verify();
    expect(altered.code).toBe(1);
    expect(altered.output).toContain('nội dung đã bị sửa');
    expect(await checkpoints()).toEqual([]);
  });

  it('checks without signing when told --no-checkpoint', async () => {
    expect((await verify('--no-checkpoint')).code).toBe(0);
    expect(await checkpoints()).toEqual([]);
    expect((await verify('--checkpoint-please')).code).toBe(2);
  });

  it('publishes checkpoints on a schedule, each printed as it is appended', async () => {
    const lines: string[] = [];
    const schedule = scheduleAuditCheckpoints(deps({ write: (text: string) => lines.push(text) }), 50);
    await expect.poll(async () => (await checkpoints()).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await schedule.stop();
    expect(lines.filter((line) => line.startsWith('mốc kiểm tra / checkpoint: ')).length).toBe((await checkpoints()).length);
  });
});
