import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { paymentCode } from '../src/payment/qr-payment.rules.ts';
import { duesSubgraph } from '../src/server.ts';
import { bidvCsv, cellWithAccount, receivedStatement } from '../test/bank-fixtures.ts';

/**
 * Matching a bank statement of BENCH_STATEMENT_LINES lines (default 10,000) through the dues subgraph: a BIDV
 * CSV in which 80% of the lines pay a prepared payment exactly, 10% carry no code, 5% pay less and 5% repeat a
 * code already paid. The import (reading, matching, receipts, queue) is timed once and printed; issue 12's figure
 * is under 5 s; nothing here asserts a time (docs/benchmarks.md).
 */
const LINES = Number(process.env.BENCH_STATEMENT_LINES ?? 10_000);
let subgraph: TestSubgraph;
let cell: Awaited<ReturnType<typeof cellWithAccount>>;
let csv: Buffer;

const chunks = <T>(items: T[], size = 1_000) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
  const db = subgraph.db.db;
  cell = await cellWithAccount(db);
  const payers = Array.from({ length: LINES }, () => ({ memberId: randomUUID(), code: paymentCode(crypto.getRandomValues(new Uint8Array(8))) }));
  for (const chunk of chunks(payers)) {
    await db.insert(tables.payers).values(chunk.map((p) => ({ memberId: p.memberId, orgId: cell.orgId, orgPath: cell.orgPath, category: 'STUDENT' as const, collectsFrom: '2026-01-01' })));
    await db.insert(tables.obligations).values(chunk.map((p) => ({ memberId: p.memberId, orgId: cell.orgId, period: '2026-03-01', amount: 3_000, status: 'DUE' as const })));
    await db.insert(tables.qrPayments).values(
      chunk.map((p) => ({ code: p.code, memberId: p.memberId, months: ['2026-03-01'], monthsKey: '2026-03-01', amount: 3_000, collectingOrgId: cell.orgId, bankBin: '970418', accountNumber: cell.accountNumber, holderName: 'CHI BO' })),
    );
  }
  await subgraph.db.sql`analyze`;
  const lines = Array.from({ length: LINES }, (_, i): [string, string, string] => {
    const reference = `FT26${String(i).padStart(8, '0')}`;
    const kind = i % 20;
    if (kind < 2) return [reference, '250.000', `CT DEN:${i} TRA TIEN HANG`];
    // A repeat pays the payment of the line two below again: one of the two is a duplicate.
    const payer = payers[(kind === 2 ? i + 2 : i) % payers.length]!;
    if (kind === 3) return [reference, '2.000', `MBVCB.${i}.NGUYEN VAN A ${payer.code}DANG PHI`];
    return [reference, '3.000', `MBVCB.${i}.NGUYEN VAN A chuyen tien ${payer.code.toLowerCase()} dang phi`];
  });
  csv = bidvCsv(lines);
  console.log(`statement: ${LINES} lines, ${(csv.length / 1024 / 1024).toFixed(1)} MiB; ${payers.length} prepared payments`);
}, 600_000);
afterAll(() => subgraph?.stop());

describe('bank statement import', () => {
  test(`${LINES} lines matched`, async () => {
    const finance = personWith(randomUUID(), 'FINANCE_MEMBER', cell.orgPath);
    const uploadId = await receivedStatement(subgraph.db.db, csv, { ownerId: finance.personId!, orgPath: cell.orgPath });
    subgraph.resetQueryCount();
    const started = performance.now();
    const answer = await subgraph.call(
      'mutation ($id: ID!) { importBankStatement(input: { uploadId: $id, preset: BIDV }) { statementImport { creditLines matched exceptionCount } userErrors { code message } } }',
      { id: uploadId },
      finance,
    );
    const done = performance.now();
    const payload = answer.data?.importBankStatement;
    if (!payload?.statementImport) throw new Error(JSON.stringify(answer).slice(0, 2_000));
    console.log(`import ${((done - started) / 1000).toFixed(2)} s, ${subgraph.queryCount()} SQL statements; ${JSON.stringify(payload.statementImport)}`);
  }, 600_000);
});
