import { auditor, notFound, parseId, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { DuesStore } from '../repositories.ts';
import { REMITTANCE_POLICY } from './remittance.config.ts';
import { remittanceRow } from './month-close.rules.ts';
import type { AdjustmentRow } from './remittance.repository.ts';
import { adjustmentErrors, splitSigned, type AdjustmentKind } from './remittance.rules.ts';

export interface RecordAdjustmentInput {
  organizationId: string;
  /** YYYY-MM */
  month: string;
  kind: AdjustmentKind;
  amount: bigint;
  reason: string;
}

export type RecordAdjustmentResult = { adjustment: AdjustmentRow; userErrors: [] } | { adjustment: null; userErrors: UserError[] };

const NOT_CLOSED: UserError = {
  code: 'MONTH_NOT_CLOSED',
  field: 'month',
  message: 'Tháng này chưa khóa sổ: hãy ghi khoản thu hoặc sửa số liệu trực tiếp; điều chỉnh chỉ dành cho tháng đã khóa sổ.',
};

/**
 * docs/rules/dues-remittance.md#adjustments-after-a-close: a closed month is never edited; an officer who may close
 * it records an adjustment entry with its reason, split by the rule the close applied, audited; the remitted share
 * goes up with the organization's next remittance.
 */
export function adjustments(store: DuesStore, context: RequestContext) {
  const audit = auditor(context);
  return {
    async record(input: RecordAdjustmentInput): Promise<RecordAdjustmentResult> {
      const orgId = parseId(input.organizationId);
      const organization = await store.repos.organizations.byId(orgId);
      if (!organization) throw notFound('tổ chức');
      policy.assert(context.identity, 'RECORD_DUES_ADJUSTMENT', { id: orgId, path: organization.path });
      const errors = adjustmentErrors(input);
      if (errors.length > 0) return { adjustment: null, userErrors: errors };
      const period = `${input.month}-01`;
      return store.transaction(async (repos) => {
        const close = await repos.remittances.close(orgId, period);
        if (!close) return { adjustment: null, userErrors: [NOT_CLOSED] };
        // The share the close applied, even if the organization's type or the policy changed since.
        const rule = REMITTANCE_POLICY.find((row) => row.rule === close.remittanceRule) ?? remittanceRow(organization.type, input.month);
        const { kept, remitted } = splitSigned(input.amount, rule?.keepPercent ?? 100);
        const adjustment = await repos.remittances.insertAdjustment({
          orgId,
          orgPath: organization.path,
          period,
          kind: input.kind,
          amount: input.amount,
          amountKept: kept,
          amountRemitted: remitted,
          reason: input.reason.trim(),
          recordedBy: context.identity.personId!,
        });
        await audit(repos.audit, { action: 'dues.monthAdjusted', entityType: 'DuesMonthAdjustment', entityId: adjustment.id, after: adjustment, orgPath: organization.path });
        return { adjustment, userErrors: [] };
      });
    },
  };
}

export type Adjustments = ReturnType<typeof adjustments>;
