import { jwk, reportFreezeDayVariable, subgraphConfig, text, variable } from '@dangvu/subgraph-kit';
import { SECRETS_KEY_BYTES } from './account/account-secrets.ts';

/** 32 random bytes in base64url (`openssl rand -base64 32` also does: the padding and alphabet are forgiven). */
const secretsKey = text.transform((value, ctx) => {
  const key = Buffer.from(value, 'base64url');
  // The issue fails the parse: the value returned with it is never used.
  if (key.length !== SECRETS_KEY_BYTES) ctx.addIssue({ code: 'custom', message: `phải là ${SECRETS_KEY_BYTES} byte dạng base64url / must be ${SECRETS_KEY_BYTES} bytes in base64url` });
  return key;
});

export const membersConfig = subgraphConfig('members', {
  keys: {
    /** Signs the access tokens that login issues, named by its `kid`; the gateway verifies them with AUTH_PUBLIC_KEY. */
    authPrivateKey: variable('AUTH_PRIVATE_KEY', jwk),
    /** Seals second-factor secrets and keys the hashes of activation codes and refresh tokens; never in the database. */
    secretsKey: variable('MEMBERS_SECRETS_KEY', secretsKey),
  },
  reports: { freezeDay: reportFreezeDayVariable },
});
