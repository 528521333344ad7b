import type { AuditFact } from '@dangvu/subgraph-kit';
import { vietnamYear } from '../payment/cash-payment.rules.ts';
import type { Repositories } from '../repositories.ts';
import { codeCandidates, matchLine, type ExceptionKind } from './matching.rules.ts';

/** The collection account lines arrive on, and its organization. */
export interface Account {
  orgId: string;
  orgPath: string;
  accountNumber: string;
}

/** A credited line as a statement or a notification brings it. */
export interface CreditedLine {
  reference: string;
  /** YYYY-MM-DD */
  bookedOn: string;
  amount: bigint;
  narrative: string;
}

/** Months to pay online with one credited line: the obligations, locked, and who they are of. */
export interface OnlinePayment {
  transactionId: string;
  memberId: string;
  obligations: readonly { id: string; period: string; amount: bigint }[];
}

/**
 * Pays each payment's months online, as a cash payment pays them (docs/rules/dues-payments.md#matching): one
 * numbered receipt of the collecting organization per line, the months PAID_ONLINE under it, the line pointing
 * at it. The obligations must be locked by the caller's transaction and still owed.
 */
export async function payOnline(repos: Repositories, account: Account, payments: readonly OnlinePayment[], receivedAt: Date): Promise<{ receiptIds: string[]; facts: AuditFact[] }> {
  if (payments.length === 0) return { receiptIds: [], facts: [] };
  const year = vietnamYear(receivedAt);
  const first = await repos.bankReconciliation.reserveReceiptNumbers(account.orgId, year, payments.length);
  const receipts = await repos.bankReconciliation.insertReceipts(
    payments.map((payment, i) => ({
      orgId: account.orgId,
      year,
      number: first + i,
      memberId: payment.memberId,
      amount: payment.obligations.reduce((sum, o) => sum + o.amount, 0n),
      months: payment.obligations.map((o) => o.period),
      method: 'PAID_ONLINE' as const,
      receivedBy: null,
      receivedAt,
    })),
  );
  const byNumber = new Map(receipts.map((receipt) => [receipt.number, receipt]));
  const paid = payments.map((payment, i) => ({ payment, receipt: byNumber.get(first + i)! }));
  await repos.bankReconciliation.markPaidOnline(
    paid.flatMap(({ payment, receipt }) => payment.obligations.map((o) => ({ obligationId: o.id, receiptId: receipt.id }))),
    receivedAt,
  );
  await repos.bankReconciliation.setTransactionReceipts(paid.map(({ payment, receipt }) => ({ transactionId: payment.transactionId, receiptId: receipt.id })));
  return {
    receiptIds: paid.map(({ receipt }) => receipt.id),
    facts: paid.map(({ payment, receipt }) => ({
      action: 'dues.onlinePaymentMatched',
      entityType: 'DuesReceipt',
      entityId: receipt.id,
      after: { number: receipt.number, year, amount: receipt.amount, months: receipt.months.map((m) => m.slice(0, 7)), transactionId: payment.transactionId },
      orgPath: account.orgPath,
      subjectMemberId: payment.memberId,
    })),
  };
}

export interface Reconciled {
  newLines: number;
  alreadySeen: number;
  matched: number;
  exceptions: number;
  facts: AuditFact[];
}

/**
 * The matcher both statements and notifications feed (docs/rules/dues-payments.md#matching): the lines the
 * account has not had are recorded (one line once, whatever brings it), each is matched by the payment code its
 * narrative holds and its amount, the matched ones paid, the others queued as exceptions. Lines are taken in the
 * order given, so the second transfer of one code is a duplicate of the first. Runs in the caller's transaction.
 */
export async function reconcile(repos: Repositories, account: Account, lines: readonly CreditedLine[], source: 'STATEMENT' | 'NOTIFICATION', importId: string | null, receivedAt: Date): Promise<Reconciled> {
  const withCodes = lines.map((line) => ({ line, codes: codeCandidates(line.narrative) }));
  const inserted = await repos.bankReconciliation.insertNewTransactions(
    withCodes.map(({ line, codes }) => ({
      orgId: account.orgId,
      accountNumber: account.accountNumber,
      reference: line.reference,
      source,
      importId,
      bookedOn: line.bookedOn,
      amount: line.amount,
      narrative: line.narrative,
      paymentCode: codes[0] ?? null,
    })),
  );
  const idOf = new Map(inserted.map((row) => [row.reference, row.id]));
  const fresh = withCodes.filter(({ line }) => idOf.has(line.reference));
  const payments = await repos.bankReconciliation.paymentsByCode([...new Set(fresh.flatMap(({ codes }) => codes))]);
  const paymentOf = new Map(payments.map((payment) => [payment.code, payment]));
  const ours = payments.filter((payment) => payment.collectingOrgId === account.orgId);
  const rows = await repos.bankReconciliation.lockObligations(
    ours.map((payment) => payment.memberId),
    ours.flatMap((payment) => payment.months),
  );
  const obligationOf = new Map(rows.map((row) => [`${row.memberId} ${row.period}`, row]));
  const closed = await repos.monthCloses.closedAmong(rows);
  const paidNow = new Set<string>();
  const toPay: OnlinePayment[] = [];
  const exceptions: Parameters<Repositories['bankReconciliation']['insertExceptions']>[0][number][] = [];
  for (const { line, codes } of fresh) {
    const code = codes.find((candidate) => paymentOf.has(candidate));
    const payment = code ? paymentOf.get(code) : undefined;
    const months = (payment?.collectingOrgId === account.orgId ? payment.months : []).map((period) => obligationOf.get(`${payment!.memberId} ${period}`));
    const known = months.filter((row) => row !== undefined);
    const match = matchLine(
      account.orgId,
      line.amount,
      payment && {
        code: payment.code,
        collectingOrgId: payment.collectingOrgId,
        // A month without its obligation (moved away since) can no longer be paid here: as if paid.
        months: months.map((row) => (row ? { status: paidNow.has(row.id) ? 'PAID_ONLINE' : row.status, amount: BigInt(row.amount), closed: closed.has(`${row.orgId} ${row.period}`) } : { status: 'GONE', amount: 0n, closed: false })),
      },
    );
    const transactionId = idOf.get(line.reference)!;
    if (match.outcome === 'MATCHED') {
      for (const row of known) paidNow.add(row.id);
      toPay.push({ transactionId, memberId: payment!.memberId, obligations: known.map((row) => ({ id: row.id, period: row.period, amount: BigInt(row.amount) })) });
    } else {
      exceptions.push({
        transactionId,
        orgId: account.orgId,
        orgPath: account.orgPath,
        kind: match.outcome as ExceptionKind,
        qrPaymentId: payment && match.outcome !== 'OTHER_ORGANIZATION' ? payment.id : null,
        memberId: payment && match.outcome !== 'OTHER_ORGANIZATION' ? payment.memberId : null,
        expectedAmount: match.expected,
      });
    }
  }
  const paid = await payOnline(repos, account, toPay, receivedAt);
  await repos.bankReconciliation.insertExceptions(exceptions);
  return { newLines: fresh.length, alreadySeen: lines.length - fresh.length, matched: toPay.length, exceptions: exceptions.length, facts: paid.facts };
}
