import { vietnamDay, type Identity } from '@dangvu/subgraph-kit';
import type { MemberLoaders } from './member/member.loaders.ts';
import type { MemberRow } from './member/member.repository.ts';
import { policy, type AccountSubject } from './policy.ts';

type Abilities = Parameters<typeof policy.can>[1];

/** The roles a member holds today, from the loaded grants: what an account action on them must cover. */
export async function withRolesHeld(member: MemberRow, loaders: MemberLoaders): Promise<MemberRow & AccountSubject> {
  const today = vietnamDay(new Date());
  const grants = (await loaders.roleGrants.load(member.id)).filter((grant) => grant.startsOn <= today && (grant.endsOn === null || grant.endsOn > today));
  return { ...member, grants };
}

/** The policy's answers for the signed-in viewer, as the `viewerCan` types project them. */
export function viewerAbilities(identity: Identity, loaders: MemberLoaders) {
  return {
    on: <N extends Abilities>(subject: Parameters<typeof policy.can<N>>[2], name: N) => policy.can(identity, name, subject),
    async onAccountOf(member: MemberRow, name: 'ISSUE_ACCOUNT' | 'ADMINISTER_ACCOUNT') {
      return policy.can(identity, name, await withRolesHeld(member, loaders));
    },
  };
}

export type ViewerAbilities = ReturnType<typeof viewerAbilities>;
