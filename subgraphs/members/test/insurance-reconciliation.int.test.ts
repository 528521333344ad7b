import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';
import { receivedUpload } from './received-upload.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as { province: Node; cell: Node; elsewhere: Node; admin: { id: string }; insured: { id: string }; retired: { id: string }; same: { id: string }; outside: { id: string } };

const received = (csv: string) =>
  receivedUpload(subgraph.db.db, Buffer.from(csv), { purpose: 'SOCIAL_INSURANCE', type: 'CSV', ownerId: t.admin.id, orgPath: t.province.path });
const admin = () => personWith(t.admin.id, 'ADMIN', t.province.path);
const START = `mutation ($input: StartInsuranceReconciliationInput!) { startInsuranceReconciliation(input: $input) {
  reconciliation { id status month } rowErrors { rowNumber errors { code field } } userErrors { code message } } }`;
const READ = `query ($id: ID!) { insuranceReconciliation(id: $id) { status counts { changed unchanged notFound invalid applied }
  rows { rowNumber kind citizenId member { id } insuredSalary basisBefore categoryBefore duesBefore duesAfter applied } } }`;
const APPLY = `mutation ($input: ApplyInsuranceReconciliationInput!) { applyInsuranceReconciliation(input: $input) {
  reconciliation { status counts { applied } } appliedRows userErrors { code } } }`;
const member = async (id: string) => (await subgraph.db.db.select().from(tables.members).where(eq(tables.members.id, id)))[0]!;

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.province = await buildOrganization(db);
  t.cell = await buildOrganization(db, { parent: t.province });
  t.elsewhere = await buildOrganization(db);
  t.admin = await buildMember(db, t.cell, { citizenId: '037080600000' });
  t.insured = await buildMember(db, t.cell, { citizenId: '037080600001', duesBasis: 8_000_000 });
  t.retired = await buildMember(db, t.cell, { citizenId: '037080600002', duesCategory: 'PENSION', duesBasis: 6_000_000 });
  t.same = await buildMember(db, t.cell, { citizenId: '037080600003', duesBasis: 7_500_000 });
  t.outside = await buildMember(db, t.elsewhere, { citizenId: '037080600004' });
});
afterAll(() => subgraph?.stop());

describe('social-insurance reconciliation', () => {
  let id: string;

  it('shows each member’s dues before and after the insured salary, records the read of salaries, and changes nothing', async () => {
    const csv = 'Số CCCD;Mức lương đóng BHXH\n037080600001;9.200.000\n037080600002;5 310 000\n037080600003;7500000\n037080600004;9.000.000\n';
    const { data, errors } = await subgraph.call(START, { input: { uploadId: await received(csv) } }, admin());
    expect(errors).toBeUndefined();
    expect(data!.startInsuranceReconciliation).toMatchObject({ reconciliation: { status: 'READY' }, userErrors: [] });
    id = data!.startInsuranceReconciliation.reconciliation.id;
    const read = await subgraph.call(READ, { id }, admin());
    const result = read.data!.insuranceReconciliation;
    expect(result.counts).toEqual({ changed: 2, unchanged: 1, notFound: 1, invalid: 0, applied: 0 });
    expect(result.rows).toEqual([
      { rowNumber: 2, kind: 'CHANGED', citizenId: '037080600001', member: { id: t.insured.id }, insuredSalary: '9200000', basisBefore: '8000000', categoryBefore: 'SOCIAL_INSURANCE_SALARY', duesBefore: '80000', duesAfter: '92000', applied: false },
      { rowNumber: 3, kind: 'CHANGED', citizenId: '037080600002', member: { id: t.retired.id }, insuredSalary: '5310000', basisBefore: '6000000', categoryBefore: 'PENSION', duesBefore: '30000', duesAfter: '53100', applied: false },
      { rowNumber: 4, kind: 'UNCHANGED', citizenId: '037080600003', member: { id: t.same.id }, insuredSalary: '7500000', basisBefore: '7500000', categoryBefore: 'SOCIAL_INSURANCE_SALARY', duesBefore: '75000', duesAfter: '75000', applied: false },
      // A member outside the subtree reads as unknown.
      { rowNumber: 5, kind: 'NOT_FOUND', citizenId: '037080600004', member: null, insuredSalary: '9000000', basisBefore: null, categoryBefore: null, duesBefore: null, duesAfter: null, applied: false },
    ]);
    const [viewed] = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.entityId, id), eq(tables.auditEntries.action, 'insuranceReconciliation.salariesViewed')));
    expect(viewed!.after).toMatchObject({ members: [t.insured.id, t.retired.id, t.same.id] });
    expect((await member(t.insured.id)).duesBasis).toBe(8_000_000);
  });

  it('sets the approved row’s basis and category, audited with before and after, then the rest once', async () => {
    const one = await subgraph.call(APPLY, { input: { reconciliationId: id, rowNumbers: [3] } }, admin());
    expect(one.data!.applyInsuranceReconciliation).toEqual({ reconciliation: { status: 'READY', counts: { applied: 1 } }, appliedRows: 1, userErrors: [] });
    expect(await member(t.retired.id)).toMatchObject({ duesCategory: 'SOCIAL_INSURANCE_SALARY', duesBasis: 5_310_000 });
    expect((await member(t.insured.id)).duesBasis).toBe(8_000_000);
    const [entry] = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.entityId, t.retired.id), eq(tables.auditEntries.action, 'member.duesBasisFromInsurance')));
    expect(entry).toMatchObject({ actorId: t.admin.id, before: { duesCategory: 'PENSION', duesBasis: 6_000_000, dues: 30_000 }, after: { duesBasis: 5_310_000, dues: 53_100 } });
    const answers = await Promise.all(Array.from({ length: 5 }, () => subgraph.call(APPLY, { input: { reconciliationId: id, all: true } }, admin())));
    expect(answers.reduce((sum, answer) => sum + (answer.data!.applyInsuranceReconciliation.appliedRows as number), 0)).toBe(1);
    expect((await member(t.insured.id)).duesBasis).toBe(9_200_000);
    expect((await subgraph.call(READ, { id }, admin())).data!.insuranceReconciliation.status).toBe('APPLIED');
  });

  it('refuses a malformed file with its rows’ errors, and refuses administrators of other subtrees', async () => {
    const csv = 'Số CCCD,Mức lương đóng BHXH\n03708060000,9200000\n037080600001,"9.200.000,50"\n037080600001,-5\n';
    const { data } = await subgraph.call(START, { input: { uploadId: await received(csv) } }, admin());
    expect(data!.startInsuranceReconciliation.reconciliation.status).toBe('REFUSED');
    expect(data!.startInsuranceReconciliation.rowErrors).toEqual([
      { rowNumber: 2, errors: [{ code: 'INVALID_CITIZEN_ID', field: 'citizenId' }] },
      { rowNumber: 3, errors: [{ code: 'INVALID_SALARY', field: 'insuredSalary' }] },
      { rowNumber: 4, errors: [{ code: 'INVALID_SALARY', field: 'insuredSalary' }] },
    ]);
    const other = await subgraph.call(READ, { id }, personWith(t.admin.id, 'ADMIN', t.elsewhere.path));
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
