import type { QueryResolvers } from '../generated/resolvers.ts';

export const Query: QueryResolvers = {
  me: (_, _args, context) => context.caller.record(),
  member: (_, args, context) => context.reads.byId(args.id),
  members: (_, args, context) => context.search.search(args.filter ?? {}, args.first ?? null, args.after ?? null),
  auditTrail: (_, args, context) => context.auditTrail.trail(args.entityId),
  viewerCan: () => ({}),
  residenceComment: (_, args, context) => context.residenceComments.byId(args.id),
  // A partner token's session is its client (docs/decisions/0008-sessions.md#partners).
  sessionState: (_, args, context) => (context.identity.partner ? context.partners.state(args.id) : context.sessions.state(args.id)),
  registerImport: (_, args, context) => context.registerImports.byId(args.id),
  insuranceReconciliation: (_, args, context) => context.insurance.byId(args.id),
};
