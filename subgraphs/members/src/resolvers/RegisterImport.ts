import type { UserError } from '@dangvu/subgraph-kit';
import type { RegisterImportResolvers } from '../generated/resolvers.ts';

/** An import, read through the service that checked the caller may see it. */
export const RegisterImport: RegisterImportResolvers = {
  fileErrors: (imported) => (imported.fileErrors as UserError[] | null) ?? [],
  counts: async (imported, _args, context) => {
    const counts = await context.registerImports.counts(imported);
    return {
      newRows: counts.NEW,
      changed: counts.CHANGED,
      unchanged: counts.UNCHANGED,
      missing: counts.MISSING,
      duplicates: counts.DUPLICATE,
      invalid: counts.INVALID,
      applied: counts.APPLIED,
    };
  },
  rows: (imported, args, context) => context.registerImports.rows(imported, args),
};
