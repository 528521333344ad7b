import { auditor, notFound, parseId, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { MembersStore } from '../repositories.ts';
import { duesBeforeAndAfter, parseInsuranceSheet } from './insurance-salary.rules.ts';
import type { InsuranceRowKind, StoredReconciliation } from './insurance.repository.ts';
import { registerUploads } from './register-uploads.ts';
import { MAX_ROWS_PAGE } from './register-import.service.ts';
import { parseCsv, parseXlsx } from '@dangvu/subgraph-kit';

const error = (code: string, field: string | null, message: string): UserError => ({ code, field, message });

/**
 * The social-insurance reconciliation (docs/rules/register-import.md#social-insurance): a file of citizen IDs
 * and insured salaries, shown against each member's dues basis with the month's dues before and after, and
 * set as the basis only for the rows an administrator over the subtree approves.
 */
export function insuranceReconciliationService(store: MembersStore, context: RequestContext, today = () => vietnamDay(new Date())) {
  const audit = auditor(context);

  return {
    async start(input: { uploadId: string }) {
      const uploadId = parseId(input.uploadId);
      return store.transaction(async (repos) => {
        const upload = await repos.uploads.byId(uploadId);
        if (upload) policy.assert(context.identity, 'IMPORT_REGISTER', { path: upload.orgPath });
        const taken = await registerUploads.consume(repos, context, uploadId, { purpose: 'SOCIAL_INSURANCE', field: 'uploadId', feeds: 'insuranceReconciliation' });
        if ('userError' in taken) return { reconciliation: null, rowErrors: [], userErrors: [taken.userError] };
        const sheet = taken.upload.detectedType === 'XLSX' ? await parseXlsx(taken.bytes).catch(() => null) : parseCsv(taken.bytes);
        const parsed = sheet ? parseInsuranceSheet(sheet) : { fileErrors: [error('UNREADABLE_FILE', 'uploadId', 'Không đọc được bảng tính: đồng chí mở tệp và lưu lại thành .xlsx.')] };
        const month = today().slice(0, 7);
        const base = { uploadId, fileName: taken.upload.fileName, orgId: taken.upload.orgId, orgPath: taken.upload.orgPath, createdBy: context.identity.personId!, month };
        if ('fileErrors' in parsed) {
          const refused = await repos.insurance.create({ ...base, status: 'REFUSED', fileErrors: parsed.fileErrors }, []);
          return { reconciliation: refused, rowErrors: [], userErrors: parsed.fileErrors };
        }
        const invalid = parsed.rows.filter((row) => 'errors' in row);
        const valid = parsed.rows.flatMap((row) => ('salary' in row ? [row] : []));
        const members = new Map((await repos.insurance.membersWithin(valid.map((row) => row.citizenId), taken.upload.orgPath)).map((m) => [m.citizenId, m]));
        const rows = parsed.rows.map((row) => {
          if (!('salary' in row)) return { rowNumber: row.rowNumber, kind: 'INVALID' as const, citizenId: row.citizenId, errors: row.errors };
          const member = members.get(row.citizenId);
          // A citizen ID outside the subtree reads as unknown: the file must not tell who is where beyond it.
          if (!member) return { rowNumber: row.rowNumber, kind: 'NOT_FOUND' as const, citizenId: row.citizenId, insuredSalary: row.salary };
          const dues = duesBeforeAndAfter(member, row.salary, month);
          const same = member.duesCategory === 'SOCIAL_INSURANCE_SALARY' && member.duesBasis === row.salary;
          return {
            rowNumber: row.rowNumber,
            kind: same ? ('UNCHANGED' as const) : ('CHANGED' as const),
            citizenId: row.citizenId,
            memberId: member.id,
            insuredSalary: row.salary,
            basisBefore: member.duesBasis,
            categoryBefore: member.duesCategory,
            duesBefore: dues.before,
            duesAfter: dues.after,
          };
        });
        const created = await repos.insurance.create({ ...base, status: invalid.length > 0 ? 'REFUSED' : 'READY' }, rows);
        await audit(repos.audit, {
          action: invalid.length > 0 ? 'insuranceReconciliation.refused' : 'insuranceReconciliation.started',
          entityType: 'InsuranceReconciliation',
          entityId: created.id,
          orgPath: created.orgPath,
          after: { fileName: created.fileName, rows: rows.length, invalidRows: invalid.length },
        });
        if (invalid.length === 0) return { reconciliation: created, rowErrors: [], userErrors: [] as UserError[] };
        return {
          reconciliation: created,
          rowErrors: invalid.slice(0, 1_000).map((row) => ({ rowNumber: row.rowNumber, errors: (row as { errors: UserError[] }).errors })),
          userErrors: [error('INVALID_ROWS', 'uploadId', `Tệp có ${invalid.length} dòng sai: không mức đóng nào thay đổi. Đồng chí sửa các dòng được liệt kê rồi tải lại.`)],
        };
      });
    },

    async byId(id: string): Promise<StoredReconciliation> {
      const found = await store.repos.insurance.byId(parseId(id));
      if (!found) throw notFound('lần đối chiếu bảo hiểm xã hội');
      policy.assert(context.identity, 'IMPORT_REGISTER', { path: found.orgPath });
      return found;
    },

    counts: (reconciliation: StoredReconciliation) => store.repos.insurance.counts(reconciliation.id),

    /** A page of rows; salaries are personal data, so every page read is recorded with the members it showed. */
    async rows(reconciliation: StoredReconciliation, args: { kinds?: InsuranceRowKind[] | null; after?: number | null; first?: number | null }) {
      const first = Math.min(Math.max(args.first ?? 100, 1), MAX_ROWS_PAGE);
      const rows = await store.repos.insurance.rows(reconciliation.id, args.kinds ?? null, args.after ?? 0, first);
      const seen = rows.flatMap((row) => (row.memberId ? [row.memberId] : []));
      if (rows.length > 0) {
        await store.transaction((repos) =>
          audit(repos.audit, {
            action: 'insuranceReconciliation.salariesViewed',
            entityType: 'InsuranceReconciliation',
            entityId: reconciliation.id,
            orgPath: reconciliation.orgPath,
            after: { from: rows[0]!.rowNumber, to: rows.at(-1)!.rowNumber, members: seen },
          }),
        );
      }
      return rows;
    },

    /** Sets the dues basis of the approved rows (or all changed ones) in one transaction, each member audited. */
    async apply(input: { reconciliationId: string; rowNumbers?: number[] | null; all?: boolean | null }) {
      const id = parseId(input.reconciliationId);
      if (!input.all && (!input.rowNumbers || input.rowNumbers.length === 0)) {
        return { reconciliation: null, appliedRows: 0, userErrors: [error('NOTHING_CHOSEN', 'rowNumbers', 'Đồng chí chọn các dòng cần áp dụng, hoặc áp dụng tất cả.')] };
      }
      return store.transaction(async (repos) => {
        const reconciliation = await repos.insurance.byIdForUpdate(id);
        if (!reconciliation) throw notFound('lần đối chiếu bảo hiểm xã hội');
        policy.assert(context.identity, 'IMPORT_REGISTER', { path: reconciliation.orgPath });
        if (reconciliation.status !== 'READY') {
          return { reconciliation, appliedRows: 0, userErrors: [error('RECONCILIATION_NOT_READY', 'reconciliationId', reconciliation.status === 'REFUSED' ? 'Tệp đã bị từ chối: không áp dụng được dòng nào.' : 'Lần đối chiếu này đã áp dụng xong.')] };
        }
        const rows = await repos.insurance.applicable(reconciliation.id, input.all ? null : input.rowNumbers!);
        const facts = [];
        for (const row of rows) {
          const updated = await repos.insurance.setDuesBasis(row.memberId!, row.insuredSalary!);
          facts.push({
            action: 'member.duesBasisFromInsurance',
            entityType: 'Member',
            entityId: updated.id,
            orgPath: updated.orgPath,
            subjectMemberId: updated.id,
            before: { duesCategory: row.categoryBefore, duesBasis: row.basisBefore, dues: row.duesBefore },
            after: { duesCategory: updated.duesCategory, duesBasis: updated.duesBasis, dues: row.duesAfter, reconciliationId: reconciliation.id, rowNumber: row.rowNumber },
          });
        }
        const left = (await repos.insurance.applicable(reconciliation.id, null)).filter((row) => !rows.some((done) => done.rowNumber === row.rowNumber));
        await repos.insurance.markApplied(reconciliation.id, rows.map((row) => row.rowNumber), left.length === 0);
        await audit(repos.audit, ...facts, { action: 'insuranceReconciliation.applied', entityType: 'InsuranceReconciliation', entityId: reconciliation.id, orgPath: reconciliation.orgPath, after: { rows: rows.map((row) => row.rowNumber) } });
        return { reconciliation: (await repos.insurance.byId(reconciliation.id))!, appliedRows: rows.length, userErrors: [] as UserError[] };
      });
    },
  };
}

export type InsuranceReconciliationService = ReturnType<typeof insuranceReconciliationService>;
