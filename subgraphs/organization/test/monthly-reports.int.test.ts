import { tables } from '@dangvu/drizzle';
import { buildOrganization } from '@dangvu/drizzle/testing';
import type { Identity, Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationSubgraph } from '../src/server.ts';

/** docs/rules/reports.md#the-report-as-a-document */
type Node = { id: string; path: string };
let subgraph: TestSubgraph;
let clock = new Date('2026-12-10T09:00:00+07:00');
const t = {} as Record<'province' | 'commune' | 'otherCommune' | 'onTime' | 'late' | 'silent' | 'military', Node>;
const as = (role: Role, org: Node, id = '00000000-0000-4000-8000-0000000000b2') => personWith(id, role, org.path);

const SUBMIT = `mutation ($input: SubmitMonthlyReportInput!) { submitMonthlyReport(input: $input) {
  report { month dueOn note late organization { name } } userErrors { code field message } } }`;
const SUBORDINATES = `query ($id: ID!, $month: YearMonth!) { organization(id: $id) {
  monthlyReport(month: $month) { late dueOn }
  subordinateReports(month: $month) { organization { name } dueOn state report { late submittedAt } } } }`;
const submit = (org: Node, identity: Identity, month = '2026-11', note?: string) => subgraph.call(SUBMIT, { input: { organizationId: org.id, month, note } }, identity);

beforeAll(async () => {
  subgraph = await startTestSubgraph('organization', (db) => organizationSubgraph(db, { now: () => clock }));
  const { db } = subgraph.db;
  t.province = await buildOrganization(db, { name: 'Đảng bộ tỉnh Thử' });
  t.commune = await buildOrganization(db, { parent: t.province, type: 'PROVINCE_SUBORDINATE', name: 'Đảng bộ xã Gia Viễn' });
  t.otherCommune = await buildOrganization(db, { parent: t.province, type: 'PROVINCE_SUBORDINATE', name: 'Đảng bộ xã Kim Sơn' });
  t.onTime = await buildOrganization(db, { parent: t.commune, name: 'Chi bộ thôn Đông' });
  t.late = await buildOrganization(db, { parent: t.commune, name: 'Chi bộ thôn Tây' });
  t.silent = await buildOrganization(db, { parent: t.commune, type: 'GRASSROOTS_COMMITTEE', name: 'Đảng bộ Trường Gia Viễn' });
  t.military = await buildOrganization(db, { parent: t.commune, name: 'Chi bộ Quân sự', inRolloutScope: false });
});
afterAll(() => subgraph?.stop());

describe('submitMonthlyReport', () => {
  it('lets the cell’s own secretary submit an ended month once, on time before the 20th; fifty clicks make one report', async () => {
    const secretary = as('SECRETARY', t.onTime);
    const answers = await Promise.all(Array.from({ length: 50 }, () => submit(t.onTime, secretary, '2026-11', '  Đã rà soát số liệu. ')));
    const accepted = answers.filter((answer) => answer.data?.submitMonthlyReport.report);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.data!.submitMonthlyReport.report).toEqual({ month: '2026-11', dueOn: '2026-12-20', note: 'Đã rà soát số liệu.', late: false, organization: { name: 'Chi bộ thôn Đông' } });
    const refused = answers.filter((answer) => !answer.data?.submitMonthlyReport.report);
    expect(new Set(refused.map((answer) => answer.data!.submitMonthlyReport.userErrors[0].code))).toEqual(new Set(['ALREADY_SUBMITTED']));
    const audited = (await subgraph.db.db.select().from(tables.auditEntries)).filter((entry) => entry.action === 'monthlyReport.submitted');
    expect(audited).toHaveLength(1);
  });

  it('refuses a month not ended, and the province, with a Vietnamese message', async () => {
    const { data } = await submit(t.onTime, as('DEPUTY_SECRETARY', t.onTime), '2026-12');
    expect(data!.submitMonthlyReport.userErrors[0]).toMatchObject({ code: 'MONTH_NOT_ENDED', message: expect.stringContaining('chưa kết thúc') });
    const province = await submit(t.province, as('SECRETARY', t.province));
    expect(province.data!.submitMonthlyReport.userErrors[0].code).toBe('NOT_A_REPORTING_ORGANIZATION');
  });

  it('is the organization’s own secretary’s or deputy’s: not its finance member, not the commune’s secretary, not another cell’s', async () => {
    for (const identity of [as('FINANCE_MEMBER', t.late), as('SECRETARY', t.commune), as('SECRETARY', t.onTime), as('ADMIN', t.province), personWith('00000000-0000-4000-8000-0000000000c3')]) {
      const { data, errors } = await submit(t.late, identity);
      expect(data).toBeNull();
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('shows the commune which cells submitted, which are pending, then which are late, and marks a late report', async () => {
    const secretary = as('SECRETARY', t.commune);
    const before = await subgraph.call(SUBORDINATES, { id: t.commune.id, month: '2026-11' }, secretary);
    expect(before.errors).toBeUndefined();
    const states = (answer: typeof before) =>
      Object.fromEntries(answer.data!.organization.subordinateReports.map((row: { organization: { name: string }; state: string }) => [row.organization.name, row.state]));
    expect(states(before)).toEqual({ 'Chi bộ thôn Đông': 'SUBMITTED', 'Chi bộ thôn Tây': 'PENDING', 'Đảng bộ Trường Gia Viễn': 'PENDING', 'Chi bộ Quân sự': 'PENDING' });
    clock = new Date('2026-12-21T08:00:00+07:00');
    const late = await submit(t.late, as('DEPUTY_SECRETARY', t.late));
    expect(late.data!.submitMonthlyReport.report).toMatchObject({ late: true, dueOn: '2026-12-20' });
    const after = await subgraph.call(SUBORDINATES, { id: t.commune.id, month: '2026-11' }, secretary);
    expect(states(after)).toEqual({ 'Chi bộ thôn Đông': 'SUBMITTED', 'Chi bộ thôn Tây': 'SUBMITTED_LATE', 'Đảng bộ Trường Gia Viễn': 'OVERDUE', 'Chi bộ Quân sự': 'OVERDUE' });
    // The commune's own report is due the 25th.
    const own = await submit(t.commune, secretary);
    expect(own.data!.submitMonthlyReport.report).toMatchObject({ late: false, dueOn: '2026-12-25' });
    const commune = await subgraph.call(SUBORDINATES, { id: t.commune.id, month: '2026-11' }, as('ANALYST', t.province));
    expect(commune.data!.organization.monthlyReport).toEqual({ late: false, dueOn: '2026-12-25' });
  });

  it('is read by the officers and analysts over the organization, not by a plain member nor another commune', async () => {
    for (const identity of [personWith('00000000-0000-4000-8000-0000000000c3'), as('SECRETARY', t.otherCommune), as('ANALYST', t.otherCommune), as('SECRETARY', t.onTime)]) {
      const { errors } = await subgraph.call(SUBORDINATES, { id: t.commune.id, month: '2026-11' }, identity);
      expect(errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    }
    const cell = await subgraph.call(SUBORDINATES, { id: t.onTime.id, month: '2026-11' }, as('SECRETARY', t.onTime));
    expect(cell.errors).toBeUndefined();
    expect(cell.data!.organization.subordinateReports).toEqual([]);
  });

  it('says in viewerCan who may submit and who may read, as the mutation and the fields decide', async () => {
    const VIEWER = 'query ($id: ID!) { organization(id: $id) { viewerCan { submitMonthlyReport seeMonthlyReports } } }';
    const can = async (identity: Identity) => (await subgraph.call(VIEWER, { id: t.late.id }, identity)).data!.organization.viewerCan;
    expect(await can(as('DEPUTY_SECRETARY', t.late))).toEqual({ submitMonthlyReport: true, seeMonthlyReports: true });
    expect(await can(as('SECRETARY', t.commune))).toEqual({ submitMonthlyReport: false, seeMonthlyReports: true });
    expect(await can(as('FINANCE_MEMBER', t.late))).toEqual({ submitMonthlyReport: false, seeMonthlyReports: true });
    expect(await can(personWith('00000000-0000-4000-8000-0000000000c3'))).toEqual({ submitMonthlyReport: false, seeMonthlyReports: false });
  });
});

describe('recordReportExport', () => {
  const EXPORT = `mutation ($input: RecordReportExportInput!) { recordReportExport(input: $input) { recorded userErrors { code field message } } }`;
  const exported = async () => subgraph.db.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.action, 'monthlyReport.exported'));
  const partner = (scopes: string[]): Identity => ({ personId: null, grants: [], partner: { clientId: '00000000-0000-4000-8000-0000000000ff', scopes } });

  it('records who took which organization’s month out, in which format, for those who read the report', async () => {
    const analyst = as('ANALYST', t.province, '00000000-0000-4000-8000-0000000000a1');
    const { data, errors } = await subgraph.call(EXPORT, { input: { organizationId: t.commune.id, month: '2026-11', format: 'XLSX' } }, analyst);
    expect(errors).toBeUndefined();
    expect(data!.recordReportExport).toEqual({ recorded: true, userErrors: [] });
    await subgraph.call(EXPORT, { input: { organizationId: t.onTime.id, month: '2026-10', format: 'CSV' } }, as('FINANCE_MEMBER', t.onTime));
    await subgraph.call(EXPORT, { input: { organizationId: t.commune.id, month: '2026-11', format: 'CSV' } }, partner(['reports:read']));
    expect((await exported()).map((entry) => [entry.actorId, entry.entityId, entry.after])).toEqual([
      ['00000000-0000-4000-8000-0000000000a1', t.commune.id, { month: '2026-11', format: 'XLSX' }],
      ['00000000-0000-4000-8000-0000000000b2', t.onTime.id, { month: '2026-10', format: 'CSV' }],
      ['00000000-0000-4000-8000-0000000000ff', t.commune.id, { month: '2026-11', format: 'CSV' }],
    ]);
  });

  it('refuses those who may not read the report, and a month to come, recording nothing', async () => {
    const before = (await exported()).length;
    for (const identity of [personWith('00000000-0000-4000-8000-0000000000c3'), as('SECRETARY', t.otherCommune), as('SECRETARY', t.onTime), partner(['organizations:read'])]) {
      const { errors } = await subgraph.call(EXPORT, { input: { organizationId: t.commune.id, month: '2026-11', format: 'CSV' } }, identity);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const { data } = await subgraph.call(EXPORT, { input: { organizationId: t.commune.id, month: '2027-01', format: 'CSV' } }, as('ANALYST', t.province));
    expect(data!.recordReportExport).toEqual({ recorded: false, userErrors: [{ code: 'FUTURE_MONTH', field: 'month', message: expect.stringContaining('chưa đến') }] });
    expect(await exported()).toHaveLength(before);
  });
});
