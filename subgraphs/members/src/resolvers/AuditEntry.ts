import { GraphQLScalarType } from 'graphql';
import type { AuditEntryRow } from '../audit/audit.repository.ts';
import type { MembersContext } from '../context.ts';

/** Those who may read an organization's audit trail: its secretary, deputy and administrator, from above too. */
const TRAIL_READERS = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'] as const;

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Anything, as JSON.',
  serialize: (value) => value,
});

export const auditTrail = (_: unknown, args: { entityId: string }, context: MembersContext) => {
  const readable = context.identity.grants.filter((grant) => (TRAIL_READERS as readonly string[]).includes(grant.role));
  return context.audit.trail(args.entityId, [...new Set(readable.map((grant) => grant.orgPath))], context.identity.personId);
};

const nameOf = async (id: string | null, context: MembersContext) => (id ? ((await context.loaders.name.load(id))?.fullName ?? null) : null);

export const AuditEntry = {
  occurredAt: (entry: AuditEntryRow) => entry.occurredAt.toISOString(),
  actorName: (entry: AuditEntryRow, _: unknown, context: MembersContext) => nameOf(entry.actorId, context),
  partnerClientId: async (entry: AuditEntryRow, _: unknown, context: MembersContext) =>
    entry.actorId && !(await context.loaders.name.load(entry.actorId)) ? entry.actorId : null,
  onBehalfOfName: (entry: AuditEntryRow, _: unknown, context: MembersContext) => nameOf(entry.onBehalfOf, context),
};
