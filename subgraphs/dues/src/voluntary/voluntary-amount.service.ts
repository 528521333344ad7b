import { auditor, availableActions, forbidden, notFound, parseId, transition, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { planObligation } from '../obligation/obligation.rules.ts';
import { policy } from '../policy.ts';
import type { WageRegion } from '../rates/rates.config.ts';
import { superiorOf, textError } from '../remittance/remittance.rules.ts';
import type { DuesStore, Repositories } from '../repositories.ts';
import { voluntaryActor, voluntaryMachine } from './voluntary-amount.machine.ts';
import type { VoluntaryAmountRow, VoluntaryAmountState } from './voluntary-amount.repository.ts';
import { proposalErrors, type ProposalInput } from './voluntary-amount.rules.ts';

export type ProposeVoluntaryInput = ProposalInput & { memberId: string };
export interface DecideVoluntaryInput {
  id: string;
  decision: 'APPROVE' | 'REJECT';
  note?: string | null;
}

export interface VoluntaryPayload {
  voluntaryAmount: VoluntaryAmountRow | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): VoluntaryPayload => ({ voluntaryAmount: null, userErrors });

/**
 * docs/rules/dues-obligations.md#voluntary-higher-amounts: on the member's own request the cell proposes a monthly
 * amount above the rate; the cell's immediate superior approves or rejects it. An approval makes the member's
 * months from then on (those already made, still owed and not closed at once; later ones by the monthly run)
 * the higher amount, unless a waiver or reduction is in force. Audited at each step.
 */
export function voluntaryAmounts(store: DuesStore, context: RequestContext, { defaultWageRegion, now }: { defaultWageRegion: WageRegion | null; now: () => Date }) {
  const { identity } = context;
  const audit = auditor(context);

  /** The member's open months from the approved amount's first month, made again under everything in force. */
  async function replan(repos: Repositories, row: VoluntaryAmountRow): Promise<string[]> {
    const payer = await repos.reliefs.payer(row.memberId);
    if (!payer) return [];
    const months = await repos.reliefs.lockOpenMonths(row.memberId, row.fromMonth, null);
    const closed = await repos.monthCloses.closedAmong(months);
    const reliefs = await repos.reliefs.ofMember(row.memberId);
    const approved = await repos.voluntaryAmounts.approvedOf(row.memberId);
    const region = (await repos.organizations.wageRegion(payer.orgId)) ?? defaultWageRegion;
    const changed: string[] = [];
    // A closed month keeps its frozen amount (docs/rules/dues-remittance.md#closing-a-month).
    for (const month of months.filter((m) => !closed.has(`${m.orgId} ${m.period}`))) {
      const planned = planObligation(payer, month.period, region, reliefs, approved);
      if (!planned.ok) continue;
      await repos.reliefs.replan(month.id, planned.obligation);
      changed.push(month.period.slice(0, 7));
    }
    return changed;
  }

  return {
    async propose(input: ProposeVoluntaryInput): Promise<VoluntaryPayload> {
      const payer = await store.repos.reliefs.payer(input.memberId);
      // Unknown to the roll: refused like one out of reach, so that nobody learns who exists.
      if (!payer) throw forbidden();
      policy.assert(identity, 'PROPOSE_VOLUNTARY_DUES', { id: input.memberId, orgPath: payer.orgPath });
      const superior = superiorOf(payer.orgPath);
      const moved = transition(voluntaryMachine, { state: 'NONE' }, 'PROPOSE', voluntaryActor(identity, { memberId: input.memberId, orgPath: payer.orgPath }, superior?.path ?? null, null));
      if (!moved.ok) return failed(moved.error);
      if (!superior) return failed({ code: 'NO_SUPERIOR', field: 'memberId', message: 'Tổ chức của đảng viên không có cấp trên để quyết định.' });
      const region = (await store.repos.organizations.wageRegion(payer.orgId)) ?? defaultWageRegion;
      const quoted = planObligation(payer, `${input.fromMonth}-01`, region, []);
      const errors = proposalErrors(input, quoted.ok ? quoted.obligation.ratedAmount : null, vietnamDay(now()));
      if (errors.length > 0) return failed(...errors);
      return store.transaction(async (repos) => {
        const created = await repos.voluntaryAmounts.insert({
          memberId: input.memberId,
          orgId: payer.orgId,
          orgPath: payer.orgPath,
          deciderOrgId: superior.orgId,
          amount: input.amount,
          fromMonth: `${input.fromMonth}-01`,
          request: input.request.trim(),
          proposedBy: identity.personId!,
          proposedAt: now(),
        });
        if (!created) return failed({ code: 'PROPOSAL_PENDING', field: 'memberId', message: 'Đảng viên đang có một đề nghị chờ cấp trên quyết định.' });
        await audit(repos.audit, { action: 'dues.voluntaryAmount.propose', entityType: 'DuesVoluntaryAmount', entityId: created.id, after: created, orgPath: payer.orgPath, subjectMemberId: input.memberId });
        return { voluntaryAmount: created, userErrors: [] };
      });
    },

    async decide(input: DecideVoluntaryInput): Promise<VoluntaryPayload> {
      return store.transaction(async (repos) => {
        // Locked first: of fifty approvals at once, one decides and the others find it decided.
        const row = await repos.voluntaryAmounts.byIdForUpdate(parseId(input.id));
        if (!row) throw notFound('đề nghị');
        const superior = superiorOf(row.orgPath)!;
        policy.assert(identity, 'DECIDE_VOLUNTARY_DUES', { id: superior.orgId, path: superior.path });
        const moved = transition(voluntaryMachine, row, input.decision, voluntaryActor(identity, row, superior.path, row.proposedBy));
        if (!moved.ok) return failed(moved.error);
        if (input.decision === 'REJECT') {
          const invalid = textError(input.note ?? '', 'note', 'NOTE_REQUIRED', 'Hãy ghi lý do không duyệt.');
          if (invalid) return failed(invalid);
        }
        const updated = await repos.voluntaryAmounts.decide(row.id, { state: moved.to as VoluntaryAmountState, decidedBy: identity.personId!, decidedAt: now(), decisionNote: input.note?.trim() || null });
        const monthsChanged = input.decision === 'APPROVE' ? await replan(repos, updated) : [];
        await audit(repos.audit, {
          action: `dues.voluntaryAmount.${input.decision.toLowerCase()}`,
          entityType: 'DuesVoluntaryAmount',
          entityId: row.id,
          before: row,
          after: { ...updated, monthsChanged },
          orgPath: row.orgPath,
          subjectMemberId: row.memberId,
        });
        return { voluntaryAmount: updated, userErrors: [] };
      });
    },

    /** The proposals of the subtree's members (the shield decided on the organization). */
    inSubtree: (path: string, state: VoluntaryAmountState | null) => store.repos.voluntaryAmounts.inSubtree(path, state),

    canDecide(row: VoluntaryAmountRow): boolean {
      return availableActions(voluntaryMachine, row, voluntaryActor(identity, row, superiorOf(row.orgPath)?.path ?? null, row.proposedBy)).includes('APPROVE');
    },
  };
}

export type VoluntaryAmounts = ReturnType<typeof voluntaryAmounts>;
