import { groupLoader, rowLoader, transition, vietnamDay, type Identity } from '@dangvu/subgraph-kit';
import { identityEditActor } from '../../policy.ts';
import type { Repositories } from '../../repositories.ts';
import type { MemberLoaders } from '../member.loaders.ts';
import type { MemberRow } from '../member.repository.ts';
import { recognitionMachine, type RecognitionAction } from '../recognition/recognition.machine.ts';
import { competentCommitteePath } from '../recognition/recognition.rules.ts';
import { identityEditMachine, type IdentityEditAction } from './identity-edit.machine.ts';
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
  async function actorOn(member: MemberRow, proposedBy: string | null, deciderPath?: string | null) {
    const today = vietnamDay(now());
    const ids = member.orgPath.split('/').filter(Boolean);
    const [grants, known] = await Promise.all([loaders.roleGrants.load(member.id), kinds.loadMany(ids)]);
    const kindById = new Map(known.flatMap((row) => (row && !(row instanceof Error) ? [[row.orgId, row.type] as const] : [])));
    const active = grants.filter((grant) => grant.startsOn <= today && (grant.endsOn === null || grant.endsOn > today));
    return identityEditActor(identity, { ...member, grants: active }, deciderPath !== undefined ? deciderPath : dossierKeeperPath(member.orgPath, kindById), proposedBy);
  }

  /** The machine's answer on the member's recognition: its live state, the viewer against the committee above the cell. */
  async function recognitionStep(member: MemberRow, action: RecognitionAction) {
    if (member.membershipKind !== 'PROBATIONARY') return false;
    const latest = await recognitions.load(member.id);
    const state = latest?.state === 'PROPOSED' ? 'PROPOSED' : 'NONE';
    const actor = await actorOn(member, latest?.proposedBy ?? null, competentCommitteePath(member.orgPath));
    return transition(recognitionMachine, { state }, action, actor).ok;
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
    /** Whether the viewer may enter the cell's resolution proposing the member's recognition now. */
    mayProposeRecognition: (member: MemberRow) => recognitionStep(member, 'PROPOSE'),
    /** Whether the viewer may decide on the cell's pending proposal now. */
    mayRecognize: (member: MemberRow) => recognitionStep(member, 'APPROVE'),
    async mayPropose(member: MemberRow): Promise<boolean> {
      return transition(identityEditMachine, { state: 'NONE' }, 'PROPOSE', await actorOn(member, null)).ok;
    },
  };
}

export type IdentityEditReads = ReturnType<typeof identityEditReads>;
