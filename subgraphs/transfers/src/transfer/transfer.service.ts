import {
  auditor,
  forbidden,
  notFound,
  onBehalfConsentError,
  parseId,
  transition,
  vietnamDay,
  type CachedWorkingCalendar,
  type Machine,
  type RequestContext,
  type UserError,
  type WorkingCalendar,
} from '@dangvu/subgraph-kit';
import { policy, sideGrant, transferActor, type DossierSubject } from '../policy.ts';
import type { Repositories, TransfersStore } from '../repositories.ts';
import type { PersonSigner as StepSigner } from '@dangvu/subgraph-kit';
import { isUserError } from '../voucher/voucher.ts';
import type { LetterVoucher, MemberVoucher, OrganizationVoucher, TransferVouchers } from '../voucher/transfer-vouchers.ts';
import { presentDueOn, startDueOn } from './deadlines.rules.ts';
import { duesClearance } from './dues-clearance.rules.ts';
import { uncheckedItemsError, type DossierItem } from './dossier-items.rules.ts';
import { dossierRoute, isCell, parentPath, stepBelow } from './issuing-route.rules.ts';
import { appendStep } from './step-recorder.ts';
import { extensionErrors, temporaryPeriodErrors } from './temporary-period.rules.ts';
import { dossierCode, letterNumber, normalizedCode } from './transfer-codes.rules.ts';
import type { TransferLetterRow } from './transfer-letter.repository.ts';
import type { TransferChanges, TransferRow } from './transfer.repository.ts';
import {
  CLOSED_STATES,
  officialTransferMachine,
  temporaryTransferMachine,
  type TransferAction,
  type TransferActor,
  type TransferEntity,
  type TransferKind,
  type TransferState,
  type TransferStepInput,
} from './transfer.machine.ts';

export interface TransferDeps {
  vouchers: TransferVouchers;
  sign: StepSigner;
  calendar: CachedWorkingCalendar;
  now: () => Date;
}

export interface StepPayload {
  transfer: TransferRow | null;
  userErrors: UserError[];
}

type AnyMachine = Machine<TransferState, TransferAction, TransferActor, TransferEntity, TransferStepInput>;

/** The machine of a dossier's kind. */
export const machineOf = (kind: TransferKind) => (kind === 'OFFICIAL' ? officialTransferMachine : temporaryTransferMachine) as unknown as AnyMachine;

/** A dossier opened on this platform: routed, coded and chained. Rows loaded from earlier records are shown, never acted on. */
export const isRouted = (row: TransferRow) => row.code !== null;

/** What the policy reads of a row. */
export const subjectOf = (row: TransferRow): DossierSubject => ({
  memberId: row.memberId,
  originPath: row.originPath,
  issuerPath: row.issuerPath,
  destinationPath: row.destinationPath,
  receivingRootPath: row.receivingRootPath,
});

/** What the machine reads of a dossier today; `duesOwed` is known only when a letter is being issued. */
export function entityOf(row: TransferRow, letter: TransferLetterRow | null, calendar: WorkingCalendar, today: string, duesOwed = false): TransferEntity {
  return {
    state: row.state,
    destinationInSystem: row.toOrgId !== null,
    startDeadlinePassed: today > startDueOn(calendar, row.effectiveOn),
    presentDeadlinePassed: letter !== null && today > presentDueOn(calendar, letter.issuedOn),
    duesOwed,
  };
}

const LIMITS = { short: 300, long: 4000 };

/** A required text: trimmed, present, not too long; the error names the field. */
function text(value: string | null | undefined, field: string, label: string, max = LIMITS.short): string | UserError {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return { code: 'REQUIRED', field, message: `Cần ghi ${label}.` };
  if (trimmed.length > max) return { code: 'TOO_LONG', field, message: `${label[0]!.toUpperCase()}${label.slice(1)} dài quá ${max} ký tự.` };
  return trimmed;
}

const optionalText = (value: string | null | undefined, field: string, label: string, max = LIMITS.short) =>
  value?.trim() ? text(value, field, label, max) : null;

/** Texts that all passed, or every error among them. */
function texts<K extends string>(values: Record<K, string | null | UserError>): Record<K, string | null> | UserError[] {
  const errors = Object.values<string | null | UserError>(values).filter(isUserError);
  return errors.length ? errors : (values as Record<K, string | null>);
}

export interface StartTransferInput {
  kind: TransferKind;
  memberVoucher: string;
  destinationVoucher?: string | null;
  outsideDestination?: { name: string; address: string } | null;
  reason: string;
  decisionReference: string;
  effectiveOn: string;
  endsOn?: string | null;
  fullTimeStudy?: boolean | null;
  selfReview: string;
  /** How and when the member agreed, when a support-team member opens the dossier for them. */
  memberConsent?: string | null;
}

export interface StepInput {
  transferId: string;
  expectedVersion: number;
  /** How and when the member agreed, when a support-team member does the member's step (submit, cancel). */
  memberConsent?: string | null;
}

/** The steps that take only a text or two; each names its mutation's own input fields. */
export type TextStep =
  | { action: 'SUBMIT'; lateReason?: string | null }
  | { action: 'CANCEL'; reason: string }
  | { action: 'REVIEW'; meetingOn: string; conclusion: string }
  | { action: 'RETURN_FOR_COMPLETION'; missing: string }
  | { action: 'REJECT'; reason: string }
  | { action: 'HAND_OVER'; note?: string | null }
  | { action: 'RECEIVE'; lateReason?: string | null }
  | { action: 'ACCEPT'; rosterNumber?: number | null; note?: string | null }
  | { action: 'REFUSE'; reason: string }
  | { action: 'RECORD_EXTERNAL_RECEIPT'; slipReference: string; receivedOn: string }
  | { action: 'END'; endedOn: string; note?: string | null };

/** What a step decides beyond its state: the decision as signed, and the dossier's other changes. */
interface StepOutcome {
  decision: Record<string, unknown>;
  changes?: TransferChanges;
  /** Writes that belong to the step: a letter, an event. */
  effects?(repos: Repositories, after: TransferRow): Promise<void>;
}

const refused = (...userErrors: UserError[]): StepPayload => ({ transfer: null, userErrors });

/**
 * The two transfer procedures' writes (docs/rules/transfers.md): the member's request, and each step of the
 * sides after it. Every step is decided by the dossier's machine on the caller's relation to it, taken on the
 * version the caller saw, written with its signed step, its audit entry and its events in one transaction.
 */
export function transferService(store: TransfersStore, context: RequestContext, deps: TransferDeps) {
  const { identity } = context;
  const audit = auditor(context);
  const today = () => vietnamDay(deps.now());

  /** The dossier for a step: locked, visible to the caller, on the version they saw, and one this platform routed. */
  async function locked(repos: Repositories, input: StepInput): Promise<TransferRow | UserError> {
    const row = await repos.transfers.forUpdate(parseId(input.transferId));
    if (!row) throw notFound('hồ sơ chuyển sinh hoạt');
    if (!policy.can(identity, 'SEE_TRANSFER', subjectOf(row))) throw forbidden();
    if (!isRouted(row)) {
      return { code: 'IMPORTED_DOSSIER', field: 'transferId', message: 'Hồ sơ này được nhập từ dữ liệu cũ, không xử lý trên hệ thống: hãy lập hồ sơ mới.' };
    }
    if (row.version !== input.expectedVersion) {
      return { code: 'STALE_VERSION', field: 'expectedVersion', message: 'Hồ sơ vừa được người khác xử lý: hãy tải lại để xem tình trạng mới nhất.' };
    }
    return row;
  }

  /** Who acted for whom, on whose organization's behalf: recorded with the decision. */
  function actingAs(row: TransferRow, actor: TransferActor) {
    if (actor.self) return { side: 'MEMBER', organizationId: null, onBehalfOf: null };
    const subject = subjectOf(row);
    for (const side of ['receiving', 'issuing', 'sending'] as const) {
      const grant = actor[side] ? sideGrant(identity, subject, side) : undefined;
      if (grant) return { side: side.toUpperCase(), organizationId: grant.orgId, onBehalfOf: null };
    }
    return { side: 'ON_BEHALF', organizationId: null, onBehalfOf: row.memberId };
  }

  /**
   * One step: the machine's decision on the locked dossier, then `outcome` (the step's own rules and writes,
   * or its refusals), then the dossier advanced, the step chained and signed, the audit entry written.
   */
  async function step(
    action: TransferAction,
    input: StepInput,
    machineInput: TransferStepInput,
    outcome: (repos: Repositories, row: TransferRow, calendar: WorkingCalendar) => Promise<StepOutcome | UserError[]>,
    duesOwed?: { owed: boolean; explained: UserError | null },
  ): Promise<StepPayload> {
    // Read before the transaction begins: the calendar's first read uses the pool, which the transaction may hold whole.
    const calendar = await deps.calendar.get();
    return store.transaction(async (repos) => {
      const row = await locked(repos, input);
      if (isUserError(row)) return refused(row);
      const machine = machineOf(row.kind);
      if (!machine.actionNames.includes(action)) {
        return refused({ code: 'ILLEGAL_TRANSITION', field: 'transferId', message: `Không thể ${ACTION_WORDS[action]} với ${machine.subject}.` });
      }
      const [letter = null] = await repos.letters.currentOf([row.id]);
      const actor = transferActor(identity, subjectOf(row));
      const decided = transition(machine, entityOf(row, letter, calendar, today(), duesOwed?.owed), action, actor, machineInput);
      // The machine knows that dues are owed; the clearance knows which months, which the officer needs.
      if (!decided.ok) return refused(decided.error.code === 'DUES_UNPAID' && duesOwed?.explained ? duesOwed.explained : decided.error);
      const acting = actingAs(row, actor);
      const consent = acting.onBehalfOf ? onBehalfConsentError(identity, row.originPath!, input.memberConsent) : null;
      if (consent) return refused(consent);
      const result = await outcome(repos, row, calendar);
      if (Array.isArray(result)) return refused(...result);
      const day = today();
      const at = deps.now();
      const processing = escalationReset(row, decided.to);
      const after = await repos.transfers.advance(row.id, row.version, { state: decided.to, lastStepOn: day, ...processing, ...result.changes });
      if (!after) return refused({ code: 'STALE_VERSION', field: 'expectedVersion', message: 'Hồ sơ vừa được người khác xử lý: hãy tải lại.' });
      const memberConsent = acting.onBehalfOf ? input.memberConsent?.trim() || null : null;
      await appendStep(repos, deps.sign, row.id, after.version, {
        action,
        fromState: row.state,
        toState: decided.to,
        actorId: identity.personId,
        onBehalfOf: acting.onBehalfOf,
        decision: { ...result.decision, side: acting.side, organizationId: acting.organizationId, ...(memberConsent ? { memberConsent } : {}) },
        at,
      });
      await result.effects?.(repos, after);
      await audit(repos.audit, {
        action: `transfer.${camel(action)}`,
        entityType: 'Transfer',
        entityId: row.id,
        before: { state: row.state, version: row.version },
        after: { state: after.state, version: after.version, ...result.decision },
        orgPath: row.originPath,
        subjectMemberId: row.memberId,
        onBehalfOf: acting.onBehalfOf,
      });
      return { transfer: after, userErrors: [] };
    });
  }

  const simple = (decision: Record<string, unknown>, changes?: TransferChanges) => async (): Promise<StepOutcome> => ({ decision, changes });

  /** Issues a letter from the issuing committee's register, for a step that issues one. */
  async function issueLetter(repos: Repositories, row: TransferRow, calendar: WorkingCalendar, member: LetterVoucher, duesPaidThrough: string | null, replaces?: TransferLetterRow) {
    const issuedOn = today();
    const year = Number(issuedOn.slice(0, 4));
    const sequence = await repos.transfers.nextInRegister(row.issuerOrgId!, year, 'LETTER');
    const number = letterNumber(row.issuerCode!, year, sequence);
    const validUntil = presentDueOn(calendar, issuedOn);
    const { memberId: _memberId, dues: _dues, ...printed } = member;
    await repos.letters.insert({
      transferId: row.id,
      issuerOrgId: row.issuerOrgId!,
      year,
      sequence,
      number,
      issuedOn,
      duesPaidThrough,
      validUntil,
      facts: printed,
      replacesId: replaces?.id ?? null,
    });
    return { letterNumber: number, issuedOn, duesPaidThrough, validUntil };
  }

  return {
    /**
     * Opens a dossier for the member the voucher names: the caller, or a member of a cell the caller may act for
     * (docs/rules/roles.md#on-behalf-steps; recorded as done on their behalf, with the member's consent when
     * the caller is of the support team). Routes it (who issues, the receiving side), gives it
     * its code, and records the opening as its first signed step.
     */
    async start(input: StartTransferInput): Promise<StepPayload> {
      const personId = identity.personId;
      if (!personId) throw forbidden();
      const member = deps.vouchers.open<MemberVoucher>(input.memberVoucher, 'member', personId, 'memberVoucher');
      if (isUserError(member)) return refused(member);
      const onBehalf = member.memberId !== personId;
      if (!policy.can(identity, 'START_TRANSFER', { id: member.memberId, orgPath: member.origin.organization.path })) throw forbidden();

      const errors: UserError[] = [];
      const consent = onBehalf ? onBehalfConsentError(identity, member.origin.organization.path, input.memberConsent) : null;
      if (consent) errors.push(consent);
      const memberConsent = onBehalf ? input.memberConsent?.trim() || null : null;
      const fields = texts({
        reason: text(input.reason, 'reason', 'lý do chuyển sinh hoạt'),
        decisionReference: text(input.decisionReference, 'decisionReference', 'số, ngày của quyết định'),
        selfReview: text(input.selfReview, 'selfReview', 'bản tự kiểm điểm', LIMITS.long),
        outsideName: input.outsideDestination ? text(input.outsideDestination.name, 'outsideDestination.name', 'tên tổ chức đảng nơi đến') : null,
        outsideAddress: input.outsideDestination ? text(input.outsideDestination.address, 'outsideDestination.address', 'địa chỉ nơi đến') : null,
      });
      if (Array.isArray(fields)) errors.push(...fields);

      let destination: OrganizationVoucher | null = null;
      if (Boolean(input.destinationVoucher) === Boolean(input.outsideDestination)) {
        errors.push({ code: 'DESTINATION_REQUIRED', field: 'destinationVoucher', message: 'Cần chọn một nơi chuyển đến: trong hệ thống, hoặc ngoài hệ thống (ghi tên và địa chỉ).' });
      } else if (input.destinationVoucher) {
        const opened = deps.vouchers.open<OrganizationVoucher>(input.destinationVoucher, 'organization', personId, 'destinationVoucher');
        if (isUserError(opened)) errors.push(opened);
        else if (!isCell(opened.line.organization.type)) {
          errors.push({ code: 'DESTINATION_NOT_A_CELL', field: 'destinationVoucher', message: 'Nơi chuyển đến phải là một chi bộ (chi bộ cơ sở hoặc chi bộ trực thuộc).' });
        } else destination = opened;
      }
      if (input.kind === 'TEMPORARY') {
        if (input.outsideDestination) {
          errors.push({ code: 'TEMPORARY_OUTSIDE_SYSTEM', field: 'outsideDestination', message: 'Chuyển sinh hoạt tạm thời chỉ đến tổ chức đảng có trên hệ thống.' });
        }
        if (!input.endsOn) errors.push({ code: 'REQUIRED', field: 'endsOn', message: 'Cần ghi ngày dự kiến kết thúc sinh hoạt tạm thời.' });
        else errors.push(...temporaryPeriodErrors({ startsOn: input.effectiveOn, endsOn: input.endsOn, fullTimeStudy: Boolean(input.fullTimeStudy) }));
      }
      const route = dossierRoute(member.origin, destination?.line.organization.path ?? null);
      if (isUserError(route)) errors.push(route);
      if (errors.length || Array.isArray(fields) || isUserError(route)) return refused(...errors);

      return store.transaction(async (repos) => {
        const [open] = (await repos.transfers.ofMembers([member.memberId])).filter((row) => isRouted(row) && !CLOSED_STATES.includes(row.state));
        if (open) {
          return refused({ code: 'TRANSFER_IN_PROGRESS', field: 'memberVoucher', message: `Đảng viên đang có hồ sơ chuyển sinh hoạt ${open.code} chưa xong.` });
        }
        const day = today();
        const year = Number(day.slice(0, 4));
        const origin = member.origin.organization;
        const sequence = await repos.transfers.nextInRegister(origin.id, year, 'DOSSIER');
        const to = destination?.line.organization ?? null;
        const row = await repos.transfers.insert({
          code: dossierCode(origin.code, year, sequence),
          memberId: member.memberId,
          memberName: member.fullName,
          kind: input.kind,
          state: 'DRAFT',
          fromOrgId: origin.id,
          originPath: origin.path,
          originCode: origin.code,
          originName: origin.name,
          grassrootsOrgId: route.grassroots.id,
          route: route.route,
          issuerOrgId: route.issuer.id,
          issuerPath: route.issuer.path,
          issuerCode: route.issuer.code,
          issuerName: route.issuer.name,
          toOrgId: to?.id ?? null,
          destinationPath: to?.path ?? null,
          destinationCode: to?.code ?? null,
          destinationName: to?.name ?? null,
          receivingRootPath: route.receivingRoot,
          outsideName: fields.outsideName,
          outsideAddress: fields.outsideAddress,
          reason: fields.reason!,
          decisionReference: fields.decisionReference,
          effectiveOn: input.effectiveOn,
          plannedEndOn: input.kind === 'TEMPORARY' ? input.endsOn! : null,
          fullTimeStudy: input.kind === 'TEMPORARY' && Boolean(input.fullTimeStudy),
          selfReview: fields.selfReview,
          lastStepOn: day,
        });
        const decision = {
          kind: row.kind,
          reason: row.reason,
          decisionReference: row.decisionReference,
          effectiveOn: row.effectiveOn,
          endsOn: row.plannedEndOn,
          destination: to ? { organizationId: to.id, name: to.name } : { name: row.outsideName, address: row.outsideAddress },
          route: row.route,
          issuerOrganizationId: row.issuerOrgId,
          side: onBehalf ? 'ON_BEHALF' : 'MEMBER',
          organizationId: null,
          ...(memberConsent ? { memberConsent } : {}),
        };
        await appendStep(repos, deps.sign, row.id, 1, { action: 'START', fromState: null, toState: 'DRAFT', actorId: personId, onBehalfOf: onBehalf ? member.memberId : null, decision, at: deps.now() });
        await audit(repos.audit, {
          action: 'transfer.started',
          entityType: 'Transfer',
          entityId: row.id,
          after: { code: row.code, ...decision },
          orgPath: row.originPath,
          subjectMemberId: row.memberId,
          onBehalfOf: onBehalf ? member.memberId : null,
        });
        return { transfer: row, userErrors: [] };
      });
    },

    /**
     * The receiving side records the items of a received dossier it found present, each with who and when
     * (docs/rules/transfers.md#what-the-receiving-side-checks). Not a step of the machine: the dossier's state
     * and version stay, and the checks are what acceptance then requires.
     */
    async checkItems(input: { transferId: string; items: readonly DossierItem[] }): Promise<StepPayload> {
      return store.transaction(async (repos) => {
        const row = await repos.transfers.forUpdate(parseId(input.transferId));
        if (!row) throw notFound('hồ sơ chuyển sinh hoạt');
        if (!policy.can(identity, 'SEE_TRANSFER', subjectOf(row))) throw forbidden();
        const actor = transferActor(identity, subjectOf(row));
        if (actor.self || !actor.receiving) {
          return refused({ code: 'FORBIDDEN_ACTION', field: 'transferId', message: 'Chỉ cấp ủy, chi ủy nơi đến kiểm hồ sơ đảng viên chuyển đến (không tự kiểm hồ sơ của mình).' });
        }
        if (row.state !== 'RECEIVED') {
          return refused({ code: 'ILLEGAL_TRANSITION', field: 'transferId', message: 'Chỉ kiểm hồ sơ khi nơi đến đã nhận hồ sơ và chưa quyết định tiếp nhận.' });
        }
        if (input.items.length === 0) return refused({ code: 'REQUIRED', field: 'items', message: 'Hãy đánh dấu những thành phần hồ sơ đã kiểm thấy có.' });
        const written = await repos.dossierChecks.record(row.id, [...new Set(input.items)], identity.personId!, deps.now());
        if (written.length) {
          await audit(repos.audit, {
            action: 'transfer.dossierChecked',
            entityType: 'Transfer',
            entityId: row.id,
            after: { items: written.map((check) => check.item) },
            orgPath: row.originPath,
            subjectMemberId: row.memberId,
          });
        }
        return { transfer: row, userErrors: [] };
      });
    },

    /** A step whose input is a few texts and days (everything but issuing, replacing and extending). */
    act(input: StepInput & TextStep): Promise<StepPayload> {
      const late = (value: string | null | undefined) => optionalText(value, 'lateReason', 'lý do chậm', LIMITS.long);
      switch (input.action) {
        case 'SUBMIT': {
          const lateReason = late(input.lateReason);
          if (isUserError(lateReason)) return Promise.resolve(refused(lateReason));
          return step('SUBMIT', input, { lateReason }, simple({ lateReason }));
        }
        case 'RECEIVE': {
          const lateReason = late(input.lateReason);
          if (isUserError(lateReason)) return Promise.resolve(refused(lateReason));
          return step('RECEIVE', input, { lateReason }, simple({ lateReason }));
        }
        case 'CANCEL':
        case 'REJECT':
        case 'REFUSE':
          return withTexts({ reason: text(input.reason, 'reason', 'lý do', LIMITS.long) }, (decision) => step(input.action, input, {}, simple(decision)));
        case 'RETURN_FOR_COMPLETION':
          return withTexts({ missing: text(input.missing, 'missing', 'những gì cần bổ sung', LIMITS.long) }, (decision) => step('RETURN_FOR_COMPLETION', input, {}, simple(decision)));
        case 'REVIEW':
          if (input.meetingOn > today()) return Promise.resolve(refused({ code: 'FUTURE_DATE', field: 'meetingOn', message: 'Ngày họp chi bộ không thể sau hôm nay.' }));
          return withTexts({ conclusion: text(input.conclusion, 'conclusion', 'kết luận của chi bộ', LIMITS.long) }, (texts) =>
            step('REVIEW', input, {}, simple({ meetingOn: input.meetingOn, ...texts })),
          );
        case 'HAND_OVER':
          return withTexts({ note: optionalText(input.note, 'note', 'ghi chú') }, (decision) => step('HAND_OVER', input, {}, simple({ sealedOn: today(), ...decision })));
        case 'ACCEPT':
          if (input.rosterNumber != null && (!Number.isInteger(input.rosterNumber) || input.rosterNumber < 1 || input.rosterNumber > 100_000)) {
            return Promise.resolve(refused({ code: 'INVALID_ROSTER_NUMBER', field: 'rosterNumber', message: 'Số danh sách phải là số nguyên dương.' }));
          }
          return withTexts({ note: optionalText(input.note, 'note', 'ghi chú') }, (texts) =>
            step('ACCEPT', input, {}, async (repos, row) => {
              // Accepted only on a dossier checked item by item (docs/rules/transfers.md#what-the-receiving-side-checks).
              const checked = (await repos.dossierChecks.ofTransfers([row.id])).map((check) => check.item);
              const unchecked = uncheckedItemsError(checked);
              if (unchecked) return [unchecked];
              return {
                decision: { rosterNumber: input.rosterNumber ?? null, checkedItems: checked, ...texts },
                effects: (repos, after) => completion(repos, after, input.rosterNumber ?? null),
              };
            }),
          );
        case 'RECORD_EXTERNAL_RECEIPT':
          if (input.receivedOn > today()) return Promise.resolve(refused({ code: 'FUTURE_DATE', field: 'receivedOn', message: 'Ngày nơi đến tiếp nhận không thể sau hôm nay.' }));
          return withTexts({ slipReference: text(input.slipReference, 'slipReference', 'số, ngày của phiếu báo') }, (texts) =>
            step('RECORD_EXTERNAL_RECEIPT', input, {}, async () => ({
              decision: { receivedOn: input.receivedOn, ...texts },
              effects: (repos, after) =>
                repos.outbox.publish('member.transferredOut', after.memberId, {
                  transferId: after.id,
                  memberId: after.memberId,
                  fromOrgId: after.fromOrgId,
                  destinationName: after.outsideName!,
                  destinationAddress: after.outsideAddress!,
                  on: input.receivedOn,
                }),
            })),
          );
        case 'END':
          if (input.endedOn > today()) return Promise.resolve(refused({ code: 'FUTURE_DATE', field: 'endedOn', message: 'Ngày kết thúc không thể sau hôm nay.' }));
          return withTexts({ note: optionalText(input.note, 'note', 'ghi chú') }, (texts) =>
            step('END', input, {}, async () => ({
              decision: { endedOn: input.endedOn, ...texts },
              effects: (repos, after) =>
                repos.outbox.publish('member.temporaryHostChanged', after.memberId, {
                  transferId: after.id,
                  memberId: after.memberId,
                  homeOrgId: after.fromOrgId,
                  host: null,
                  on: input.endedOn,
                }),
            })),
          );
      }
    },

    /**
     * Issues the introduction letter (docs/rules/transfers.md#the-introduction-letter): the member's identifiers and
     * dues standing come in the letter voucher, read through the gateway moments before; the letter is not issued
     * while the member owes dues from before this month.
     */
    issueLetter(input: StepInput & { letterVoucher: string }): Promise<StepPayload> {
      const member = deps.vouchers.open<LetterVoucher>(input.letterVoucher, 'letter', identity.personId, 'letterVoucher');
      const clearance = isUserError(member) ? null : duesClearance(member.dues, today());
      return step(
        'ISSUE_LETTER',
        input,
        {},
        async (repos, row, calendar) => {
          // Told only to a caller the dossier is visible to, once the machine let them issue.
          if (isUserError(member)) return [member];
          if (member.memberId !== row.memberId) return [{ code: 'INVALID_VOUCHER', field: 'letterVoucher', message: 'Dữ liệu xác nhận là của một đảng viên khác.' }];
          return { decision: await issueLetter(repos, row, calendar, member, (clearance as { paidThrough: string | null }).paidThrough) };
        },
        isUserError(clearance) ? { owed: true, explained: clearance } : { owed: false, explained: null },
      );
    },

    /**
     * A lost letter or dossier, made again by the issuing committee on the member's report with the police's
     * confirmation (docs/rules/transfers.md#lost-letter-or-dossier): the lost letter's number is void for good,
     * the new letter has a number of its own and a new date, and is handed over again.
     */
    replaceLostLetter(input: StepInput & { policeConfirmation: string; circumstances: string }): Promise<StepPayload> {
      return withTexts(
        {
          policeConfirmation: text(input.policeConfirmation, 'policeConfirmation', 'xác nhận của cơ quan công an', LIMITS.long),
          circumstances: text(input.circumstances, 'circumstances', 'hoàn cảnh bị mất', LIMITS.long),
        },
        (texts) =>
          step('REPLACE_LETTER', input, {}, async (repos, row, calendar) => {
            const [lost] = await repos.letters.currentOf([row.id]);
            if (!lost) return [{ code: 'NO_LETTER', field: 'transferId', message: 'Hồ sơ chưa có giấy giới thiệu.' }];
            await repos.letters.void(lost.id, { voidedOn: today(), voidReason: texts.circumstances, policeConfirmation: texts.policeConfirmation });
            const issued = await issueLetter(repos, row, calendar, { ...(lost.facts as LetterVoucher), memberId: row.memberId }, lost.duesPaidThrough, lost);
            return { decision: { voidedNumber: lost.number, ...texts, ...issued } };
          }),
      );
    },

    /**
     * Records a handover of the paper dossier, as scanning the letter's QR code does: who, when, where. For
     * whoever may read the dossier; the state and version stay. A void letter's code is refused.
     */
    async recordHandover(input: { code: string; letterNumber: string; place?: string | null }): Promise<StepPayload> {
      const place = optionalText(input.place, 'place', 'nơi bàn giao');
      if (isUserError(place)) return refused(place);
      return store.transaction(async (repos) => {
        const row = await repos.transfers.byCode(normalizedCode(input.code));
        if (!row || !policy.can(identity, 'RECORD_TRANSFER_HANDOVER', subjectOf(row))) throw notFound('hồ sơ chuyển sinh hoạt');
        const letter = await repos.letters.byNumber(input.letterNumber.trim());
        if (!letter || letter.transferId !== row.id) return refused({ code: 'NO_LETTER', field: 'letterNumber', message: 'Giấy giới thiệu này không thuộc hồ sơ.' });
        if (letter.voidedOn) {
          return refused({ code: 'LETTER_VOID', field: 'letterNumber', message: `Giấy giới thiệu số ${letter.number} đã bị hủy (báo mất ngày ${letter.voidedOn}): không dùng để bàn giao.` });
        }
        const handover = await repos.steps.recordHandover({ transferId: row.id, letterId: letter.id, recordedBy: identity.personId!, at: deps.now(), place });
        await audit(repos.audit, {
          action: 'transfer.handedOver',
          entityType: 'Transfer',
          entityId: row.id,
          after: { letterNumber: letter.number, place, at: handover.at.toISOString() },
          orgPath: row.originPath,
          subjectMemberId: row.memberId,
        });
        return { transfer: row, userErrors: [] };
      });
    },

    /** The host committee extends the temporary activity; the whole period stays within what a temporary transfer may last. */
    extend(input: StepInput & { endsOn: string; reason: string }): Promise<StepPayload> {
      return withTexts({ reason: text(input.reason, 'reason', 'lý do gia hạn', LIMITS.long) }, (texts) =>
        step('EXTEND', input, {}, async (_repos, row) => {
          const errors = extensionErrors({ startsOn: row.effectiveOn, endsOn: row.plannedEndOn!, fullTimeStudy: row.fullTimeStudy }, input.endsOn);
          if (errors.length) return errors;
          return {
            decision: { previousEndsOn: row.plannedEndOn, endsOn: input.endsOn, ...texts },
            changes: { plannedEndOn: input.endsOn },
            effects: (repos, after) => hosted(repos, after),
          };
        }),
      );
    },
  };

  /** The member hosted by the destination until the planned end (on acceptance and on each extension). */
  function hosted(repos: Repositories, after: TransferRow) {
    return repos.outbox.publish('member.temporaryHostChanged', after.memberId, {
      transferId: after.id,
      memberId: after.memberId,
      homeOrgId: after.fromOrgId,
      host: { orgId: after.toOrgId!, orgPath: after.destinationPath!, until: after.plannedEndOn! },
      on: today(),
    });
  }

  /** What acceptance changes elsewhere (docs/rules/transfers.md#what-completion-changes), in its own transaction. */
  function completion(repos: Repositories, after: TransferRow, rosterNumber: number | null) {
    if (after.kind === 'TEMPORARY') return hosted(repos, after);
    return repos.outbox.publish('member.transferred', after.memberId, {
      memberId: after.memberId,
      fromOrgId: after.fromOrgId,
      toOrgId: after.toOrgId!,
      toOrgPath: after.destinationPath!,
      on: today(),
      transferId: after.id,
      rosterNumber,
    });
  }
}

export type TransferService = ReturnType<typeof transferService>;

/** Runs `work` on the texts when they all passed, else answers their errors. */
function withTexts<K extends string>(values: Record<K, string | null | UserError>, work: (texts: Record<K, string | null>) => Promise<StepPayload>): Promise<StepPayload> {
  const checked = texts(values);
  return Array.isArray(checked) ? Promise.resolve(refused(...checked)) : work(checked);
}

/** A new step restarts the processing clock: whatever stalled before is no longer stalled. */
function escalationReset(row: TransferRow, to: TransferState): TransferChanges {
  return { escalatedOn: null, escalationPath: stallPath({ ...row, state: to }) };
}

/**
 * The organization whose inbox shows the dossier if it stalls in its state (docs/rules/transfers.md#escalation):
 * the superior of the organization holding it (for a request, that is the issuing committee, above the sending
 * side; for a letter, the issuer's superior; at the receiving side, the organization where the lines meet).
 */
export function stallPath(row: Pick<TransferRow, 'state' | 'originPath' | 'issuerPath' | 'receivingRootPath'>): string | null {
  if (row.state === 'SUBMITTED') return row.issuerPath && row.originPath ? parentPath(stepBelow(row.issuerPath, row.originPath)) : null;
  if (row.state === 'REVIEWED' || row.state === 'LETTER_ISSUED') return row.issuerPath ? parentPath(row.issuerPath) : null;
  if (row.state === 'RECEIVED') return row.receivingRootPath ? parentPath(row.receivingRootPath) : null;
  return null;
}

const camel = (action: string) => action.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The action as a phrase, for refusing an action the dossier's kind has not. */
const ACTION_WORDS: Record<TransferAction, string> = Object.fromEntries(
  [...new Set([...officialTransferMachine.actionNames, ...temporaryTransferMachine.actionNames])].map((action) => [
    action,
    ((officialTransferMachine.actions as Record<string, { label: string }>)[action] ?? (temporaryTransferMachine.actions as Record<string, { label: string }>)[action])!.label,
  ]),
) as Record<TransferAction, string>;
