import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb, type Db } from '@dangvu/drizzle';
import { assertNode24 } from '@dangvu/drizzle/testing';
import { verifyAuditChain, type ChainProblem } from '@dangvu/subgraph-kit';
import { appendCheckpoint, databaseIdentity, loadOrCreateVerifierKey, readCheckpoints, signCheckpoint } from './audit-checkpoint.ts';
import { DATA_DIR } from './config.ts';
import { openDatabase } from './database.ts';

export interface AuditVerifyDeps {
  /** The database as its owner: the verifier reads every entry, which no service role may. */
  connect(): Promise<{ db: Db; url: string; close(): Promise<void> }>;
  /** Holds the verifier's key (private.pem, public.pem) and the checkpoints file (checkpoints.jsonl). */
  verifierDir: string;
  out: { write(text: string): unknown };
  now?: () => Date;
}

const USAGE = 'Cách dùng / usage: npm run audit:verify [-- --no-checkpoint]';

function describe(problem: ChainProblem): string {
  switch (problem.problem) {
    case 'altered':
      return `✗ mục ${problem.entryId} (chuỗi ${problem.chain}): nội dung đã bị sửa / entry altered`;
    case 'missing-before':
      return `✗ mục ${problem.entryId} (chuỗi ${problem.chain}): mục liền trước đã bị xóa / the entry before it is missing`;
    case 'truncated':
      return (
        `✗ chuỗi ${problem.chain}: còn ${problem.found} mục, mốc kiểm tra gần nhất đã ghi ${problem.expected}; các mục cuối đã bị cắt / ` +
        `truncated: ${problem.found} entries left, the last checkpoint counted ${problem.expected}`
      );
    case 'diverged':
      return (
        `✗ chuỗi ${problem.chain}: mục thứ ${problem.position} (mục ${problem.entryId}) không phải mục mà mốc kiểm tra đã ghi; chuỗi đã bị dựng lại / ` +
        `diverged: the entry at the checkpoint's position is not the one it recorded`
      );
  }
}

/**
 * `npm run audit:verify`: walks every chain of the audit trail, names each altered entry and each break,
 * and compares the chains with the last signed checkpoint, which catches entries cut from a chain's end.
 * When everything holds it signs and appends a new checkpoint (unless --no-checkpoint) and prints it, so
 * that a log collecting the output keeps a copy. Returns the exit code: 0 when the trail holds, 1 otherwise.
 */
export async function auditVerifyCommand(argv: readonly string[], deps: AuditVerifyDeps): Promise<number> {
  const say = (line: string) => deps.out.write(`${line}\n`);
  let noCheckpoint: boolean;
  try {
    noCheckpoint = parseArgs({ args: [...argv], options: { 'no-checkpoint': { type: 'boolean', default: false } } }).values['no-checkpoint'];
  } catch {
    say(USAGE);
    return 2;
  }
  const key = await loadOrCreateVerifierKey(deps.verifierDir);
  const file = join(deps.verifierDir, 'checkpoints.jsonl');
  const { db, url, close } = await deps.connect();
  try {
    const database = databaseIdentity(url);
    const history = await readCheckpoints(file, database, key.publicKey);
    for (const line of history.forged) {
      say(`✗ dòng ${line} của ${file}: mốc kiểm tra không do khóa của người kiểm tra ký / line ${line}: checkpoint not signed by the verifier's key`);
    }
    const { checked, problems, heads } = await verifyAuditChain(db, { checkpoint: history.last?.heads });
    for (const problem of problems) say(describe(problem));
    const count = problems.length + history.forged.length;
    const against = history.last ? `so với mốc kiểm tra lúc ${history.last.at}` : 'chưa có mốc kiểm tra nào';
    say(`${checked} mục trong ${heads.length} chuỗi đã kiểm tra (${against}), ${count} vấn đề / ${checked} entries in ${heads.length} chains checked, ${count} problems`);
    if (count > 0) return 1;
    if (!noCheckpoint) {
      const checkpoint = signCheckpoint({ at: (deps.now?.() ?? new Date()).toISOString(), database, checked, heads }, key);
      say(`mốc kiểm tra / checkpoint: ${await appendCheckpoint(file, checkpoint)}`);
    }
    return 0;
  } finally {
    await close();
  }
}

/**
 * Runs the verification every `intervalMs` (first after one interval), each time appending a checkpoint when
 * the trail holds: for a long-running launcher that holds the owner's connection anyway (npm start), so
 * that checkpoints are published without a cron job. A failed round is reported through `out` and the
 * next one runs as planned. Returns stop(), which waits for a round under way.
 */
export function scheduleAuditCheckpoints(deps: AuditVerifyDeps, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() =>
      auditVerifyCommand([], deps).catch((error: unknown) =>
        deps.out.write(`✗ kiểm tra nhật ký thất bại / audit verification failed: ${(error as Error).message}\n`),
      ),
    );
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

if (import.meta.main) {
  assertNode24();
  process.exitCode = await auditVerifyCommand(process.argv.slice(2), {
    async connect() {
      const database = await openDatabase(DATA_DIR, process.env, () => {});
      const handle = createDb(database.url, { max: 1 });
      return {
        db: handle.db,
        url: database.url,
        async close() {
          await handle.close();
          await database.stop();
        },
      };
    },
    verifierDir: join(DATA_DIR, 'verifier'),
    out: process.stdout,
  });
}
