import type { OrgType } from './organization.rules.ts';

/** A data-quality finding: something to look at, never a refusal (docs/rules/organization-tree.md#statute-sizes). */
export interface DataQualityWarning {
  code: 'TOO_FEW_MEMBERS' | 'CELL_BIG_ENOUGH_FOR_COMMITTEE' | 'CELL_OVER_FIFTY' | 'COMMITTEE_UNDER_THIRTY' | 'PARTIAL_COMMITTEE';
  message: string;
}

/** The sizes of the Statute, art. 21: three to form, thirty for a committee, fifty in one cell with consent. */
export const STATUTE_SIZES = { toForm: 3, committee: 30, cellWithoutConsent: 50 } as const;

const CELLS: readonly OrgType[] = ['GRASSROOTS_CELL', 'SUBORDINATE_CELL'];
const FORMED: readonly OrgType[] = [...CELLS, 'GRASSROOTS_COMMITTEE', 'PARTIAL_COMMITTEE'];

/**
 * The Statute's size findings for one organization: `members` sit in it directly, `subtreeMembers` in it and
 * everything under it. Both count every member with official activity there, probationary ones included,
 * since the count the tree keeps does not tell the two apart.
 */
export function statuteSizeWarnings(type: OrgType, members: number, subtreeMembers: number): DataQualityWarning[] {
  const warnings: DataQualityWarning[] = [];
  const { toForm, committee, cellWithoutConsent } = STATUTE_SIZES;
  if (FORMED.includes(type) && subtreeMembers < toForm) {
    warnings.push({
      code: 'TOO_FEW_MEMBERS',
      message: `Tổ chức có ${subtreeMembers} đảng viên, dưới ${toForm}: theo Điều lệ, cần ít nhất ${toForm} đảng viên chính thức để lập tổ chức đảng; nếu chưa đủ, cấp trên giới thiệu đảng viên sinh hoạt ở tổ chức cơ sở đảng thích hợp.`,
    });
  }
  if (type === 'GRASSROOTS_CELL' && members >= committee) {
    warnings.push({
      code: 'CELL_BIG_ENOUGH_FOR_COMMITTEE',
      message: `Chi bộ cơ sở có ${members} đảng viên: từ ${committee} đảng viên trở lên, theo Điều lệ lập đảng bộ cơ sở có các chi bộ trực thuộc (giữ chi bộ cơ sở cần cấp trên đồng ý).`,
    });
  }
  if (CELLS.includes(type) && members > cellWithoutConsent) {
    warnings.push({
      code: 'CELL_OVER_FIFTY',
      message: `Chi bộ có ${members} đảng viên, quá ${cellWithoutConsent}: cần có sự đồng ý của cấp ủy cấp trên.`,
    });
  }
  if (type === 'GRASSROOTS_COMMITTEE' && subtreeMembers < committee) {
    warnings.push({
      code: 'COMMITTEE_UNDER_THIRTY',
      message: `Đảng bộ cơ sở có ${subtreeMembers} đảng viên, dưới ${committee}: lập đảng bộ cơ sở khi chưa đủ ${committee} đảng viên cần có sự đồng ý của cấp ủy cấp trên.`,
    });
  }
  if (type === 'PARTIAL_COMMITTEE') {
    warnings.push({ code: 'PARTIAL_COMMITTEE', message: 'Lập đảng bộ bộ phận cần có sự đồng ý của cấp ủy cấp trên; hãy kiểm tra đã có văn bản đồng ý.' });
  }
  return warnings;
}
