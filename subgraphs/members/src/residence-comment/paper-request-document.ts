import { numericDay } from '@dangvu/subgraph-kit';
import { documentCss, escapeHtml, formField, spelledDay } from '@dangvu/subgraph-kit/printing';
import { DUTIES, DUTY_LABELS } from './residence-comment.rules.ts';

/** What the paper request to a residence outside the system prints (docs/rules/residence-comments.md#a-residence-outside-the-system). */
export interface PaperRequestDocument {
  workplaceName: string;
  recipientName: string;
  recipientAddress: string;
  memberName: string;
  birthDate: string | null;
  residenceAddress: string | null;
  purpose: string;
  dueOn: string;
  printedOn: string;
}

/** Why the comment is asked, as the paper says it. */
export const PURPOSE_WORDS: Record<string, string> = {
  ANNUAL_REVIEW: 'đánh giá, xếp loại chất lượng đảng viên hằng năm',
  PERSONNEL: 'thực hiện quy trình công tác cán bộ',
  AWARD: 'xét khen thưởng',
  DISCIPLINE: 'xem xét kỷ luật',
};

/**
 * The request as one A4 page of HTML, with Open Sans embedded so its Vietnamese prints right anywhere: who asks
 * whom, about whom, by when, and a form with the seven duties of 213-QĐ/TW for the residence cell committee to
 * fill, sign and stamp.
 */
export function paperRequestHtml(doc: PaperRequestDocument): string {
  const duties = DUTIES.map((duty, index) => `<tr><td>${index + 1}. ${escapeHtml(DUTY_LABELS[duty])}</td><td class="fill"></td></tr>`).join('');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Đề nghị nhận xét đảng viên ${escapeHtml(doc.memberName)}</title>
<style>
${documentCss()}
h1 { font-size: 14pt; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0; font-size: 10pt; }
td, th { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; }
td.fill { width: 40%; }
.sign { display: flex; justify-content: space-between; margin-top: 14pt; text-align: center; }
.sign div { width: 48%; min-height: 26mm; }
</style></head>
<body>
<div class="head">
  <div><strong>${escapeHtml(doc.workplaceName.toUpperCase())}</strong></div>
  <div><strong>ĐẢNG CỘNG SẢN VIỆT NAM</strong><br><em>${spelledDay(doc.printedOn)}</em></div>
</div>
<h1>PHIẾU ĐỀ NGHỊ NHẬN XÉT ĐẢNG VIÊN<br>ĐANG CÔNG TÁC NƠI KHÁC VỀ NƠI CƯ TRÚ</h1>
<p class="sub">(theo Quy định 213-QĐ/TW và Hướng dẫn 33-HD/BTCTW)</p>
<p>Kính gửi: <strong>${escapeHtml(doc.recipientName)}</strong>, ${escapeHtml(doc.recipientAddress)}.</p>
<p>${escapeHtml(doc.workplaceName)} đề nghị chi ủy, chi bộ nơi cư trú nhận xét việc thực hiện nhiệm vụ ở nơi cư trú của đảng viên:</p>
${formField('Họ và tên', doc.memberName)}
${formField('Sinh ngày', doc.birthDate && numericDay(doc.birthDate))}
${formField('Nơi cư trú', doc.residenceAddress)}
${formField('Nơi công tác, sinh hoạt đảng', doc.workplaceName)}
${formField('Để', doc.purpose)}
${formField('Xin gửi lại trước', numericDay(doc.dueOn))}
<table><tr><th>Nhiệm vụ của đảng viên ở nơi cư trú</th><th>Nhận xét của chi ủy nơi cư trú</th></tr>${duties}</table>
<p class="field"><span class="label">Nhận xét chung:</span></p>
<p class="blank">……………………………………………………………………………………………………………………………………</p>
<p class="blank">……………………………………………………………………………………………………………………………………</p>
<div class="sign">
  <div><strong>T/M ${escapeHtml(doc.workplaceName.toUpperCase())}</strong><br>(ký, ghi rõ họ tên, đóng dấu)</div>
  <div><strong>T/M CHI ỦY NƠI CƯ TRÚ</strong><br>BÍ THƯ<br>(ký, ghi rõ họ tên, đóng dấu)</div>
</div>
</body></html>`;
}
