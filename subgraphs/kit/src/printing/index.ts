export { chooseChromium, firstLine, type BrowserChoice } from './chromium.ts';
export { chromiumPrinter, type PdfPrinter } from './pdf-printer.ts';
export { openSans, openSansFaces, type FontWeight } from './open-sans.ts';
export { documentCss, escapeHtml, formField, spelledDay } from './html.ts';
