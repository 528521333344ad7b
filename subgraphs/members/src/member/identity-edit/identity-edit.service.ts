import { auditor, notFound, parseId, transition, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { identityEditActor, type AccountSubject } from '../../policy.ts';
import type { MembersStore, Repositories } from '../../repositories.ts';
import type { MemberRow } from '../member.repository.ts';
import { memberErrors } from '../member.rules.ts';
import { identityEditMachine, type IdentityEditAction, type IdentityEditState } from './identity-edit.machine.ts';
import type { IdentityEditRow } from './identity-edit.repository.ts';
import { dossierKeeperPath, identityDiff, reasonError, stillAsProposed, type IdentityValues } from './identity-edit.rules.ts';

export interface IdentityEditPayload {
  identityEdit: IdentityEditRow | null;
  userErrors: UserError[];
}

/** As the API sends it: a field left out or null is not proposed, except `officialOn: null`, which clears it. */
export type ProposeIdentityEditInput = { [K in keyof IdentityValues]?: IdentityValues[K] | null } & { memberId: string; reason: string };

const proposedValues = (input: Omit<ProposeIdentityEditInput, 'memberId' | 'reason'>): IdentityValues => {
  const values = Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== null && value !== undefined && key !== 'officialOn')) as IdentityValues;
  return input.officialOn === undefined ? values : { ...values, officialOn: input.officialOn };
};

const failed = (...userErrors: UserError[]): IdentityEditPayload => ({ identityEdit: null, userErrors });
const stale: UserError = { code: 'STALE_VERSION', field: 'expectedVersion', message: 'Đề nghị vừa được người khác xử lý: hãy tải lại trang.' };

/** The member with the roles they hold today and the dossier keeper's path, as the actor needs them. */
async function subjectOf(repos: Repositories, member: MemberRow, day: string): Promise<{ subject: AccountSubject; keeperPath: string | null }> {
  const grants = await repos.roleGrants.activeOf(member.id, day);
  const keeperPath = dossierKeeperPath(member.orgPath, await repos.organizationKinds.onPath(member.orgPath));
  return { subject: { ...member, grants }, keeperPath };
}

/**
 * A proposal written for `member`, locked by the caller's transaction, after the checks the approval will make
 * again: the reason, a real difference, a record the register accepts. `null` when one is already pending.
 */
export async function insertProposal(
  repos: Repositories,
  member: MemberRow,
  values: IdentityValues,
  reason: string,
  proposer: { personId: string; at: Date },
): Promise<{ created: IdentityEditRow | null } | { errors: UserError[] }> {
  const invalidReason = reasonError(reason, 'reason');
  const diff = identityDiff(member, values);
  if ('code' in diff) return { errors: [invalidReason, diff].filter((e) => e !== null) };
  // Checked now as the approval will check it, so that nobody approves a record the register would refuse.
  const errors = [...(invalidReason ? [invalidReason] : []), ...memberErrors({ ...member, ...diff.after }, vietnamDay(proposer.at))];
  if (errors.length) return { errors };
  const created = await repos.identityEdits.insert({
    memberId: member.id,
    orgPath: member.orgPath,
    before: diff.before,
    after: diff.after,
    reason: reason.trim(),
    proposedBy: proposer.personId,
    proposedAt: proposer.at,
  });
  return { created };
}

/** The audit entry of a step on a proposal. */
export const proposalFact = (action: string, member: MemberRow, before: IdentityEditRow | null, after: IdentityEditRow) => ({
  action,
  entityType: 'IdentityEdit',
  entityId: after.id,
  before,
  after,
  orgPath: member.orgPath,
  subjectMemberId: member.id,
});

/**
 * Identity edits by proposal and approval (docs/rules/member-register.md#identity-edits): an officer over the member
 * proposes new values with the reason; the grassroots committee keeping the dossier approves (the record is then
 * validated whole and written) or rejects; the proposer may withdraw. Each step is audited with before and after.
 */
export function identityEditService(store: MembersStore, context: RequestContext, now: () => Date = () => new Date()) {
  const { identity } = context;
  const audit = auditor(context);

  const record = (repos: Repositories, action: string, member: MemberRow, before: IdentityEditRow | null, after: IdentityEditRow) =>
    audit(repos.audit, proposalFact(action, member, before, after));

  /** The machine's answer for `action`, for this caller, on the member locked for the transaction. */
  async function decide(repos: Repositories, member: MemberRow, state: IdentityEditState, action: IdentityEditAction, proposedBy: string | null) {
    const { subject, keeperPath } = await subjectOf(repos, member, vietnamDay(now()));
    if (action !== 'PROPOSE' && action !== 'WITHDRAW' && keeperPath === null) {
      return { ok: false as const, error: { code: 'NO_DOSSIER_KEEPER', field: 'id', message: 'Chưa xác định được tổ chức cơ sở đảng quản lý hồ sơ của đảng viên này.' } };
    }
    return transition(identityEditMachine, { state }, action, identityEditActor(identity, subject, keeperPath, proposedBy));
  }

  /** Approving writes the record, checked whole as any record is, and only over the values proposed against. */
  async function apply(repos: Repositories, member: MemberRow, edit: IdentityEditRow): Promise<UserError[]> {
    const before = edit.before as IdentityValues;
    if (!stillAsProposed(member, before)) {
      return [{ code: 'RECORD_CHANGED', field: 'id', message: 'Hồ sơ đã thay đổi từ khi lập đề nghị: hãy không duyệt đề nghị này và lập đề nghị mới.' }];
    }
    const after = edit.after as IdentityValues;
    const next = { ...member, ...after };
    const errors = memberErrors(next, vietnamDay(now()));
    if (errors.length) return errors;
    if (after.citizenId && (await repos.members.identifiersHeldByOthers(member.id, after.citizenId, null)).citizenId) {
      return [{ code: 'CITIZEN_ID_TAKEN', field: 'citizenId', message: 'Số căn cước này đã có trong danh sách đảng viên.' }];
    }
    const updated = await repos.members.update(member.id, after);
    await audit(repos.audit, {
      action: 'member.identityEdited',
      entityType: 'Member',
      entityId: member.id,
      before: { ...before, version: member.version },
      after: { ...after, version: updated.version, identityEditId: edit.id },
      orgPath: member.orgPath,
      subjectMemberId: member.id,
    });
    return [];
  }

  /** A step on a proposal already made, at the version the caller saw. */
  async function advance(input: { id: string; expectedVersion: number; note?: string | null }, action: 'APPROVE' | 'REJECT' | 'WITHDRAW') {
    return store.transaction(async (repos) => {
      // The proposal is locked first: of fifty approvals at once, one applies and the others find it decided.
      const edit = await repos.identityEdits.byIdForUpdate(parseId(input.id));
      if (!edit) throw notFound('đề nghị sửa lý lịch');
      const member = await repos.members.byIdForUpdate(edit.memberId);
      if (!member) throw notFound('đảng viên');
      const moved = await decide(repos, member, edit.state, action, edit.proposedBy);
      if (!moved.ok) return failed(moved.error);
      if (edit.version !== input.expectedVersion) return failed(stale);
      const note = input.note?.trim() || null;
      if (action === 'REJECT') {
        const invalid = reasonError(note ?? '', 'note');
        if (invalid) return failed(invalid);
      }
      if (action === 'APPROVE') {
        const errors = await apply(repos, member, edit);
        if (errors.length) return failed(...errors);
      }
      const updated = await repos.identityEdits.decide(edit.id, { state: moved.to as IdentityEditRow['state'], decidedBy: identity.personId, decidedAt: now(), decisionNote: note });
      await record(repos, `member.identityEdit.${action.toLowerCase()}`, member, edit, updated);
      return { identityEdit: updated, userErrors: [] };
    });
  }

  return {
    async propose(input: ProposeIdentityEditInput): Promise<IdentityEditPayload> {
      const { memberId, reason, ...values } = input;
      return store.transaction(async (repos) => {
        const member = await repos.members.byIdForUpdate(parseId(memberId));
        if (!member) throw notFound('đảng viên');
        const moved = await decide(repos, member, 'NONE', 'PROPOSE', null);
        if (!moved.ok) return failed(moved.error);
        const proposal = await insertProposal(repos, member, proposedValues(values), reason, { personId: identity.personId!, at: now() });
        if ('errors' in proposal) return failed(...proposal.errors);
        const { created } = proposal;
        if (!created) return failed({ code: 'PROPOSAL_PENDING', field: 'memberId', message: 'Đảng viên đang có một đề nghị sửa lý lịch chờ duyệt; hãy xử lý đề nghị đó trước.' });
        await record(repos, 'member.identityEdit.propose', member, null, created);
        return { identityEdit: created, userErrors: [] };
      });
    },
    approve: (input: { id: string; expectedVersion: number }) => advance(input, 'APPROVE'),
    reject: (input: { id: string; expectedVersion: number; note: string }) => advance(input, 'REJECT'),
    withdraw: (input: { id: string; expectedVersion: number }) => advance(input, 'WITHDRAW'),
  };
}

export type IdentityEditService = ReturnType<typeof identityEditService>;
