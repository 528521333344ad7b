import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Role } from '@dangvu/subgraph-kit';
import { chromiumPrinter } from '@dangvu/subgraph-kit/printing';
import { personWith, readPdf, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesSubgraph } from '../src/server.ts';

const printer = chromiumPrinter();
let subgraph: TestSubgraph;

const RECORD = `mutation ($input: RecordCashPaymentInput!) { recordCashPayment(input: $input) { receipt { id reference } userErrors { code } } }`;
const RECEIPTS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { duesReceipts { id reference amount months method } } } }`;
const PDF = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on DuesReceipt { reference pdf } } }`;
const BY_ID = `query ($id: ID!) { duesReceipt(id: $id) { id reference } }`;

const cellName = 'Chi bộ Thôn Đông, Đảng bộ xã Gia Viễn';
const memberName = 'Nguyễn Thị Hòa';
const orgId = randomUUID();
const communeId = randomUUID();
const orgPath = `/${communeId}/${orgId}/`;
const member = randomUUID();
const otherOrgPath = `/${randomUUID()}/${randomUUID()}/`;
const as = (role: Role, path: string, personId: string = randomUUID()) => personWith(personId, role, path);
const self = { personId: member, grants: [], partner: null };
const finance = as('FINANCE_MEMBER', orgPath);
let receiptId: string;
let reference: string;

const receiptOf = (id: string, caller: Parameters<TestSubgraph['call']>[2]) =>
  subgraph.call(PDF, { reps: [{ __typename: 'DuesReceipt', id, member: { fullName: memberName }, collectedBy: { name: cellName } }] }, caller);

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', (db) => duesSubgraph(db, { printer }));
  const db = subgraph.db.db;
  await db.insert(tables.payers).values({ memberId: member, orgId, orgPath, category: 'SOCIAL_INSURANCE_SALARY', collectsFrom: '2026-01-01' });
  await db.insert(tables.obligations).values([
    { memberId: member, orgId, period: '2026-01-01', amount: 50_000, status: 'DUE' },
    { memberId: member, orgId, period: '2026-02-01', amount: 50_000, status: 'OVERDUE' },
  ]);
  const { data, errors } = await subgraph.call(RECORD, { input: { memberId: member, months: ['2026-01', '2026-02'] } }, finance);
  expect(errors).toBeUndefined();
  receiptId = data!.recordCashPayment.receipt.id;
  reference = data!.recordCashPayment.receipt.reference;
}, 120_000);
afterAll(async () => {
  await printer.close();
  await subgraph?.stop();
});

describe('the receipt as a PDF', () => {
  it('prints the organization, member, months, amount in figures and in words, day, way paid and number in Vietnamese', async () => {
    const { data, errors } = await receiptOf(receiptId, self);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const pdf = Buffer.from(data!._entities[0].pdf, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, fonts } = readPdf(pdf);
    expect(fonts.some((font) => /OpenSans/.test(font))).toBe(true);
    const flat = text.replace(/\s+/g, '');
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    for (const phrase of [
      'BIÊN LAI THU ĐẢNG PHÍ',
      `Số: ${reference}`,
      cellName.toUpperCase(),
      `Họ và tên đảng viên: ${memberName}`,
      'Nộp đảng phí các tháng: 01/2026, 02/2026',
      'Số tiền: 100.000 đồng',
      'Bằng chữ: Một trăm nghìn đồng',
      'Hình thức nộp: Tiền mặt, nộp tại chi bộ',
      `Ngày nộp: ${today}`,
      'NGƯỜI THU TIỀN',
    ]) {
      expect(flat).toContain(phrase.replace(/\s+/g, ''));
    }
    // Printing starts a browser: on a loaded machine (CI runs two packages at once) that takes well over a minute.
  }, 180_000);

  it('is listed in the member’s receipts for the member and the officers over them', async () => {
    const reps = [{ __typename: 'Member', id: member, orgPath }];
    for (const caller of [self, finance, as('SECRETARY', `/${communeId}/`), as('DEPUTY_SECRETARY', orgPath)]) {
      const { data, errors } = await subgraph.call(RECEIPTS, { reps }, caller);
      expect(errors).toBeUndefined();
      expect(data!._entities[0].duesReceipts).toEqual([{ id: receiptId, reference, amount: '100000', months: ['2026-01', '2026-02'], method: 'PAID_CASH' }]);
    }
  });

  it('lists the receipts of many members in one statement', async () => {
    const reps = [member, randomUUID(), randomUUID()].map((id) => ({ __typename: 'Member', id, orgPath }));
    subgraph.resetQueryCount();
    const { data, errors } = await subgraph.call(RECEIPTS, { reps }, finance);
    expect(errors).toBeUndefined();
    expect(data!._entities.map((entity: { duesReceipts: unknown[] }) => entity.duesReceipts.length)).toEqual([1, 0, 0]);
    expect(subgraph.queryCount()).toBe(1);
  });

  it('is nobody else’s: an officer elsewhere, an administrator, an analyst, another member or a partner sees neither list nor PDF', async () => {
    const reps = [{ __typename: 'Member', id: member, orgPath }];
    const outsiders = [
      as('FINANCE_MEMBER', otherOrgPath),
      as('SECRETARY', otherOrgPath),
      as('ADMIN', `/${communeId}/`),
      as('ANALYST', `/${communeId}/`),
      { personId: randomUUID(), grants: [], partner: null },
      { personId: null, grants: [], partner: { clientId: randomUUID(), scopes: ['dues:read'] } },
    ];
    for (const caller of outsiders) {
      const listed = await subgraph.call(RECEIPTS, { reps }, caller);
      expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const printed = await receiptOf(receiptId, caller);
      expect(printed.data?._entities?.[0] ?? null).toBeNull();
    }
    const asked = await subgraph.call(BY_ID, { id: receiptId }, as('SECRETARY', otherOrgPath));
    expect(asked.data!.duesReceipt).toBeNull();
    expect((await subgraph.call(BY_ID, { id: receiptId }, self)).data!.duesReceipt).toEqual({ id: receiptId, reference });
    expect((await subgraph.call(BY_ID, { id: 'not-an-id' }, self)).data!.duesReceipt).toBeNull();
  });

  it('records a print by an officer on the member’s trail, not the member’s own', async () => {
    await receiptOf(receiptId, self);
    await receiptOf(receiptId, finance);
    const trail = await subgraph.db.db
      .select()
      .from(tables.auditEntries)
      .where(and(eq(tables.auditEntries.subjectMemberId, member), eq(tables.auditEntries.action, 'dues.receiptPrinted')));
    expect(trail.map((entry) => entry.actorId)).toEqual([finance.personId]);
  }, 180_000);
});
