import { auditor, type RequestContext } from '@dangvu/subgraph-kit';
import type { DuesStore } from '../repositories.ts';
import type { MemberReference } from '../policy.ts';

/**
 * Notes, during a request, whose dues basis (a salary, pension or allowance, shown in a month's figures) someone
 * other than the member read, and writes one audit entry per member once the response is ready
 * (docs/rules/dues-obligations.md#who-reads-the-figures).
 */
export function basisViewRecorder(store: DuesStore, context: RequestContext) {
  const { identity } = context;
  const viewed = new Map<string, MemberReference>();
  return {
    record(member: MemberReference) {
      if (member.id !== identity.personId) viewed.set(member.id, member);
    },
    async flush() {
      if (viewed.size === 0) return;
      const facts = [...viewed.values()].map((member) => ({
        action: 'member.duesBasisViewed',
        entityType: 'Member',
        entityId: member.id,
        orgPath: member.orgPath ?? null,
        subjectMemberId: member.id,
      }));
      viewed.clear();
      await store.transaction((repos) => auditor(context)(repos.audit, ...facts));
    },
  };
}

export type BasisViewRecorder = ReturnType<typeof basisViewRecorder>;
