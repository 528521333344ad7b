import type { Db } from '@dangvu/drizzle';
import { appendAuditEntries, type RequestContext } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member/member.repository.ts';

/**
 * Notes, during a request, whose personal data someone other than the member read, and writes one audit entry
 * per member when the response is ready: the member can then see who looked at their record. A partner's
 * reads are attributed to the partner.
 */
export function viewRecorder(db: Db, { identity, requestId }: RequestContext) {
  const viewed = new Map<string, MemberRow>();
  return {
    record(member: MemberRow) {
      if (member.id !== identity.personId) viewed.set(member.id, member);
    },
    async flush() {
      if (viewed.size === 0) return;
      const actorId = identity.personId ?? identity.partner?.clientId ?? null;
      const entries = [...viewed.values()].map((member) => ({
        actorId,
        action: identity.partner ? 'member.viewedByPartner' : 'member.viewed',
        entityType: 'Member',
        entityId: member.id,
        requestId,
        orgPath: member.orgPath,
        subjectMemberId: member.id,
      }));
      viewed.clear();
      await db.transaction((tx) => appendAuditEntries(tx, entries));
    },
  };
}

export type ViewRecorder = ReturnType<typeof viewRecorder>;
