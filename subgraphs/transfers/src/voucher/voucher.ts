import type { UserError } from '@dangvu/subgraph-kit';
import type { TransferSecrets } from '../signature/transfer-secrets.ts';

/**
 * A voucher: facts that another subgraph answered through the gateway (federation's @requires), sealed by this
 * subgraph for the caller who read them and for a short while, so that a mutation can rely on them
 * (docs/decisions/0010-transfer-letters.md#facts-from-other-subgraphs). Readable by the caller, forged by nobody.
 */
export const VOUCHER_MINUTES = 15;

interface Sealed<F> {
  v: 1;
  kind: string;
  readBy: string;
  expiresAt: number;
  facts: F;
}

export function sealVoucher<F>(secrets: TransferSecrets, kind: string, readBy: string, facts: F, now: Date): string {
  const body: Sealed<F> = { v: 1, kind, readBy, expiresAt: now.getTime() + VOUCHER_MINUTES * 60_000, facts };
  const text = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${text}.${secrets.mac(text).toString('base64url')}`;
}

/** The facts of a voucher of `kind` sealed for `readBy`, or why it cannot be used, as a user error on `field`. */
export function openVoucher<F>(secrets: TransferSecrets, token: string, kind: string, readBy: string | null, now: Date, field: string): F | UserError {
  const invalid: UserError = { code: 'INVALID_VOUCHER', field, message: 'Dữ liệu xác nhận không hợp lệ: hãy tải lại trang rồi thực hiện lại.' };
  const [text, mac, ...rest] = token.split('.');
  if (!text || !mac || rest.length || !secrets.sameMac(text, Buffer.from(mac, 'base64url'))) return invalid;
  const body = JSON.parse(Buffer.from(text, 'base64url').toString()) as Sealed<F>;
  if (body.v !== 1 || body.kind !== kind || body.readBy !== readBy) return invalid;
  if (body.expiresAt < now.getTime()) {
    return { code: 'EXPIRED_VOUCHER', field, message: `Dữ liệu xác nhận chỉ dùng được trong ${VOUCHER_MINUTES} phút: hãy tải lại trang rồi thực hiện lại.` };
  }
  return body.facts;
}

export const isUserError = (value: unknown): value is UserError =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value && 'field' in value;
