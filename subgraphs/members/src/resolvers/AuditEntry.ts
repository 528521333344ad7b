import type { AuditEntryResolvers } from '../generated/resolvers.ts';
import type { AuditEntryRow } from '../audit/audit-trail.repository.ts';
import type { MembersContext } from '../context.ts';

const nameOf = async (id: string | null, context: MembersContext) => (id ? ((await context.loaders.name.load(id))?.fullName ?? null) : null);

async function snapshot(entry: AuditEntryRow, value: unknown, context: MembersContext) {
  if (value !== null && entry.subjectMemberId) await context.views.recordById(entry.subjectMemberId, (id) => context.loaders.byId.load(id));
  return value;
}

export const AuditEntry: AuditEntryResolvers = {
  occurredAt: (entry) => entry.occurredAt.toISOString(),
  actorName: (entry, _, context) => nameOf(entry.actorId, context),
  // An actor who is no member is a partner system: its id is what the trail can name.
  partnerClientId: async (entry, _, context) => (entry.actorId && !(await context.loaders.name.load(entry.actorId)) ? entry.actorId : null),
  onBehalfOfName: (entry, _, context) => nameOf(entry.onBehalfOf, context),
  // A snapshot of a member's record holds its personal fields: reading it is noted as a view of that record.
  before: (entry, _, context) => snapshot(entry, entry.before, context),
  after: (entry, _, context) => snapshot(entry, entry.after, context),
};
