import type { DuesReliefGround, DuesReliefKind, DuesVoluntaryAmountState } from '#lib/graphql/generated/graphql.ts';
import type { Tone } from '#lib/labels.ts';

export const RELIEF_KINDS: readonly { value: DuesReliefKind; label: string }[] = [
  { value: 'REDUCTION', label: 'Giảm đảng phí' },
  { value: 'WAIVER', label: 'Miễn đảng phí' },
];

export const RELIEF_GROUNDS: readonly { value: DuesReliefGround; label: string }[] = [
  { value: 'OTHER_HARDSHIP', label: 'Khó khăn khác, có đơn' },
  { value: 'SPECIAL_HARDSHIP', label: 'Hoàn cảnh đặc biệt khó khăn (hộ nghèo, cận nghèo, bệnh hiểm nghèo), có đơn' },
  { value: 'PARTY_AGE_50', label: '50 năm tuổi đảng trở lên' },
  { value: 'SOCIAL_PENSION_ALLOWANCE', label: 'Hưởng trợ cấp xã hội' },
];

export const REDUCTION_PERCENTS = [
  { value: '30', label: 'Giảm 30%' },
  { value: '50', label: 'Giảm 50%' },
  { value: '70', label: 'Giảm 70%' },
];

export const VOLUNTARY_STATE: Record<DuesVoluntaryAmountState, { label: string; tone: Tone }> = {
  PROPOSED: { label: 'Chờ cấp trên quyết định', tone: 'info' },
  APPROVED: { label: 'Đã duyệt', tone: 'good' },
  REJECTED: { label: 'Không duyệt', tone: 'danger' },
};
