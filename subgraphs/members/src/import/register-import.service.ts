import { auditor, notFound, parseId, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { MembersStore } from '../repositories.ts';
import type { ImportRowKind, StoredImport } from './register-import.repository.ts';
import { insertProposal, proposalFact } from '../member/identity-edit/identity-edit.service.ts';
import type { IdentityValues } from '../member/identity-edit/identity-edit.rules.ts';
import { parseImportSheet, type FieldChange, type ImportRecord } from './register-import.rules.ts';
import { registerUploads } from './register-uploads.ts';
import { parseCsv, parseXlsx } from '@dangvu/subgraph-kit';

const error = (code: string, field: string | null, message: string): UserError => ({ code, field, message });
/** Rows of a diff one request may read. */
export const MAX_ROWS_PAGE = 500;
/** Row errors returned with a refused file, at most: the first ones are enough to fix the export. */
const MAX_REFUSAL_ROWS = 1_000;

export interface RegisterImportDeps {
  /** Runs the analysis job for an import after its rows are staged; the process does not wait for it. */
  analyse(importId: string): void;
  today?: () => string;
  /** The clock of the identity-edit proposals an import makes. */
  now?: () => Date;
}

/**
 * Imports of the central member database's export (docs/rules/register-import.md): an administrator over the
 * subtree starts one from a received upload; the file is validated row by row at once (a file with any
 * malformed row is refused whole, with each row's errors, and nothing else happens), then matched against
 * the register by a job; rows are applied only as the administrator approves them, each approval in one
 * transaction with its audit entries.
 */
export function registerImportService(store: MembersStore, context: RequestContext, deps: RegisterImportDeps) {
  const audit = auditor(context);
  const now = deps.now ?? (() => new Date());
  const today = deps.today ?? (() => vietnamDay(now()));

  async function visible(id: string): Promise<StoredImport> {
    const found = await store.repos.registerImports.byId(parseId(id));
    if (!found) throw notFound('lần nhập dữ liệu');
    policy.assert(context.identity, 'IMPORT_REGISTER', { path: found.orgPath });
    return found;
  }

  return {
    async start(input: { uploadId: string }) {
      const uploadId = parseId(input.uploadId);
      const outcome = await store.transaction(async (repos) => {
        const upload = await repos.uploads.byId(uploadId);
        // Checked before the upload is taken: an administrator who has since lost the subtree uses nothing.
        if (upload) policy.assert(context.identity, 'IMPORT_REGISTER', { path: upload.orgPath });
        const taken = await registerUploads.consume(repos, context, uploadId, { purpose: 'REGISTER_IMPORT', field: 'uploadId', feeds: 'registerImport' });
        if ('userError' in taken) return { registerImport: null, rowErrors: [], userErrors: [taken.userError] };
        const sheet = taken.upload.detectedType === 'XLSX' ? await parseXlsx(taken.bytes).catch(() => null) : parseCsv(taken.bytes);
        const parsed = sheet ? parseImportSheet(sheet, today()) : { fileErrors: [error('UNREADABLE_FILE', 'uploadId', 'Không đọc được bảng tính: đồng chí mở tệp và lưu lại thành .xlsx.')] };
        const base = { uploadId, fileName: taken.upload.fileName, orgId: taken.upload.orgId, orgPath: taken.upload.orgPath, createdBy: context.identity.personId! };
        if ('fileErrors' in parsed) {
          const refused = await repos.registerImports.create({ ...base, status: 'REFUSED', columns: [], totalRows: 0, fileErrors: parsed.fileErrors });
          await audit(repos.audit, { action: 'registerImport.refused', entityType: 'RegisterImport', entityId: refused.id, orgPath: refused.orgPath, after: { fileErrors: parsed.fileErrors } });
          return { registerImport: refused, rowErrors: [], userErrors: parsed.fileErrors };
        }
        const invalid = parsed.rows.filter((row) => 'errors' in row);
        const created = await repos.registerImports.create({
          ...base,
          status: invalid.length > 0 ? 'REFUSED' : 'ANALYSING',
          columns: parsed.columns,
          totalRows: parsed.rows.length,
          processedRows: invalid.length > 0 ? parsed.rows.length : 0,
        });
        await repos.registerImports.insertRows(
          parsed.rows.map((row) =>
            'errors' in row
              ? { importId: created.id, rowNumber: row.rowNumber, kind: 'INVALID' as const, citizenId: row.citizenId, errors: row.errors }
              : { importId: created.id, rowNumber: row.rowNumber, kind: 'PENDING' as const, citizenId: row.record.citizenId, record: row.record },
          ),
        );
        await audit(repos.audit, {
          action: invalid.length > 0 ? 'registerImport.refused' : 'registerImport.started',
          entityType: 'RegisterImport',
          entityId: created.id,
          orgPath: created.orgPath,
          after: { fileName: created.fileName, rows: parsed.rows.length, invalidRows: invalid.length },
        });
        const rowErrors = invalid.slice(0, MAX_REFUSAL_ROWS).map((row) => ({ rowNumber: row.rowNumber, errors: (row as { errors: UserError[] }).errors }));
        const userErrors = invalid.length > 0 ? [error('INVALID_ROWS', 'uploadId', `Tệp có ${invalid.length} dòng sai: sổ đảng viên không thay đổi. Đồng chí sửa các dòng được liệt kê rồi tải lại.`)] : [];
        return { registerImport: created, rowErrors, userErrors };
      });
      if (outcome.registerImport?.status === 'ANALYSING') deps.analyse(outcome.registerImport.id);
      return outcome;
    },

    byId: (id: string) => visible(id),

    counts: (imported: StoredImport) => store.repos.registerImports.counts(imported.id),

    /** A page of the diff; reading it is reading personal data in bulk, so each page read is recorded. */
    async rows(imported: StoredImport, args: { kinds?: ImportRowKind[] | null; after?: number | null; first?: number | null }) {
      const first = Math.min(Math.max(args.first ?? 100, 1), MAX_ROWS_PAGE);
      const rows = await store.repos.registerImports.rows(imported.id, args.kinds ?? null, args.after ?? 0, first);
      if (rows.length > 0) {
        await store.transaction((repos) =>
          audit(repos.audit, {
            action: 'registerImport.rowsViewed',
            entityType: 'RegisterImport',
            entityId: imported.id,
            orgPath: imported.orgPath,
            after: { from: rows[0]!.rowNumber, to: rows.at(-1)!.rowNumber, count: rows.length },
          }),
        );
      }
      return rows;
    },

    /**
     * Applies the approved rows (those named, or every new and changed one) in one transaction: new members
     * are added to their organization, changed members get the file's values for the fields that are not
     * identity fields; identity changes stay listed for the dossier's committee (docs/rules/register-import.md#identity-fields).
     * A row is applied once: fifty identical requests apply it once, the others find nothing left.
     */
    async apply(input: { importId: string; rowNumbers?: number[] | null; all?: boolean | null }) {
      const importId = parseId(input.importId);
      if (!input.all && (!input.rowNumbers || input.rowNumbers.length === 0)) {
        return { registerImport: null, appliedRows: 0, userErrors: [error('NOTHING_CHOSEN', 'rowNumbers', 'Đồng chí chọn các dòng cần áp dụng, hoặc áp dụng tất cả.')] };
      }
      return store.transaction(async (repos) => {
        const imported = await repos.registerImports.byIdForUpdate(importId);
        if (!imported) throw notFound('lần nhập dữ liệu');
        policy.assert(context.identity, 'IMPORT_REGISTER', { path: imported.orgPath });
        if (imported.status !== 'READY') {
          const message = imported.status === 'ANALYSING' ? 'Tệp đang được đối chiếu: đồng chí chờ xong rồi duyệt.' : imported.status === 'REFUSED' ? 'Tệp đã bị từ chối: không áp dụng được dòng nào.' : 'Lần nhập này đã áp dụng xong.';
          return { registerImport: imported, appliedRows: 0, userErrors: [error('IMPORT_NOT_READY', 'importId', message)] };
        }
        const rows = await repos.registerImports.applicable(imported.id, input.all ? null : input.rowNumbers!);
        const facts = [];
        for (const row of rows) {
          const record = row.record as ImportRecord;
          if (row.kind === 'NEW') {
            const orgPath = (await repos.registerImports.organizationPaths([record.organizationId!], imported.orgPath)).get(record.organizationId!);
            if (!orgPath) continue;
            const created = await repos.registerImports.insertMember({
              fullName: record.fullName,
              gender: record.gender,
              birthDate: record.birthDate,
              citizenId: record.citizenId,
              ethnicity: record.ethnicity!,
              hometown: record.hometown!,
              residenceAddress: record.residenceAddress!,
              joinedOn: record.joinedOn,
              officialOn: record.officialOn,
              membershipKind: record.membershipKind,
              cardNumber: record.cardNumber,
              dossierNumber: record.dossierNumber,
              orgId: record.organizationId!,
              orgPath,
              // Set by the social-insurance reconciliation or the cell; the data-quality checks list it until then.
              duesCategory: 'NO_INCOME_BELOW_RETIREMENT_AGE',
            });
            facts.push({ action: 'member.imported', entityType: 'Member', entityId: created.id, orgPath, subjectMemberId: created.id, after: { ...record, importId: imported.id, rowNumber: row.rowNumber } });
          } else {
            const changes = row.changes as FieldChange[];
            const direct = changes.filter((change) => !change.identity);
            if (direct.length > 0) {
              const before = Object.fromEntries(direct.map((change) => [change.field, change.before]));
              const after = Object.fromEntries(direct.map((change) => [change.field, change.after]));
              const updated = await repos.registerImports.updateMember(row.memberId!, after);
              facts.push({ action: 'member.updatedByImport', entityType: 'Member', entityId: updated.id, orgPath: updated.orgPath, subjectMemberId: updated.id, before, after: { ...after, importId: imported.id, rowNumber: row.rowNumber } });
            }
            const identity = changes.filter((change) => change.identity);
            if (identity.length > 0) {
              // Identity fields change only by the dossier committee's approval: the import proposes them (docs/rules/register-import.md#identity-fields).
              const member = (await repos.members.byIdForUpdate(row.memberId!))!;
              const values = Object.fromEntries(identity.map((change) => [change.field, change.after])) as IdentityValues;
              const reason = `Đối chiếu với cơ sở dữ liệu đảng viên: tệp ${imported.fileName}, dòng ${row.rowNumber}.`;
              const proposal = await insertProposal(repos, member, values, reason, { personId: context.identity.personId!, at: now() });
              if ('created' in proposal && proposal.created) facts.push(proposalFact('member.identityEdit.propose', member, null, proposal.created));
            }
          }
        }
        await repos.registerImports.markApplied(imported.id, rows.map((row) => row.rowNumber), context.identity.personId!);
        const left = await repos.registerImports.applicable(imported.id, null);
        if (left.length === 0) await repos.registerImports.markImportApplied(imported.id);
        await audit(repos.audit, ...facts, {
          action: 'registerImport.applied',
          entityType: 'RegisterImport',
          entityId: imported.id,
          orgPath: imported.orgPath,
          after: { rows: rows.map((row) => row.rowNumber), all: Boolean(input.all) },
        });
        return { registerImport: (await repos.registerImports.byId(imported.id))!, appliedRows: rows.length, userErrors: [] as UserError[] };
      });
    },
  };
}

export type RegisterImportService = ReturnType<typeof registerImportService>;
