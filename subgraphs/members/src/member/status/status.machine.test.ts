import { transition, type Role } from '@dangvu/subgraph-kit';
import { describeMachineTable } from '@dangvu/subgraph-kit/testing';
import { describe, expect, it } from 'vitest';
import { statusMachines, type StatusActor, type StatusChangeAction, type StatusChangeEntity, type StatusChangeState } from './status.machine.ts';
import { STATUS_CHANGES, type StatusChangeKind } from './status.rules.ts';

const ALL: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN', 'ANALYST'];
const actor = (overrides: Partial<StatusActor>): StatusActor => ({ self: false, rolesOver: [], rolesAbove: [], coveringRoles: ALL, ...overrides });

const actors = {
  member: actor({ self: true }),
  // The cell's secretary, and the commune's, on their own status: nobody decides about themself.
  secretarySelf: actor({ self: true, rolesOver: ['SECRETARY'] }),
  committeeSelf: actor({ self: true, rolesOver: ['SECRETARY'], rolesAbove: ['SECRETARY'] }),
  cellSecretary: actor({ rolesOver: ['SECRETARY'] }),
  cellDeputy: actor({ rolesOver: ['DEPUTY_SECRETARY'] }),
  // A deputy on their own secretary: the secretary's role is not strictly inside the deputy's reach.
  deputyOnOwnSecretary: actor({ rolesOver: ['DEPUTY_SECRETARY'], coveringRoles: [] }),
  financeOver: actor({ rolesOver: ['FINANCE_MEMBER'] }),
  committeeSecretary: actor({ rolesOver: ['SECRETARY'], rolesAbove: ['SECRETARY'] }),
  committeeOnHigherOfficer: actor({ rolesOver: ['SECRETARY'], rolesAbove: ['SECRETARY'], coveringRoles: [] }),
  adminOver: actor({ rolesOver: ['ADMIN'], rolesAbove: ['ADMIN'] }),
  outsider: actor({ coveringRoles: [] }),
};

const F = 'FORBIDDEN_ACTION';
const I = 'ILLEGAL_TRANSITION';
const STATES: StatusChangeState[] = ['NONE', 'APPLIED', 'RESOLVED', 'REPORTED', 'REJECTED', 'WITHDRAWN', 'DECIDED'];
type Row = Record<string, string | Partial<Record<StatusChangeState, string>>>;
type Expected = Record<StatusChangeAction, Row>;
const only = (state: StatusChangeState, to: StatusChangeState) => Object.fromEntries(STATES.map((s) => [s, s === state ? to : I]));
const entities = (kind: StatusChangeKind) =>
  Object.fromEntries(STATES.map((state) => [state, { state, memberStatus: STATUS_CHANGES[kind].from[0]! } satisfies StatusChangeEntity]));

const APPLIERS = 'member secretarySelf committeeSelf cellSecretary cellDeputy committeeSecretary';
const NOT_APPLIERS = 'deputyOnOwnSecretary financeOver committeeOnHigherOfficer adminOver outsider';
const CELL = 'cellSecretary cellDeputy committeeSecretary';
const NOT_CELL = 'member secretarySelf committeeSelf deputyOnOwnSecretary financeOver committeeOnHigherOfficer adminOver outsider';
const SELVES = 'member secretarySelf committeeSelf';
const NOT_SELVES = 'cellSecretary cellDeputy deputyOnOwnSecretary financeOver committeeSecretary committeeOnHigherOfficer adminOver outsider';
const EVERYONE = `${SELVES} ${NOT_SELVES}`;

const application = (withReport: boolean): Expected => ({
  APPLY: { [APPLIERS]: only('NONE', 'APPLIED'), [NOT_APPLIERS]: F },
  RESOLVE: { [CELL]: only('APPLIED', 'RESOLVED'), [NOT_CELL]: F },
  REJECT: { [CELL]: only('APPLIED', 'REJECTED'), [NOT_CELL]: F },
  WITHDRAW: { [SELVES]: only('APPLIED', 'WITHDRAWN'), [NOT_SELVES]: F },
  REPORT: withReport ? { [CELL]: only('RESOLVED', 'REPORTED'), [NOT_CELL]: F } : { [EVERYONE]: F },
  DECIDE: { [EVERYONE]: F },
});

const decision = (deciders: string, others: string): Expected => ({
  APPLY: { [EVERYONE]: F },
  RESOLVE: { [EVERYONE]: F },
  REJECT: { [EVERYONE]: F },
  WITHDRAW: { [EVERYONE]: F },
  REPORT: { [EVERYONE]: F },
  DECIDE: { [deciders]: only('NONE', 'DECIDED'), [others]: F },
});

const NOT_COMMITTEE = 'member secretarySelf committeeSelf cellSecretary cellDeputy deputyOnOwnSecretary financeOver committeeOnHigherOfficer adminOver outsider';
const EXPECTED: Record<StatusChangeKind, Expected> = {
  EXEMPTION: application(true),
  TEMPORARY_EXEMPTION: application(false),
  RETURN_TO_ACTIVITY: application(false),
  ABROAD: decision(CELL, NOT_CELL),
  REMOVAL: decision('committeeSecretary', NOT_COMMITTEE),
  EXPULSION: decision('committeeSecretary', NOT_COMMITTEE),
  DEATH: decision('committeeSecretary', NOT_COMMITTEE),
  LEFT_SYSTEM: decision('committeeSecretary', NOT_COMMITTEE),
};

for (const kind of Object.keys(EXPECTED) as StatusChangeKind[]) {
  describeMachineTable(statusMachines[kind], { states: entities(kind), actors, expected: EXPECTED[kind] });
}

describe('the member’s status decides whether a procedure fits', () => {
  it('refuses an exemption for a member who is abroad, and a removal of one already expelled', () => {
    const exemption = transition(statusMachines.EXEMPTION, { state: 'NONE', memberStatus: 'ABROAD' }, 'APPLY', actors.member);
    expect(exemption).toEqual({ ok: false, error: expect.objectContaining({ code: 'STATUS_DOES_NOT_ALLOW', message: 'Không thể miễn công tác và sinh hoạt đảng khi đảng viên ở nước ngoài.' }) });
    const removal = transition(statusMachines.REMOVAL, { state: 'NONE', memberStatus: 'EXPELLED' }, 'DECIDE', actors.committeeSecretary);
    expect(removal).toMatchObject({ ok: false, error: { code: 'STATUS_DOES_NOT_ALLOW' } });
  });

  it('tells a deputy why they may not decide about their own secretary, and anyone why not about themself', () => {
    const deputy = transition(statusMachines.EXEMPTION, { state: 'APPLIED', memberStatus: 'ACTIVE' }, 'RESOLVE', actors.deputyOnOwnSecretary);
    expect(deputy).toMatchObject({ ok: false, error: { message: expect.stringContaining('ngang hoặc cao hơn') } });
    const self = transition(statusMachines.EXPULSION, { state: 'NONE', memberStatus: 'ACTIVE' }, 'DECIDE', actors.committeeSelf);
    expect(self).toMatchObject({ ok: false, error: { message: 'Đồng chí không thể tự quyết định việc khai trừ ra khỏi Đảng của chính mình.' } });
  });
});
