import type { UserError } from '@dangvu/subgraph-kit';

/** The kinds of organization (docs/rules/organization-tree.md#organization-types); the database's enum holds the same, a test checks it. */
export const ORG_TYPES = [
  'CENTRAL',
  'CENTRAL_DIRECT_COMMITTEE',
  'PROVINCIAL',
  'PROVINCE_SUBORDINATE',
  'GRASSROOTS_COMMITTEE',
  'GRASSROOTS_CELL',
  'PARTIAL_COMMITTEE',
  'SUBORDINATE_CELL',
  'PARTY_GROUP',
  'OVERSEAS',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/**
 * Which kinds of organization may sit directly under which (docs/rules/organization-tree.md#placement):
 * a subordinate cell under a grassroots or partial committee, a commune-level committee (a cell directly
 * under it) or an overseas committee; a grassroots organization under a commune/ward, provincial or
 * central-direct committee, or a grassroots cell under an overseas committee; a committee of committees
 * (`PROVINCE_SUBORDINATE`) under a province or a central-direct committee; and a cell under nothing at all.
 * A party group (tổ đảng) divides a cell but is not an organization of the tree, so it has no allowed parent here.
 */
export const ALLOWED_PARENTS: Record<OrgType, readonly OrgType[]> = {
  CENTRAL: [],
  CENTRAL_DIRECT_COMMITTEE: ['CENTRAL'],
  PROVINCIAL: ['CENTRAL'],
  OVERSEAS: ['CENTRAL'],
  PROVINCE_SUBORDINATE: ['PROVINCIAL', 'CENTRAL_DIRECT_COMMITTEE'],
  GRASSROOTS_COMMITTEE: ['PROVINCE_SUBORDINATE', 'PROVINCIAL', 'CENTRAL_DIRECT_COMMITTEE'],
  GRASSROOTS_CELL: ['PROVINCE_SUBORDINATE', 'PROVINCIAL', 'CENTRAL_DIRECT_COMMITTEE', 'OVERSEAS'],
  PARTIAL_COMMITTEE: ['GRASSROOTS_COMMITTEE'],
  SUBORDINATE_CELL: ['GRASSROOTS_COMMITTEE', 'PARTIAL_COMMITTEE', 'PROVINCE_SUBORDINATE', 'OVERSEAS'],
  PARTY_GROUP: [],
};

const CELLS: readonly OrgType[] = ['GRASSROOTS_CELL', 'SUBORDINATE_CELL'];

const TYPE_NAMES: Record<OrgType, string> = {
  CENTRAL: 'Trung ương',
  CENTRAL_DIRECT_COMMITTEE: 'đảng bộ trực thuộc Trung ương',
  PROVINCIAL: 'đảng bộ tỉnh, thành phố',
  OVERSEAS: 'tổ chức đảng ở nước ngoài',
  PROVINCE_SUBORDINATE: 'đảng bộ cấp trên trực tiếp cơ sở (xã, phường, đặc khu, khối)',
  GRASSROOTS_COMMITTEE: 'đảng bộ cơ sở',
  GRASSROOTS_CELL: 'chi bộ cơ sở',
  PARTIAL_COMMITTEE: 'đảng bộ bộ phận',
  SUBORDINATE_CELL: 'chi bộ trực thuộc',
  PARTY_GROUP: 'tổ đảng',
};

export interface TreeNode {
  id: string;
  type: OrgType;
  path: string;
  dissolvedOn: string | null;
}

const error = (code: string, field: string | null, message: string): UserError => ({ code, field, message });

/** Why `type` may not sit under `parent`, or null when it may. */
export function placementError(type: OrgType, parent: TreeNode, field = 'parentId'): UserError | null {
  if (parent.dissolvedOn) return error('PARENT_DISSOLVED', field, 'Tổ chức cấp trên đã giải thể.');
  if (CELLS.includes(parent.type)) return error('CELL_HAS_NO_CHILDREN', field, 'Chi bộ không có tổ chức đảng trực thuộc.');
  if (!ALLOWED_PARENTS[type].includes(parent.type)) {
    const allowed = ALLOWED_PARENTS[type].map((t) => TYPE_NAMES[t]).join(', ');
    return error(
      'INVALID_PARENT_TYPE',
      field,
      allowed
        ? `${capitalize(TYPE_NAMES[type])} chỉ được đặt dưới: ${allowed}.`
        : `${capitalize(TYPE_NAMES[type])} không được tạo như một tổ chức trong cây.`,
    );
  }
  return null;
}

/** Why `node` may not move under `newParent`, or null when it may. */
export function moveError(node: TreeNode, newParent: TreeNode): UserError | null {
  if (node.dissolvedOn) return error('ALREADY_DISSOLVED', 'id', 'Tổ chức đã giải thể, không thể chuyển.');
  if (newParent.path.startsWith(node.path)) {
    return error('MOVE_INTO_OWN_SUBTREE', 'newParentId', 'Không thể chuyển một tổ chức vào dưới chính nó hoặc tổ chức trực thuộc nó.');
  }
  return placementError(node.type, newParent, 'newParentId');
}

/**
 * Why `node` may not take the kind `type` where it stands (or under `newParent` when it moves in the same
 * operation), or null when it may: the kind must fit the parent and every child must fit the kind
 * (docs/rules/organization-tree.md#reclassifying).
 */
export function reclassifyError(node: TreeNode, type: OrgType, parent: TreeNode | null, childTypes: readonly OrgType[], moving = false): UserError | null {
  if (node.dissolvedOn) return error('ALREADY_DISSOLVED', 'id', 'Tổ chức đã giải thể, không thể phân loại lại.');
  if (type === node.type && !moving) return error('SAME_TYPE', 'type', `Tổ chức đã là ${TYPE_NAMES[type]}.`);
  if (parent) {
    if (moving && parent.path.startsWith(node.path)) {
      return error('MOVE_INTO_OWN_SUBTREE', 'newParentId', 'Không thể chuyển một tổ chức vào dưới chính nó hoặc tổ chức trực thuộc nó.');
    }
    const misplaced = placementError(type, parent, moving ? 'newParentId' : 'type');
    if (misplaced) return misplaced;
  } else if (ALLOWED_PARENTS[type].length > 0) {
    return error('INVALID_PARENT_TYPE', 'type', `${capitalize(TYPE_NAMES[type])} phải có tổ chức cấp trên.`);
  }
  const misfits = [...new Set(childTypes.filter((child) => !ALLOWED_PARENTS[child].includes(type)))];
  if (misfits.length) {
    return error(
      'CHILDREN_DO_NOT_FIT',
      'type',
      `${capitalize(TYPE_NAMES[type])} không thể có tổ chức trực thuộc là ${misfits.map((t) => TYPE_NAMES[t]).join(', ')}; hãy chuyển hoặc phân loại lại các tổ chức đó trước.`,
    );
  }
  return null;
}

/** Why `node` may not be dissolved, or null: only an empty organization may be. */
export function dissolveError(node: TreeNode, activeChildren: number, members: number): UserError | null {
  if (node.dissolvedOn) return error('ALREADY_DISSOLVED', 'id', 'Tổ chức đã giải thể.');
  if (activeChildren > 0) return error('HAS_CHILDREN', 'id', `Tổ chức còn ${activeChildren} tổ chức trực thuộc; hãy chuyển hoặc giải thể trước.`);
  if (members > 0) return error('HAS_MEMBERS', 'id', `Tổ chức còn ${members} đảng viên sinh hoạt; hãy chuyển sinh hoạt trước khi giải thể.`);
  return null;
}

/**
 * A commune-level committee's administrative unit (docs/rules/organization-tree.md#administrative-unit): only a
 * `PROVINCE_SUBORDINATE` committee serves one (a commune, ward or special zone), under a 5-digit code.
 */
export function administrativeUnitError(node: TreeNode & { type: OrgType }, code: string | null): UserError | null {
  if (node.dissolvedOn) return error('ALREADY_DISSOLVED', 'id', 'Tổ chức đã giải thể.');
  if (node.type !== 'PROVINCE_SUBORDINATE') {
    return error('NOT_A_COMMUNE_COMMITTEE', 'id', 'Chỉ đảng bộ xã, phường, đặc khu mới gắn với một đơn vị hành chính cấp xã.');
  }
  if (code !== null && !/^\d{5}$/.test(code)) return error('INVALID_COMMUNE_CODE', 'administrativeUnitCode', 'Mã xã, phường, đặc khu gồm 5 chữ số.');
  return null;
}

export function nameError(name: string): UserError | null {
  const trimmed = name.trim();
  if (trimmed.length < 3 || trimmed.length > 200) return error('INVALID_NAME', 'name', 'Tên tổ chức phải dài từ 3 đến 200 ký tự.');
  return null;
}

export function codeError(code: string): UserError | null {
  if (!/^[A-Z0-9][A-Z0-9.-]{0,39}$/.test(code)) {
    return error('INVALID_CODE', 'code', 'Mã tổ chức gồm chữ in hoa không dấu, chữ số, dấu chấm hoặc gạch ngang, tối đa 40 ký tự.');
  }
  return null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
