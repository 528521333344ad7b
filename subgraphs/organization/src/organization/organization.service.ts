import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '@dangvu/drizzle';
import {
  appendAudit,
  forbidden,
  grantsReach,
  notFound,
  parseId,
  publish,
  vietnamDay,
  type RequestContext,
  type UserError,
} from '@dangvu/subgraph-kit';
import { codeError, dissolveError, moveError, nameError, placementError, type OrgType } from './organization.rules.ts';
import { organizationWrites as writes, type OrganizationRow } from './organization.repository.ts';

export interface OrganizationPayload {
  organization: OrganizationRow | null;
  userErrors: UserError[];
}

/** Who shapes the tree: an administrator or a secretary of an organization above. */
const TREE_ROLES = ['ADMIN', 'SECRETARY'] as const;

/** The superior decides about an organization, not the organization itself: reach is checked on its parent. */
const parentPath = (organization: OrganizationRow) =>
  organization.parentId ? organization.path.slice(0, organization.path.length - organization.id.length - 1) : organization.path;

const failed = (...userErrors: UserError[]): OrganizationPayload => ({ organization: null, userErrors });

export interface CreateOrganizationInput {
  parentId: string;
  code: string;
  name: string;
  type: OrgType;
  inRolloutScope?: boolean | null;
}

/**
 * Create, rename, move, dissolve and set in or out of the roll-out: each checks the caller's reach first, then the tree's rules, then writes
 * the change, its history, its audit entry and (for a move) its event in one transaction.
 */
export function organizationService(db: Db, { identity, requestId }: RequestContext, today = () => vietnamDay(new Date())) {
  const mayShape = (path: string) => grantsReach(identity, path, TREE_ROLES);

  /** The day a change takes effect: today unless given, never in the future nor before the current version began. */
  async function effectiveDay(
    tx: Tx,
    orgId: string,
    requested?: string | null,
  ): Promise<{ day: string } | { error: UserError }> {
    const day = requested ?? today();
    if (day > today()) return { error: { code: 'EFFECTIVE_DATE_IN_FUTURE', field: 'effectiveOn', message: 'Ngày hiệu lực không được sau hôm nay.' } };
    const since = await writes.currentVersionStart(tx, orgId);
    if (since && day < since) {
      return { error: { code: 'EFFECTIVE_DATE_TOO_EARLY', field: 'effectiveOn', message: `Ngày hiệu lực phải từ ${since} trở đi.` } };
    }
    return { day };
  }

  const audit = (tx: Tx, action: string, before: OrganizationRow | null, after: OrganizationRow) =>
    appendAudit(tx, {
      actorId: identity.personId,
      action,
      entityType: 'Organization',
      entityId: after.id,
      before,
      after,
      requestId,
      orgPath: after.path,
    });

  return {
    async create(input: CreateOrganizationInput): Promise<OrganizationPayload> {
      const parentId = parseId(input.parentId);
      const code = input.code.trim();
      return db.transaction(async (tx) => {
        const parent = await writes.lock(tx, parentId);
        if (!parent) throw notFound('tổ chức cấp trên');
        if (!mayShape(parent.path)) throw forbidden();
        const errors = [nameError(input.name), codeError(code), placementError(input.type, parent)].filter((e) => e !== null);
        if (errors.length) return failed(...errors);
        if (await writes.codeTaken(tx, code)) return failed({ code: 'CODE_TAKEN', field: 'code', message: `Mã ${code} đã được dùng.` });
        const id = randomUUID();
        const created = await writes.insert(tx, {
          id,
          code,
          name: input.name.trim(),
          type: input.type,
          parentId: parent.id,
          path: `${parent.path}${id}/`,
          inRolloutScope: input.inRolloutScope ?? true,
        });
        await writes.recordVersions(tx, created.path, today());
        await audit(tx, 'organization.created', null, created);
        return { organization: created, userErrors: [] };
      });
    },

    async rename(input: { id: string; name: string; effectiveOn?: string | null }): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      return db.transaction(async (tx) => {
        const organization = await writes.lock(tx, id);
        if (!organization) throw notFound('tổ chức');
        if (!mayShape(parentPath(organization))) throw forbidden();
        const invalid = nameError(input.name);
        if (invalid) return failed(invalid);
        if (organization.dissolvedOn) return failed({ code: 'ALREADY_DISSOLVED', field: 'id', message: 'Tổ chức đã giải thể.' });
        const effective = await effectiveDay(tx, id, input.effectiveOn);
        if ('error' in effective) return failed(effective.error);
        const renamed = await writes.update(tx, id, { name: input.name.trim() });
        await writes.recordVersions(tx, renamed.path, effective.day);
        await audit(tx, 'organization.renamed', organization, renamed);
        return { organization: renamed, userErrors: [] };
      });
    },

    /** In or out of the online roll-out: a commune keeps its military and police cells out, for instance. */
    async setRolloutScope(input: { id: string; inRolloutScope: boolean }): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      return db.transaction(async (tx) => {
        const organization = await writes.lock(tx, id);
        if (!organization) throw notFound('tổ chức');
        if (!mayShape(parentPath(organization))) throw forbidden();
        if (organization.dissolvedOn) return failed({ code: 'ALREADY_DISSOLVED', field: 'id', message: 'Tổ chức đã giải thể.' });
        if (organization.inRolloutScope === input.inRolloutScope) return { organization, userErrors: [] };
        const changed = await writes.update(tx, id, { inRolloutScope: input.inRolloutScope });
        await audit(tx, 'organization.rolloutScopeSet', organization, changed);
        return { organization: changed, userErrors: [] };
      });
    },

    async move(input: { id: string; newParentId: string; effectiveOn?: string | null }): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      const newParentId = parseId(input.newParentId);
      return db.transaction(async (tx) => {
        const organization = await writes.lock(tx, id);
        const newParent = await writes.lock(tx, newParentId);
        if (!organization) throw notFound('tổ chức');
        if (!newParent) throw notFound('tổ chức cấp trên mới');
        // Taking an organization away needs reach over where it is; placing it, over where it goes.
        if (!mayShape(parentPath(organization)) || !mayShape(newParent.path)) throw forbidden();
        const invalid = moveError(organization, newParent);
        if (invalid) return failed(invalid);
        const effective = await effectiveDay(tx, id, input.effectiveOn);
        if ('error' in effective) return failed(effective.error);
        const newPath = `${newParent.path}${organization.id}/`;
        await writes.repath(tx, organization.path, newPath);
        const moved = await writes.update(tx, id, { parentId: newParent.id });
        await writes.recordVersions(tx, `${newPath}%`, effective.day);
        await audit(tx, 'organization.moved', organization, moved);
        await publish(tx, 'organization.moved', id, { orgId: id, oldPath: organization.path, newPath });
        return { organization: moved, userErrors: [] };
      });
    },

    async dissolve(input: { id: string }): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      return db.transaction(async (tx) => {
        const organization = await writes.lock(tx, id);
        if (!organization) throw notFound('tổ chức');
        if (!mayShape(parentPath(organization))) throw forbidden();
        const invalid = dissolveError(organization, await writes.activeChildren(tx, id), await writes.members(tx, id));
        if (invalid) return failed(invalid);
        const day = today();
        const dissolved = await writes.update(tx, id, { dissolvedOn: day });
        await writes.closeVersion(tx, id, day);
        await audit(tx, 'organization.dissolved', organization, dissolved);
        return { organization: dissolved, userErrors: [] };
      });
    },
  };
}

export type OrganizationService = ReturnType<typeof organizationService>;
