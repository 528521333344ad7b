import { auditor, availableActions, notFound, parseId, transition, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { DuesStore } from '../repositories.ts';
import { remittanceActor, remittanceMachine } from './remittance.machine.ts';
import type { RemittanceRow } from './remittance.repository.ts';
import { submissionErrors, superiorOf, textError, type SubmissionInput } from './remittance.rules.ts';

export type SubmitRemittanceInput = SubmissionInput & { organizationId: string };

export interface RemittancePayload {
  remittance: RemittanceRow | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): RemittancePayload => ({ remittance: null, userErrors });
const NO_SUPERIOR: UserError = { code: 'NO_SUPERIOR', field: 'organizationId', message: 'Tổ chức này không có cấp trên để nộp đảng phí.' };
const NOT_CLOSED: UserError = { code: 'MONTH_NOT_CLOSED', field: 'month', message: 'Hãy khóa sổ tháng này trước khi nộp đảng phí lên cấp trên.' };
const NEGATIVE: UserError = {
  code: 'NEGATIVE_REMITTANCE',
  field: 'month',
  message: 'Các khoản điều chỉnh giảm lớn hơn số phải nộp của tháng: hãy nộp cùng tháng sau, khi số phải nộp đủ bù.',
};

/**
 * docs/rules/dues-remittance.md#submitting-the-remittance: the organization's money officer submits a closed
 * month's remittance (the close's remitted share and the adjustments not yet carried up) with the transfer's
 * reference; an officer of the immediate superior confirms receipt or rejects it with a reason, after which it
 * can be submitted again. Each step locks the row first and is audited with before and after.
 */
export function remittances(store: DuesStore, context: RequestContext, now: () => Date) {
  const { identity } = context;
  const audit = auditor(context);

  const record = (repos: DuesStore['repos'], action: string, before: RemittanceRow | null, after: RemittanceRow) =>
    audit(repos.audit, { action, entityType: 'DuesRemittance', entityId: after.id, before, after, orgPath: after.orgPath });

  async function decide(input: { id: string; reason?: string }, action: 'CONFIRM' | 'REJECT'): Promise<RemittancePayload> {
    return store.transaction(async (repos) => {
      // Locked first: of fifty confirmations at once, one confirms and the others find it confirmed.
      const row = await repos.remittances.byIdForUpdate(parseId(input.id));
      if (!row) throw notFound('khoản nộp đảng phí');
      const superior = superiorOf(row.orgPath)!;
      policy.assert(identity, 'DECIDE_DUES_REMITTANCE', { id: superior.orgId, path: superior.path });
      const moved = transition(remittanceMachine, row, action, remittanceActor(identity, { orgId: row.orgId, path: row.orgPath }, superior.path, row.submittedBy));
      if (!moved.ok) return failed(moved.error);
      const reason = input.reason?.trim() ?? null;
      if (action === 'REJECT') {
        const invalid = textError(input.reason ?? '', 'reason', 'REASON_REQUIRED', 'Hãy ghi lý do từ chối để tổ chức nộp lại cho đúng.');
        if (invalid) return failed(invalid);
      }
      const updated = await repos.remittances.decide(row.id, { state: moved.to as RemittanceRow['state'], decidedBy: identity.personId!, decidedAt: now(), rejectionReason: action === 'REJECT' ? reason : null });
      await record(repos, `dues.remittance.${action.toLowerCase()}`, row, updated);
      return { remittance: updated, userErrors: [] };
    });
  }

  return {
    async submit(input: SubmitRemittanceInput): Promise<RemittancePayload> {
      const orgId = parseId(input.organizationId);
      const organization = await store.repos.organizations.byId(orgId);
      if (!organization) throw notFound('tổ chức');
      policy.assert(identity, 'SUBMIT_DUES_REMITTANCE', { id: orgId, path: organization.path });
      const superior = superiorOf(organization.path);
      if (!superior) return failed(NO_SUPERIOR);
      const period = `${input.month}-01`;
      return store.transaction(async (repos) => {
        const existing = await repos.remittances.ofMonthForUpdate(orgId, period);
        const moved = transition(remittanceMachine, existing ?? { state: 'NONE' }, 'SUBMIT', remittanceActor(identity, { orgId, path: organization.path }, superior.path, null));
        if (!moved.ok) return failed(moved.error);
        const errors = submissionErrors(input, vietnamDay(now()));
        if (errors.length > 0) return failed(...errors);
        const close = await repos.remittances.close(orgId, period);
        if (!close) return failed(NOT_CLOSED);
        const carried = await repos.remittances.lockCarried(orgId, period, existing?.id ?? null);
        const amountFromClose = BigInt(close.amountRemitted);
        const amountFromAdjustments = carried.reduce((sum, adjustment) => sum + BigInt(adjustment.amountRemitted), 0n);
        const amount = amountFromClose + amountFromAdjustments;
        if (amount < 0n) return failed(NEGATIVE);
        const submission = { amount, amountFromClose, amountFromAdjustments, transferReference: input.transferReference.trim(), transferredOn: input.transferredOn, submittedBy: identity.personId!, submittedAt: now() };
        const saved = existing
          ? await repos.remittances.resubmit(existing.id, submission)
          : await repos.remittances.insert({ ...submission, orgId, orgPath: organization.path, superiorOrgId: superior.orgId, period, state: 'SUBMITTED' });
        if (!saved) return failed({ code: 'ALREADY_SUBMITTED', field: 'month', message: 'Khoản nộp của tháng này đã gửi, đang chờ cấp trên xác nhận.' });
        await repos.remittances.carry(
          carried.map((adjustment) => adjustment.id),
          saved.id,
        );
        await record(repos, 'dues.remittance.submit', existing ?? null, saved);
        return { remittance: saved, userErrors: [] };
      });
    },
    confirm: (input: { id: string }) => decide(input, 'CONFIRM'),
    reject: (input: { id: string; reason: string }) => decide(input, 'REJECT'),

    /** What the superior received (the shield decided on the superior). */
    received: (superiorOrgId: string, state: RemittanceRow['state'] | null) => store.repos.remittances.received(superiorOrgId, state),

    /** Whether the caller may confirm or reject it now: the web shows the buttons by this. */
    canDecide(row: RemittanceRow): boolean {
      const superior = superiorOf(row.orgPath)!;
      return availableActions(remittanceMachine, row, remittanceActor(identity, { orgId: row.orgId, path: row.orgPath }, superior.path, row.submittedBy)).includes('CONFIRM');
    },
  };
}

export type Remittances = ReturnType<typeof remittances>;
