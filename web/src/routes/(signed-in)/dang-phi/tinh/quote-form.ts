import { DONG_INPUT_ERROR, MONTH_INPUT_ERROR, parseDongInput, parseMonthInput } from '#lib/dues-input.ts';
import type { DuesCategory, DuesQuoteInput, WageRegion } from '#lib/graphql/generated/graphql.ts';

/** The rows of the rate table as a member names their own situation. */
export const SITUATIONS: readonly { value: DuesCategory; label: string }[] = [
  { value: 'SOCIAL_INSURANCE_SALARY', label: 'Đang đóng bảo hiểm xã hội bắt buộc (theo tiền lương)' },
  { value: 'SOCIAL_INSURANCE_BENEFIT', label: 'Đang nghỉ ốm đau, thai sản hưởng trợ cấp bảo hiểm xã hội' },
  { value: 'PENSION', label: 'Hưởng lương hưu' },
  { value: 'STUDENT', label: 'Học sinh, sinh viên' },
  { value: 'NO_INCOME_BELOW_RETIREMENT_AGE', label: 'Không đóng bảo hiểm, không có lương hưu, chưa đến tuổi nghỉ hưu' },
  { value: 'NO_INCOME_RETIREMENT_AGE', label: 'Không đóng bảo hiểm, không có lương hưu, đã đến tuổi nghỉ hưu' },
  { value: 'ABROAD_ALLOWANCE', label: 'Ở nước ngoài, hưởng sinh hoạt phí' },
  { value: 'ABROAD_OTHER', label: 'Đảng viên khác ở nước ngoài' },
];

export const WAGE_REGIONS: readonly { value: WageRegion; label: string }[] = [
  { value: 'REGION_I', label: 'Vùng I' },
  { value: 'REGION_II', label: 'Vùng II' },
  { value: 'REGION_III', label: 'Vùng III' },
  { value: 'REGION_IV', label: 'Vùng IV' },
];

export type QuoteForm = { situation: string; basis: string; wageRegion: string; month: string };
export type ParsedQuote = { input: DuesQuoteInput; errors: Record<string, string> } | { input: null; errors: Record<string, string> };

/**
 * What the calculator's form asks, read from the address (a GET form, so the answer can be bookmarked):
 * the month typed as MM/YYYY, the basis in dong with or without dots between thousands.
 */
export function parseQuoteForm(form: QuoteForm): ParsedQuote {
  const errors: Record<string, string> = {};
  const situation = SITUATIONS.find((s) => s.value === form.situation)?.value;
  if (!situation) errors.situation = 'Hãy chọn trường hợp của đồng chí.';
  const month = parseMonthInput(form.month);
  if (!month) errors.month = MONTH_INPUT_ERROR;
  const empty = form.basis.replace(/[.\s]/g, '') === '';
  const basis = empty ? null : parseDongInput(form.basis);
  if (!empty && !basis) errors.basis = DONG_INPUT_ERROR;
  const wageRegion = WAGE_REGIONS.find((r) => r.value === form.wageRegion)?.value ?? null;
  if (Object.keys(errors).length > 0 || !situation || !month) return { input: null, errors };
  return {
    input: { situation, basis, wageRegion, month },
    errors,
  };
}
