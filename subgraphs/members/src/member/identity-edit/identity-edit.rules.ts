import type { UserError } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member.repository.ts';

/** The identity fields: changed only by a proposal the grassroots committee approves (docs/rules/member-register.md#identity-edits). */
export const IDENTITY_FIELDS = ['fullName', 'gender', 'birthDate', 'citizenId', 'membershipKind', 'officialOn'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type IdentityValues = Partial<Pick<MemberRow, IdentityField>>;

/** Vietnamese names of the fields, for messages and the audit's readers. */
export const IDENTITY_FIELD_NAMES: Record<IdentityField, string> = {
  fullName: 'họ và tên',
  gender: 'giới tính',
  birthDate: 'ngày sinh',
  citizenId: 'số định danh cá nhân',
  membershipKind: 'loại đảng viên',
  officialOn: 'ngày vào Đảng chính thức',
};

/** The kinds that are a grassroots organization (tổ chức cơ sở đảng), which keeps its members' dossiers. */
const GRASSROOTS = ['GRASSROOTS_CELL', 'GRASSROOTS_COMMITTEE'];

/**
 * The path of the grassroots organization that keeps the dossier of a member of the organization at
 * `memberPath`: the nearest organization at or above it of a grassroots kind. Null when none on the line is
 * known to be one (the decision then has nobody to take it).
 */
export function dossierKeeperPath(memberPath: string, kinds: ReadonlyMap<string, string>): string | null {
  const ids = memberPath.split('/').filter(Boolean);
  for (let depth = ids.length; depth > 0; depth--) {
    const id = ids[depth - 1]!;
    if (GRASSROOTS.includes(kinds.get(id) ?? '')) return `/${ids.slice(0, depth).join('/')}/`;
  }
  return null;
}

/**
 * The proposed values that differ from the record, as `before` and `after` with the same keys; an identity edit
 * that changes nothing is `NOTHING_TO_CHANGE`. A name is kept without stray spaces; `officialOn: null` clears it.
 */
export function identityDiff(current: MemberRow, proposed: IdentityValues): { before: IdentityValues; after: IdentityValues } | UserError {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of IDENTITY_FIELDS) {
    let value = proposed[field];
    if (value === undefined) continue;
    if (field === 'fullName' && typeof value === 'string') value = value.trim().replace(/\s+/g, ' ');
    if (value === current[field]) continue;
    before[field] = current[field];
    after[field] = value;
  }
  if (current.membershipKind === 'PROBATIONARY' && after.membershipKind === 'OFFICIAL') {
    return {
      code: 'USE_RECOGNITION',
      field: 'membershipKind',
      message: 'Công nhận đảng viên chính thức là một quyết định riêng, không sửa trong lý lịch: hãy ghi quyết định công nhận (kể cả quyết định đã có từ trước).',
    };
  }
  if (Object.keys(after).length === 0) {
    return { code: 'NOTHING_TO_CHANGE', field: null, message: 'Đề nghị không thay đổi thông tin nào so với hồ sơ hiện tại.' };
  }
  return { before: before as IdentityValues, after: after as IdentityValues };
}

/**
 * Whether the record still holds the values the proposal was made against: approving a proposal over a
 * record that changed since would silently undo the other change.
 */
export function stillAsProposed(current: MemberRow, before: IdentityValues): boolean {
  return (Object.keys(before) as IdentityField[]).every((field) => current[field] === before[field]);
}

/** The reason given for a proposal or a rejection: 5 to 1000 characters. */
export function reasonError(reason: string, field: string): UserError | null {
  const trimmed = reason.trim();
  if (trimmed.length >= 5 && trimmed.length <= 1000) return null;
  return { code: 'INVALID_REASON', field, message: 'Ghi rõ lý do, căn cứ (từ 5 đến 1000 ký tự), ví dụ: theo căn cước công dân, giấy khai sinh.' };
}
