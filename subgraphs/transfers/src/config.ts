import { httpUrl, integer, reportFreezeDayVariable, subgraphConfig, text, variable } from '@dangvu/subgraph-kit';
import { SECRETS_KEY_BYTES } from './signature/transfer-secrets.ts';

/** 32 random bytes in base64url (`openssl rand -base64 32` also does: the padding and alphabet are forgiven). */
const secretsKey = text
  .transform((value, ctx) => {
    const key = Buffer.from(value, 'base64url');
    if (key.length !== SECRETS_KEY_BYTES) ctx.addIssue({ code: 'custom', message: `phải là ${SECRETS_KEY_BYTES} byte dạng base64url / must be ${SECRETS_KEY_BYTES} bytes in base64url` });
    return key;
  })
  .optional();

export const transfersConfig = subgraphConfig('transfers', {
  keys: {
    /**
     * Seals people's signing keys and authenticates vouchers (docs/decisions/0010-transfer-letters.md#whose-keys);
     * never in the database. Unset, the process makes one of its own and says so at start-up.
     */
    secretsKey: variable('TRANSFERS_SECRETS_KEY', secretsKey),
  },
  transfers: {
    /** The web app's public origin: the letter's QR code opens the dossier's page there. */
    publicOrigin: variable('TRANSFERS_PUBLIC_ORIGIN', httpUrl.default('http://localhost:3000')),
    /** Working days one organization may hold a dossier before its superior's inbox shows it (docs/rules/transfers.md#escalation). */
    escalateAfterWorkingDays: variable('TRANSFERS_ESCALATION_WORKING_DAYS', integer(10, { min: 1, max: 120 })),
  },
  reports: { freezeDay: reportFreezeDayVariable },
});
