import { auditor, notFound, parseId, vietnamDay, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { DuesStore } from '../repositories.ts';
import type { MonthCloseRow } from './month-close.repository.ts';
import { closeErrors, remittanceRow, split } from './month-close.rules.ts';

export interface CloseMonthInput {
  organizationId: string;
  /** YYYY-MM */
  month: string;
}

export type CloseMonthResult = { close: MonthCloseRow; userErrors: [] } | { close: null; userErrors: UserError[] };

/**
 * docs/rules/dues-remittance.md#closing-a-month: an organization's month is closed once, its totals frozen and its
 * share to keep and to remit reckoned by the policy in force; from then on no payment enters it.
 */
export function monthCloses(store: DuesStore, context: RequestContext) {
  const audit = auditor(context);
  return {
    /** The closes of the month by the organization and those under it (the shield decided on the organization). */
    inSubtree: (path: string, month: string) => store.repos.monthCloses.inSubtree(path, `${month}-01`),

    async close(input: CloseMonthInput): Promise<CloseMonthResult> {
      const orgId = parseId(input.organizationId);
      const organization = await store.repos.organizations.byId(orgId);
      if (!organization) throw notFound('tổ chức');
      policy.assert(context.identity, 'CLOSE_DUES_MONTH', { id: orgId, path: organization.path });
      const errors = closeErrors(input.month, vietnamDay(new Date()));
      if (errors.length > 0) return { close: null, userErrors: errors };
      const row = remittanceRow(organization.type, input.month);
      if (!row) return { close: null, userErrors: [{ code: 'NO_REMITTANCE_RULE', field: 'organizationId', message: 'Chưa có quy định trích nộp đảng phí cho loại tổ chức này trong tháng đó.' }] };
      const period = `${input.month}-01`;
      return store.transaction(async (repos) => {
        const totals = await repos.monthCloses.totals(orgId, period);
        const { kept, remitted } = split(totals.amountCollected, row.keepPercent);
        const close = await repos.monthCloses.insert({
          orgId,
          orgPath: organization.path,
          period,
          ...totals,
          amountKept: kept,
          amountRemitted: remitted,
          remittanceRule: row.rule,
          closedBy: context.identity.personId,
        });
        if (!close) return { close: null, userErrors: [{ code: 'ALREADY_CLOSED', field: 'month', message: 'Tháng này đã khóa sổ.' }] };
        await audit(repos.audit, { action: 'dues.monthClosed', entityType: 'DuesMonthClose', entityId: close.id, after: close, orgPath: organization.path });
        return { close, userErrors: [] };
      });
    },
  };
}

export type MonthCloses = ReturnType<typeof monthCloses>;
