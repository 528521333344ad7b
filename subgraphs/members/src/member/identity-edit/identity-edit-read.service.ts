import { groupLoader, rowLoader, transition, vietnamDay, type Identity } from '@dangvu/subgraph-kit';
import { identityEditActor } from '../../policy.ts';
import type { Repositories } from '../../repositories.ts';
import type { MemberLoaders } from '../member.loaders.ts';
import type { MemberRow } from '../member.repository.ts';
import { identityEditMachine, keeperDecides, type IdentityEditAction } from './identity-edit.machine.ts';
import type { IdentityEditRow } from './identity-edit.repository.ts';
import { dossierKeeperPath } from './identity-edit.rules.ts';

/** The steps on a proposal already made, as screens offer them. */
const STEPS = ['APPROVE', 'REJECT', 'WITHDRAW'] as const;

/** Reading identity edits: one statement per relation per request, the viewer's next steps by the machine. */
export function identityEditReads(repos: Pick<Repositories, 'identityEdits' | 'recognitions' | 'organizationKinds'>, loaders: MemberLoaders, identity: Identity, now: () => Date = () => new Date()) {
  const ofMember = groupLoader(repos.identityEdits.ofMembers, (row: IdentityEditRow) => row.memberId);
  const pendingUnder = groupLoader(repos.identityEdits.pendingUnder, (row) => row.underPath);
  const kinds = rowLoader(repos.organizationKinds.of, (row) => row.orgId);
  const recognitions = rowLoader(repos.recognitions.ofMembers, (row) => row.memberId);

  /** The viewer as the machine sees them, on the member with the roles they hold today and the dossier's keeper. */
  async function actorOn(member: MemberRow, proposedBy: string | null) {
    const today = vietnamDay(now());
    const ids = member.orgPath.split('/').filter(Boolean);
    const [grants, known] = await Promise.all([loaders.roleGrants.load(member.id), kinds.loadMany(ids)]);
    const kindById = new Map(known.flatMap((row) => (row && !(row instanceof Error) ? [[row.orgId, row.type] as const] : [])));
    const active = grants.filter((grant) => grant.startsOn <= today && (grant.endsOn === null || grant.endsOn > today));
    return identityEditActor(identity, { ...member, grants: active }, dossierKeeperPath(member.orgPath, kindById), proposedBy);
  }

  return {
    ofMember: (memberId: string) => ofMember.load(memberId),
    pendingUnder: (path: string) => pendingUnder.load(path),
    async viewerActions(edit: IdentityEditRow): Promise<Exclude<IdentityEditAction, 'PROPOSE'>[]> {
      const member = await loaders.byId.load(edit.memberId);
      if (!member) return [];
      const actor = await actorOn(member, edit.proposedBy);
      return STEPS.filter((action) => transition(identityEditMachine, { state: edit.state }, action, actor).ok);
    },
    recognitionOf: (memberId: string) => recognitions.load(memberId),
    /** Whether the viewer may recognize the member as official: a probationary member, by the dossier's keeper. */
    async mayRecognize(member: MemberRow): Promise<boolean> {
      return member.membershipKind === 'PROBATIONARY' && keeperDecides(await actorOn(member, null));
    },
    async mayPropose(member: MemberRow): Promise<boolean> {
      return transition(identityEditMachine, { state: 'NONE' }, 'PROPOSE', await actorOn(member, null)).ok;
    },
  };
}

export type IdentityEditReads = ReturnType<typeof identityEditReads>;
