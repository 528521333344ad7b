import { describe, expect, it } from 'vitest';
import type { OrgType } from './organization.rules.ts';
import { statuteSizeWarnings } from './statute-sizes.rules.ts';

const codes = (type: OrgType, members: number, subtreeMembers = members) => statuteSizeWarnings(type, members, subtreeMembers).map((w) => w.code);

describe('the Statute’s sizes as warnings', () => {
  it.each([
    ['a cell of 2', 'GRASSROOTS_CELL', 2, 2, ['TOO_FEW_MEMBERS']],
    ['a cell of 3', 'GRASSROOTS_CELL', 3, 3, []],
    ['a cell of 29', 'GRASSROOTS_CELL', 29, 29, []],
    ['a grassroots cell of 30', 'GRASSROOTS_CELL', 30, 30, ['CELL_BIG_ENOUGH_FOR_COMMITTEE']],
    ['a grassroots cell of 51', 'GRASSROOTS_CELL', 51, 51, ['CELL_BIG_ENOUGH_FOR_COMMITTEE', 'CELL_OVER_FIFTY']],
    ['a subordinate cell of 50', 'SUBORDINATE_CELL', 50, 50, []],
    ['a subordinate cell of 51', 'SUBORDINATE_CELL', 51, 51, ['CELL_OVER_FIFTY']],
    ['a grassroots committee of 29 in its cells', 'GRASSROOTS_COMMITTEE', 0, 29, ['COMMITTEE_UNDER_THIRTY']],
    ['a grassroots committee of 30 in its cells', 'GRASSROOTS_COMMITTEE', 0, 30, []],
    ['a partial committee', 'PARTIAL_COMMITTEE', 0, 40, ['PARTIAL_COMMITTEE']],
    ['a ward of 2', 'PROVINCE_SUBORDINATE', 0, 2, []],
  ] as const)('%s', (_what, type, members, subtree, expected) => {
    expect(codes(type, members, subtree)).toEqual(expected);
  });

  it('says the rule and the count in Vietnamese', () => {
    expect(statuteSizeWarnings('SUBORDINATE_CELL', 57, 57)[0]!.message).toBe('Chi bộ có 57 đảng viên, quá 50: cần có sự đồng ý của cấp ủy cấp trên.');
  });
});
