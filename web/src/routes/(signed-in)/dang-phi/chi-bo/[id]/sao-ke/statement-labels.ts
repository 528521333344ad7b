import type { BankStatementPreset, DuesPaymentExceptionAction, DuesPaymentExceptionKind } from '#lib/graphql/generated/graphql.ts';

/** The banks whose exports the import reads (docs/rules/dues-payments.md#bank-presets), as the finance member knows them. */
export const BANK_PRESETS: readonly { value: BankStatementPreset; label: string }[] = [
  { value: 'VIETCOMBANK', label: 'Vietcombank' },
  { value: 'BIDV', label: 'BIDV' },
  { value: 'AGRIBANK', label: 'Agribank' },
  { value: 'VIETINBANK', label: 'VietinBank' },
  { value: 'TECHCOMBANK', label: 'Techcombank' },
  { value: 'MB', label: 'MB (Ngân hàng Quân đội)' },
  { value: 'GENERIC', label: 'Mẫu khác (Ngày GD, Diễn giải, Ghi có)' },
];

/** Why a credited line waits (docs/rules/dues-payments.md#matching). */
export const EXCEPTION_KIND: Record<DuesPaymentExceptionKind, string> = {
  UNMATCHED: 'Không có mã thanh toán',
  PARTIAL: 'Chuyển thiếu',
  OVERPAID: 'Chuyển thừa',
  ALREADY_PAID: 'Trùng: các tháng đã đóng',
  MONTH_CLOSED: 'Vào tháng đã khóa sổ',
  OTHER_ORGANIZATION: 'Mã của tổ chức khác',
};

export const EXCEPTION_ACTIONS: readonly { value: DuesPaymentExceptionAction; label: string }[] = [
  { value: 'APPLY_TO_MONTHS', label: 'Ghi nhận đóng các tháng đã chọn' },
  { value: 'REFUNDED', label: 'Đã hoàn trả người chuyển' },
  { value: 'NOT_DUES', label: 'Không phải đảng phí' },
];
