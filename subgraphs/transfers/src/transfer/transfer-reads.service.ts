import { availableActions, forbidden, parseId, vietnamDay, type CachedWorkingCalendar, type RequestContext } from '@dangvu/subgraph-kit';
import { policy, transferActor } from '../policy.ts';
import type { TransfersStore } from '../repositories.ts';
import { chainIsValid } from '../signature/decision-chain.ts';
import { nextDeadline, type Deadline } from './deadlines.rules.ts';
import type { TransferLoaders } from './transfer.loaders.ts';
import type { TransferAction } from './transfer.machine.ts';
import type { TransferRow } from './transfer.repository.ts';
import { normalizedCode } from './transfer-codes.rules.ts';
import type { HandoverRow, TransferStepRow } from './transfer-step.repository.ts';
import { entityOf, isRouted, machineOf, subjectOf } from './transfer.service.ts';

/** Why a dossier is in an organization's inbox: the step it waits for there, or that it stalled below. */
export type InboxReason = 'REVIEW' | 'ISSUE_LETTER' | 'HAND_OVER' | 'RECEIVE' | 'RECORD_EXTERNAL_RECEIPT' | 'ACCEPT' | 'HOSTED' | 'ESCALATED';

export interface InboxEntry {
  transfer: TransferRow;
  reason: InboxReason;
  deadline: Deadline | null;
}

export type TimelineEntry = { kind: 'STEP'; step: TransferStepRow } | { kind: 'HANDOVER'; handover: HandoverRow };

export interface TransferReadDeps {
  calendar: CachedWorkingCalendar;
  now: () => Date;
  /** Working days one organization may hold a dossier before its superior sees it (docs/rules/transfers.md#escalation). */
  escalateAfterWorkingDays: number;
}

const REASON_OF_STATE: Partial<Record<TransferRow['state'], InboxReason>> = {
  SUBMITTED: 'REVIEW',
  REVIEWED: 'ISSUE_LETTER',
  LETTER_ISSUED: 'HAND_OVER',
  IN_TRANSIT: 'RECEIVE',
  OVERDUE: 'RECEIVE',
  RECEIVED: 'ACCEPT',
  HOSTED: 'HOSTED',
  EXTENDED: 'HOSTED',
};

/** Overdue first, then the nearest deadline, then by code: the order a secretary works through. */
function byUrgency<T extends { transfer: TransferRow; deadline: Deadline | null }>(entries: T[]): T[] {
  const rank = (entry: T) => (entry.deadline?.overdue ? 0 : entry.deadline ? 1 : 2);
  return entries.sort(
    (a, b) => rank(a) - rank(b) || (a.deadline?.dueOn ?? '').localeCompare(b.deadline?.dueOn ?? '') || (a.transfer.code ?? '').localeCompare(b.transfer.code ?? ''),
  );
}

/**
 * What a caller may read of dossiers (docs/rules/transfers.md#who-reads-transfers), and what each shows: the
 * next deadline, the actions the caller may take, the timeline, whether the signatures hold. Inboxes are the
 * shield's to guard (SEE_TRANSFER_INBOX on the organization); a single dossier is checked here.
 */
export function transferReadService(store: TransfersStore, loaders: TransferLoaders, context: RequestContext, deps: TransferReadDeps) {
  const { identity } = context;
  const today = () => vietnamDay(deps.now());
  const visible = (row: TransferRow) => policy.can(identity, 'SEE_TRANSFER', subjectOf(row));

  async function deadlineOf(row: TransferRow): Promise<Deadline | null> {
    if (!isRouted(row)) return null;
    const letter = await loaders.currentLetter.load(row.id);
    return nextDeadline(
      { state: row.state, effectiveOn: row.effectiveOn, lastStepOn: row.lastStepOn!, letterIssuedOn: letter?.issuedOn ?? null, endsOn: row.plannedEndOn },
      await deps.calendar.get(),
      today(),
      deps.escalateAfterWorkingDays,
    );
  }

  return {
    /** A dossier by id: null when there is none; FORBIDDEN when the caller may not read it (ids cannot be guessed). */
    async byId(id: string): Promise<TransferRow | null> {
      const row = await loaders.byId.load(parseId(id));
      if (row && !visible(row)) throw forbidden();
      return row;
    },

    /** A dossier by its code: null when there is none or the caller may not read it, since codes can be guessed. */
    async byCode(code: string): Promise<TransferRow | null> {
      const row = await store.repos.transfers.byCode(normalizedCode(code));
      return row && visible(row) ? row : null;
    },

    nextDeadline: deadlineOf,

    /** The machine's actions for the caller on the dossier now; guards are left to the step (they may need input). */
    async availableActions(row: TransferRow): Promise<TransferAction[]> {
      if (!isRouted(row)) return [];
      const letter = await loaders.currentLetter.load(row.id);
      const entity = entityOf(row, letter, await deps.calendar.get(), today());
      // MARK_OVERDUE is the daily job's: no caller is offered it.
      return availableActions(machineOf(row.kind), entity, transferActor(identity, subjectOf(row)));
    },

    /** Steps and handovers, oldest first. */
    async timeline(row: TransferRow): Promise<TimelineEntry[]> {
      const [steps, handovers] = await Promise.all([loaders.steps.load(row.id), loaders.handovers.load(row.id)]);
      const entries: (TimelineEntry & { at: Date })[] = [
        ...steps.map((step) => ({ kind: 'STEP' as const, step, at: step.at })),
        ...handovers.map((handover) => ({ kind: 'HANDOVER' as const, handover, at: handover.at })),
      ];
      return entries.sort((a, b) => a.at.getTime() - b.at.getTime()).map(({ at: _at, ...entry }) => entry);
    },

    letter: (row: TransferRow) => loaders.currentLetter.load(row.id),

    /** Whether every step is as its actor signed it, chained from the first (docs/rules/transfers.md#signed-decisions). */
    async signaturesValid(row: TransferRow): Promise<boolean> {
      const steps = await loaders.steps.load(row.id);
      const keyIds = [...new Set(steps.flatMap((step) => (step.keyId ? [step.keyId] : [])))];
      const keys = await loaders.publicKeys.loadMany(keyIds);
      const publicKeys = new Map(keys.flatMap((key) => (key && !(key instanceof Error) ? [[key.id, key.publicKey] as const] : [])));
      return chainIsValid(
        steps.map((step) => ({
          transferId: step.transferId,
          sequence: step.sequence,
          action: step.action,
          fromState: step.fromState,
          toState: step.toState,
          actorId: step.actorId,
          onBehalfOf: step.onBehalfOf,
          at: step.at.toISOString(),
          decision: step.decision,
          prevHash: step.prevHash,
          hash: step.hash,
          keyId: step.keyId,
          signature: step.signature,
        })),
        publicKeys,
      );
    },

    async inbox(organization: { path: string }): Promise<InboxEntry[]> {
      const rows = await store.repos.transfers.inboxOf(organization.path);
      const entries = await Promise.all(
        rows.map(async (transfer) => ({
          transfer,
          reason:
            transfer.escalatedOn && transfer.escalationPath === organization.path
              ? ('ESCALATED' as const)
              : transfer.toOrgId === null && (transfer.state === 'IN_TRANSIT' || transfer.state === 'OVERDUE')
                ? ('RECORD_EXTERNAL_RECEIPT' as const)
                : REASON_OF_STATE[transfer.state]!,
          deadline: await deadlineOf(transfer),
        })),
      );
      return byUrgency(entries);
    },

    counts: (organization: { path: string }) => store.repos.transfers.countsFrom(organization.path),

    async awaitingReceipt(organization: { path: string }): Promise<TransferRow[]> {
      const rows = await store.repos.transfers.awaitingReceiptFrom(organization.path);
      const entries = await Promise.all(rows.map(async (transfer) => ({ transfer, deadline: await deadlineOf(transfer) })));
      return byUrgency(entries).map((entry) => entry.transfer);
    },
  };
}

export type TransferReadService = ReturnType<typeof transferReadService>;
