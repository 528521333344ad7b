import { parseArgs } from 'node:util';
import { migrateDatabase, SCHEMA_NAMES } from '@dangvu/drizzle';
import { MIN_MEMBERS, SCALE_MEMBERS, seedDemoData, type SeedScale } from '@dangvu/drizzle/seed';
import { assertNode24 } from '@dangvu/drizzle/testing';
import postgres from 'postgres';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './database.ts';
import { progressBar } from './progress.ts';

assertNode24();
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    members: { type: 'string' },
    seed: { type: 'string', default: '2026' },
    reset: { type: 'boolean', default: false },
  },
});
const scale = values.scale as SeedScale;
if (!Object.hasOwn(SCALE_MEMBERS, scale)) {
  console.error(`--scale phải là ${Object.keys(SCALE_MEMBERS).join(' hoặc ')} / must be one of ${Object.keys(SCALE_MEMBERS).join(', ')}`);
  process.exit(2);
}
const members = Number(values.members ?? SCALE_MEMBERS[scale]);
if (!Number.isInteger(members) || members < MIN_MEMBERS) {
  console.error(`--members phải là số nguyên từ ${MIN_MEMBERS} trở lên / must be an integer ≥ ${MIN_MEMBERS}`);
  process.exit(2);
}

const megabytes = (bytes: string) => `${Math.round(Number(bytes) / 1024 / 1024)} MB`;

const dataDir = join(fileURLToPath(new URL('../..', import.meta.url)), '.data');
const database = await openDatabase(dataDir, process.env, () => {});
try {
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  if (values.reset) {
    // Dropping the schemas (not truncating) is the one way past the append-only audit trail: a reset starts over.
    await sql.unsafe(`drop schema if exists ${[...SCHEMA_NAMES, 'drizzle'].map((name) => `"${name}"`).join(', ')} cascade`);
  }
  await migrateDatabase(database.url);
  const started = Date.now();
  const result = await seedDemoData(sql, { members, scale, seed: Number(values.seed), onProgress: progressBar() });
  // Fresh statistics, so that the first queries are planned for the data just loaded rather than an empty table.
  await sql`analyze`;
  const [size] = await sql<{ bytes: string }[]>`select pg_database_size(current_database())::text as bytes`;
  await sql.end();
  console.log(
    `Đã nạp ${result.organizations} tổ chức, ${result.members} đảng viên, ${result.obligations} khoản đảng phí, ` +
      `${result.transfers} hồ sơ chuyển sinh hoạt trong ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `cơ sở dữ liệu ${megabytes(size!.bytes)} / loaded, database size`,
  );
} catch (error) {
  console.error((error as Error).message);
  if ((error as Error).message.includes('already holds')) console.error('Thêm --reset để xóa dữ liệu cũ trước khi nạp / add --reset');
  process.exitCode = 1;
} finally {
  await database.stop();
}
