import { allow } from 'graphql-shield';
import { policy, type MemberReference } from './policy.ts';

/** The shield map of the dues subgraph, default deny; each rule reads the policy. */
export const rules = {
  Member: {
    id: allow,
    orgPath: allow,
    duesStanding: policy.rule('SEE_DUES_STANDING', (member) => member as MemberReference),
  },
  // Reached only through Member.duesStanding.
  DuesStanding: allow,
};
