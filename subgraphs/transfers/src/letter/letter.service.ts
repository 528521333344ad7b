import { toBuffer } from 'qrcode';
import type { TransfersStore } from '../repositories.ts';
import type { LetterVoucher } from '../voucher/transfer-vouchers.ts';
import { letterHtml } from './letter-document.ts';
import type { PdfPrinter } from '@dangvu/subgraph-kit/printing';
import type { LetterView } from './letter-view.ts';

export interface LetterDeps {
  printer: PdfPrinter;
  /** The web app's public origin, for the link the QR code carries. */
  publicOrigin: string;
}

/** The web page a letter's QR code opens: the dossier by its code, and which letter was scanned. */
export const letterLink = (publicOrigin: string, code: string, number: string) =>
  `${publicOrigin.replace(/\/$/, '')}/chuyen-sinh-hoat/ma/${encodeURIComponent(code)}?giay=${encodeURIComponent(number)}`;

/** The letter as the API shows it: its link, its voided predecessors and its PDF (docs/rules/transfers.md#the-introduction-letter). */
export function letterService(store: TransfersStore, deps: LetterDeps) {
  return {
    link: ({ letter, transfer }: LetterView) => letterLink(deps.publicOrigin, transfer.code!, letter.number),

    async voidedNumbers({ transfer }: LetterView): Promise<string[]> {
      return (await store.repos.letters.ofTransfer(transfer.id)).filter((letter) => letter.voidedOn !== null).map((letter) => letter.number);
    },

    /** The PDF, base64: printed from the letter as it was issued, with the issuing step's signature shortened on it. */
    async pdf(view: LetterView): Promise<string> {
      const { letter, transfer } = view;
      const steps = await store.repos.steps.ofTransfers([transfer.id]);
      const issuing = steps.filter((step) => step.action === 'ISSUE_LETTER' || step.action === 'REPLACE_LETTER').at(-1);
      const link = letterLink(deps.publicOrigin, transfer.code!, letter.number);
      const qr = await toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 10 });
      const html = letterHtml(
        {
          kind: transfer.kind,
          number: letter.number,
          issuedOn: letter.issuedOn,
          validUntil: letter.validUntil,
          duesPaidThrough: letter.duesPaidThrough,
          dossierCode: transfer.code!,
          issuerName: transfer.issuerName!,
          originName: transfer.originName!,
          destination: transfer.destinationName ?? `${transfer.outsideName} (${transfer.outsideAddress})`,
          reason: transfer.reason,
          decisionReference: transfer.decisionReference,
          effectiveOn: transfer.effectiveOn,
          endsOn: transfer.plannedEndOn,
          member: letter.facts as Omit<LetterVoucher, 'memberId' | 'dues'>,
          signatureCode: issuing?.signature ? issuing.hash.slice(0, 16).toUpperCase().replace(/(.{4})(?!$)/g, '$1 ') : null,
          link,
        },
        qr,
      );
      return (await deps.printer.print(html)).toString('base64');
    },
  };
}

export type LetterService = ReturnType<typeof letterService>;
