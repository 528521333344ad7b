import type { BankStatementImportResolvers } from '../generated/resolvers.ts';

export const BankStatementImport: BankStatementImportResolvers = {
  organization: (statement) => ({ id: statement.orgId }),
  exceptionCount: (statement) => statement.exceptions,
  exceptions: (statement, _, context) => context.bankStatements.exceptionsOfImport(statement.id),
  importedAt: (statement) => statement.createdAt,
};
