import { auditor, notFound, parseId, ROLES, vietnamDay, type RequestContext, type Role, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { MembersStore, Repositories } from '../repositories.ts';
import type { RoleGrantRow } from './role-grant.repository.ts';
import { grantDatesError, grantPathWithin, grantRequestErrors, SINGLE_HOLDER_ROLES } from './role.rules.ts';

export interface RoleGrantPayload {
  grant: RoleGrantRow | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): RoleGrantPayload => ({ grant: null, userErrors });

/** Role grants are given and ended by an administrator whose reach covers the organization of the grant, or by its secretary for the committee's own roles (docs/rules/roles.md#who-grants-roles). */
export function roleService(store: MembersStore, context: RequestContext, today = () => vietnamDay(new Date())) {
  const { identity } = context;
  const audit = auditor(context);
  const record = (repos: Repositories, action: string, before: RoleGrantRow | null, after: RoleGrantRow) =>
    audit(repos.audit, {
      action,
      entityType: 'RoleGrant',
      entityId: after.id,
      before,
      after,
      orgPath: after.orgPath,
      subjectMemberId: after.memberId,
    });

  return {
    /**
     * Where the caller may give `member` a role: the member's own organization and those above it (a role is
     * held where one is active, or above), nearest first, each the caller administers.
     */
    async grantableOrganizations(member: { id: string; orgPath: string }, role: Role | null = null) {
      const holderGrants = await store.repos.roleGrants.activeOf(member.id, today());
      const ids = member.orgPath.split('/').filter(Boolean);
      return ids
        .map((id, depth) => ({ id, path: `/${ids.slice(0, depth + 1).join('/')}/` }))
        .reverse()
        .filter(({ path }) => policy.can(identity, 'GRANT_ROLE', { orgPath: path, memberId: member.id, role, holderGrants }));
    },

    /** The roles the caller may give the member somewhere: all for an administrator, the committee's own for a secretary. */
    async grantableRoles(member: { id: string; orgPath: string }) {
      const holderGrants = await store.repos.roleGrants.activeOf(member.id, today());
      const paths = member.orgPath.split('/').filter(Boolean).map((_, depth, ids) => `/${ids.slice(0, depth + 1).join('/')}/`);
      return ROLES.filter((role) => paths.some((orgPath) => policy.can(identity, 'GRANT_ROLE', { orgPath, memberId: member.id, role, holderGrants })));
    },

    async grant(input: { memberId: string; role: Role; organizationId: string; startsOn?: string | null; endsOn?: string | null }) {
      const organizationId = parseId(input.organizationId);
      return store.transaction(async (repos): Promise<RoleGrantPayload> => {
        const member = await repos.members.byId(parseId(input.memberId));
        if (!member) throw notFound('đảng viên');
        const holderGrants = await repos.roleGrants.activeOf(member.id, today());
        const orgPath = grantPathWithin(member.orgPath, organizationId);
        if (!orgPath) {
          policy.assert(identity, 'GRANT_ROLE', { orgPath: member.orgPath, memberId: member.id, role: input.role, holderGrants });
          return failed({
            code: 'OUTSIDE_MEMBER_ORGANIZATION',
            field: 'organizationId',
            message: 'Chỉ giao chức trách ở tổ chức đảng viên đang sinh hoạt hoặc tổ chức cấp trên của tổ chức đó.',
          });
        }
        policy.assert(identity, 'GRANT_ROLE', { orgPath, memberId: member.id, role: input.role, holderGrants });
        if (!['ACTIVE', 'TEMP_AWAY'].includes(member.activityStatus)) {
          return failed({ code: 'MEMBER_NOT_ACTIVE', field: 'memberId', message: 'Chỉ giao chức trách cho đảng viên đang sinh hoạt.' });
        }
        const endsOn = input.endsOn ?? null;
        const request = { role: input.role, orgId: organizationId, startsOn: input.startsOn, endsOn };
        const invalid = grantRequestErrors(request, member, await repos.roleGrants.ofMembers([member.id]));
        if (invalid.length) return failed(...invalid);
        const startsOn = input.startsOn!;
        if ((SINGLE_HOLDER_ROLES as readonly Role[]).includes(input.role)) {
          const holders = await repos.roleGrants.inForceLocked(organizationId, input.role, startsOn);
          if (holders.length > 0) {
            return failed({
              code: 'ROLE_TAKEN',
              field: 'role',
              message: 'Tổ chức đã có người giữ chức trách này trong thời gian đó; hãy kết thúc chức trách cũ trước.',
            });
          }
        }
        const created = await repos.roleGrants.insert({ memberId: member.id, role: input.role, orgId: organizationId, orgPath, startsOn, endsOn });
        await record(repos, 'roleGrant.granted', null, created);
        return { grant: created, userErrors: [] };
      });
    },

    async end(input: { grantId: string; endsOn?: string | null }) {
      return store.transaction(async (repos): Promise<RoleGrantPayload> => {
        const grant = await repos.roleGrants.byIdForUpdate(parseId(input.grantId));
        if (!grant) throw notFound('chức trách');
        policy.assert(identity, 'END_ROLE', grant);
        const endsOn = input.endsOn ?? today();
        if (grant.endsOn !== null && grant.endsOn <= endsOn) {
          return failed({ code: 'ALREADY_ENDED', field: 'grantId', message: 'Chức trách đã kết thúc.' });
        }
        const dates = grantDatesError(grant.startsOn, endsOn);
        if (dates) return failed(dates);
        const ended = await repos.roleGrants.end(grant.id, endsOn);
        await record(repos, 'roleGrant.ended', grant, ended);
        return { grant: ended, userErrors: [] };
      });
    },
  };
}

export type RoleService = ReturnType<typeof roleService>;
