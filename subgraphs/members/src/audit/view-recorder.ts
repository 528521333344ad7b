import { auditor, type RequestContext } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member/member.repository.ts';
import type { MembersStore } from '../repositories.ts';

/**
 * Notes, during a request, whose personal data someone other than the member read, and writes one audit entry
 * per member when the response is ready: the member can then see who looked at their record. A partner's
 * reads are attributed to the partner (docs/rules/personal-data.md#reads-are-recorded).
 */
export function viewRecorder(store: MembersStore, context: RequestContext) {
  const { identity } = context;
  const audit = auditor(context);
  const viewed = new Map<string, MemberRow>();
  return {
    record(member: MemberRow) {
      if (member.id !== identity.personId) viewed.set(member.id, member);
    },
    /** Notes a read of the personal data of the member with `memberId`, reached through another record (an account, a request, a snapshot). */
    async recordById(memberId: string, load: (id: string) => Promise<MemberRow | null>) {
      if (memberId === identity.personId) return;
      const member = await load(memberId);
      if (member) viewed.set(member.id, member);
    },
    async flush() {
      if (viewed.size === 0) return;
      const facts = [...viewed.values()].map((member) => ({
        action: identity.partner ? 'member.viewedByPartner' : 'member.viewed',
        entityType: 'Member',
        entityId: member.id,
        orgPath: member.orgPath,
        subjectMemberId: member.id,
      }));
      viewed.clear();
      await store.transaction((repos) => audit(repos.audit, ...facts));
    },
  };
}

export type ViewRecorder = ReturnType<typeof viewRecorder>;
