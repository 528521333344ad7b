import type { DuesRemittanceState } from '#lib/graphql/generated/graphql.ts';
import type { Tone } from '#lib/labels.ts';

export const REMITTANCE_STATE: Record<DuesRemittanceState, { label: string; tone: Tone }> = {
  SUBMITTED: { label: 'Chờ cấp trên xác nhận', tone: 'info' },
  CONFIRMED: { label: 'Cấp trên đã nhận', tone: 'good' },
  REJECTED: { label: 'Cấp trên từ chối', tone: 'danger' },
};
