import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSubgraph } from '../src/server.ts';
import { bidvCsv, cellWithAccount, payerWithCode, receivedStatement } from './bank-fixtures.ts';

let subgraph: TestSubgraph;
const IMPORT = `mutation ($input: ImportBankStatementInput!) {
  importBankStatement(input: $input) {
    statementImport { id preset creditLines newLines matched exceptionCount alreadySeen exceptions { id kind amount reference paymentCode member { id } expectedAmount } }
    rowErrors { rowNumber errors { code field message } }
    userErrors { code field message }
  }
}`;
const RESOLVE = `mutation ($input: ResolveDuesPaymentExceptionInput!) {
  resolveDuesPaymentException(input: $input) { exception { id resolution reason } receipt { number method amount months } userErrors { code field message } }
}`;
const EXCEPTIONS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { duesPaymentExceptions(includeResolved: true) { id kind resolution } } } }`;

const as = (role: Role, orgPath: string, personId = randomUUID()) => personWith(personId, role, orgPath);
const db = () => subgraph.db.db;
const importAs = async (caller: ReturnType<typeof personWith>, uploadId: string, preset = 'BIDV') => (await subgraph.call(IMPORT, { input: { uploadId, preset } }, caller)).data?.importBankStatement;
const statusesOf = async (memberId: string) => (await db().select().from(tables.obligations).where(eq(tables.obligations.memberId, memberId))).sort((a, b) => a.period.localeCompare(b.period)).map((o) => o.status);

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
});
afterAll(() => subgraph?.stop());

/** A cell whose statement holds every kind of line once. */
async function statementWithEveryKind() {
  const cell = await cellWithAccount(db());
  const other = await cellWithAccount(db());
  const exact = await payerWithCode(db(), cell);
  const partial = await payerWithCode(db(), cell);
  const over = await payerWithCode(db(), cell);
  const twice = await payerWithCode(db(), cell, ['2026-01-01']);
  const elsewhere = await payerWithCode(db(), other, ['2026-01-01']);
  const csv = bidvCsv([
    ['FT001', '6.000', `MBVCB.4530998360.029552.NGUYEN VAN A chuyen tien ${exact.code.toLowerCase()} dang phi`],
    ['FT002', '100.000', 'CT DEN:0123 TRA TIEN HANG'],
    ['FT003', '5.000', `IBFT ${partial.code}DANGPHI`],
    ['FT004', '9.000', `${over.code.slice(0, 4)} ${over.code.slice(4)} DANG PHI`],
    ['FT005', '3.000', `${twice.code} DANG PHI`],
    ['FT006', '3.000', `${twice.code} DANG PHI LAN 2`],
    ['FT007', '3.000', `${elsewhere.code} DANG PHI`],
  ]);
  return { cell, other, exact, partial, over, twice, elsewhere, csv };
}

describe('Mutation.importBankStatement', () => {
  it('pays the exactly matched months online with a numbered receipt and queues every other line by its kind', async () => {
    const t = await statementWithEveryKind();
    const finance = as('FINANCE_MEMBER', t.cell.orgPath);
    const answer = await importAs(finance, await receivedStatement(db(), t.csv, { ownerId: finance.personId!, orgPath: t.cell.orgPath }));
    expect(answer.userErrors).toEqual([]);
    expect(answer.statementImport).toMatchObject({ preset: 'BIDV', creditLines: 7, newLines: 7, matched: 2, exceptionCount: 5, alreadySeen: 0 });
    expect(Object.fromEntries(answer.statementImport.exceptions.map((e: { reference: string; kind: string }) => [e.reference, e.kind]))).toEqual({
      FT002: 'UNMATCHED',
      FT003: 'PARTIAL',
      FT004: 'OVERPAID',
      FT006: 'ALREADY_PAID',
      FT007: 'OTHER_ORGANIZATION',
    });
    expect(answer.statementImport.exceptions.find((e: { reference: string }) => e.reference === 'FT003')).toMatchObject({ amount: '5000', expectedAmount: '6000', paymentCode: t.partial.code, member: { id: t.partial.memberId } });
    expect(await statusesOf(t.exact.memberId)).toEqual(['PAID_ONLINE', 'PAID_ONLINE']);
    expect(await statusesOf(t.twice.memberId)).toEqual(['PAID_ONLINE']);
    expect(await statusesOf(t.partial.memberId)).toEqual(['DUE', 'DUE']);
    const receipts = await db().select().from(tables.receipts).where(eq(tables.receipts.orgId, t.cell.orgId));
    expect(receipts.map((r) => [r.number, r.method, r.amount, r.memberId]).sort()).toEqual([
      [1, 'PAID_ONLINE', 6_000, t.exact.memberId],
      [2, 'PAID_ONLINE', 3_000, t.twice.memberId],
    ]);
    const trail = await db().select().from(tables.auditEntries).where(and(eq(tables.auditEntries.subjectMemberId, t.exact.memberId), eq(tables.auditEntries.action, 'dues.onlinePaymentMatched')));
    expect(trail).toHaveLength(1);
  });

  it('queues a line whose code’s month is closed, and pays nothing into it', async () => {
    const cell = await cellWithAccount(db());
    const payer = await payerWithCode(db(), cell, ['2026-01-01']);
    await db().insert(tables.monthCloses).values({ orgId: cell.orgId, orgPath: cell.orgPath, period: '2026-01-01', obligationCount: 1, paidCount: 0, amountDue: 3_000, amountCollected: 0, amountKept: 0, amountRemitted: 0, remittanceRule: 'thử' });
    const finance = as('FINANCE_MEMBER', cell.orgPath);
    const answer = await importAs(finance, await receivedStatement(db(), bidvCsv([['FT100', '3.000', payer.code]]), { ownerId: finance.personId!, orgPath: cell.orgPath }));
    expect(answer.statementImport.exceptions).toMatchObject([{ kind: 'MONTH_CLOSED' }]);
    expect(await statusesOf(payer.memberId)).toEqual(['DUE']);
  });

  it('changes nothing when the same statement, or one overlapping it, is imported again', async () => {
    const t = await statementWithEveryKind();
    const finance = as('FINANCE_MEMBER', t.cell.orgPath);
    await importAs(finance, await receivedStatement(db(), t.csv, { ownerId: finance.personId!, orgPath: t.cell.orgPath }));
    const receiptsBefore = await db().select().from(tables.receipts).where(eq(tables.receipts.orgId, t.cell.orgId));
    const again = await importAs(finance, await receivedStatement(db(), t.csv, { ownerId: finance.personId!, orgPath: t.cell.orgPath }));
    expect(again.statementImport).toMatchObject({ creditLines: 7, newLines: 0, matched: 0, exceptionCount: 0, alreadySeen: 7, exceptions: [] });
    const later = await payerWithCode(db(), t.cell, ['2026-03-01']);
    const overlapping = bidvCsv([['FT006', '3.000', `${t.twice.code} DANG PHI LAN 2`], ['FT200', '3.000', later.code]]);
    const third = await importAs(finance, await receivedStatement(db(), overlapping, { ownerId: finance.personId!, orgPath: t.cell.orgPath }));
    expect(third.statementImport).toMatchObject({ newLines: 1, matched: 1, alreadySeen: 1 });
    expect(await db().select().from(tables.receipts).where(eq(tables.receipts.orgId, t.cell.orgId))).toHaveLength(receiptsBefore.length + 1);
    expect(await db().select().from(tables.paymentExceptions).where(eq(tables.paymentExceptions.orgId, t.cell.orgId))).toHaveLength(5);
  });

  it('refuses a file with bad rows whole, each row said in Vietnamese, applies nothing and lets the upload be imported once fixed columns are chosen', async () => {
    const cell = await cellWithAccount(db());
    const payer = await payerWithCode(db(), cell);
    const finance = as('FINANCE_MEMBER', cell.orgPath);
    const bad = bidvCsv([['FT1', '6.000', payer.code], ['FT2', 'sáu nghìn', 'x'], ['FT3', '1.000', 'y', '32/01/2026']]);
    const uploadId = await receivedStatement(db(), bad, { ownerId: finance.personId!, orgPath: cell.orgPath });
    const answer = await importAs(finance, uploadId);
    expect(answer.statementImport).toBeNull();
    expect(answer.userErrors).toMatchObject([{ code: 'INVALID_ROWS', message: expect.stringContaining('chưa ghi nhận khoản nào') }]);
    expect(answer.rowErrors).toEqual([
      { rowNumber: 5, errors: [{ code: 'INVALID_AMOUNT', field: 'credit', message: 'Dòng 5: số tiền ghi có „sáu nghìn" không phải số đồng hợp lệ.' }] },
      { rowNumber: 6, errors: [{ code: 'INVALID_DATE', field: 'date', message: 'Dòng 6: ngày „32/01/2026" không đọc được (cần dạng ngày/tháng/năm).' }] },
    ]);
    expect(await statusesOf(payer.memberId)).toEqual(['DUE', 'DUE']);
    expect(await db().select().from(tables.bankTransactions).where(eq(tables.bankTransactions.orgId, cell.orgId))).toEqual([]);
    const wrongBank = await importAs(finance, uploadId, 'VIETINBANK');
    expect(wrongBank.userErrors).toMatchObject([{ code: 'COLUMNS_NOT_FOUND', field: 'preset', message: expect.stringContaining('Ngày hạch toán') }]);
  });

  it('reads an Agribank XLSX export through its preset', async () => {
    const cell = await cellWithAccount(db());
    const payer = await payerWithCode(db(), cell);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sao ke');
    sheet.addRow(['NGÂN HÀNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN VIỆT NAM']);
    sheet.addRow(['Số chứng từ', 'Ngày giao dịch', 'Số tiền ghi nợ', 'Số tiền ghi có', 'Nội dung giao dịch']);
    sheet.addRow(['AGR-77', new Date(Date.UTC(2026, 2, 4)), null, 6000, `NGUYEN VAN A CHUYEN KHOAN ${payer.code} DANG PHI`]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const finance = as('FINANCE_MEMBER', cell.orgPath);
    const answer = await importAs(finance, await receivedStatement(db(), bytes, { ownerId: finance.personId!, orgPath: cell.orgPath, type: 'XLSX' }), 'AGRIBANK');
    expect(answer.statementImport).toMatchObject({ creditLines: 1, matched: 1 });
    expect(await statusesOf(payer.memberId)).toEqual(['PAID_ONLINE', 'PAID_ONLINE']);
  });

  it('takes the columns given with the import when the bank’s export has its own names', async () => {
    const cell = await cellWithAccount(db());
    const payer = await payerWithCode(db(), cell);
    const finance = as('FINANCE_MEMBER', cell.orgPath);
    const csv = Buffer.from(`Ngay,So tien den,Noi dung CK,Ma GD\n04/03/2026,6000,${payer.code},X1\n`);
    const { data } = await subgraph.call(IMPORT, { input: { uploadId: await receivedStatement(db(), csv, { ownerId: finance.personId!, orgPath: cell.orgPath }), preset: 'GENERIC', columns: { date: 'Ngày', credit: 'Số tiền đến', narrative: 'Nội dung CK', reference: 'Mã GD' } } }, finance);
    expect(data!.importBankStatement.statementImport).toMatchObject({ preset: 'CUSTOM', matched: 1 });
  });

  it('uses a constant number of SQL statements whatever the statement’s length', async () => {
    const counts: number[] = [];
    for (const lines of [5, 50]) {
      const cell = await cellWithAccount(db());
      const payers = [];
      for (let i = 0; i < lines; i++) payers.push(await payerWithCode(db(), cell, ['2026-01-01']));
      const finance = as('FINANCE_MEMBER', cell.orgPath);
      const uploadId = await receivedStatement(db(), bidvCsv(payers.map((p, i) => [`R${i}`, '3.000', p.code])), { ownerId: finance.personId!, orgPath: cell.orgPath });
      subgraph.resetQueryCount();
      expect((await importAs(finance, uploadId)).statementImport.matched).toBe(lines);
      counts.push(subgraph.queryCount());
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('lets only the organization’s own finance member, secretary or deputy import its statement', async () => {
    const parent = `/${randomUUID()}/`;
    const cell = await cellWithAccount(db(), { parentPath: parent });
    const sibling = await cellWithAccount(db(), { parentPath: parent });
    for (const [caller, allowed] of [
      [as('FINANCE_MEMBER', cell.orgPath), true],
      [as('DEPUTY_SECRETARY', cell.orgPath), true],
      [as('FINANCE_MEMBER', parent), false],
      [as('FINANCE_MEMBER', sibling.orgPath), false],
      [as('ADMIN', parent), false],
      [personWith(randomUUID()), false],
    ] as const) {
      const uploadId = await receivedStatement(db(), bidvCsv([[`Z${randomUUID()}`, '1.000', 'x']]), { ownerId: caller.personId!, orgPath: cell.orgPath });
      const { data, errors } = await subgraph.call(IMPORT, { input: { uploadId, preset: 'BIDV' } }, caller);
      if (allowed) expect(data!.importBankStatement.userErrors).toEqual([]);
      else expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('Mutation.resolveDuesPaymentException', () => {
  async function queued() {
    const t = await statementWithEveryKind();
    const finance = as('FINANCE_MEMBER', t.cell.orgPath);
    const answer = await importAs(finance, await receivedStatement(db(), t.csv, { ownerId: finance.personId!, orgPath: t.cell.orgPath }));
    const byRef = (reference: string) => answer.statementImport.exceptions.find((e: { reference: string }) => e.reference === reference).id as string;
    return { ...t, finance, byRef };
  }

  it('applies an unmatched line to named months of a member with a receipt, audited, once', async () => {
    const t = await queued();
    const member = await payerWithCode(db(), t.cell, ['2026-04-01', '2026-05-01', '2026-06-01']);
    // 100.000 đ of FT002 is no one's months: 3 months of 3.000 đ do not make it.
    const mismatch = await subgraph.call(RESOLVE, { input: { exceptionId: t.byRef('FT002'), action: 'APPLY_TO_MONTHS', reason: 'Đồng chí A chuyển hộ', memberId: member.memberId, months: ['2026-04', '2026-05', '2026-06'] } }, t.finance);
    expect(mismatch.data!.resolveDuesPaymentException.userErrors).toEqual([{ code: 'AMOUNT_MISMATCH', field: 'months', message: 'Khoản tiền 100.000 đ khác số phải đóng của các tháng đã chọn (9.000 đ): chọn đúng các tháng, hoặc hoàn trả khoản tiền.' }]);
    const { data } = await subgraph.call(RESOLVE, { input: { exceptionId: t.byRef('FT004'), action: 'APPLY_TO_MONTHS', reason: 'Chuyển thừa, ghi thêm tháng 4', memberId: member.memberId, months: ['2026-04', '2026-05', '2026-06'] } }, t.finance);
    expect(data!.resolveDuesPaymentException).toMatchObject({ exception: { resolution: 'APPLIED', reason: 'Chuyển thừa, ghi thêm tháng 4' }, receipt: { method: 'PAID_ONLINE', amount: '9000', months: ['2026-04', '2026-05', '2026-06'] }, userErrors: [] });
    expect(await statusesOf(member.memberId)).toEqual(['PAID_ONLINE', 'PAID_ONLINE', 'PAID_ONLINE']);
    const again = await subgraph.call(RESOLVE, { input: { exceptionId: t.byRef('FT004'), action: 'REFUNDED', reason: 'x' } }, t.finance);
    expect(again.data!.resolveDuesPaymentException.userErrors).toMatchObject([{ code: 'ALREADY_RESOLVED' }]);
    const trail = await db().select().from(tables.auditEntries).where(and(eq(tables.auditEntries.entityId, t.byRef('FT004')), eq(tables.auditEntries.action, 'dues.paymentExceptionResolved')));
    expect(trail).toMatchObject([{ actorId: t.finance.personId, after: { resolution: 'APPLIED' } }]);
  });

  it('resolves one exception sent fifty times at once exactly once', async () => {
    const t = await queued();
    const answers = await Promise.all(Array.from({ length: 50 }, () => subgraph.call(RESOLVE, { input: { exceptionId: t.byRef('FT002'), action: 'NOT_DUES', reason: 'Tiền hàng, không phải đảng phí' } }, t.finance)));
    expect(answers.filter((a) => a.data?.resolveDuesPaymentException.userErrors.length === 0)).toHaveLength(1);
    expect(answers.filter((a) => a.data?.resolveDuesPaymentException.userErrors[0]?.code === 'ALREADY_RESOLVED')).toHaveLength(49);
  });

  it('refuses a resolution without a reason, and lists the queue for the officers over the organization', async () => {
    const t = await queued();
    const { data } = await subgraph.call(RESOLVE, { input: { exceptionId: t.byRef('FT002'), action: 'REFUNDED', reason: '  ' } }, t.finance);
    expect(data!.resolveDuesPaymentException.userErrors).toEqual([{ code: 'REASON_REQUIRED', field: 'reason', message: 'Ghi rõ lý do xử lý khoản này.' }]);
    const parent = t.cell.orgPath.split('/').slice(0, -2).join('/') + '/';
    const seen = await subgraph.call(EXCEPTIONS, { reps: [{ __typename: 'Organization', id: t.cell.orgId, path: t.cell.orgPath }] }, as('SECRETARY', parent));
    expect(seen.data!._entities[0].duesPaymentExceptions).toHaveLength(5);
    const outside = await subgraph.call(EXCEPTIONS, { reps: [{ __typename: 'Organization', id: t.cell.orgId, path: t.cell.orgPath }] }, as('FINANCE_MEMBER', t.other.orgPath));
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('forbids a finance member to apply money onto their own dues, and anyone outside the organization to resolve', async () => {
    const t = await queued();
    const own = await payerWithCode(db(), t.cell, ['2026-07-01', '2026-08-01'], t.finance.personId!);
    const self = await subgraph.call(RESOLVE, { input: { exceptionId: t.byRef('FT003'), action: 'APPLY_TO_MONTHS', reason: 'của tôi', memberId: own.memberId, months: ['2026-07', '2026-08'] } }, t.finance);
    expect(self.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await statusesOf(own.memberId)).toEqual(['DUE', 'DUE']);
    const secretary = as('SECRETARY', t.cell.orgPath);
    for (const caller of [as('FINANCE_MEMBER', t.other.orgPath), as('FINANCE_MEMBER', t.cell.orgPath.split('/').slice(0, -2).join('/') + '/'), personWith(randomUUID())]) {
      const { errors } = await subgraph.call(RESOLVE, { input: { exceptionId: t.byRef('FT003'), action: 'REFUNDED', reason: 'x' } }, caller);
      expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const fine = await subgraph.call(RESOLVE, { input: { exceptionId: t.byRef('FT003'), action: 'REFUNDED', reason: 'Đã hoàn trả người chuyển' } }, secretary);
    expect(fine.data!.resolveDuesPaymentException.exception).toMatchObject({ resolution: 'REFUNDED' });
  });

  it('lets a deputy apply money onto the secretary’s own months, the target’s role changing nothing', async () => {
    const t = await queued();
    const secretary = as('SECRETARY', t.cell.orgPath);
    const months = await payerWithCode(db(), t.cell, ['2026-09-01', '2026-10-01', '2026-11-01'], secretary.personId!);
    const { data } = await subgraph.call(RESOLVE, { input: { exceptionId: t.byRef('FT004'), action: 'APPLY_TO_MONTHS', reason: 'Bí thư chuyển nhầm mã', memberId: months.memberId, months: ['2026-09', '2026-10', '2026-11'] } }, as('DEPUTY_SECRETARY', t.cell.orgPath));
    expect(data!.resolveDuesPaymentException).toMatchObject({ exception: { resolution: 'APPLIED' }, receipt: { amount: '9000' }, userErrors: [] });
    expect(await statusesOf(secretary.personId!)).toEqual(['PAID_ONLINE', 'PAID_ONLINE', 'PAID_ONLINE']);
  });
});
