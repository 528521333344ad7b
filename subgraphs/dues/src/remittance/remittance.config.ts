/**
 * The remittance policy (docs/rules/dues-remittance.md#what-each-level-keeps): what share of the dues it collects
 * each kind of organization keeps, the rest going to its superior. Dated rows, like the rates: a new regulation's
 * split is a row, not code. Only the 2010 table (342-QĐ/TW) was found; it is the default until 01-QĐ/TW's is read.
 */
export interface RemittanceRow {
  /** YYYY-MM, inclusive; `until` exclusive or open. */
  from: string;
  until: string | null;
  /** The organization types the row holds for. */
  orgTypes: readonly string[];
  /** Whole percent kept; the rest is remitted. */
  keepPercent: number;
  /** The rule in Vietnamese, with its source. */
  rule: string;
}

const FROM_2011 = { from: '2011-04', until: null } as const;

export const REMITTANCE_POLICY: readonly RemittanceRow[] = [
  {
    ...FROM_2011,
    orgTypes: ['SUBORDINATE_CELL', 'PARTIAL_COMMITTEE', 'PARTY_GROUP'],
    keepPercent: 50,
    rule: 'Chi bộ trực thuộc đảng ủy cơ sở giữ lại 30–50%, nộp lên 50–70% (Quyết định 342-QĐ/TW); áp dụng mức giữ lại 50%',
  },
  {
    ...FROM_2011,
    orgTypes: ['GRASSROOTS_CELL', 'GRASSROOTS_COMMITTEE'],
    keepPercent: 70,
    rule: 'Tổ chức cơ sở đảng giữ lại 70%, nộp lên 30% (Quyết định 342-QĐ/TW)',
  },
  {
    ...FROM_2011,
    orgTypes: ['PROVINCE_SUBORDINATE', 'PROVINCIAL', 'CENTRAL_DIRECT_COMMITTEE', 'OVERSEAS'],
    keepPercent: 50,
    rule: 'Cấp trên cơ sở giữ lại 50%, nộp lên 50% (Quyết định 342-QĐ/TW)',
  },
  { ...FROM_2011, orgTypes: ['CENTRAL'], keepPercent: 100, rule: 'Cấp Trung ương giữ lại toàn bộ' },
];
