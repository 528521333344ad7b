import { defineJob, isUuid, type UserError } from '@dangvu/subgraph-kit';
import type { Executor } from '@dangvu/subgraph-kit';
import { registerImportRepository, type RowOutcome } from './register-import.repository.ts';
import { fieldChanges, type ImportField, type ImportRecord } from './register-import.rules.ts';

/** Rows matched per step: a step is one transaction and a handful of statements. */
export const IMPORT_BATCH = 2_000;
/** How alike two names without diacritics must be (pg_trgm similarity) for the rows to be a probable duplicate. */
export const NAME_SIMILARITY = 0.6;

const error = (code: string, field: string | null, message: string): UserError => ({ code, field, message });
const addMonths = (day: string, months: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};

/**
 * Matches an import's rows against the register (docs/rules/register-import.md#matching), a batch per step:
 * by exact citizen ID first; for the rest, the member born the same day with the most alike name without
 * diacritics is a probable duplicate; otherwise the row is new. The last step lists the register's members
 * of the subtree the file lacks, and the import becomes READY, or REFUSED when a row cannot be applied.
 */
export const registerImportAnalysis = defineJob({
  name: 'members.register-import',
  description: 'Đối chiếu tệp nhập từ Cơ sở dữ liệu đảng viên với sổ đảng viên',
  keyOf: (args: { importId: string }) => args.importId,
  argsOf: (key) => {
    if (!isUuid(key)) throw new Error(`${key} is not an import id`);
    return { importId: key };
  },
  repositories: (executor: Executor) => registerImportRepository(executor),
  async total({ args, repos }) {
    return (await repos.byId(args.importId))?.totalRows ?? 0;
  },
  async step({ args, repos }, cursor: number | null) {
    const imported = await repos.byId(args.importId);
    if (!imported || imported.status !== 'ANALYSING') return { processed: 0, finished: true };
    const batch = await repos.pending(imported.id, cursor ?? 0, IMPORT_BATCH);
    if (batch.length === 0) {
      await repos.addMissing(imported.id, imported.orgPath, await repos.lastRowNumber(imported.id));
      await repos.finish(imported.id);
      return { processed: 0, finished: true };
    }
    const columns = imported.columns as ImportField[];
    const records = new Map(batch.map((row) => [row.rowNumber, row.record as ImportRecord]));
    const byCitizenId = new Map((await repos.membersByCitizenId(batch.map((row) => row.citizenId!))).map((member) => [member.citizenId, member]));
    const cardNumbers = [...records.values()].flatMap((record) => (record.cardNumber ? [record.cardNumber] : []));
    const cardHolders = new Map((await repos.membersByCardNumber(cardNumbers)).map((member) => [member.cardNumber!, member.id]));
    const unmatched = batch.filter((row) => !byCitizenId.has(row.citizenId!));
    const probable = await repos.probableMatches(
      unmatched.map((row) => ({ rowNumber: row.rowNumber, name: records.get(row.rowNumber)!.fullName, birthDate: records.get(row.rowNumber)!.birthDate })),
      NAME_SIMILARITY,
    );
    const orgIds = [...new Set(unmatched.flatMap((row) => (records.get(row.rowNumber)!.organizationId ? [records.get(row.rowNumber)!.organizationId!] : [])))];
    const orgPaths = await repos.organizationPaths(orgIds, imported.orgPath);
    const outcomes: RowOutcome[] = batch.map((row) => {
      const record = records.get(row.rowNumber)!;
      const member = byCitizenId.get(record.citizenId);
      const holder = record.cardNumber ? cardHolders.get(record.cardNumber) : undefined;
      const cardTaken = holder !== undefined && holder !== member?.id;
      const outcome = (kind: RowOutcome['kind'], memberId: string | null, changes: unknown[] = [], errors: UserError[] = []): RowOutcome => ({
        rowNumber: row.rowNumber,
        kind,
        memberId,
        changes,
        errors,
      });
      if (cardTaken) return outcome('INVALID', member?.id ?? null, [], [error('CARD_NUMBER_TAKEN', 'cardNumber', 'Số thẻ đảng viên này đã là của một đảng viên khác trong sổ.')]);
      if (member) {
        if (!member.orgPath.startsWith(imported.orgPath)) {
          return outcome('DUPLICATE', member.id, [], [error('OUTSIDE_SUBTREE', 'citizenId', 'Số căn cước này thuộc một đảng viên sinh hoạt ngoài phạm vi của lần nhập.')]);
        }
        const changes = fieldChanges(member, record, columns);
        const joinedOn = changes.find((change) => change.field === 'joinedOn')?.after ?? member.joinedOn;
        const officialOn = changes.some((change) => change.field === 'officialOn') ? record.officialOn : member.officialOn;
        if (officialOn && officialOn < addMonths(joinedOn, 12)) {
          return outcome('INVALID', member.id, changes, [error('PROBATION_TOO_SHORT', 'joinedOn', 'Sau thay đổi, ngày chính thức sẽ chưa đủ 12 tháng sau ngày vào Đảng.')]);
        }
        return outcome(changes.length > 0 ? 'CHANGED' : 'UNCHANGED', member.id, changes);
      }
      const duplicate = probable.get(row.rowNumber);
      if (duplicate) return outcome('DUPLICATE', duplicate, [], [error('PROBABLE_DUPLICATE', 'citizenId', 'Trùng họ tên và ngày sinh với một đảng viên có số căn cước khác.')]);
      const missing: UserError[] = [];
      if (!record.organizationId || !orgPaths.has(record.organizationId)) {
        missing.push(error('UNKNOWN_ORGANIZATION', 'organizationId', 'Đảng viên mới cần mã tổ chức (chi bộ) thuộc phạm vi của lần nhập.'));
      }
      for (const [field, label] of [['ethnicity', 'dân tộc'], ['hometown', 'quê quán'], ['residenceAddress', 'nơi cư trú']] as const) {
        if (!record[field]) missing.push(error('MISSING_FIELD', field, `Đảng viên mới cần ${label}.`));
      }
      return missing.length > 0 ? outcome('INVALID', null, [], missing) : outcome('NEW', null);
    });
    await repos.setOutcomes(imported.id, outcomes);
    return { processed: batch.length, next: batch.at(-1)!.rowNumber };
  },
});
