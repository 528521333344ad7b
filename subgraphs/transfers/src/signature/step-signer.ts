import type { SigningKeyRepository } from './signing-key.repository.ts';
import { signHash } from './decision-chain.ts';
import { newSigningKey, openSigningKey } from './signing-keys.ts';
import type { TransferSecrets } from './transfer-secrets.ts';

export interface StepSignature {
  keyId: string;
  signature: string;
}

/**
 * Signs a step's hash with the person's own key, made on their first decision (docs/decisions/0010-transfer-letters.md#whose-keys).
 * A key sealed under an earlier secrets key cannot be opened: it is retired (it still verifies what it signed)
 * and the person gets a new one.
 */
export function stepSigner(secrets: TransferSecrets) {
  return async (keys: SigningKeyRepository, personId: string, hash: string): Promise<StepSignature> => {
    let key = await keys.activeOrInsert(newSigningKey(secrets, personId));
    let privateKey;
    try {
      privateKey = openSigningKey(secrets, key);
    } catch {
      await keys.retire(key.id);
      key = await keys.activeOrInsert(newSigningKey(secrets, personId));
      privateKey = openSigningKey(secrets, key);
    }
    return { keyId: key.id, signature: signHash(hash, privateKey) };
  };
}

export type StepSigner = ReturnType<typeof stepSigner>;
