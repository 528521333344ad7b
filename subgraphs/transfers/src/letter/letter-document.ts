import { numericDay } from '@dangvu/subgraph-kit';
import type { LetterVoucher } from '../voucher/transfer-vouchers.ts';
import type { FontWeight } from './open-sans.ts';

/** What a letter prints (docs/rules/transfers.md#the-introduction-letter). */
export interface LetterDocument {
  kind: 'OFFICIAL' | 'TEMPORARY';
  number: string;
  issuedOn: string;
  validUntil: string;
  duesPaidThrough: string | null;
  dossierCode: string;
  issuerName: string;
  originName: string;
  /** The receiving organization, or the one outside the system with its address. */
  destination: string;
  reason: string;
  decisionReference: string | null;
  effectiveOn: string;
  endsOn: string | null;
  member: Omit<LetterVoucher, 'memberId' | 'dues'>;
  /** The issuing decision's signature, shortened for the eye: the dossier's chain holds the whole. */
  signatureCode: string | null;
  /** What the QR code opens. */
  link: string;
}

/** The official letter has ten boxes, the temporary one eight: each committee on the path fills one. */
export const BOXES = { OFFICIAL: 10, TEMPORARY: 8 } as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** 05/03/2026 */
/** ngày 05 tháng 03 năm 2026 */
const spelled = (day: string) => `ngày ${day.slice(8, 10)} tháng ${day.slice(5, 7)} năm ${day.slice(0, 4)}`;
const month = (yearMonth: string) => `${yearMonth.slice(5, 7)}/${yearMonth.slice(0, 4)}`;

const row = (label: string, value: string | number | null | undefined) =>
  `<p class="field"><span class="label">${escape(label)}:</span> ${value === null || value === undefined || value === '' ? '<span class="blank">…………………</span>' : escape(String(value))}</p>`;

/**
 * The letter as one A4 page of HTML, with Open Sans embedded (so Vietnamese prints right wherever it is
 * printed) and the QR code as an image: the printer turns it into the PDF.
 */
export function letterHtml(letter: LetterDocument, qrPng: Buffer, fonts: Record<FontWeight, Buffer>): string {
  const official = letter.kind === 'OFFICIAL';
  const kindWords = official ? 'CHÍNH THỨC' : 'TẠM THỜI';
  const m = letter.member;
  const face = (weight: FontWeight, css: string) =>
    `@font-face { font-family: 'Letter Sans'; ${css} src: url(data:font/ttf;base64,${fonts[weight].toString('base64')}) format('truetype'); }`;
  const boxes = Array.from({ length: BOXES[letter.kind] }, (_, index) =>
    index === 0
      ? `<div class="box"><strong>Ô 1 — ${escape(letter.issuerName)}</strong><br>Cấp giấy ${spelled(letter.issuedOn)}${
          letter.signatureCode ? `<br>Đã ký số: <span class="mono">${escape(letter.signatureCode)}</span>` : ''
        }</div>`
      : `<div class="box"><strong>Ô ${index + 1}</strong><br>Cấp ủy nơi đến ghi nhận, ký tên, đóng dấu</div>`,
  ).join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Giấy giới thiệu sinh hoạt đảng ${escape(letter.number)}</title>
<style>
${face('Regular', 'font-weight: 400; font-style: normal;')}
${face('Bold', 'font-weight: 700; font-style: normal;')}
${face('Italic', 'font-weight: 400; font-style: italic;')}
@page { size: A4; margin: 16mm 18mm; }
body { font-family: 'Letter Sans'; font-size: 11.5pt; line-height: 1.45; color: #000; margin: 0; }
.head { display: flex; justify-content: space-between; text-align: center; }
.head div { width: 48%; }
h1 { font-size: 15pt; text-align: center; margin: 14pt 0 2pt; }
.sub { text-align: center; font-style: italic; margin: 0 0 10pt; }
.field { margin: 2pt 0; }
.label { font-weight: 700; }
.blank { color: #555; }
.qr { display: flex; gap: 10pt; align-items: center; margin: 10pt 0; }
.qr img { width: 32mm; height: 32mm; image-rendering: pixelated; }
.boxes { display: grid; grid-template-columns: 1fr 1fr; gap: 4pt; margin-top: 8pt; }
.box { border: 1px solid #000; min-height: 18mm; padding: 3pt 5pt; font-size: 9.5pt; }
.mono { letter-spacing: 0.5pt; }
</style></head>
<body>
<div class="head">
  <div><strong>${escape(letter.issuerName.toUpperCase())}</strong><br>Số: ${escape(letter.number)}</div>
  <div><strong>ĐẢNG CỘNG SẢN VIỆT NAM</strong><br><em>${spelled(letter.issuedOn)[0]!.toUpperCase()}${spelled(letter.issuedOn).slice(1)}</em></div>
</div>
<h1>GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG ${kindWords}</h1>
<p class="sub">(Mẫu ${official ? '10' : '8'} ô)</p>
${row('Kính gửi', letter.destination)}
<p class="field">${escape(letter.issuerName)} giới thiệu đồng chí <strong>${escape(m.fullName)}</strong></p>
${row('Sinh ngày', m.birthDate && numericDay(m.birthDate))}
${row('Là đảng viên', m.membershipKind === 'OFFICIAL' ? 'chính thức' : 'dự bị')}
${row('Ngày vào Đảng', numericDay(m.joinedOn))}
${row('Ngày chính thức', m.officialOn && numericDay(m.officialOn))}
${row('Thẻ đảng viên số', m.cardNumber)}
${row('Số lý lịch', m.dossierNumber)}
${row('Số danh sách', m.rosterNumber)}
${row('Hiện sinh hoạt tại', letter.originName)}
${row(`Được chuyển sinh hoạt đảng ${official ? 'chính thức' : 'tạm thời'} đến`, letter.destination)}
${row('Lý do', letter.decisionReference ? `${letter.reason} (theo ${letter.decisionReference}, có hiệu lực từ ${numericDay(letter.effectiveOn)})` : letter.reason)}
${official ? '' : row('Thời gian sinh hoạt tạm thời', `từ ${numericDay(letter.effectiveOn)} đến ${letter.endsOn ? numericDay(letter.endsOn) : '…'}`)}
${row('Đã đóng đảng phí hết tháng', letter.duesPaidThrough && month(letter.duesPaidThrough))}
${row('Giấy có giá trị đến hết', `${numericDay(letter.validUntil)} (30 ngày làm việc kể từ ngày cấp)`)}
<div class="qr"><img alt="Mã QR hồ sơ" src="data:image/png;base64,${qrPng.toString('base64')}"><div>
  <p class="field"><span class="label">Mã hồ sơ:</span> ${escape(letter.dossierCode)}</p>
  <p class="field">Quét mã để mở hồ sơ điện tử và ghi nhận việc bàn giao hồ sơ.</p>
</div></div>
<div class="boxes">${boxes}</div>
</body></html>`;
}
