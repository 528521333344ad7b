import type { AuditEntryResolvers } from '../generated/resolvers.ts';
import type { MembersContext } from '../context.ts';

const nameOf = async (id: string | null, context: MembersContext) => (id ? ((await context.loaders.name.load(id))?.fullName ?? null) : null);

export const AuditEntry: AuditEntryResolvers = {
  occurredAt: (entry) => entry.occurredAt.toISOString(),
  actorName: (entry, _, context) => nameOf(entry.actorId, context),
  // An actor who is no member is a partner system: its id is what the trail can name.
  partnerClientId: async (entry, _, context) => (entry.actorId && !(await context.loaders.name.load(entry.actorId)) ? entry.actorId : null),
  onBehalfOfName: (entry, _, context) => nameOf(entry.onBehalfOf, context),
};
