import type { UserError } from '@dangvu/subgraph-kit';

/** What a proposed contact correction must be (docs/rules/member-register.md#contact-details). */
export function contactChangeErrors({ phone, residenceAddress }: { phone: string | null; residenceAddress: string | null }): UserError[] {
  const errors: UserError[] = [];
  if (!phone && !residenceAddress) errors.push({ code: 'NOTHING_TO_CHANGE', field: null, message: 'Hãy nhập số điện thoại hoặc nơi cư trú mới.' });
  if (phone && !/^(0|\+84)\d{9}$/.test(phone)) {
    errors.push({ code: 'INVALID_PHONE', field: 'phone', message: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84).' });
  }
  if (residenceAddress && (residenceAddress.length < 10 || residenceAddress.length > 300)) {
    errors.push({ code: 'INVALID_ADDRESS', field: 'residenceAddress', message: 'Nơi cư trú dài từ 10 đến 300 ký tự.' });
  }
  return errors;
}
