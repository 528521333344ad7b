import { auditor, notFound, parseId, transition, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { identityEditActor } from '../../policy.ts';
import type { MembersStore, Repositories } from '../../repositories.ts';
import type { MemberRow } from '../member.repository.ts';
import { decisionErrors, type DecisionInput } from '../status/status.rules.ts';
import { recognitionMachine, type RecognitionAction } from './recognition.machine.ts';
import type { RecognitionRow } from './recognition.repository.ts';
import { competentCommitteePath, probationEnds, recognitionError } from './recognition.rules.ts';

export interface RecognitionPayload {
  recognition: RecognitionRow | null;
  member: MemberRow | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): RecognitionPayload => ({ recognition: null, member: null, userErrors });
const noProposal: UserError = {
  code: 'NO_PROPOSAL',
  field: 'memberId',
  message: 'Chưa có nghị quyết của chi bộ đề nghị công nhận đảng viên này chính thức (hoặc đề nghị đã được quyết định).',
};
/** The resolution arrives as a decision record; its errors name the input field it came in. */
const asResolution = (errors: UserError[]) => errors.map((error) => ({ ...error, field: error.field?.replace(/^decision\./, 'resolution.') ?? null }));

/**
 * Recognition of a probationary member as official, in two steps (docs/rules/member-register.md#recognition): the
 * cell's resolution once the twelve months of probation are over, then the decision of the committee directly
 * above the cell. Approved, the member becomes official, with the day probation ended as official date, in the
 * same transaction. Each step is audited.
 */
export function recognitionService(store: MembersStore, context: RequestContext, now: () => Date = () => new Date()) {
  const { identity } = context;
  const audit = auditor(context);

  /** The member locked for the transaction, and the machine's answer for this caller. */
  async function step(repos: Repositories, member: MemberRow, state: 'NONE' | 'PROPOSED', action: RecognitionAction, proposedBy: string | null) {
    const grants = await repos.roleGrants.activeOf(member.id, vietnamDay(now()));
    const actor = identityEditActor(identity, { ...member, grants }, competentCommitteePath(member.orgPath), proposedBy);
    return transition(recognitionMachine, { state }, action, actor);
  }

  const record = (repos: Repositories, action: string, member: MemberRow, before: RecognitionRow | null, after: RecognitionRow) =>
    audit(repos.audit, { action, entityType: 'Recognition', entityId: after.id, before, after, orgPath: member.orgPath, subjectMemberId: member.id });

  /** The committee's step on the open proposal; the member is locked first, so of fifty at once one decides. */
  async function decide(memberId: string, action: 'APPROVE' | 'REJECT', check: (member: MemberRow) => UserError[], changes: (member: MemberRow) => Partial<RecognitionRow>) {
    return store.transaction(async (repos) => {
      const member = await repos.members.byIdForUpdate(parseId(memberId));
      if (!member) throw notFound('đảng viên');
      const open = await repos.recognitions.openOfMemberForUpdate(member.id);
      if (!open) return failed(member.membershipKind === 'OFFICIAL' ? { code: 'NOT_PROBATIONARY', field: 'memberId', message: 'Đảng viên này đã là đảng viên chính thức.' } : noProposal);
      const moved = await step(repos, member, 'PROPOSED', action, open.proposedBy);
      if (!moved.ok) return failed(moved.error);
      const errors = check(member);
      if (errors.length) return failed(...errors);
      const { officialOn = null, decidedOn = null, decisionReference = null, attachmentName = null, rejectionReason = null } = changes(member);
      const decided = await repos.recognitions.decide(open.id, {
        state: moved.to as RecognitionRow['state'],
        decidedBy: identity.personId,
        officialOn,
        decidedOn,
        decisionReference,
        attachmentName,
        rejectionReason,
      });
      await record(repos, `member.recognition.${action.toLowerCase()}`, member, open, decided);
      if (action === 'REJECT') return { recognition: decided, member, userErrors: [] };
      const updated = await repos.members.update(member.id, { membershipKind: 'OFFICIAL', officialOn });
      await audit(repos.audit, {
        action: 'member.recognized',
        entityType: 'Member',
        entityId: member.id,
        before: { membershipKind: member.membershipKind, officialOn: member.officialOn, version: member.version },
        after: { membershipKind: updated.membershipKind, officialOn, version: updated.version, recognitionId: decided.id, decisionReference },
        orgPath: member.orgPath,
        subjectMemberId: member.id,
      });
      return { recognition: decided, member: updated, userErrors: [] };
    });
  }

  return {
    /** The cell's resolution proposing recognition, entered by its secretary or deputy. */
    async propose(input: { memberId: string; resolution: DecisionInput }): Promise<RecognitionPayload> {
      return store.transaction(async (repos) => {
        const member = await repos.members.byIdForUpdate(parseId(input.memberId));
        if (!member) throw notFound('đảng viên');
        const moved = await step(repos, member, 'NONE', 'PROPOSE', null);
        if (!moved.ok) return failed(moved.error);
        const errors = asResolution(decisionErrors(input.resolution, vietnamDay(now())));
        if (errors.length) return failed(...errors);
        const refusal = recognitionError(member, input.resolution.decidedOn, 'resolution.decidedOn');
        if (refusal) return failed(refusal);
        const created = await repos.recognitions.insert({
          memberId: member.id,
          orgPath: member.orgPath,
          proposedBy: identity.personId!,
          proposedAt: now(),
          resolutionOn: input.resolution.decidedOn,
          resolutionReference: input.resolution.reference.trim(),
          resolutionAttachmentName: input.resolution.attachmentName?.trim() || null,
        });
        if (!created) return failed({ code: 'PROPOSAL_PENDING', field: 'memberId', message: 'Chi bộ đã có nghị quyết đề nghị công nhận đảng viên này, đang chờ cấp ủy quyết định.' });
        await record(repos, 'member.recognition.propose', member, null, created);
        return { recognition: created, member, userErrors: [] };
      });
    },
    /** The committee recognizes the member: its decision's day is not before probation ends nor in the future. */
    recognize: (input: { memberId: string; decision: DecisionInput }) =>
      decide(
        input.memberId,
        'APPROVE',
        (member) => {
          const errors = decisionErrors(input.decision, vietnamDay(now()));
          const refusal = errors.length ? null : recognitionError(member, input.decision.decidedOn);
          return refusal ? [refusal] : errors;
        },
        (member) => ({
          officialOn: probationEnds(member.joinedOn),
          decidedOn: input.decision.decidedOn,
          decisionReference: input.decision.reference.trim(),
          attachmentName: input.decision.attachmentName?.trim() || null,
        }),
      ),
    /** The committee does not recognize the member, saying why; the cell may resolve again later. */
    reject: (input: { memberId: string; reason: string }) =>
      decide(
        input.memberId,
        'REJECT',
        () => {
          const trimmed = input.reason.trim();
          return trimmed.length >= 5 && trimmed.length <= 1000
            ? []
            : [{ code: 'INVALID_REASON', field: 'reason', message: 'Ghi rõ lý do không công nhận chính thức (từ 5 đến 1000 ký tự).' }];
        },
        () => ({ decidedOn: vietnamDay(now()), rejectionReason: input.reason.trim() }),
      ),
  };
}

export type RecognitionService = ReturnType<typeof recognitionService>;
