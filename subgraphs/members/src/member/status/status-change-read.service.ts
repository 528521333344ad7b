import { availableActions, groupLoader, vietnamDay, type Identity } from '@dangvu/subgraph-kit';
import { statusActor } from '../../policy.ts';
import type { Repositories } from '../../repositories.ts';
import type { MemberLoaders } from '../member.loaders.ts';
import type { StatusChangeRow } from './status-change.repository.ts';
import { statusMachines, type StatusChangeAction } from './status.machine.ts';

/** The steps of an application a screen may offer; the direct decisions are offered by the member's own page. */
const LISTED = ['RESOLVE', 'REJECT', 'WITHDRAW', 'REPORT'] as const;
type ListedAction = (typeof LISTED)[number];
const listed = (action: StatusChangeAction): action is ListedAction => (LISTED as readonly string[]).includes(action);

/** Reading members' status changes: one statement per request for every member's list, the viewer's next steps by the machines. */
export function statusChangeReads(repos: Pick<Repositories, 'statusChanges'>, loaders: MemberLoaders, identity: Identity, now: () => Date = () => new Date()) {
  const ofMember = groupLoader(repos.statusChanges.ofMembers, (row: StatusChangeRow) => row.memberId);
  return {
    ofMember: (memberId: string) => ofMember.load(memberId),
    async viewerActions(change: StatusChangeRow): Promise<ListedAction[]> {
      const member = await loaders.byId.load(change.memberId);
      if (!member) return [];
      const today = vietnamDay(now());
      const grants = (await loaders.roleGrants.load(member.id)).filter((grant) => grant.startsOn <= today && (grant.endsOn === null || grant.endsOn > today));
      const actor = statusActor(identity, { ...member, grants });
      return availableActions(statusMachines[change.kind], { state: change.state, memberStatus: member.activityStatus }, actor).filter(listed);
    },
  };
}

export type StatusChangeReads = ReturnType<typeof statusChangeReads>;
