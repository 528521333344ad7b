import { jwk, subgraphConfig, variable } from '@dangvu/subgraph-kit';

export const membersConfig = subgraphConfig('members', {
  /** Signs the access tokens that login issues; the gateway verifies them with AUTH_PUBLIC_KEY. */
  keys: { authPrivateKey: variable('AUTH_PRIVATE_KEY', jwk) },
});
