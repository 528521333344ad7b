import type { Resolvers } from '../generated/resolvers.ts';

export const ResidenceDeclaration: Resolvers['ResidenceDeclaration'] = {
  member: async (declaration, _, context) => (await context.loaders.byId.load(declaration.memberId))!,
  memberName: async (declaration, _, context) => (await context.loaders.byId.load(declaration.memberId))?.fullName ?? '',
  cell: (declaration) => ({ id: declaration.cellId, path: declaration.cellPath }),
  declaredBy: (declaration, _, context) => context.loaders.byId.load(declaration.declaredBy),
  decidedBy: (declaration, _, context) => (declaration.decidedBy ? context.loaders.byId.load(declaration.decidedBy) : null),
  viewerActions: (declaration, _, context) => context.residenceDeclarationReads.viewerActions(declaration),
};
