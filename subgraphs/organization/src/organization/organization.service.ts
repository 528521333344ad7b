import { randomUUID } from 'node:crypto';
import { auditor, notFound, parseId, vietnamDay, type RequestContext, type Store, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { Repositories } from '../repositories.ts';
import type { OrganizationRow } from './organization.repository.ts';
import { administrativeUnitError, codeError, dissolveError, moveError, nameError, placementError, reclassifyError, type OrgType } from './organization.rules.ts';

export interface OrganizationPayload {
  organization: OrganizationRow | null;
  userErrors: UserError[];
}

export interface CreateOrganizationInput {
  parentId: string;
  code: string;
  name: string;
  type: OrgType;
  inRolloutScope?: boolean | null;
}

export interface RenameOrganizationInput {
  id: string;
  name: string;
  effectiveOn?: string | null;
}

export interface MoveOrganizationInput {
  id: string;
  newParentId: string;
  effectiveOn?: string | null;
}

export interface ReclassifyOrganizationInput {
  id: string;
  type: OrgType;
  /** Where it goes when the new kind belongs elsewhere (a grassroots cell becoming a cell of a grassroots committee). */
  newParentId?: string | null;
  effectiveOn?: string | null;
}

export interface SetRolloutStageInput {
  id: string;
  /** `YYYY-MM`; null takes the month set above. */
  onlineFrom?: string | null;
}

export interface SetAdministrativeUnitInput {
  id: string;
  administrativeUnitCode?: string | null;
}

export interface SetRolloutScopeInput {
  id: string;
  inRolloutScope: boolean;
}

/** What shaping the tree touches: the tree with its history, the audit trail, the outbox. */
export type TreeRepositories = Pick<Repositories, 'organizations' | 'audit' | 'outbox'>;

const failed = (...userErrors: UserError[]): OrganizationPayload => ({ organization: null, userErrors });
const alreadyDissolved: UserError = { code: 'ALREADY_DISSOLVED', field: 'id', message: 'Tổ chức đã giải thể.' };

/**
 * Create, rename, move, dissolve and set in or out of the roll-out: each checks the caller's ability first,
 * then the tree's rules, then writes the change, its history, its audit entry and (for a move) its event in
 * one transaction. `today` is the calendar day in Vietnam.
 */
export function organizationService(store: Store<TreeRepositories>, context: RequestContext, today = () => vietnamDay(new Date())) {
  const { identity } = context;
  const audit = auditor(context);

  const recordChange = (repos: TreeRepositories, action: string, before: OrganizationRow | null, after: OrganizationRow) =>
    audit(repos.audit, { action, entityType: 'Organization', entityId: after.id, before, after, orgPath: after.path });

  const publishRollout = (repos: TreeRepositories, row: OrganizationRow) =>
    repos.outbox.publish('organization.rolloutSet', row.id, { orgId: row.id, path: row.path, inRolloutScope: row.inRolloutScope, rolloutOnlineFrom: row.rolloutOnlineFrom });

  const lockExisting = async (repos: TreeRepositories, id: string, what = 'tổ chức') => {
    const organization = await repos.organizations.byIdForUpdate(id);
    if (!organization) throw notFound(what);
    return organization;
  };

  /** The day a change takes effect: today unless given, never in the future nor before the current version began. */
  async function effectiveDay(repos: TreeRepositories, id: string, requested?: string | null): Promise<{ day: string } | { error: UserError }> {
    const day = requested ?? today();
    if (day > today()) return { error: { code: 'EFFECTIVE_DATE_IN_FUTURE', field: 'effectiveOn', message: 'Ngày hiệu lực không được sau hôm nay.' } };
    const since = await repos.organizations.currentVersionStart(id);
    if (since && day < since) {
      return { error: { code: 'EFFECTIVE_DATE_TOO_EARLY', field: 'effectiveOn', message: `Ngày hiệu lực phải từ ${since} trở đi.` } };
    }
    return { day };
  }

  return {
    async create(input: CreateOrganizationInput): Promise<OrganizationPayload> {
      const parentId = parseId(input.parentId);
      const code = input.code.trim();
      return store.transaction(async (repos) => {
        const parent = await lockExisting(repos, parentId, 'tổ chức cấp trên');
        const id = randomUUID();
        const path = `${parent.path}${id}/`;
        policy.assert(identity, 'SHAPE_TREE', { path });
        const errors = [nameError(input.name), codeError(code), placementError(input.type, parent)].filter((e) => e !== null);
        if (errors.length) return failed(...errors);
        if (await repos.organizations.codeTaken(code)) return failed({ code: 'CODE_TAKEN', field: 'code', message: `Mã ${code} đã được dùng.` });
        const created = await repos.organizations.insert({
          id,
          code,
          name: input.name.trim(),
          type: input.type,
          parentId: parent.id,
          path,
          inRolloutScope: input.inRolloutScope ?? true,
          // An officer creating it chose its kind: reviewed from the start (docs/rules/organization-tree.md#classification-review).
          classifiedOn: today(),
        });
        await repos.organizations.recordVersions(created.path, today());
        await recordChange(repos, 'organization.created', null, created);
        await repos.outbox.publish('organization.typed', id, { orgId: id, path, type: created.type });
        if (!created.inRolloutScope) await publishRollout(repos, created);
        return { organization: created, userErrors: [] };
      });
    },

    async rename(input: RenameOrganizationInput): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      return store.transaction(async (repos) => {
        const organization = await lockExisting(repos, id);
        policy.assert(identity, 'SHAPE_TREE', organization);
        const invalid = nameError(input.name);
        if (invalid) return failed(invalid);
        if (organization.dissolvedOn) return failed(alreadyDissolved);
        const effective = await effectiveDay(repos, id, input.effectiveOn);
        if ('error' in effective) return failed(effective.error);
        const renamed = await repos.organizations.update(id, { name: input.name.trim() });
        await repos.organizations.recordVersions(renamed.path, effective.day);
        await recordChange(repos, 'organization.renamed', organization, renamed);
        return { organization: renamed, userErrors: [] };
      });
    },

    /** In or out of the online roll-out: a commune keeps its military and police cells out, for instance. */
    async setRolloutScope(input: SetRolloutScopeInput): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      return store.transaction(async (repos) => {
        const organization = await lockExisting(repos, id);
        policy.assert(identity, 'SET_ROLLOUT_SCOPE', organization);
        if (organization.dissolvedOn) return failed(alreadyDissolved);
        if (organization.inRolloutScope === input.inRolloutScope) return { organization, userErrors: [] };
        const changed = await repos.organizations.update(id, { inRolloutScope: input.inRolloutScope });
        await recordChange(repos, 'organization.rolloutScopeSet', organization, changed);
        await publishRollout(repos, changed);
        return { organization: changed, userErrors: [] };
      });
    },

    /**
     * A new kind for an organization, where it stands or (with `newParentId`) under a new parent in the same
     * operation; checked against the parent and every child, dated, audited (docs/rules/organization-tree.md#reclassifying).
     */
    async reclassify(input: ReclassifyOrganizationInput): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      const newParentId = input.newParentId ? parseId(input.newParentId) : null;
      return store.transaction(async (repos) => {
        const organization = await lockExisting(repos, id);
        policy.assert(identity, 'SHAPE_TREE', organization);
        const moving = newParentId !== null && newParentId !== organization.parentId;
        const parentId = moving ? newParentId : organization.parentId;
        const parent = parentId ? await lockExisting(repos, parentId, moving ? 'tổ chức cấp trên mới' : 'tổ chức cấp trên') : null;
        const newPath = moving ? `${parent!.path}${organization.id}/` : organization.path;
        if (moving) policy.assert(identity, 'SHAPE_TREE', { path: newPath });
        const invalid = reclassifyError(organization, input.type, parent, await repos.organizations.activeChildTypes(id), moving);
        if (invalid) return failed(invalid);
        const effective = await effectiveDay(repos, id, input.effectiveOn);
        if ('error' in effective) return failed(effective.error);
        if (moving) await repos.organizations.repath(organization.path, newPath);
        const changed = await repos.organizations.update(id, { type: input.type, parentId: parent?.id ?? null, classifiedOn: today() });
        await repos.organizations.recordVersions(newPath, effective.day, { subtree: moving });
        await recordChange(repos, 'organization.reclassified', organization, changed);
        if (moving) await repos.outbox.publish('organization.moved', id, { orgId: id, oldPath: organization.path, newPath });
        await repos.outbox.publish('organization.typed', id, { orgId: id, path: newPath, type: changed.type, administrativeUnitCode: changed.administrativeUnitCode });
        return { organization: changed, userErrors: [] };
      });
    },

    /**
     * The administrative unit a commune-level committee serves, decided from above like the tree's shape; one
     * committee per unit (a partial unique index holds it when two ask at once), published to the register.
     */
    async setAdministrativeUnit(input: SetAdministrativeUnitInput): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      const code = input.administrativeUnitCode?.trim() || null;
      return store.transaction(async (repos) => {
        const organization = await lockExisting(repos, id);
        policy.assert(identity, 'SHAPE_TREE', organization);
        const invalid = administrativeUnitError(organization, code);
        if (invalid) return failed(invalid);
        if (organization.administrativeUnitCode === code) return { organization, userErrors: [] };
        const holder = code ? await repos.organizations.servingUnit(code) : null;
        if (holder && holder.id !== id) {
          return failed({ code: 'UNIT_TAKEN', field: 'administrativeUnitCode', message: `Đơn vị hành chính ${code} đã gắn với ${holder.name}.` });
        }
        const changed = await repos.organizations.update(id, { administrativeUnitCode: code });
        await recordChange(repos, 'organization.administrativeUnitSet', organization, changed);
        await repos.outbox.publish('organization.typed', id, { orgId: id, path: changed.path, type: changed.type, administrativeUnitCode: code });
        return { organization: changed, userErrors: [] };
      });
    },

    /**
     * The kind reviewed and kept as it is, decided from above like a reclassification; confirming again moves
     * the day on (docs/rules/organization-tree.md#classification-review).
     */
    async confirmType(input: { id: string }): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      return store.transaction(async (repos) => {
        const organization = await lockExisting(repos, id);
        policy.assert(identity, 'SHAPE_TREE', organization);
        if (organization.dissolvedOn) return failed(alreadyDissolved);
        const day = today();
        if (organization.classifiedOn === day) return { organization, userErrors: [] };
        const confirmed = await repos.organizations.update(id, { classifiedOn: day });
        await recordChange(repos, 'organization.typeConfirmed', organization, confirmed);
        return { organization: confirmed, userErrors: [] };
      });
    },

    /** The month the organization enters the online procedures, set by its superior (docs/rules/organization-tree.md#roll-out-stage). */
    async setRolloutStage(input: SetRolloutStageInput): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      return store.transaction(async (repos) => {
        const organization = await lockExisting(repos, id);
        policy.assert(identity, 'SET_ROLLOUT_SCOPE', organization);
        if (organization.dissolvedOn) return failed(alreadyDissolved);
        const onlineFrom = input.onlineFrom ? `${input.onlineFrom}-01` : null;
        if (organization.rolloutOnlineFrom === onlineFrom) return { organization, userErrors: [] };
        const changed = await repos.organizations.update(id, { rolloutOnlineFrom: onlineFrom });
        await recordChange(repos, 'organization.rolloutStageSet', organization, changed);
        await publishRollout(repos, changed);
        return { organization: changed, userErrors: [] };
      });
    },

    async move(input: MoveOrganizationInput): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      const newParentId = parseId(input.newParentId);
      return store.transaction(async (repos) => {
        const organization = await lockExisting(repos, id);
        const newParent = await lockExisting(repos, newParentId, 'tổ chức cấp trên mới');
        const newPath = `${newParent.path}${organization.id}/`;
        // Taking an organization away needs reach over where it is; placing it, over where it goes.
        policy.assert(identity, 'SHAPE_TREE', organization);
        policy.assert(identity, 'SHAPE_TREE', { path: newPath });
        const invalid = moveError(organization, newParent);
        if (invalid) return failed(invalid);
        const effective = await effectiveDay(repos, id, input.effectiveOn);
        if ('error' in effective) return failed(effective.error);
        await repos.organizations.repath(organization.path, newPath);
        const moved = await repos.organizations.update(id, { parentId: newParent.id });
        await repos.organizations.recordVersions(newPath, effective.day, { subtree: true });
        await recordChange(repos, 'organization.moved', organization, moved);
        await repos.outbox.publish('organization.moved', id, { orgId: id, oldPath: organization.path, newPath });
        return { organization: moved, userErrors: [] };
      });
    },

    async dissolve(input: { id: string }): Promise<OrganizationPayload> {
      const id = parseId(input.id);
      return store.transaction(async (repos) => {
        const organization = await lockExisting(repos, id);
        policy.assert(identity, 'SHAPE_TREE', organization);
        const invalid = dissolveError(organization, await repos.organizations.activeChildCount(id), await repos.organizations.memberCount(id));
        if (invalid) return failed(invalid);
        const day = today();
        const dissolved = await repos.organizations.update(id, { dissolvedOn: day });
        await repos.organizations.closeVersion(id, day);
        await recordChange(repos, 'organization.dissolved', organization, dissolved);
        return { organization: dissolved, userErrors: [] };
      });
    },
  };
}

export type OrganizationService = ReturnType<typeof organizationService>;
