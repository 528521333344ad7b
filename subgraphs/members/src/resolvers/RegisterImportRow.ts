import type { UserError } from '@dangvu/subgraph-kit';
import type { RegisterImportRowResolvers } from '../generated/resolvers.ts';
import type { FieldChange, ImportRecord } from '../import/register-import.rules.ts';

/** A row of the diff: the file's record as stored at validation, the register's member through the loader. */
export const RegisterImportRow: RegisterImportRowResolvers = {
  fullName: (row) => (row.record as ImportRecord | null)?.fullName ?? null,
  birthDate: (row) => (row.record as ImportRecord | null)?.birthDate ?? null,
  member: (row, _args, context) => (row.memberId ? context.loaders.byId.load(row.memberId) : null),
  changes: (row) => row.changes as FieldChange[],
  errors: (row) => row.errors as UserError[],
  applied: (row) => row.appliedAt !== null,
};
