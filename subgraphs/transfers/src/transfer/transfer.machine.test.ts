import { availableActions, transition, type Outcome } from '@dangvu/subgraph-kit';
import { describeMachineTable } from '@dangvu/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import {
  officialTransferMachine,
  temporaryTransferMachine,
  type OfficialState,
  type TemporaryState,
  type TransferActor,
  type TransferEntity,
  type TransferState,
} from './transfer.machine.ts';

const actor = (overrides: Partial<TransferActor>): TransferActor => ({
  self: false,
  rolesOver: [],
  sending: false,
  issuing: false,
  receiving: false,
  system: false,
  ...overrides,
});

/**
 * Everyone who may come near a dossier. The processing officer of a committee's office acts on its side as its
 * secretary and deputy do, but does not sign the letter; a support-team member only does the member's own steps
 * (docs/rules/roles.md#processing-officer, #support-team).
 */
const actors = {
  member: actor({ self: true }),
  // The cell's own secretary, transferring out: their dossier is decided by the others.
  memberWhoIsCellSecretary: actor({ self: true, rolesOver: ['SECRETARY'], sending: true }),
  cellSecretary: actor({ rolesOver: ['SECRETARY'], sending: true }),
  cellDeputy: actor({ rolesOver: ['DEPUTY_SECRETARY'], sending: true }),
  issuingSecretary: actor({ rolesOver: ['SECRETARY'], issuing: true }),
  issuingDeputy: actor({ rolesOver: ['DEPUTY_SECRETARY'], issuing: true }),
  issuingProcessingOfficer: actor({ rolesOver: ['PROCESSING_OFFICER'], issuing: true }),
  receivingSecretary: actor({ receiving: true }),
  receivingDeputy: actor({ receiving: true }),
  receivingProcessingOfficer: actor({ receiving: true }),
  supportTeam: actor({ rolesOver: ['SUPPORT_TEAM'] }),
  financeOver: actor({ rolesOver: ['FINANCE_MEMBER'] }),
  adminOver: actor({ rolesOver: ['ADMIN', 'ANALYST'] }),
  officerElsewhere: actor({}),
  deadlineJob: actor({ system: true }),
  anonymous: actor({}),
};

const ILLEGAL = 'ILLEGAL_TRANSITION';
const FORBIDDEN = 'FORBIDDEN_ACTION';

const entity = <S extends TransferState>(state: S, facts: Partial<Omit<TransferEntity, 'state'>> = {}): TransferEntity<S> => ({
  state,
  destinationInSystem: true,
  startDeadlinePassed: false,
  presentDeadlinePassed: false,
  duesOwed: false,
  ...facts,
});

const everywhere = <S extends string>(states: readonly S[], outcome: Outcome) => Object.fromEntries(states.map((state) => [state, outcome])) as Record<S, Outcome>;

/** Every state ILLEGAL_TRANSITION except those given. */
const except = <S extends string>(states: readonly S[], outcomes: Partial<Record<S, Outcome>>) =>
  Object.fromEntries(states.map((state) => [state, outcomes[state] ?? ILLEGAL])) as Record<S, Outcome>;

const FOR_MEMBER = 'member memberWhoIsCellSecretary cellSecretary cellDeputy issuingSecretary issuingDeputy issuingProcessingOfficer supportTeam';
const NOT_FOR_MEMBER = 'receivingSecretary receivingDeputy receivingProcessingOfficer financeOver adminOver officerElsewhere deadlineJob anonymous';
const SENDING = 'cellSecretary cellDeputy';
const LETTER_SIGNERS = 'issuingSecretary issuingDeputy';
const ISSUING = `${LETTER_SIGNERS} issuingProcessingOfficer`;
const RECEIVING = 'receivingSecretary receivingDeputy receivingProcessingOfficer';
const NOBODY_ELSE = 'supportTeam financeOver adminOver officerElsewhere deadlineJob anonymous';
/** A self-actor refused as the one whose dossier it is: same code, own wording (tested below). */
const OWN = FORBIDDEN;

function tableFor<S extends TransferState>(states: readonly S[], acceptedAs: S) {
  const at = (outcomes: Partial<Record<TransferState, Outcome>>) => except(states, outcomes as Partial<Record<S, Outcome>>);
  return {
    states: Object.fromEntries(states.map((state) => [state, entity(state)])) as Record<S, TransferEntity<S>>,
    actors,
    expected: {
      SUBMIT: { [FOR_MEMBER]: at({ DRAFT: 'SUBMITTED', RETURNED_FOR_COMPLETION: 'SUBMITTED' }), [NOT_FOR_MEMBER]: FORBIDDEN },
      CANCEL: {
        [FOR_MEMBER]: at({ DRAFT: 'CANCELLED', SUBMITTED: 'CANCELLED', RETURNED_FOR_COMPLETION: 'CANCELLED', REVIEWED: 'CANCELLED' }),
        [NOT_FOR_MEMBER]: FORBIDDEN,
      },
      REVIEW: { [SENDING]: at({ SUBMITTED: 'REVIEWED' }), 'member memberWhoIsCellSecretary': OWN, [`${ISSUING} ${RECEIVING} ${NOBODY_ELSE}`]: FORBIDDEN },
      // The cell returns what it has; the issuing committee what the cell has passed on to it.
      RETURN_FOR_COMPLETION: {
        [SENDING]: { ...at({ SUBMITTED: 'RETURNED_FOR_COMPLETION' }), REVIEWED: FORBIDDEN },
        [ISSUING]: { ...everywhere(states, FORBIDDEN), REVIEWED: 'RETURNED_FOR_COMPLETION' },
        'member memberWhoIsCellSecretary': OWN,
        [`${RECEIVING} ${NOBODY_ELSE}`]: FORBIDDEN,
      },
      REJECT: { [SENDING]: at({ SUBMITTED: 'REJECTED' }), 'member memberWhoIsCellSecretary': OWN, [`${ISSUING} ${RECEIVING} ${NOBODY_ELSE}`]: FORBIDDEN },
      ISSUE_LETTER: {
        [LETTER_SIGNERS]: at({ REVIEWED: 'LETTER_ISSUED' }),
        member: OWN,
        [`issuingProcessingOfficer memberWhoIsCellSecretary ${SENDING} ${RECEIVING} ${NOBODY_ELSE}`]: FORBIDDEN,
      },
      HAND_OVER: { [ISSUING]: at({ LETTER_ISSUED: 'IN_TRANSIT' }), member: OWN, [`memberWhoIsCellSecretary ${SENDING} ${RECEIVING} ${NOBODY_ELSE}`]: FORBIDDEN },
      REPLACE_LETTER: {
        [ISSUING]: at({ LETTER_ISSUED: 'LETTER_ISSUED', IN_TRANSIT: 'LETTER_ISSUED', OVERDUE: 'LETTER_ISSUED' }),
        member: OWN,
        [`memberWhoIsCellSecretary ${SENDING} ${RECEIVING} ${NOBODY_ELSE}`]: FORBIDDEN,
      },
      // The table's dossiers are within deadline B: the job finds nothing to mark (with a passed one, below).
      MARK_OVERDUE: {
        deadlineJob: at({ IN_TRANSIT: 'NOT_OVERDUE' }),
        [`member memberWhoIsCellSecretary ${SENDING} ${ISSUING} ${RECEIVING} supportTeam financeOver adminOver officerElsewhere anonymous`]: FORBIDDEN,
      },
      // From OVERDUE, only with the reasons for the delay (tested with them below).
      RECEIVE: { [RECEIVING]: at({ IN_TRANSIT: 'RECEIVED', OVERDUE: 'DEADLINE_PASSED' }), member: OWN, [`memberWhoIsCellSecretary ${SENDING} ${ISSUING} ${NOBODY_ELSE}`]: FORBIDDEN },
      ACCEPT: { [RECEIVING]: at({ RECEIVED: acceptedAs }), member: OWN, [`memberWhoIsCellSecretary ${SENDING} ${ISSUING} ${NOBODY_ELSE}`]: FORBIDDEN },
      REFUSE: { [RECEIVING]: at({ RECEIVED: 'REFUSED' }), member: OWN, [`memberWhoIsCellSecretary ${SENDING} ${ISSUING} ${NOBODY_ELSE}`]: FORBIDDEN },
    },
  };
}

const OFFICIAL_STATES = officialTransferMachine.stateNames;
const official = tableFor<OfficialState>(OFFICIAL_STATES, 'COMPLETED');
describeMachineTable(officialTransferMachine, {
  ...official,
  expected: {
    ...official.expected,
    // In the system's table every destination is in the system: its own side receives (outside, below).
    RECORD_EXTERNAL_RECEIPT: {
      [ISSUING]: except(OFFICIAL_STATES, { IN_TRANSIT: 'DESTINATION_IN_SYSTEM', OVERDUE: 'DESTINATION_IN_SYSTEM' }),
      member: OWN,
      [`memberWhoIsCellSecretary ${SENDING} ${RECEIVING} ${NOBODY_ELSE}`]: FORBIDDEN,
    },
  },
});

const TEMPORARY_STATES = temporaryTransferMachine.stateNames;
const temporary = tableFor<TemporaryState>(TEMPORARY_STATES, 'HOSTED');
describeMachineTable(temporaryTransferMachine, {
  ...temporary,
  expected: {
    ...temporary.expected,
    EXTEND: {
      [RECEIVING]: except(TEMPORARY_STATES, { HOSTED: 'EXTENDED', EXTENDED: 'EXTENDED' }),
      member: OWN,
      [`memberWhoIsCellSecretary ${SENDING} ${ISSUING} ${NOBODY_ELSE}`]: FORBIDDEN,
    },
    END: {
      [RECEIVING]: except(TEMPORARY_STATES, { HOSTED: 'ENDED', EXTENDED: 'ENDED' }),
      member: OWN,
      [`memberWhoIsCellSecretary ${SENDING} ${ISSUING} ${NOBODY_ELSE}`]: FORBIDDEN,
    },
  },
});

describe('the data guards of a transfer', () => {
  it('lets a late request go only with the reasons for the delay (deadline A)', () => {
    const late = entity<OfficialState>('DRAFT', { startDeadlinePassed: true });
    expect(transition(officialTransferMachine, late, 'SUBMIT', actors.member)).toMatchObject({ ok: false, error: { code: 'DEADLINE_PASSED', field: 'lateReason' } });
    expect(transition(officialTransferMachine, late, 'SUBMIT', actors.member, { lateReason: '   ' })).toMatchObject({ ok: false, error: { code: 'DEADLINE_PASSED' } });
    expect(transition(officialTransferMachine, late, 'SUBMIT', actors.cellSecretary, { lateReason: 'Đồng chí nằm viện hai tháng' })).toEqual({
      ok: true,
      from: 'DRAFT',
      to: 'SUBMITTED',
    });
  });

  it('receives a letter past deadline B only with the reasons, and marks it overdue only once B has passed', () => {
    const overdue = entity<OfficialState>('OVERDUE', { presentDeadlinePassed: true });
    expect(transition(officialTransferMachine, overdue, 'RECEIVE', actors.receivingSecretary, { lateReason: 'Chờ quyết định tiếp nhận công tác' })).toMatchObject({
      ok: true,
      to: 'RECEIVED',
    });
    const late = entity<OfficialState>('IN_TRANSIT', { presentDeadlinePassed: true });
    expect(transition(officialTransferMachine, late, 'MARK_OVERDUE', actors.deadlineJob)).toEqual({ ok: true, from: 'IN_TRANSIT', to: 'OVERDUE' });
  });

  it('issues no letter while dues from before this month are unpaid', () => {
    const owing = entity<OfficialState>('REVIEWED', { duesOwed: true });
    expect(transition(officialTransferMachine, owing, 'ISSUE_LETTER', actors.issuingSecretary)).toMatchObject({ ok: false, error: { code: 'DUES_UNPAID' } });
    expect(transition(temporaryTransferMachine, entity<TemporaryState>('REVIEWED', { duesOwed: true }), 'ISSUE_LETTER', actors.issuingDeputy)).toMatchObject({
      ok: false,
      error: { code: 'DUES_UNPAID' },
    });
  });

  it('has a destination outside the system confirm by return slip, recorded by the issuing committee, never received in the system', () => {
    const outside = (state: OfficialState) => entity(state, { destinationInSystem: false });
    expect(transition(officialTransferMachine, outside('IN_TRANSIT'), 'RECEIVE', actors.receivingSecretary)).toMatchObject({ ok: false, error: { code: 'DESTINATION_OUTSIDE' } });
    expect(transition(officialTransferMachine, outside('RECEIVED'), 'ACCEPT', actors.receivingSecretary)).toMatchObject({ ok: false, error: { code: 'DESTINATION_OUTSIDE' } });
    expect(transition(officialTransferMachine, outside('IN_TRANSIT'), 'RECORD_EXTERNAL_RECEIPT', actors.issuingSecretary)).toEqual({
      ok: true,
      from: 'IN_TRANSIT',
      to: 'COMPLETED',
    });
    expect(transition(officialTransferMachine, outside('OVERDUE'), 'RECORD_EXTERNAL_RECEIPT', actors.issuingDeputy)).toMatchObject({ ok: true, to: 'COMPLETED' });
  });

  it('tells an officer deciding on their own dossier why not, in Vietnamese', () => {
    expect(transition(officialTransferMachine, entity<OfficialState>('SUBMITTED'), 'REVIEW', actors.memberWhoIsCellSecretary)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_ACTION', field: 'transferId', message: expect.stringContaining('hồ sơ chuyển sinh hoạt đảng của chính mình') },
    });
  });

  it('says what the dossier is doing when a step comes at the wrong time', () => {
    expect(transition(officialTransferMachine, entity<OfficialState>('COMPLETED'), 'ACCEPT', actors.receivingSecretary)).toEqual({
      ok: false,
      error: {
        code: 'ILLEGAL_TRANSITION',
        field: 'transferId',
        message: 'Không thể tiếp nhận đảng viên vào chi bộ khi hồ sơ chuyển sinh hoạt đảng chính thức đã hoàn thành.',
      },
    });
  });
});

describe('availableActions', () => {
  it('offers each side only its own next steps', () => {
    expect(availableActions(officialTransferMachine, entity<OfficialState>('SUBMITTED'), actors.cellSecretary)).toEqual(['CANCEL', 'REVIEW', 'RETURN_FOR_COMPLETION', 'REJECT']);
    expect(availableActions(officialTransferMachine, entity<OfficialState>('REVIEWED'), actors.issuingSecretary)).toEqual(['CANCEL', 'RETURN_FOR_COMPLETION', 'ISSUE_LETTER']);
    expect(availableActions(temporaryTransferMachine, entity<TemporaryState>('HOSTED'), actors.receivingDeputy)).toEqual(['EXTEND', 'END']);
    expect(availableActions(officialTransferMachine, entity<OfficialState>('RECEIVED'), actors.member)).toEqual([]);
  });
});
