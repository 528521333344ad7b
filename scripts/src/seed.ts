import { parseArgs } from 'node:util';
import { migrateDatabase, SCHEMA_NAMES } from '@dangvu/drizzle';
import { MIN_MEMBERS, seedDemoData } from '@dangvu/drizzle/seed';
import { assertNode24 } from '@dangvu/drizzle/testing';
import postgres from 'postgres';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './database.ts';
import { progressBar } from './progress.ts';

assertNode24();
const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '3000' },
    seed: { type: 'string', default: '2026' },
    reset: { type: 'boolean', default: false },
  },
});
const members = Number(values.members);
if (!Number.isInteger(members) || members < MIN_MEMBERS) {
  console.error(`--members phải là số nguyên từ ${MIN_MEMBERS} trở lên / must be an integer ≥ ${MIN_MEMBERS}`);
  process.exit(2);
}

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
  const result = await seedDemoData(sql, { members, seed: Number(values.seed), onProgress: progressBar() });
  await sql.end();
  console.log(
    `Đã nạp ${result.organizations} tổ chức, ${result.members} đảng viên, ${result.obligations} khoản đảng phí, ` +
      `${result.transfers} hồ sơ chuyển sinh hoạt trong ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error((error as Error).message);
  if ((error as Error).message.includes('already holds')) console.error('Thêm --reset để xóa dữ liệu cũ trước khi nạp / add --reset');
  process.exitCode = 1;
} finally {
  await database.stop();
}
