import type { UserError } from '@dangvu/subgraph-kit';
import { normalizePhone } from '../member/phone.rules.ts';

export interface ContactChange {
  phone: string | null;
  residenceAddress: string | null;
}

/**
 * A proposed contact correction as typed, checked and put in the register's form (docs/rules/member-register.md#contact-details):
 * the phone normalized, the address trimmed.
 */
export function readContactChange(typed: { phone?: string | null; residenceAddress?: string | null }): { change: ContactChange; errors: UserError[] } {
  const typedPhone = typed.phone?.trim() || null;
  const phone = typedPhone && normalizePhone(typedPhone);
  const residenceAddress = typed.residenceAddress?.trim() || null;
  const errors: UserError[] = [];
  if (!typedPhone && !residenceAddress) errors.push({ code: 'NOTHING_TO_CHANGE', field: null, message: 'Hãy nhập số điện thoại hoặc nơi cư trú mới.' });
  if (typedPhone && !phone) {
    errors.push({ code: 'INVALID_PHONE', field: 'phone', message: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (có thể viết +84), ví dụ 0912 345 678.' });
  }
  if (residenceAddress && (residenceAddress.length < 10 || residenceAddress.length > 300)) {
    errors.push({ code: 'INVALID_ADDRESS', field: 'residenceAddress', message: 'Nơi cư trú dài từ 10 đến 300 ký tự.' });
  }
  return { change: { phone, residenceAddress }, errors };
}
