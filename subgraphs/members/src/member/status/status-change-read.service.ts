import { availableActions, groupLoader, vietnamDay, type Identity } from '@dangvu/subgraph-kit';
import { statusActor } from '../../policy.ts';
import type { Repositories } from '../../repositories.ts';
import type { MemberLoaders } from '../member.loaders.ts';
import type { StatusChangeRow } from './status-change.repository.ts';
import type { MemberRow } from '../member.repository.ts';
import { statusMachines, type StatusChangeAction } from './status.machine.ts';
import { statusFitError, type StatusChangeKind } from './status.rules.ts';

/** The steps of an application a screen may offer; the direct decisions are offered by the member's own page. */
const LISTED = ['RESOLVE', 'REJECT', 'WITHDRAW', 'REPORT'] as const;
type ListedAction = (typeof LISTED)[number];
const listed = (action: StatusChangeAction): action is ListedAction => (LISTED as readonly string[]).includes(action);

/** Reading members' status changes: one statement per request for every member's list, the viewer's next steps by the machines. */
export function statusChangeReads(repos: Pick<Repositories, 'statusChanges'>, loaders: MemberLoaders, identity: Identity, now: () => Date = () => new Date()) {
  const ofMember = groupLoader(repos.statusChanges.ofMembers, (row: StatusChangeRow) => row.memberId);
  /** The viewer as the machines see them, on the member with the roles the member holds today. */
  const actorOn = async (member: MemberRow) => {
    const today = vietnamDay(now());
    const grants = (await loaders.roleGrants.load(member.id)).filter((grant) => grant.startsOn <= today && (grant.endsOn === null || grant.endsOn > today));
    return statusActor(identity, { ...member, grants });
  };
  return {
    ofMember: (memberId: string) => ofMember.load(memberId),
    async viewerActions(change: StatusChangeRow): Promise<ListedAction[]> {
      const member = await loaders.byId.load(change.memberId);
      if (!member) return [];
      const actor = await actorOn(member);
      return availableActions(statusMachines[change.kind], { state: change.state, memberStatus: member.activityStatus }, actor).filter(listed);
    },
    /** The procedures whose first step the viewer may take, and whose start the member's status allows. */
    async startable(member: MemberRow): Promise<StatusChangeKind[]> {
      const actor = await actorOn(member);
      return (Object.keys(statusMachines) as StatusChangeKind[]).filter(
        (kind) => statusFitError(kind, member.activityStatus) === null && availableActions(statusMachines[kind], { state: 'NONE', memberStatus: member.activityStatus }, actor).length > 0,
      );
    },
  };
}

export type StatusChangeReads = ReturnType<typeof statusChangeReads>;
