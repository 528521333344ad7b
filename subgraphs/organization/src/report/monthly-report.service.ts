import { auditor, notFound, parseId, vietnamDay, type RequestContext, type Store, type UserError } from '@dangvu/subgraph-kit';
import DataLoader from 'dataloader';
import { policy } from '../policy.ts';
import type { OrganizationRow } from '../organization/organization.repository.ts';
import type { Repositories } from '../repositories.ts';
import type { MonthlyReportRow } from './monthly-report.repository.ts';
import { reportDueOn, reportingLevel, reportState, submitError, type ReportDueDays } from './monthly-report.rules.ts';

export interface SubmitMonthlyReportInput {
  organizationId: string;
  month: string;
  note?: string | null;
}

export interface RecordReportExportInput {
  organizationId: string;
  month: string;
  format: 'CSV' | 'XLSX';
}

export interface MonthlyReportPayload {
  report: MonthlyReportRow | null;
  userErrors: UserError[];
}

/** A subordinate's report as its superior sees it. */
export interface SubordinateReportModel<O = OrganizationRow> {
  organization: O;
  month: string;
  dueOn: string;
  state: ReturnType<typeof reportState>;
  report: MonthlyReportRow | null;
}

type ReportRepositories = Pick<Repositories, 'organizations' | 'monthlyReports' | 'audit'>;

const NOTE_MAX = 2000;

/** The monthly report as a document (docs/rules/reports.md#the-report-as-a-document): submitted once, read by the levels above. */
export function monthlyReportService(store: Store<ReportRepositories>, context: RequestContext, { dueDays, now }: { dueDays: ReportDueDays; now: () => Date }) {
  const { identity } = context;
  const audit = auditor(context);
  const reports = new DataLoader<string, MonthlyReportRow | null>(async (keys) => {
    const rows = new Map((await store.repos.monthlyReports.byKeys(keys)).map((row) => [`${row.orgId}|${row.month}`, row]));
    return keys.map((key) => rows.get(key) ?? null);
  });
  const failed = (...userErrors: UserError[]): MonthlyReportPayload => ({ report: null, userErrors });

  return {
    async submit(input: SubmitMonthlyReportInput): Promise<MonthlyReportPayload> {
      const orgId = parseId(input.organizationId);
      const note = input.note?.trim() || null;
      return store.transaction(async (repos) => {
        const [organization] = await repos.organizations.byIds([orgId]);
        if (!organization) throw notFound('tổ chức');
        policy.assert(identity, 'SUBMIT_MONTHLY_REPORT', organization);
        const today = vietnamDay(now());
        const invalid = submitError(organization, input.month, today);
        if (invalid) return failed(invalid);
        if (note && note.length > NOTE_MAX) return failed({ code: 'NOTE_TOO_LONG', field: 'note', message: `Nhận xét dài quá ${NOTE_MAX} ký tự.` });
        const dueOn = reportDueOn(input.month, reportingLevel(organization.type)!, dueDays);
        const report = await repos.monthlyReports.insertOnce({
          orgId,
          orgPath: organization.path,
          month: input.month,
          dueOn,
          note,
          submittedBy: identity.personId!,
          submittedAt: now(),
          late: today >= dueOn,
        });
        if (!report) return failed({ code: 'ALREADY_SUBMITTED', field: 'month', message: `Báo cáo tháng ${input.month} của tổ chức này đã được gửi.` });
        await audit(repos.audit, { action: 'monthlyReport.submitted', entityType: 'MonthlyReport', entityId: report.id, before: null, after: report, orgPath: organization.path });
        return { report, userErrors: [] };
      });
    },

    /**
     * A report taken out of the platform as a file is recorded (docs/rules/reports.md#exports): who, which
     * organization's subtree, which month, which format; by those who may read the report, before the file is served.
     */
    async recordExport(input: RecordReportExportInput): Promise<{ recorded: boolean; userErrors: UserError[] }> {
      const orgId = parseId(input.organizationId);
      return store.transaction(async (repos) => {
        const [organization] = await repos.organizations.byIds([orgId]);
        if (!organization) throw notFound('tổ chức');
        policy.assert(identity, 'SEE_MONTHLY_REPORTS', organization);
        if (input.month > vietnamDay(now()).slice(0, 7)) {
          return { recorded: false, userErrors: [{ code: 'FUTURE_MONTH', field: 'month', message: `Tháng ${input.month} chưa đến, chưa có báo cáo để tải về.` }] };
        }
        await audit(repos.audit, {
          action: 'monthlyReport.exported',
          entityType: 'Organization',
          entityId: orgId,
          before: null,
          after: { month: input.month, format: input.format },
          orgPath: organization.path,
        });
        return { recorded: true, userErrors: [] };
      });
    },

    /** The organization's own report for the month, or null while not submitted. */
    of: (organization: { id: string }, month: string) => reports.load(`${organization.id}|${month}`),

    /** Its reporting children, each with its report or where it stands against the deadline. */
    async subordinates<O extends Pick<OrganizationRow, 'id' | 'type' | 'dissolvedOn'>>(children: readonly O[], month: string): Promise<SubordinateReportModel<O>[]> {
      const today = vietnamDay(now());
      const reporting = children.filter((child) => !child.dissolvedOn && reportingLevel(child.type) !== null);
      const found = await reports.loadMany(reporting.map((child) => `${child.id}|${month}`));
      return reporting.map((organization, index) => {
        const report = found[index] instanceof Error ? null : (found[index] as MonthlyReportRow | null);
        const dueOn = report?.dueOn ?? reportDueOn(month, reportingLevel(organization.type)!, dueDays);
        return { organization, month, dueOn, state: reportState(report, dueOn, today), report };
      });
    },
  };
}

export type MonthlyReportService = ReturnType<typeof monthlyReportService>;
