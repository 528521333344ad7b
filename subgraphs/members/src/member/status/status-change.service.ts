import { auditor, notFound, parseId, transition, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { statusActor, type AccountSubject } from '../../policy.ts';
import type { MembersStore, Repositories } from '../../repositories.ts';
import type { MemberRow } from '../member.repository.ts';
import type { StatusChangeRow, StatusChangeUpdate } from './status-change.repository.ts';
import { changesStatus, isFinal, statusMachines, stored, type StatusChangeAction, type StatusChangeState } from './status.machine.ts';
import { decisionErrors, isTerminal, STATUS_CHANGES, type DecisionInput, type StatusChangeKind } from './status.rules.ts';

export interface StatusChangePayload {
  statusChange: StatusChangeRow | null;
  userErrors: UserError[];
}

export interface ApplyForStatusChangeInput {
  memberId: string;
  kind: StatusChangeKind;
  reason?: string | null;
}

export interface DecideMemberStatusInput {
  memberId: string;
  kind: StatusChangeKind;
  reason?: string | null;
  decision: DecisionInput;
}

const failed = (...userErrors: UserError[]): StatusChangePayload => ({ statusChange: null, userErrors });

/**
 * A member's status changed by decision (docs/rules/member-status.md): applied for by the member (or for
 * them by the cell's officer), adopted or not by the cell's resolution, reported up; or decided at once by
 * the cell (abroad) or the competent committee (the terminal statuses). The machine of the procedure decides
 * who may take each step; the step, the member's new status, and for a terminal status the account's lock,
 * its sessions' end and the member's roles' end, are written and audited in one transaction.
 */
export function statusChangeService(store: MembersStore, context: RequestContext, now: () => Date = () => new Date()) {
  const { identity } = context;
  const audit = auditor(context);

  /** The member locked for the rest of the transaction, with the roles they hold today. */
  async function lockMember(repos: Repositories, memberId: string): Promise<MemberRow & AccountSubject> {
    const member = await repos.members.byIdForUpdate(memberId);
    if (!member) throw notFound('đảng viên');
    return { ...member, grants: await repos.roleGrants.activeOf(member.id, vietnamDay(now())) };
  }

  /** The machine's answer for `action` on the procedure in `state`, for this caller and this member. */
  function step(kind: StatusChangeKind, state: StatusChangeState, action: StatusChangeAction, member: MemberRow & AccountSubject) {
    return transition(statusMachines[kind], { state, memberStatus: member.activityStatus }, action, statusActor(identity, member));
  }

  /** The member's new status; a terminal one ends the use of the account, its sessions and the member's roles. */
  async function applyStatus(repos: Repositories, member: MemberRow, change: StatusChangeRow, day: string) {
    const updated = await repos.members.update(member.id, { activityStatus: change.toStatus });
    const recordFor = { orgPath: member.orgPath, subjectMemberId: member.id };
    await audit(repos.audit, {
      action: 'member.statusChanged',
      entityType: 'Member',
      entityId: member.id,
      before: { activityStatus: member.activityStatus },
      after: { activityStatus: updated.activityStatus, statusChangeId: change.id, decisionReference: change.decisionReference },
      ...recordFor,
    });
    // The dues subgraph defers the months of a temporary exemption (docs/rules/dues-obligations.md#temporary-exemption).
    if (change.toStatus === 'TEMP_EXEMPT' || member.activityStatus === 'TEMP_EXEMPT') {
      await repos.outbox.publish('member.temporaryExemptionChanged', member.id, { memberId: member.id, statusChangeId: change.id, exempt: change.toStatus === 'TEMP_EXEMPT', on: day });
    }
    if (!isTerminal(change.toStatus)) return;
    const account = await repos.accounts.ofMemberForUpdate(member.id);
    if (account && (account.status === 'ACTIVE' || account.status === 'PENDING')) {
      const locked = await repos.accounts.update(account.id, { status: 'LOCKED' });
      await repos.sessions.endAllOf(account.id, 'ACCOUNT_LOCKED', now());
      await audit(repos.audit, {
        action: 'account.locked',
        entityType: 'Account',
        entityId: account.id,
        before: { status: account.status, username: account.username },
        after: { status: locked.status, username: locked.username, becauseOf: change.toStatus },
        ...recordFor,
      });
    }
    for (const grant of await repos.roleGrants.ofMembers([member.id])) {
      if (grant.startsOn <= day && (grant.endsOn === null || grant.endsOn > day)) {
        await repos.roleGrants.end(grant.id, day);
        await audit(repos.audit, { action: 'role.ended', entityType: 'RoleGrant', entityId: grant.id, before: grant, after: { endsOn: day, becauseOf: change.toStatus }, ...recordFor });
      }
    }
  }

  const record = (repos: Repositories, action: string, member: MemberRow, before: StatusChangeRow | null, after: StatusChangeRow, onBehalfOf: string | null = null) =>
    audit(repos.audit, { action, entityType: 'StatusChange', entityId: after.id, before, after, orgPath: member.orgPath, subjectMemberId: member.id, onBehalfOf });

  /** A step on a procedure already begun: the cell's resolution (adopted or not), a withdrawal, the report up. */
  async function advance(id: string, action: 'RESOLVE' | 'REJECT' | 'WITHDRAW' | 'REPORT', decision?: DecisionInput | null, reportedOn?: string | null) {
    return store.transaction(async (repos) => {
      const change = await repos.statusChanges.byIdForUpdate(parseId(id));
      if (!change) throw notFound('thủ tục');
      const member = await lockMember(repos, change.memberId);
      const moved = step(change.kind, change.state, action, member);
      if (!moved.ok) return failed(moved.error);
      const today = vietnamDay(now());
      const at = now();
      let changes: StatusChangeUpdate = { state: stored(moved.to) };
      if (action === 'RESOLVE' || action === 'REJECT') {
        if (!decision) return failed({ code: 'DECISION_REQUIRED', field: 'decision', message: 'Ghi số nghị quyết và ngày chi bộ họp xét.' });
        const errors = decisionErrors(decision, today, change.appliedAt ? vietnamDay(change.appliedAt) : null);
        if (errors.length) return failed(...errors);
        changes = { ...changes, decidedBy: identity.personId, decidedOn: decision.decidedOn, decisionReference: decision.reference.trim(), attachmentName: decision.attachmentName?.trim() || null };
      }
      if (action === 'REPORT') {
        const day = reportedOn ?? today;
        if (day > today || (change.decidedOn && day < change.decidedOn)) {
          return failed({ code: 'INVALID_REPORT_DATE', field: 'reportedOn', message: `Ngày báo cáo phải từ ${change.decidedOn} đến hôm nay.` });
        }
        changes = { ...changes, reportedBy: identity.personId, reportedOn: day };
      }
      if (isFinal(change.kind, moved.to)) changes.closedAt = at;
      const updated = await repos.statusChanges.update(change.id, changes);
      await record(repos, `member.statusChange.${action.toLowerCase()}`, member, change, updated);
      if (changesStatus(action)) await applyStatus(repos, member, updated, decision!.decidedOn);
      return { statusChange: updated, userErrors: [] };
    });
  }

  return {
    /** The member's application (or the cell officer's record of it, for the member). */
    async apply(input: ApplyForStatusChangeInput): Promise<StatusChangePayload> {
      const memberId = parseId(input.memberId);
      return store.transaction(async (repos) => {
        const member = await lockMember(repos, memberId);
        const moved = step(input.kind, 'NONE', 'APPLY', member);
        if (!moved.ok) return failed(moved.error);
        const reason = input.reason?.trim() || null;
        if (reason && reason.length > 1000) return failed({ code: 'INVALID_REASON', field: 'reason', message: 'Lý do dài tối đa 1000 ký tự.' });
        const created = await repos.statusChanges.insert({
          memberId,
          kind: input.kind,
          state: stored(moved.to),
          fromStatus: member.activityStatus,
          toStatus: STATUS_CHANGES[input.kind].to,
          orgPath: member.orgPath,
          reason,
          appliedBy: identity.personId,
          appliedAt: now(),
        });
        if (!created) return failed({ code: 'APPLICATION_PENDING', field: 'memberId', message: 'Đảng viên đang có một đơn chờ chi bộ xem xét; hãy xử lý đơn đó trước.' });
        await record(repos, 'member.statusChange.apply', member, null, created, member.id === identity.personId ? null : member.id);
        return { statusChange: created, userErrors: [] };
      });
    },

    resolve: (input: { id: string; adopted: boolean; decision: DecisionInput }) => advance(input.id, input.adopted ? 'RESOLVE' : 'REJECT', input.decision),
    withdraw: (input: { id: string }) => advance(input.id, 'WITHDRAW'),
    report: (input: { id: string; reportedOn?: string | null }) => advance(input.id, 'REPORT', null, input.reportedOn),

    /** One decision, with its record, that changes the status at once: abroad, or a terminal status. */
    async decide(input: DecideMemberStatusInput): Promise<StatusChangePayload> {
      const memberId = parseId(input.memberId);
      return store.transaction(async (repos) => {
        const member = await lockMember(repos, memberId);
        const moved = step(input.kind, 'NONE', 'DECIDE', member);
        if (!moved.ok) return failed(moved.error);
        const errors = decisionErrors(input.decision, vietnamDay(now()));
        if (errors.length) return failed(...errors);
        const created = await repos.statusChanges.insert({
          memberId,
          kind: input.kind,
          state: stored(moved.to),
          fromStatus: member.activityStatus,
          toStatus: STATUS_CHANGES[input.kind].to,
          orgPath: member.orgPath,
          reason: input.reason?.trim() || null,
          decidedBy: identity.personId,
          decidedOn: input.decision.decidedOn,
          decisionReference: input.decision.reference.trim(),
          attachmentName: input.decision.attachmentName?.trim() || null,
          closedAt: now(),
        });
        await record(repos, 'member.statusChange.decide', member, null, created!);
        await applyStatus(repos, member, created!, input.decision.decidedOn);
        return { statusChange: created, userErrors: [] };
      });
    },
  };
}

export type StatusChangeService = ReturnType<typeof statusChangeService>;
