import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ACCESS_TOKEN_SECONDS, auditor, isUuid, parseId, signAccessToken, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import type { CryptoKey } from 'jose';
import { policy } from '../policy.ts';
import type { MembersStore } from '../repositories.ts';
import type { PartnerRow } from './partner.repository.ts';

/** What a partner system may be allowed to read. */
export const PARTNER_SCOPES = ['members:read', 'organizations:read', 'dues:read', 'transfers:read', 'reports:read'] as const;

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

    /** Revokes a client: its tokens are refused by the gateway within seconds, and no new one is issued. */
    async revoke(input: { clientId: string }): Promise<{ partner: PartnerRow | null; userErrors: UserError[] }> {
      policy.assert(context.identity, 'REGISTER_PARTNER', null);
      const unknown = { partner: null, userErrors: [{ code: 'NOT_FOUND', field: 'clientId', message: 'Không tìm thấy ứng dụng đối tác này.' }] };
      if (!isUuid(input.clientId)) return unknown;
      return store.transaction(async (repos) => {
        const before = await repos.partners.byIdForUpdate(parseId(input.clientId));
        if (!before) return unknown;
        // Revoking twice is harmless: the second call finds it revoked and writes nothing.
        if (before.status === 'REVOKED') return { partner: before, userErrors: [] };
        const partner = await repos.partners.revoke(before.id);
        await audit(repos.audit, {
          action: 'partner.revoked',
          entityType: 'PartnerClient',
          entityId: partner.id,
          before: { status: before.status },
          after: { status: partner.status },
        });
        return { partner, userErrors: [] };
      });
    },

    /** Whether a partner token's client (its `sid`) may still be used: the gateway's question, as for a person's session. */
    async state(clientId: string): Promise<'ACTIVE' | 'ENDED'> {
      if (!isUuid(clientId) || context.identity.partner?.clientId !== clientId) return 'ENDED';
      const partner = await store.repos.partners.byId(parseId(clientId));
      return partner?.status === 'ACTIVE' ? 'ACTIVE' : 'ENDED';
    },

    async token(input: { clientId: string; clientSecret: string }) {
      const partner = isUuid(input.clientId) ? await store.repos.partners.byId(parseId(input.clientId)) : null;
      const matches = await verify(partner?.secretHash ?? (await unknownClientHash), input.clientSecret);
      if (!partner || !matches || partner.status !== 'ACTIVE') return refusedToken;
      const issuedAt = new Date();
      // The client itself is the token's session: revoking the client ends every token it holds.
      const token = await signAccessToken(
        { personId: null, grants: [], partner: { clientId: partner.id, scopes: partner.scopes } },
        signingKey,
        issuedAt,
        partner.id,
      );
      const expiresAt = new Date(issuedAt.getTime() + ACCESS_TOKEN_SECONDS * 1000).toISOString();
      return { token, expiresAt, rolesWithheld: false, userErrors: [] };
    },
  };
}

export type PartnerService = ReturnType<typeof partnerService>;
