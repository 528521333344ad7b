import { actingFor, auditor, notFound, parseId, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { MembersStore } from '../repositories.ts';
import { readContactChange } from './contact-change.rules.ts';

/**
 * A member's own proposals to correct their contact details (or a secretary's on an elderly member's behalf),
 * which the secretary or deputy over the member approves or rejects; both steps, and a refusal, are audited.
 */
export function contactChangeService(store: MembersStore, context: RequestContext) {
  const { identity } = context;
  const audit = auditor(context);

  return {
    async propose(input: { phone?: string | null; residenceAddress?: string | null; forMemberId?: string | null }) {
      const { memberId, onBehalfOf } = await actingFor(
        identity,
        input.forMemberId && parseId(input.forMemberId),
        async (id) => (await store.repos.members.byId(id))?.orgPath ?? null,
      );
      const { change, errors } = readContactChange(input);
      if (errors.length) return { request: null, userErrors: errors };
      const { phone, residenceAddress } = change;
      return store.transaction(async (repos) => {
        const request = await repos.contactChanges.insert({ memberId, phone, residenceAddress });
        const member = await repos.members.byId(memberId);
        await audit(repos.audit, {
          onBehalfOf,
          action: 'member.contactChangeProposed',
          entityType: 'ContactChangeRequest',
          entityId: request.id,
          after: { phone, residenceAddress },
          orgPath: member?.orgPath ?? null,
          subjectMemberId: memberId,
        });
        return { request, userErrors: [] as UserError[] };
      });
    },

    async decide(input: { requestId: string; approve: boolean }) {
      return store.transaction(async (repos) => {
        const request = await repos.contactChanges.byIdForUpdate(parseId(input.requestId));
        if (!request) throw notFound('đề nghị');
        const current = await repos.members.byIdForUpdate(request.memberId);
        if (!current) throw notFound('đảng viên');
        policy.assert(identity, 'DECIDE_CONTACT_CHANGE', current);
        if (request.status !== 'PENDING') {
          await audit(repos.audit, {
            action: 'member.contactChangeRefused',
            entityType: 'ContactChangeRequest',
            entityId: request.id,
            after: { reason: 'ALREADY_DECIDED', approve: input.approve },
            orgPath: current.orgPath,
            subjectMemberId: current.id,
          });
          return { request: null, userErrors: [{ code: 'ALREADY_DECIDED', field: 'requestId', message: 'Đề nghị này đã được xử lý.' }] };
        }
        const decided = await repos.contactChanges.decide(request.id, {
          status: input.approve ? 'APPROVED' : 'REJECTED',
          decidedAt: new Date(),
          decidedBy: identity.personId,
        });
        const updated = input.approve
          ? await repos.members.update(current.id, {
              ...(request.phone ? { phone: request.phone } : {}),
              ...(request.residenceAddress ? { residenceAddress: request.residenceAddress } : {}),
            })
          : current;
        await audit(repos.audit, {
          action: input.approve ? 'member.contactChangeApproved' : 'member.contactChangeRejected',
          entityType: 'Member',
          entityId: current.id,
          before: current,
          after: updated,
          orgPath: current.orgPath,
          subjectMemberId: current.id,
        });
        return { request: decided, userErrors: [] as UserError[] };
      });
    },
  };
}

export type ContactChangeService = ReturnType<typeof contactChangeService>;
