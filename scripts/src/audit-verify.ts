import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@dangvu/drizzle';
import { assertNode24 } from '@dangvu/drizzle/testing';
import { verifyAuditChain } from '@dangvu/subgraph-kit';
import { openDatabase } from './database.ts';

/** `npm run audit:verify`: walks the whole audit trail and names every altered entry and every break in the chain. */
assertNode24();
const database = await openDatabase(join(fileURLToPath(new URL('../..', import.meta.url)), '.data'), process.env, () => {});
const handle = createDb(database.url, { max: 1 });
try {
  const { checked, problems } = await verifyAuditChain(handle.db);
  for (const { entryId, problem } of problems) {
    console.log(
      problem === 'altered'
        ? `✗ mục ${entryId}: nội dung đã bị sửa / entry altered`
        : `✗ mục ${entryId}: mục liền trước đã bị xóa / the entry before it is missing`,
    );
  }
  console.log(`${checked} mục đã kiểm tra, ${problems.length} vấn đề / ${checked} entries checked, ${problems.length} problems`);
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  await handle.close();
  await database.stop();
}
