import { numericDay } from '@dangvu/subgraph-kit';
import { documentCss, escapeHtml, formField, spelledDay } from '@dangvu/subgraph-kit/printing';
import type { LetterVoucher } from '../voucher/transfer-vouchers.ts';

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

const month = (yearMonth: string) => `${yearMonth.slice(5, 7)}/${yearMonth.slice(0, 4)}`;


/**
 * The letter as one A4 page of HTML, with Open Sans embedded (so Vietnamese prints right wherever it is
 * printed) and the QR code as an image: the printer turns it into the PDF.
 */
export function letterHtml(letter: LetterDocument, qrPng: Buffer): string {
  const official = letter.kind === 'OFFICIAL';
  const kindWords = official ? 'CHÍNH THỨC' : 'TẠM THỜI';
  const m = letter.member;
  const boxes = Array.from({ length: BOXES[letter.kind] }, (_, index) =>
    index === 0
      ? `<div class="box"><strong>Ô 1 — ${escapeHtml(letter.issuerName)}</strong><br>Cấp giấy ${spelledDay(letter.issuedOn)}${
          letter.signatureCode ? `<br>Đã ký số: <span class="mono">${escapeHtml(letter.signatureCode)}</span>` : ''
        }</div>`
      : `<div class="box"><strong>Ô ${index + 1}</strong><br>Cấp ủy nơi đến ghi nhận, ký tên, đóng dấu</div>`,
  ).join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Giấy giới thiệu sinh hoạt đảng ${escapeHtml(letter.number)}</title>
<style>
${documentCss()}
.qr { display: flex; gap: 10pt; align-items: center; margin: 10pt 0; }
.qr img { width: 32mm; height: 32mm; image-rendering: pixelated; }
.boxes { display: grid; grid-template-columns: 1fr 1fr; gap: 4pt; margin-top: 8pt; }
.box { border: 1px solid #000; min-height: 18mm; padding: 3pt 5pt; font-size: 9.5pt; }
.mono { letter-spacing: 0.5pt; }
</style></head>
<body>
<div class="head">
  <div><strong>${escapeHtml(letter.issuerName.toUpperCase())}</strong><br>Số: ${escapeHtml(letter.number)}</div>
  <div><strong>ĐẢNG CỘNG SẢN VIỆT NAM</strong><br><em>${spelledDay(letter.issuedOn)[0]!.toUpperCase()}${spelledDay(letter.issuedOn).slice(1)}</em></div>
</div>
<h1>GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG ${kindWords}</h1>
<p class="sub">(Mẫu ${official ? '10' : '8'} ô)</p>
${formField('Kính gửi', letter.destination)}
<p class="field">${escapeHtml(letter.issuerName)} giới thiệu đồng chí <strong>${escapeHtml(m.fullName)}</strong></p>
${formField('Sinh ngày', m.birthDate && numericDay(m.birthDate))}
${formField('Là đảng viên', m.membershipKind === 'OFFICIAL' ? 'chính thức' : 'dự bị')}
${formField('Ngày vào Đảng', numericDay(m.joinedOn))}
${formField('Ngày chính thức', m.officialOn && numericDay(m.officialOn))}
${formField('Thẻ đảng viên số', m.cardNumber)}
${formField('Số lý lịch', m.dossierNumber)}
${formField('Số danh sách', m.rosterNumber)}
${formField('Hiện sinh hoạt tại', letter.originName)}
${formField(`Được chuyển sinh hoạt đảng ${official ? 'chính thức' : 'tạm thời'} đến`, letter.destination)}
${formField('Lý do', letter.decisionReference ? `${letter.reason} (theo ${letter.decisionReference}, có hiệu lực từ ${numericDay(letter.effectiveOn)})` : letter.reason)}
${official ? '' : formField('Thời gian sinh hoạt tạm thời', `từ ${numericDay(letter.effectiveOn)} đến ${letter.endsOn ? numericDay(letter.endsOn) : '…'}`)}
${formField('Đã đóng đảng phí hết tháng', letter.duesPaidThrough && month(letter.duesPaidThrough))}
${formField('Giấy có giá trị đến hết', `${numericDay(letter.validUntil)} (30 ngày làm việc kể từ ngày cấp)`)}
<div class="qr"><img alt="Mã QR hồ sơ" src="data:image/png;base64,${qrPng.toString('base64')}"><div>
  <p class="field"><span class="label">Mã hồ sơ:</span> ${escapeHtml(letter.dossierCode)}</p>
  <p class="field">Quét mã để mở hồ sơ điện tử và ghi nhận việc bàn giao hồ sơ.</p>
</div></div>
<div class="boxes">${boxes}</div>
</body></html>`;
}
