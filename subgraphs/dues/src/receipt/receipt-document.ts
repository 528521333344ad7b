import { numericDay, vietnamDay } from '@dangvu/subgraph-kit';
import { documentCss, escapeHtml, formField, spelledDay } from '@dangvu/subgraph-kit/printing';
import { dong } from '../rates/dues-quote.rules.ts';
import { amountInWords } from './amount-in-words.rules.ts';

/** What a dues receipt prints (docs/rules/dues-payments.md#the-receipt-as-a-pdf). */
export interface ReceiptDocument {
  /** "0007/2026" */
  reference: string;
  organizationName: string;
  memberName: string;
  /** First days of the months paid, oldest first. */
  months: readonly string[];
  amount: bigint;
  method: 'PAID_CASH' | 'PAID_ONLINE';
  receivedAt: Date;
}

const monthList = (months: readonly string[]) => months.map((month) => `${month.slice(5, 7)}/${month.slice(0, 4)}`).join(', ');

const METHOD_WORDS: Record<ReceiptDocument['method'], string> = {
  PAID_CASH: 'Tiền mặt, nộp tại chi bộ',
  PAID_ONLINE: 'Chuyển khoản qua ngân hàng (mã QR VietQR)',
};

/**
 * The receipt (biên lai thu đảng phí) as one A5 page of HTML with Open Sans embedded: who collected, from whom,
 * for which months, how much in figures and in words, when and how, and the signatures; the same page for a cash
 * payment and for a transfer matched to its payment.
 */
export function receiptHtml(doc: ReceiptDocument): string {
  const day = vietnamDay(doc.receivedAt);
  const cash = doc.method === 'PAID_CASH';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Biên lai thu đảng phí số ${escapeHtml(doc.reference)}</title>
<style>
${documentCss()}
@page { size: A5 landscape; margin: 12mm 14mm; }
.sign { display: flex; justify-content: space-between; margin-top: 12pt; text-align: center; }
.sign div { width: 48%; min-height: 20mm; }
</style></head>
<body>
<div class="head">
  <div><strong>${escapeHtml(doc.organizationName.toUpperCase())}</strong><br>Số: ${escapeHtml(doc.reference)}</div>
  <div><strong>ĐẢNG CỘNG SẢN VIỆT NAM</strong><br><em>${spelledDay(day)}</em></div>
</div>
<h1>BIÊN LAI THU ĐẢNG PHÍ</h1>
${formField('Họ và tên đảng viên', doc.memberName)}
${formField('Nộp đảng phí các tháng', monthList(doc.months))}
${formField('Số tiền', dong(doc.amount).replace(/ đ$/, ' đồng'))}
${formField('Bằng chữ', amountInWords(doc.amount))}
${formField('Hình thức nộp', METHOD_WORDS[doc.method])}
${formField('Ngày nộp', numericDay(day))}
${formField('Đơn vị thu', doc.organizationName)}
<div class="sign">
  <div><strong>NGƯỜI NỘP</strong><br>${cash ? '(ký, ghi rõ họ tên)' : '(nộp trực tuyến)'}</div>
  <div><strong>NGƯỜI THU TIỀN</strong><br>${cash ? '(ký, ghi rõ họ tên)' : '(đã nhận vào tài khoản của đơn vị)'}</div>
</div>
</body></html>`;
}
