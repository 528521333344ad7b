import { groupLoader, transition, type Identity } from '@dangvu/subgraph-kit';
import { residenceActor } from '../../policy.ts';
import type { Repositories } from '../../repositories.ts';
import type { MemberLoaders } from '../member.loaders.ts';
import { residenceDeclarationMachine } from './residence-declaration.machine.ts';
import type { ResidenceDeclarationRow } from './residence-declaration.repository.ts';

const STEPS = ['CONFIRM', 'REJECT', 'WITHDRAW'] as const;

/** Reading residence declarations: one statement per relation per request, the viewer's steps by the machine. */
export function residenceDeclarationReads(repos: Pick<Repositories, 'residenceDeclarations'>, loaders: MemberLoaders, identity: Identity) {
  const ofMember = groupLoader(repos.residenceDeclarations.ofMembers, (row: ResidenceDeclarationRow) => row.memberId);
  const pendingUnder = groupLoader(repos.residenceDeclarations.pendingUnder, (row) => row.underPath);
  return {
    ofMember: (memberId: string) => ofMember.load(memberId),
    pendingUnder: (path: string) => pendingUnder.load(path),
    async viewerActions(declaration: ResidenceDeclarationRow) {
      const member = await loaders.byId.load(declaration.memberId);
      if (!member) return [];
      const actor = residenceActor(identity, member, declaration);
      return STEPS.filter((action) => transition(residenceDeclarationMachine, { state: declaration.state }, action, actor).ok);
    },
  };
}

export type ResidenceDeclarationReads = ReturnType<typeof residenceDeclarationReads>;
