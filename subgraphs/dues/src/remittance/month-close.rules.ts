import type { UserError } from '@dangvu/subgraph-kit';
import { REMITTANCE_POLICY, type RemittanceRow } from './remittance.config.ts';

/** The row of the policy in force for an organization type in a month (YYYY-MM), or null. */
export function remittanceRow(orgType: string, month: string, policy: readonly RemittanceRow[] = REMITTANCE_POLICY): RemittanceRow | null {
  return policy.find((row) => row.orgTypes.includes(orgType) && row.from <= month && (row.until === null || month < row.until)) ?? null;
}

/** What is kept of `collected` whole dong at `keepPercent`, half a dong up; the rest is remitted, so the two add up exactly. */
export function split(collected: bigint, keepPercent: number): { kept: bigint; remitted: bigint } {
  const kept = (collected * BigInt(keepPercent) * 2n + 100n) / 200n;
  return { kept, remitted: collected - kept };
}

const error = (code: string, message: string): UserError => ({ code, field: 'month', message });

/** The month before the one of `today` (YYYY-MM-DD), as YYYY-MM: the latest month that can be closed. */
export function previousMonth(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

/** Whether the month (YYYY-MM) may be closed on `today` (YYYY-MM-DD, Vietnam's day): only once it is over. */
export function closeErrors(month: string, today: string): UserError[] {
  return month >= today.slice(0, 7) ? [error('MONTH_NOT_OVER', 'Chỉ khóa sổ được tháng đã kết thúc.')] : [];
}
