import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb, migrateDatabase } from '@dangvu/drizzle';
import { assertNode24 } from '@dangvu/drizzle/testing';
import { loadAdministrativeUnits, parseAdministrativeUnits, provincesInForce, type ListedUnit } from '@dangvu/subgraph-members/administrative-units';
import { openDatabase } from './database.ts';

assertNode24();
const USAGE =
  'Cách dùng / usage: npm run import:administrative-units -- [--valid-from 2025-07-01] <danh-muc-cap-tinh.csv> <danh-muc-cap-xa.csv> …';
const { values, positionals } = parseArgs({ options: { 'valid-from': { type: 'string', default: '2025-07-01' } }, allowPositionals: true });
const validFrom = values['valid-from'];
if (positionals.length === 0 || !/^\d{4}-\d{2}-\d{2}$/.test(validFrom)) {
  console.error(USAGE);
  process.exit(2);
}

const dataDir = join(fileURLToPath(new URL('../..', import.meta.url)), '.data');
const database = await openDatabase(dataDir, process.env, () => {});
try {
  await migrateDatabase(database.url);
  const handle = createDb(database.url, { max: 1 });
  try {
    // Communes name their province: the provinces already listed are known, and each file's provinces before the next file.
    const known = await provincesInForce(handle.db, validFrom);
    const units: ListedUnit[] = [];
    for (const file of positionals) units.push(...parseAdministrativeUnits(await readFile(file, 'utf8'), [...known, ...units]));
    const result = await loadAdministrativeUnits(handle.db, units, validFrom);
    console.log(`Đã nạp ${result.added} đơn vị mới, ${result.changed} đơn vị đổi tên hoặc đổi tỉnh, ${result.unchanged} giữ nguyên / added, changed, unchanged`);
  } finally {
    await handle.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.stop();
}
