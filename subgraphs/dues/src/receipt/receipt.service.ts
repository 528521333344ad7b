import { auditor, isUuid, rowLoader, groupLoader, type RequestContext } from '@dangvu/subgraph-kit';
import type { PdfPrinter } from '@dangvu/subgraph-kit/printing';
import { policy } from '../policy.ts';
import type { DuesStore } from '../repositories.ts';
import type { ReceiptRow } from '../payment/payment.repository.ts';
import { receiptReference } from '../payment/cash-payment.rules.ts';
import { receiptHtml } from './receipt-document.ts';

/** The names a receipt prints, which the members and organization subgraphs own and the gateway brings. */
export interface ReceiptNames {
  member?: { fullName?: string };
  collectedBy?: { name?: string };
}

/** A receipt as the API holds it: its row, and the names when the gateway brought them for printing. */
export type ReceiptModel = ReceiptRow & ReceiptNames;

/**
 * docs/rules/dues-payments.md#the-receipt-as-a-pdf: a member's receipts, found again and printed, for the member
 * and the officers over the organization where the member pays; nobody else learns that a receipt exists.
 */
export function receiptService(store: DuesStore, context: RequestContext, printer: PdfPrinter) {
  const audit = auditor(context);
  const byId = rowLoader((ids: readonly string[]) => store.repos.receipts.byIds(ids), (row) => row.receipt.id);
  const ofMember = groupLoader((memberIds: readonly string[]) => store.repos.receipts.ofMembers(memberIds), (row) => row.memberId);
  return {
    /** One receipt, or null when there is none or it is not the caller's to see. */
    async visible(id: string): Promise<ReceiptRow | null> {
      if (!isUuid(id)) return null;
      const row = await byId.load(id);
      if (!row?.memberOrgPath) return null;
      return policy.can(context.identity, 'SEE_DUES_RECEIPT', { id: row.receipt.memberId, orgPath: row.memberOrgPath }) ? row.receipt : null;
    },

    /** The member's receipts, newest first; the shield decided on the member. */
    ofMember: (memberId: string) => ofMember.load(memberId),

    /** The receipt as a PDF, base64; each print by someone other than the member is on the member's trail. */
    async pdf(receipt: ReceiptRow, names: ReceiptNames): Promise<string> {
      const pdf = await printer.print(
        receiptHtml({
          reference: receiptReference(receipt.number, receipt.year),
          organizationName: names.collectedBy?.name ?? '',
          memberName: names.member?.fullName ?? '',
          months: receipt.months,
          amount: BigInt(receipt.amount),
          method: receipt.method === 'PAID_ONLINE' ? 'PAID_ONLINE' : 'PAID_CASH',
          receivedAt: receipt.receivedAt,
        }),
      );
      if (context.identity.personId !== receipt.memberId) {
        const row = await byId.load(receipt.id);
        await audit(store.repos.audit, {
          action: 'dues.receiptPrinted',
          entityType: 'DuesReceipt',
          entityId: receipt.id,
          orgPath: row?.memberOrgPath ?? null,
          subjectMemberId: receipt.memberId,
        });
      }
      return pdf.toString('base64');
    },
  };
}

export type ReceiptService = ReturnType<typeof receiptService>;
