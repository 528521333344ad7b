import { auditor, notFound, parseId, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { identityEditActor } from '../../policy.ts';
import type { MembersStore } from '../../repositories.ts';
import { decisionRefusal, keeperDecides } from '../identity-edit/identity-edit.machine.ts';
import { dossierKeeperPath } from '../identity-edit/identity-edit.rules.ts';
import type { MemberRow } from '../member.repository.ts';
import { decisionErrors, type DecisionInput } from '../status/status.rules.ts';
import type { RecognitionRow } from './recognition.repository.ts';
import { probationEnds, recognitionError } from './recognition.rules.ts';

export interface RecognitionPayload {
  recognition: RecognitionRow | null;
  member: MemberRow | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): RecognitionPayload => ({ recognition: null, member: null, userErrors });

/**
 * Recognition of a probationary member as official (docs/rules/member-register.md#recognition): a decision of
 * the grassroots committee keeping the dossier, with its record, once the twelve months of probation are over.
 * The member becomes official, with the day probation ended as official date, in the same transaction; audited.
 */
export function recognitionService(store: MembersStore, context: RequestContext, now: () => Date = () => new Date()) {
  const { identity } = context;
  const audit = auditor(context);

  return {
    async recognize(input: { memberId: string; decision: DecisionInput }): Promise<RecognitionPayload> {
      return store.transaction(async (repos) => {
        const member = await repos.members.byIdForUpdate(parseId(input.memberId));
        if (!member) throw notFound('đảng viên');
        const today = vietnamDay(now());
        const keeperPath = dossierKeeperPath(member.orgPath, await repos.organizationKinds.onPath(member.orgPath));
        const actor = identityEditActor(identity, { ...member, grants: await repos.roleGrants.activeOf(member.id, today) }, keeperPath);
        if (!keeperDecides(actor)) return failed(decisionRefusal(actor, 'Việc công nhận đảng viên chính thức'));
        const errors = decisionErrors(input.decision, today);
        if (errors.length) return failed(...errors);
        const refusal = recognitionError(member, input.decision.decidedOn);
        if (refusal) return failed(refusal);
        const officialOn = probationEnds(member.joinedOn);
        const recognition = await repos.recognitions.insert({
          memberId: member.id,
          orgPath: member.orgPath,
          officialOn,
          decidedBy: identity.personId!,
          decidedOn: input.decision.decidedOn,
          decisionReference: input.decision.reference.trim(),
          attachmentName: input.decision.attachmentName?.trim() || null,
        });
        if (!recognition) return failed({ code: 'NOT_PROBATIONARY', field: 'memberId', message: 'Đảng viên này đã được công nhận chính thức.' });
        const updated = await repos.members.update(member.id, { membershipKind: 'OFFICIAL', officialOn });
        await audit(repos.audit, {
          action: 'member.recognized',
          entityType: 'Member',
          entityId: member.id,
          before: { membershipKind: member.membershipKind, officialOn: member.officialOn, version: member.version },
          after: { membershipKind: updated.membershipKind, officialOn, version: updated.version, recognitionId: recognition.id, decisionReference: recognition.decisionReference },
          orgPath: member.orgPath,
          subjectMemberId: member.id,
        });
        return { recognition, member: updated, userErrors: [] };
      });
    },
  };
}

export type RecognitionService = ReturnType<typeof recognitionService>;
