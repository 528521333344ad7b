import { openSansFaces } from './open-sans.ts';

/** Text made safe inside HTML the printer renders: what people typed never becomes markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A day as a document's date line writes it: "ngày 05 tháng 03 năm 2026". */
export const spelledDay = (day: string) => `ngày ${day.slice(8, 10)} tháng ${day.slice(5, 7)} năm ${day.slice(0, 4)}`;

/** A labelled line of a printed form; an empty value leaves a dotted blank to fill by hand. */
export const formField = (label: string, value: string | number | null | undefined) =>
  `<p class="field"><span class="label">${escapeHtml(label)}:</span> ${value === null || value === undefined || value === '' ? '<span class="blank">…………………</span>' : escapeHtml(String(value))}</p>`;

/**
 * The style every printed party document shares: an A4 page, Open Sans embedded as its only font, the heading
 * in two columns (the organization, the Party's name and the date), the title, and the form's labelled lines.
 */
export const documentCss = () => `${openSansFaces('Document Sans')}
@page { size: A4; margin: 16mm 18mm; }
body { font-family: 'Document Sans'; font-size: 11.5pt; line-height: 1.45; color: #000; margin: 0; }
.head { display: flex; justify-content: space-between; text-align: center; }
.head div { width: 48%; }
h1 { font-size: 15pt; text-align: center; margin: 14pt 0 2pt; }
.sub { text-align: center; font-style: italic; margin: 0 0 10pt; }
.field { margin: 2pt 0; }
.label { font-weight: 700; }
.blank { color: #555; }`;
