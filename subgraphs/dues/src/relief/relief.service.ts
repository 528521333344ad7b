import { auditor, forbidden, parseId, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { planObligation } from '../obligation/obligation.rules.ts';
import { policy } from '../policy.ts';
import type { WageRegion } from '../rates/rates.config.ts';
import type { DuesStore } from '../repositories.ts';
import type { ReliefDecisionRow } from './relief.repository.ts';
import { decidingOrganization, reliefErrors, type ReliefInput } from './relief.rules.ts';

export type DecideReliefInput = ReliefInput & { memberId: string };

export type DecideReliefResult = { decision: ReliefDecisionRow; userErrors: [] } | { decision: null; userErrors: UserError[] };

const UNKNOWN_BODY: UserError = {
  code: 'DECIDING_BODY_UNKNOWN',
  field: 'memberId',
  message: 'Chưa xác định được cấp quyết định miễn, giảm đảng phí cho đảng viên này (loại tổ chức của chi bộ chưa có trong hệ thống).',
};
const DUPLICATE: UserError = { code: 'DUPLICATE_DECISION', field: 'reference', message: 'Quyết định số này của đảng viên đã được ghi nhận.' };

/**
 * docs/rules/dues-obligations.md#waivers-and-reductions: the deciding body records a waiver or reduction; the months
 * of its period already made and still owed are made again under it at once, and later months by the monthly run.
 */
export function reliefs(store: DuesStore, context: RequestContext, { defaultWageRegion }: { defaultWageRegion: WageRegion | null }) {
  const audit = auditor(context);
  return {
    async decide(input: DecideReliefInput): Promise<DecideReliefResult> {
      // A malformed id would reach SQL as a uuid and fail there (found by the gateway's mutation-inputs property test).
      const payer = await store.repos.reliefs.payer(parseId(input.memberId));
      // Unknown to the roll: refused like one out of reach, so that nobody learns who exists.
      if (!payer) throw forbidden();
      const decider = decidingOrganization(await store.repos.organizations.onPath(payer.orgPath), payer.orgId);
      if (!decider) {
        // Only someone who could decide somewhere learns that the type is missing.
        if (!policy.mayTry(context.identity, 'DECIDE_RELIEF')) throw forbidden();
        return { decision: null, userErrors: [UNKNOWN_BODY] };
      }
      policy.assert(context.identity, 'DECIDE_RELIEF', { memberId: input.memberId, deciderId: decider.orgId, deciderPath: decider.path });
      const errors = reliefErrors(input, vietnamDay(new Date()));
      if (errors.length > 0) return { decision: null, userErrors: errors };
      const fromMonth = `${input.fromMonth}-01`;
      const untilMonth = input.untilMonth ? `${input.untilMonth}-01` : null;
      return store.transaction(async (repos) => {
        const months = await repos.reliefs.lockOpenMonths(input.memberId, fromMonth, untilMonth);
        const decision = await repos.reliefs.insert({
          memberId: input.memberId,
          kind: input.kind,
          ground: input.ground,
          percent: input.kind === 'REDUCTION' ? input.percent! : null,
          fromMonth,
          untilMonth,
          decidedByOrgId: decider.orgId,
          reference: input.reference.trim(),
          decidedOn: input.decidedOn,
          applicationReference: input.applicationReference?.trim() || null,
          decidedBy: context.identity.personId,
        });
        if (!decision) return { decision: null, userErrors: [DUPLICATE] };
        const inForce = await repos.reliefs.ofMember(input.memberId);
        const region = (await repos.organizations.wageRegion(payer.orgId)) ?? defaultWageRegion;
        const changed: string[] = [];
        // A closed month keeps its frozen amount (docs/rules/dues-remittance.md#closing-a-month).
        const closed = await repos.monthCloses.closedAmong(months);
        for (const month of months.filter((m) => !closed.has(`${m.orgId} ${m.period}`))) {
          const planned = planObligation(payer, month.period, region, inForce);
          // A month the rates cannot reckon again (a basis since removed) keeps its amount; the run's log names such cases.
          if (!planned.ok) continue;
          await repos.reliefs.replan(month.id, planned.obligation);
          changed.push(month.period.slice(0, 7));
        }
        await audit(repos.audit, {
          action: 'dues.reliefDecided',
          entityType: 'DuesReliefDecision',
          entityId: decision.id,
          after: { ...decision, monthsChanged: changed },
          orgPath: payer.orgPath,
          subjectMemberId: input.memberId,
        });
        return { decision, userErrors: [] };
      });
    },
  };
}

export type Reliefs = ReturnType<typeof reliefs>;
