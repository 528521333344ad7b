import { formatDay } from './format.ts';
import type { IdentityEditState } from './graphql/generated/graphql.ts';
import { MEMBERSHIP_KIND, type Tone } from './labels.ts';

/** The identity fields, in the order the record shows them, with how a person reads each value. */
export const IDENTITY_FIELDS = [
  { key: 'fullName', label: 'Họ và tên' },
  { key: 'gender', label: 'Giới tính' },
  { key: 'birthDate', label: 'Ngày sinh' },
  { key: 'citizenId', label: 'Số định danh cá nhân' },
  { key: 'membershipKind', label: 'Loại đảng viên' },
  { key: 'officialOn', label: 'Ngày vào Đảng chính thức' },
] as const;

export type IdentityKey = (typeof IDENTITY_FIELDS)[number]['key'];

export const GENDER = { MALE: 'Nam', FEMALE: 'Nữ' } as const;

export const IDENTITY_EDIT_STATE: Record<IdentityEditState, { label: string; tone: Tone }> = {
  PROPOSED: { label: 'Đang chờ cấp ủy cơ sở duyệt', tone: 'warning' },
  APPROVED: { label: 'Đã được duyệt', tone: 'good' },
  REJECTED: { label: 'Không được duyệt', tone: 'danger' },
  WITHDRAWN: { label: 'Đã rút lại', tone: 'neutral' },
};

/** A value of an identity field as the page writes it: names as they are, days dd/mm/yyyy, kinds in words. */
export function identityValue(key: IdentityKey, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(để trống)';
  if (key === 'gender') return GENDER[value as keyof typeof GENDER] ?? String(value);
  if (key === 'membershipKind') return MEMBERSHIP_KIND[value as keyof typeof MEMBERSHIP_KIND]?.label ?? String(value);
  if (key === 'birthDate' || key === 'officialOn') return formatDay(String(value));
  return String(value);
}

/** Each proposed field with its value before and after, for a proposal's `before` and `after`. */
export function identityChanges(before: unknown, after: unknown) {
  const was = (before ?? {}) as Record<string, unknown>;
  const next = (after ?? {}) as Record<string, unknown>;
  return IDENTITY_FIELDS.filter(({ key }) => key in next).map(({ key, label }) => ({ key, label, before: identityValue(key, was[key]), after: identityValue(key, next[key]) }));
}
