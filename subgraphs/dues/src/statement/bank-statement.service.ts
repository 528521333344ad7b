import { randomUUID } from 'node:crypto';
import { auditor, forbidden, parseCsv, parseId, parseXlsx, type RequestContext, type UploadRow, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { DuesStore } from '../repositories.ts';
import { BANK_PRESETS, type BankPreset, type ColumnMapping } from './bank-presets.config.ts';
import type { StatementImportRow } from './bank-reconciliation.repository.ts';
import { reconcile } from './reconciliation.ts';
import { readStatement, type RowErrors } from './statement.rules.ts';
import { statementUploads } from './statement-uploads.ts';

export interface StartStatementUploadInput {
  organizationId: string;
  fileName: string;
  byteSize: number;
  sha256: string;
}

export interface ImportStatementInput {
  uploadId: string;
  preset: BankPreset;
  /** The file's own header names, when they are not the preset's. */
  columns?: { date: string; credit: string; narrative: string; reference?: string | null } | null;
}

export type ImportStatementResult = { statementImport: StatementImportRow | null; rowErrors: RowErrors[]; userErrors: UserError[] };

const error = (code: string, field: string | null, message: string): UserError => ({ code, field, message });

/** An upload as the API shows it, with where its bytes go. */
export const statementUploadView = (upload: UploadRow) => ({
  id: upload.id,
  fileName: upload.fileName,
  byteSize: upload.declaredBytes,
  url: `/uploads/dues/${upload.id}`,
  maxBytes: statementUploads.purposes.BANK_STATEMENT.maxBytes,
  expiresAt: upload.expiresAt,
});

/** A refused file: its transaction is rolled back (the upload stays to be imported again with other columns). */
class Refused extends Error {
  readonly result: ImportStatementResult;
  constructor(result: ImportStatementResult) {
    super('statement refused');
    this.result = result;
  }
}

function mappingOf(input: ImportStatementInput): ColumnMapping | UserError {
  if (!input.columns) return BANK_PRESETS[input.preset].columns;
  const { date, credit, narrative, reference } = input.columns;
  if ([date, credit, narrative].some((name) => name.trim() === '')) return error('COLUMNS_REQUIRED', 'columns', 'Khai đủ tên ba cột: ngày giao dịch, số tiền ghi có và diễn giải.');
  return { date: [date], credit: [credit], narrative: [narrative], reference: reference?.trim() ? [reference] : [] };
}

/**
 * docs/rules/dues-payments.md#bank-statements: the finance member of an organization uploads their bank's
 * export of its dues account; the credited lines new to the account are matched and paid, the rest queued.
 * A file refused (unreadable, a header not found, one bad row) applies nothing.
 */
export function bankStatements(store: DuesStore, context: RequestContext) {
  const audit = auditor(context);

  async function reachableOrganization(organizationId: string) {
    const orgId = parseId(organizationId);
    const path = await store.repos.bankReconciliation.organizationPath(orgId);
    if (!path) throw forbidden();
    policy.assert(context.identity, 'RECONCILE_BANK_PAYMENTS', { id: orgId, path });
    return { orgId, path };
  }

  return {
    async startUpload(input: StartStatementUploadInput) {
      const { orgId, path } = await reachableOrganization(input.organizationId);
      return store.transaction(async (repos) => {
        if (!(await repos.bankReconciliation.accountOf(orgId))) {
          return { upload: null, userErrors: [error('NO_COLLECTION_ACCOUNT', 'organizationId', 'Tổ chức chưa đăng ký tài khoản ngân hàng thu đảng phí, nên chưa có sao kê để đối chiếu.')] };
        }
        const { upload, userErrors } = await statementUploads.start(repos, context, { purpose: 'BANK_STATEMENT', orgId, orgPath: path, fileName: input.fileName, byteSize: input.byteSize, sha256: input.sha256 });
        return { upload: upload && statementUploadView(upload), userErrors };
      });
    },

    async importStatement(input: ImportStatementInput): Promise<ImportStatementResult> {
      const uploadId = parseId(input.uploadId);
      const mapping = mappingOf(input);
      if ('code' in mapping) return { statementImport: null, rowErrors: [], userErrors: [mapping] };
      try {
        return await store.transaction(async (repos) => {
          const upload = await repos.uploads.byId(uploadId);
          if (upload) policy.assert(context.identity, 'RECONCILE_BANK_PAYMENTS', { id: upload.orgId, path: upload.orgPath });
          const taken = await statementUploads.consume(repos, context, uploadId, { purpose: 'BANK_STATEMENT', field: 'uploadId', feeds: 'bankStatementImport' });
          if ('userError' in taken) return { statementImport: null, rowErrors: [], userErrors: [taken.userError] };
          const account = await repos.bankReconciliation.accountOf(taken.upload.orgId);
          if (!account) throw new Refused({ statementImport: null, rowErrors: [], userErrors: [error('NO_COLLECTION_ACCOUNT', 'uploadId', 'Tổ chức chưa đăng ký tài khoản ngân hàng thu đảng phí.')] });
          const sheet = taken.upload.detectedType === 'XLSX' ? await parseXlsx(taken.bytes).catch(() => null) : parseCsv(taken.bytes);
          if (!sheet) throw new Refused({ statementImport: null, rowErrors: [], userErrors: [error('UNREADABLE_FILE', 'uploadId', 'Không đọc được bảng tính: đồng chí mở tệp và lưu lại thành .xlsx hoặc .csv.')] });
          const reading = readStatement(sheet, mapping);
          if ('fileErrors' in reading) throw new Refused({ statementImport: null, rowErrors: reading.rowErrors.slice(0, 1_000), userErrors: reading.fileErrors });
          const importId = randomUUID();
          const target = { orgId: account.orgId, orgPath: taken.upload.orgPath, accountNumber: account.accountNumber };
          const result = await reconcile(repos, target, reading.lines, 'STATEMENT', importId, new Date());
          const created = await repos.bankReconciliation.insertImport({
            id: importId,
            orgId: account.orgId,
            orgPath: taken.upload.orgPath,
            accountNumber: account.accountNumber,
            preset: input.columns ? 'CUSTOM' : input.preset,
            uploadId,
            fileName: taken.upload.fileName,
            creditLines: reading.lines.length,
            newLines: result.newLines,
            matched: result.matched,
            exceptions: result.exceptions,
            alreadySeen: result.alreadySeen,
            importedBy: context.identity.personId,
          });
          await audit(
            repos.audit,
            {
              action: 'dues.bankStatementImported',
              entityType: 'BankStatementImport',
              entityId: importId,
              orgPath: taken.upload.orgPath,
              after: { fileName: created.fileName, preset: created.preset, creditLines: created.creditLines, newLines: created.newLines, matched: created.matched, exceptions: created.exceptions, alreadySeen: created.alreadySeen },
            },
            ...result.facts,
          );
          return { statementImport: created, rowErrors: [], userErrors: [] };
        });
      } catch (refusal) {
        if (refusal instanceof Refused) return refusal.result;
        throw refusal;
      }
    },

    /** An organization's exceptions (the shield decided on the organization). */
    exceptionsOf: (path: string, all: boolean) => store.repos.bankReconciliation.exceptionsInSubtree(path, all, 500),
    exceptionsOfImport: (importId: string) => store.repos.bankReconciliation.exceptionsOfImport(importId),
    /** A receipt the caller's own resolution just made. */
    receipt: async (id: string) => (await store.repos.bankReconciliation.receiptById(id)) ?? null,
  };
}

export type BankStatements = ReturnType<typeof bankStatements>;
