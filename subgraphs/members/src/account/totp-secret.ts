import type { AccountSecrets } from './account-secrets.ts';
import type { AccountRepository, AccountRow } from './account.repository.ts';

/**
 * The account's TOTP secret, opened; one still stored in the clear from before sealing is sealed on this use
 * (docs/rules/accounts.md#secrets-at-rest).
 */
export async function totpSecretOf(accounts: AccountRepository, secrets: AccountSecrets, account: AccountRow): Promise<string | null> {
  if (!account.totpSecret) return null;
  const { secret, legacy } = secrets.openTotp(account.id, account.totpSecret);
  if (legacy) await accounts.update(account.id, { totpSecret: secrets.sealTotp(account.id, secret) });
  return secret;
}

/** Seals every TOTP secret still in the clear; the members process runs it at start-up, before it serves. */
export async function sealLegacyTotpSecrets(accounts: AccountRepository, secrets: AccountSecrets): Promise<number> {
  const legacy = await accounts.withUnsealedTotpSecrets();
  for (const account of legacy) await totpSecretOf(accounts, secrets, account);
  return legacy.length;
}
