import type { UserError } from '@dangvu/subgraph-kit';
import { RATE_CONFIG, type DuesCategory, type LocalityClass, type RateConfig, type RateRow, type WageRegion } from './rates.config.ts';
import { pastRetirementAge } from './retirement-age.rules.ts';

/** What the calculator is asked: the member's situation for one month (YYYY-MM). Amounts in whole dong. */
export interface QuoteInput {
  category: DuesCategory;
  /** Salary, benefit, pension or allowance of the category; for ABROAD_OTHER the amount the committee set. */
  basis: bigint | null;
  wageRegion: WageRegion | null;
  localityClass: LocalityClass | null;
  birthDate: string | null;
  sex: 'MALE' | 'FEMALE' | null;
  month: string;
}

export interface Quote {
  month: string;
  amount: bigint;
  /** The category applied: for members without income, the side of retirement age the table puts them on. */
  category: DuesCategory;
  regime: string;
  rule: string;
  /** How the amount was reckoned, in Vietnamese figures ("1% × 5.310.000 đ = 53.100 đ"). */
  calculation: string;
  source: string;
}

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; userErrors: UserError[] };

const NO_INCOME = new Set<DuesCategory>(['NO_INCOME_BELOW_RETIREMENT_AGE', 'NO_INCOME_RETIREMENT_AGE']);

const within = (row: { from: string; until?: string }, month: string) => row.from <= month && (row.until === undefined || month < row.until);

/** Vietnamese digit grouping: 5310000 → "5.310.000". */
export const dong = (amount: bigint) => `${amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
const percent = (basisPoints: bigint) => `${(Number(basisPoints) / 100).toString().replace('.', ',')}%`;

/** `value × basisPoints / 10000`, then to a multiple of `unit`, each half up; integers only. */
function apply(value: bigint, basisPoints: bigint, unit: bigint): bigint {
  const exact = (value * basisPoints * 2n + 10_000n) / 20_000n;
  return ((exact * 2n + unit) / (2n * unit)) * unit;
}

const refuse = (code: string, field: string | null, message: string): QuoteResult => ({ ok: false, userErrors: [{ code, field, message }] });

/** The category whose row applies: for members without income, the retirement-age table decides when it can. */
function appliedCategory(input: QuoteInput, config: RateConfig): DuesCategory {
  if (!NO_INCOME.has(input.category) || !input.birthDate || !input.sex) return input.category;
  return pastRetirementAge(input.birthDate, input.sex, input.month, config.retirementAges) ? 'NO_INCOME_RETIREMENT_AGE' : 'NO_INCOME_BELOW_RETIREMENT_AGE';
}

/**
 * How much a member in `input`'s situation owes for the month, by the dated rows of `config`
 * (docs/rules/dues-rates.md): the row of the category in force that month, its formula on the basis, the
 * regional minimum wage or the area, rounded as configured for that month.
 */
export function quoteDues(input: QuoteInput, config: RateConfig = RATE_CONFIG): QuoteResult {
  const category = appliedCategory(input, config);
  const row: RateRow | undefined = config.rates.find((candidate) => candidate.category === category && within(candidate, input.month));
  if (!row) return refuse('NO_RATE', 'month', `Chưa có mức đảng phí cho đối tượng này vào tháng ${input.month.slice(5)}/${input.month.slice(0, 4)}.`);
  const unit = config.rounding.find((candidate) => within(candidate, input.month))?.unit ?? 1n;
  const quote = (amount: bigint, calculation: string): QuoteResult => ({
    ok: true,
    quote: { month: input.month, amount, category, regime: row.regime, rule: row.rule, calculation, source: row.source },
  });
  if (input.basis !== null && input.basis < 0n) return refuse('INVALID_DUES_BASIS', 'basis', 'Thu nhập làm căn cứ đóng đảng phí không được là số âm.');

  const formula = row.formula;
  switch (formula.kind) {
    case 'PERCENT_OF_BASIS': {
      if (!input.basis) return refuse('DUES_BASIS_REQUIRED', 'basis', 'Cần nhập số tiền làm căn cứ (tiền lương, trợ cấp, lương hưu hoặc sinh hoạt phí) để tính đảng phí.');
      const amount = apply(input.basis, formula.basisPoints, unit);
      return quote(amount, `${percent(formula.basisPoints)} × ${dong(input.basis)} = ${dong(amount)}`);
    }
    case 'PERCENT_OF_MINIMUM_WAGE': {
      if (!input.wageRegion) return refuse('WAGE_REGION_REQUIRED', 'wageRegion', 'Cần chọn vùng lương tối thiểu nơi chi bộ đóng để tính đảng phí.');
      const wage = config.minimumWages.find((candidate) => candidate.region === input.wageRegion && within(candidate, input.month));
      if (!wage) return refuse('NO_MINIMUM_WAGE', 'month', 'Chưa có mức lương tối thiểu vùng cho tháng này.');
      const amount = apply(wage.amount, formula.basisPoints, unit);
      return quote(amount, `${percent(formula.basisPoints)} × ${dong(wage.amount)} (lương tối thiểu ${REGION_NAMES[input.wageRegion]}, ${wage.source}) = ${dong(amount)}`);
    }
    case 'FIXED':
      return quote(formula.amount, dong(formula.amount));
    case 'BY_LOCALITY': {
      if (!input.localityClass) return refuse('LOCALITY_REQUIRED', 'localityClass', 'Cần chọn khu vực nơi chi bộ đóng để tính đảng phí theo mức trước tháng 02/2026.');
      const full = formula.amounts[input.localityClass];
      if (category === 'NO_INCOME_RETIREMENT_AGE') {
        const amount = apply(full, formula.pastRetirementPercent * 100n, unit);
        return quote(amount, `${formula.pastRetirementPercent}% × ${dong(full)} = ${dong(amount)}`);
      }
      return quote(full, dong(full));
    }
    case 'SET_AMOUNT': {
      if (!input.basis) return refuse('DUES_BASIS_REQUIRED', 'basis', 'Cần nhập mức đảng phí do đảng ủy ngoài nước quy định cho đảng viên.');
      if (input.basis < formula.min || input.basis > formula.max)
        return refuse('AMOUNT_OUT_OF_RANGE', 'basis', `Mức đảng phí phải từ ${dong(formula.min)} đến ${dong(formula.max)}.`);
      return quote(input.basis, dong(input.basis));
    }
  }
}

const REGION_NAMES: Record<WageRegion, string> = { REGION_I: 'vùng I', REGION_II: 'vùng II', REGION_III: 'vùng III', REGION_IV: 'vùng IV' };
