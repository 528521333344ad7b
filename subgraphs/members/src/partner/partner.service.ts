import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ACCESS_TOKEN_SECONDS, auditor, isUuid, parseId, signAccessToken, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import type { CryptoKey } from 'jose';
import { policy } from '../policy.ts';
import type { MembersStore } from '../repositories.ts';
import type { PartnerRow } from './partner.repository.ts';

/** What a partner system may be allowed to read. */
export const PARTNER_SCOPES = ['members:read', 'organizations:read', 'dues:read', 'transfers:read'] as const;

const refusedToken = {
  token: null,
  expiresAt: null,
  rolesWithheld: false,
  userErrors: [{ code: 'INVALID_CLIENT', field: null, message: 'Mã ứng dụng hoặc khóa bí mật không đúng, hoặc ứng dụng đã bị thu hồi.' }],
};
/** Verified against when the client id is unknown, so that timing does not tell which ids exist. */
const unknownClientHash = hash('dangvu: no such client');

/**
 * Partner systems: registered by an administrator of a whole tree (a root organization), they exchange
 * client credentials for a short-lived token carrying only their read scopes.
 */
export function partnerService(store: MembersStore, context: RequestContext, signingKey: CryptoKey) {
  const audit = auditor(context);
  return {
    async register(input: { name: string; scopes: string[] }): Promise<{ partner: PartnerRow | null; clientSecret: string | null; userErrors: UserError[] }> {
      policy.assert(context.identity, 'REGISTER_PARTNER', null);
      const name = input.name.trim();
      const unknown = input.scopes.filter((scope) => !(PARTNER_SCOPES as readonly string[]).includes(scope));
      const userErrors: UserError[] = [];
      if (name.length < 3) userErrors.push({ code: 'INVALID_NAME', field: 'name', message: 'Tên ứng dụng cần ít nhất 3 ký tự.' });
      if (unknown.length || input.scopes.length === 0) {
        userErrors.push({ code: 'INVALID_SCOPES', field: 'scopes', message: `Phạm vi hợp lệ: ${PARTNER_SCOPES.join(', ')}.` });
      }
      if (userErrors.length) return { partner: null, clientSecret: null, userErrors };
      const clientSecret = randomBytes(32).toString('base64url');
      return store.transaction(async (repos) => {
        const partner = await repos.partners.insert({ name, scopes: [...new Set(input.scopes)], secretHash: await hash(clientSecret) });
        await audit(repos.audit, {
          action: 'partner.registered',
          entityType: 'PartnerClient',
          entityId: partner.id,
          after: { name: partner.name, scopes: partner.scopes },
        });
        return { partner, clientSecret, userErrors: [] };
      });
    },

    async token(input: { clientId: string; clientSecret: string }) {
      const partner = isUuid(input.clientId) ? await store.repos.partners.byId(parseId(input.clientId)) : null;
      const matches = await verify(partner?.secretHash ?? (await unknownClientHash), input.clientSecret);
      if (!partner || !matches || partner.status !== 'ACTIVE') return refusedToken;
      const issuedAt = new Date();
      const token = await signAccessToken(
        { personId: null, grants: [], partner: { clientId: partner.id, scopes: partner.scopes } },
        signingKey,
        issuedAt,
      );
      const expiresAt = new Date(issuedAt.getTime() + ACCESS_TOKEN_SECONDS * 1000).toISOString();
      return { token, expiresAt, rolesWithheld: false, userErrors: [] };
    },
  };
}

export type PartnerService = ReturnType<typeof partnerService>;
