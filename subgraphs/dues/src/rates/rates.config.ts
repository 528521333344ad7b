import type { RetirementAgeRow } from './retirement-age.rules.ts';
import { RETIREMENT_AGES } from './retirement-age.rules.ts';

/** docs/rules/member-register.md#dues-category: the row of the rate table a member pays under. */
export type DuesCategory =
  | 'SOCIAL_INSURANCE_SALARY'
  | 'SOCIAL_INSURANCE_BENEFIT'
  | 'PENSION'
  | 'STUDENT'
  | 'NO_INCOME_BELOW_RETIREMENT_AGE'
  | 'NO_INCOME_RETIREMENT_AGE'
  | 'ABROAD_ALLOWANCE'
  | 'ABROAD_OTHER';

/** The four regions of the regional minimum wage, by the locality of the member's cell. */
export type WageRegion = 'REGION_I' | 'REGION_II' | 'REGION_III' | 'REGION_IV';

/** The areas of Hướng dẫn 03-HD/VPTW (2016) for members without income under the 2010 rates. */
export type LocalityClass = 'CENTRAL_CITY_URBAN' | 'PROVINCIAL_URBAN' | 'REMOTE' | 'OTHER';

/** How a month's amount is reckoned; percentages in basis points (1% = 100) so that no float is involved. */
export type Formula =
  | { kind: 'PERCENT_OF_BASIS'; basisPoints: bigint }
  | { kind: 'PERCENT_OF_MINIMUM_WAGE'; basisPoints: bigint }
  | { kind: 'FIXED'; amount: bigint }
  /** The 2010 rates for members without income: by area, half of it past working age. */
  | { kind: 'BY_LOCALITY'; amounts: Record<LocalityClass, bigint>; pastRetirementPercent: bigint }
  /** An amount the overseas committee sets for the member, within bounds. */
  | { kind: 'SET_AMOUNT'; min: bigint; max: bigint };

/**
 * One dated row of the rate table: it holds for `category` from month `from` (YYYY-MM, inclusive) until `until`
 * (exclusive; open when absent). `rule` is what the member reads, `source` the text that sets it.
 */
export interface RateRow {
  regime: string;
  category: DuesCategory;
  from: string;
  until?: string;
  formula: Formula;
  rule: string;
  source: string;
}

export interface MinimumWageRow {
  region: WageRegion;
  from: string;
  until?: string;
  amount: bigint;
  source: string;
}

/** Rounding of a computed amount to a multiple of `unit` dong, half up; dated like the rates. */
export interface RoundingRow {
  from: string;
  until?: string;
  unit: bigint;
}

export interface RateConfig {
  rates: readonly RateRow[];
  minimumWages: readonly MinimumWageRow[];
  retirementAges: readonly RetirementAgeRow[];
  rounding: readonly RoundingRow[];
}

const OLD = { regime: '342-QĐ/TW', from: '2011-04', until: '2026-02' } as const;
const OLD_SOURCE = 'Quyết định 342-QĐ/TW ngày 28/12/2010 của Bộ Chính trị; Hướng dẫn 03-HD/VPTW ngày 06/7/2016';
const NEW = { regime: '01-QĐ/TW', from: '2026-02' } as const;
const NEW_SOURCE = 'Quy định 01-QĐ/TW ngày 03/02/2026 của Bộ Chính trị, áp dụng từ 01/02/2026';
const OLD_NO_INCOME: Formula = {
  kind: 'BY_LOCALITY',
  amounts: { CENTRAL_CITY_URBAN: 10_000n, PROVINCIAL_URBAN: 8_000n, OTHER: 6_000n, REMOTE: 4_000n },
  pastRetirementPercent: 50n,
};
const OLD_NO_INCOME_RULE = 'Đảng viên không hưởng lương: 10.000 đồng (nội thành thành phố trực thuộc Trung ương), 8.000 đồng (nội thành đô thị loại I–III của tỉnh), 6.000 đồng (khu vực khác), 4.000 đồng (miền núi, vùng sâu, vùng xa, biên giới, hải đảo); ngoài độ tuổi lao động đóng 50%';

/** docs/rules/dues-rates.md: the rate table, the 2010 rates before 02/2026 and the 2028 switch as rows. */
export const RATE_CONFIG: RateConfig = {
  rates: [
    { ...OLD, category: 'SOCIAL_INSURANCE_SALARY', formula: { kind: 'PERCENT_OF_BASIS', basisPoints: 100n }, rule: '1% tiền lương, phụ cấp tính đóng bảo hiểm xã hội', source: OLD_SOURCE },
    { ...OLD, category: 'SOCIAL_INSURANCE_BENEFIT', formula: { kind: 'PERCENT_OF_BASIS', basisPoints: 50n }, rule: '0,5% trợ cấp bảo hiểm xã hội hằng tháng', source: OLD_SOURCE },
    { ...OLD, category: 'PENSION', formula: { kind: 'PERCENT_OF_BASIS', basisPoints: 50n }, rule: '0,5% lương hưu', source: OLD_SOURCE },
    { ...OLD, category: 'STUDENT', formula: { kind: 'FIXED', amount: 3_000n }, rule: 'Học sinh, sinh viên không hưởng lương, phụ cấp: 3.000 đồng', source: OLD_SOURCE },
    { ...OLD, category: 'NO_INCOME_BELOW_RETIREMENT_AGE', formula: OLD_NO_INCOME, rule: OLD_NO_INCOME_RULE, source: OLD_SOURCE },
    { ...OLD, category: 'NO_INCOME_RETIREMENT_AGE', formula: OLD_NO_INCOME, rule: OLD_NO_INCOME_RULE, source: OLD_SOURCE },

    { ...NEW, category: 'SOCIAL_INSURANCE_SALARY', formula: { kind: 'PERCENT_OF_BASIS', basisPoints: 100n }, rule: '1% tiền lương làm căn cứ đóng bảo hiểm xã hội bắt buộc của tháng trước', source: NEW_SOURCE },
    { ...NEW, category: 'SOCIAL_INSURANCE_BENEFIT', formula: { kind: 'PERCENT_OF_BASIS', basisPoints: 100n }, rule: '1% trợ cấp bảo hiểm xã hội (nghỉ ốm đau, thai sản)', source: NEW_SOURCE },
    { ...NEW, category: 'PENSION', formula: { kind: 'PERCENT_OF_BASIS', basisPoints: 50n }, rule: '0,5% lương hưu', source: NEW_SOURCE },
    { ...NEW, category: 'STUDENT', formula: { kind: 'FIXED', amount: 5_000n }, rule: 'Học sinh, sinh viên: 5.000 đồng', source: NEW_SOURCE },
    { ...NEW, until: '2028-01', category: 'NO_INCOME_BELOW_RETIREMENT_AGE', formula: { kind: 'PERCENT_OF_MINIMUM_WAGE', basisPoints: 30n }, rule: '0,3% mức lương tối thiểu vùng nơi chi bộ đóng (chưa đến tuổi nghỉ hưu, không đóng bảo hiểm xã hội, không hưởng lương hưu)', source: NEW_SOURCE },
    { ...NEW, from: '2028-01', category: 'NO_INCOME_BELOW_RETIREMENT_AGE', formula: { kind: 'PERCENT_OF_MINIMUM_WAGE', basisPoints: 50n }, rule: '0,5% mức lương tối thiểu vùng nơi chi bộ đóng (chưa đến tuổi nghỉ hưu, không đóng bảo hiểm xã hội, không hưởng lương hưu), từ 01/01/2028', source: NEW_SOURCE },
    { ...NEW, until: '2028-01', category: 'NO_INCOME_RETIREMENT_AGE', formula: { kind: 'PERCENT_OF_MINIMUM_WAGE', basisPoints: 20n }, rule: '0,2% mức lương tối thiểu vùng nơi chi bộ đóng (đã đến tuổi nghỉ hưu, không đóng bảo hiểm xã hội, không hưởng lương hưu)', source: NEW_SOURCE },
    { ...NEW, from: '2028-01', category: 'NO_INCOME_RETIREMENT_AGE', formula: { kind: 'PERCENT_OF_MINIMUM_WAGE', basisPoints: 30n }, rule: '0,3% mức lương tối thiểu vùng nơi chi bộ đóng (đã đến tuổi nghỉ hưu, không đóng bảo hiểm xã hội, không hưởng lương hưu), từ 01/01/2028', source: NEW_SOURCE },
    { ...NEW, category: 'ABROAD_ALLOWANCE', formula: { kind: 'PERCENT_OF_BASIS', basisPoints: 100n }, rule: '1% sinh hoạt phí hằng tháng (cán bộ cơ quan đại diện, người đi cùng, lưu học sinh theo ngân sách nhà nước ở nước ngoài)', source: NEW_SOURCE },
    { ...NEW, category: 'ABROAD_OTHER', formula: { kind: 'SET_AMOUNT', min: 30_000n, max: 400_000n }, rule: 'Đảng viên khác ở nước ngoài: mức do đảng ủy ngoài nước quy định, từ 30.000 đến 400.000 đồng', source: NEW_SOURCE },
  ],
  minimumWages: [
    ...(
      [
        ['REGION_I', 5_310_000n],
        ['REGION_II', 4_730_000n],
        ['REGION_III', 4_140_000n],
        ['REGION_IV', 3_700_000n],
      ] as const
    ).map(([region, amount]) => ({ region, from: '2026-01', amount, source: 'Nghị định 293/2025/NĐ-CP, từ 01/01/2026' })),
  ],
  retirementAges: RETIREMENT_AGES,
  rounding: [{ from: '2011-04', unit: 1n }],
};
