import { createHash } from 'node:crypto';
import { auditor, canonical, forbidden, notFound, parseId, signatureIsValid, transition, vietnamDay, type PersonSigner, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { commentActor, policy, seesCommentRequest } from '../policy.ts';
import type { MembersStore, Repositories } from '../repositories.ts';
import { commentMachine, type CommentAction, type CommentEntity, type CommentInput } from './residence-comment.machine.ts';
import type { CommentRequestRow, GivenCommentRow, LoadedCommentRow } from './residence-comment.repository.ts';
import { checkDueOn, planCampaign, readComment, requiredText, scanFileName, type DutyInput, type Exemption } from './residence-comment.rules.ts';

type Purpose = CommentRequestRow['purpose'];

const stale: UserError = { code: 'STALE_VERSION', field: 'expectedVersion', message: 'Đề nghị vừa được người khác xử lý: hãy tải lại trang.' };
const isError = (value: unknown): value is UserError => typeof value === 'object' && value !== null && 'code' in value;

export const entityOf = (row: CommentRequestRow, latest: GivenCommentRow | null, residenceCellKnown = false): CommentEntity => ({
  state: row.state,
  answeredOnPaper: latest?.scanFileName != null,
  residenceCellKnown,
});

/** The hash a comment is kept under: its canonical content with the previous comment's hash (docs/rules/residence-comments.md#never-edited). */
export const commentHash = (content: Omit<GivenCommentRow, 'id' | 'hash' | 'keyId' | 'signature'> & { memberId: string }) =>
  createHash('sha256').update(canonical({ ...content, givenAt: content.givenAt.toISOString() })).digest('hex');

/**
 * Whether a comment is as its giver signed it (docs/rules/residence-comments.md#signed): its hash recomputed from
 * what is stored, and the Ed25519 signature of that hash checked against the giver's public key. A comment
 * altered in the database after it was given, or never signed, fails.
 */
export function commentSignatureValid(comment: LoadedCommentRow): boolean {
  const { id: _id, hash, keyId: _keyId, signature, publicKey, ...content } = comment;
  return publicKey !== null && signature !== null && commentHash(content) === hash && signatureIsValid(hash, publicKey, signature);
}

type Route = Pick<CommentRequestRow, 'state' | 'residenceCellId' | 'residenceCellPath' | 'communeOrgId' | 'communePath'>;

/** Where a request goes when it is re-routed: the member's residence cell when someone there can act on it. */
function routeTo(cellId: string | null, paths: ReadonlyMap<string, string>): Route {
  const path = cellId ? paths.get(cellId) : undefined;
  return path
    ? { state: 'AT_CELL', residenceCellId: cellId, residenceCellPath: path, communeOrgId: null, communePath: null }
    : { state: 'AWAITING_ROUTING', residenceCellId: null, residenceCellPath: null, communeOrgId: null, communePath: null };
}

type Residence = { residenceOrgId: string | null; residenceCommuneCode?: string | null };

/** The residence cells and commune committees new requests may go to, with a secretary or deputy there today. */
interface Destinations {
  cells: ReadonlyMap<string, string>;
  /** By commune code: the committee serving the administrative unit, and its path. */
  communes: ReadonlyMap<string, { orgId: string; path: string }>;
}

async function destinationsOf(repos: Repositories, members: readonly Residence[], day: string): Promise<Destinations> {
  const cellIds = [...new Set(members.flatMap((m) => m.residenceOrgId ?? []))];
  const codes = [...new Set(members.flatMap((m) => (m.residenceOrgId === null && m.residenceCommuneCode ? [m.residenceCommuneCode] : [])))];
  const serving = await repos.organizationKinds.servingUnits(codes);
  const officered = await repos.residenceComments.officeredPaths([...cellIds, ...serving.map((row) => row.orgId)], day);
  const communes = new Map(serving.flatMap((row) => (officered.has(row.orgId) ? [[row.administrativeUnitCode!, { orgId: row.orgId, path: officered.get(row.orgId)! }] as const] : [])));
  return { cells: officered, communes };
}

/**
 * Where a new request goes (docs/rules/residence-comments.md#routing): the member's confirmed residence cell; else
 * the commune committee serving the commune of their residence, which assigns it to a cell; else the workplace routes it.
 */
function newRoute(member: Residence, to: Destinations): Route {
  const atCell = routeTo(member.residenceOrgId, to.cells);
  if (atCell.state === 'AT_CELL' || member.residenceOrgId !== null || !member.residenceCommuneCode) return atCell;
  const commune = to.communes.get(member.residenceCommuneCode);
  return commune ? { state: 'AT_COMMUNE', residenceCellId: null, residenceCellPath: null, communeOrgId: commune.orgId, communePath: commune.path } : atCell;
}

/**
 * Moves a member's unanswered requests after their residence changed: to the new confirmed cell, or back to the
 * workplace to route (docs/rules/residence-comments.md#a-residence-change). Called in the transaction of the change.
 */
export async function rerouteOpenRequests(repos: Repositories, memberId: string, residenceOrgId: string | null, day: string) {
  const paths = await repos.residenceComments.officeredPaths(residenceOrgId ? [residenceOrgId] : [], day);
  const moved: { id: string; from: string; to: string }[] = [];
  for (const row of await repos.residenceComments.openOfMember(memberId)) {
    const route = routeTo(residenceOrgId, paths);
    if (route.residenceCellId === row.residenceCellId && row.state === route.state) continue;
    const decided = transition(commentMachine, entityOf(row, null, route.state === 'AT_CELL'), 'REROUTE', { workplace: false, commune: false, cell: false, subject: false, system: true });
    if (!decided.ok) continue;
    await repos.residenceComments.advance(row.id, row.version, { ...route, outsideName: null, outsideAddress: null });
    moved.push({ id: row.id, from: row.state, to: decided.to });
  }
  return moved;
}

/**
 * The residence-comment procedure (docs/rules/residence-comments.md): campaigns and single requests by the
 * workplace, routing through the commune committee or on paper, the residence cell's comment, its replacement.
 * Every step checks the caller first, decides with the comment machine, writes in one transaction and audits.
 */
export function residenceCommentService(store: MembersStore, context: RequestContext, sign: PersonSigner, now: () => Date = () => new Date()) {
  const { identity } = context;
  const audit = auditor(context);
  const today = () => vietnamDay(now());
  const contentReads = new Map<string, CommentRequestRow>();

  /** One step of the machine on a request, at the version the caller saw, with its writes. */
  async function step(
    input: { requestId: string; expectedVersion: number },
    action: CommentAction,
    machineInput: CommentInput,
    apply: (repos: Repositories, row: CommentRequestRow, latest: GivenCommentRow | null) => Promise<{ changes: Partial<CommentRequestRow>; after: Record<string, unknown> } | UserError>,
  ) {
    return store.transaction(async (repos) => {
      const row = await repos.residenceComments.byIdForUpdate(parseId(input.requestId));
      if (!row) throw notFound('đề nghị nhận xét');
      const actor = commentActor(identity, row);
      if (!actor.workplace && !actor.commune && !actor.cell) throw forbidden();
      const latest = (await repos.residenceComments.commentsOf([row.id])).at(-1) ?? null;
      const decided = transition(commentMachine, entityOf(row, latest), action, actor, machineInput);
      if (!decided.ok) return { request: null, userErrors: [decided.error] };
      if (row.version !== input.expectedVersion) return { request: null, userErrors: [stale] };
      const applied = await apply(repos, row, latest);
      if (isError(applied)) return { request: null, userErrors: [applied] };
      const updated = await repos.residenceComments.advance(row.id, row.version, { ...applied.changes, state: decided.to });
      if (!updated) return { request: null, userErrors: [stale] };
      await audit(repos.audit, {
        action: `residenceComment.${action}`,
        entityType: 'ResidenceComment',
        entityId: row.id,
        before: { state: row.state, version: row.version },
        after: { state: decided.to, version: updated.version, ...applied.after },
        orgPath: row.workplacePath,
        subjectMemberId: row.memberId,
      });
      return { request: updated, userErrors: [] as UserError[] };
    });
  }

  /** The next comment on a request, hashed onto the one before it. */
  async function give(repos: Repositories, row: CommentRequestRow, latest: GivenCommentRow | null, fields: Pick<GivenCommentRow, 'duties' | 'overall' | 'supersedeReason' | 'paperReceivedOn' | 'scanFileName'>) {
    const signer = await repos.members.byId(identity.personId!);
    const content = {
      requestId: row.id,
      sequence: (latest?.sequence ?? 0) + 1,
      givenBy: identity.personId!,
      givenByName: signer?.fullName ?? '',
      givenAt: now(),
      prevHash: latest?.hash ?? null,
      ...fields,
    };
    const hash = commentHash({ ...content, memberId: row.memberId });
    const signature = await sign(repos.commentSigningKeys, identity.personId!, hash);
    const comment = await repos.residenceComments.insertComment({ ...content, hash, ...signature });
    return { sequence: comment.sequence, hash: comment.hash };
  }

  async function pathOf(orgId: string) {
    return (await store.repos.residenceComments.officeredPaths([orgId], today())).get(orgId) ?? null;
  }

  return {
    async openCampaign(input: { organizationId: string; dueOn: string; exemptions?: readonly { memberId: string; reason: Exemption }[] | null }) {
      const orgId = parseId(input.organizationId);
      const path = await pathOf(orgId);
      if (!path) throw forbidden();
      policy.assert(identity, 'MANAGE_RESIDENCE_COMMENTS', { path });
      const dueError = checkDueOn(input.dueOn, today());
      if (dueError) return { campaign: null, userErrors: [dueError] };
      const declared = (input.exemptions ?? []).map((entry) => ({ memberId: parseId(entry.memberId), reason: entry.reason }));
      const plan = planCampaign(await store.repos.residenceComments.membersUnder(path), declared);
      if (plan.errors.length) return { campaign: null, userErrors: plan.errors };
      const year = Number(input.dueOn.slice(0, 4));
      return store.transaction(async (repos) => {
        const campaign = await repos.residenceComments.insertCampaign({ orgId, orgPath: path, year, dueOn: input.dueOn, openedBy: identity.personId! });
        if (!campaign) {
          return { campaign: null, userErrors: [{ code: 'CAMPAIGN_EXISTS', field: 'dueOn', message: `Tổ chức này đã mở đợt lấy ý kiến nhận xét năm ${year}.` }] };
        }
        const destinations = await destinationsOf(repos, plan.asked, today());
        await repos.residenceComments.insertExemptions(plan.exempt.map((entry) => ({ campaignId: campaign.id, ...entry })));
        const created = await repos.residenceComments.insertRequests(
          plan.asked.map((member) => ({
            campaignId: campaign.id,
            memberId: member.id,
            workplaceOrgId: orgId,
            workplacePath: path,
            purpose: 'ANNUAL_REVIEW' as const,
            dueOn: input.dueOn,
            requestedBy: identity.personId!,
            ...newRoute(member, destinations),
          })),
        );
        await audit(repos.audit, {
          action: 'residenceComment.campaignOpened',
          entityType: 'CommentCampaign',
          entityId: campaign.id,
          after: {
            year,
            dueOn: input.dueOn,
            requested: created.length,
            atCell: created.filter((r) => r.state === 'AT_CELL').length,
            atCommune: created.filter((r) => r.state === 'AT_COMMUNE').length,
            exempt: plan.exempt,
          },
          orgPath: path,
        });
        return { campaign, userErrors: [] as UserError[] };
      });
    },

    async request(input: { memberId: string; purpose: Purpose; purposeNote?: string | null; dueOn: string }) {
      const memberId = parseId(input.memberId);
      return store.transaction(async (repos) => {
        // Locked: two requests at once for the same member are made one after the other, and the second sees the first.
        const member = await repos.members.byIdForUpdate(memberId);
        if (!member || !policy.can(identity, 'MANAGE_RESIDENCE_COMMENTS', { path: member.orgPath })) throw forbidden();
        const grants = await repos.roleGrants.activeOf(member.id, today());
        if (member.id === identity.personId) {
          return { request: null, userErrors: [{ code: 'OWN_COMMENT', field: 'memberId', message: 'Đồng chí không thể tự đề nghị lấy ý kiến nhận xét về chính mình.' }] };
        }
        if (!policy.can(identity, 'REQUEST_RESIDENCE_COMMENT', { id: member.id, orgPath: member.orgPath, grants })) {
          return { request: null, userErrors: [{ code: 'HIGHER_OFFICER', field: 'memberId', message: 'Đồng chí này giữ chức vụ ngang hoặc cao hơn đồng chí: việc lấy ý kiến nhận xét do cấp ủy cấp trên thực hiện.' }] };
        }
        const errors: UserError[] = [];
        if (input.purpose === 'ANNUAL_REVIEW') errors.push({ code: 'ANNUAL_IS_A_CAMPAIGN', field: 'purpose', message: 'Nhận xét hằng năm được lấy theo đợt: hãy mở đợt lấy ý kiến của tổ chức.' });
        const note = input.purposeNote?.trim() || null;
        if (input.purpose === 'OTHER' && !note) errors.push({ code: 'REQUIRED', field: 'purposeNote', message: 'Hãy ghi lý do lấy ý kiến nhận xét.' });
        if (note && note.length > 500) errors.push({ code: 'TEXT_TOO_LONG', field: 'purposeNote', message: 'Lý do không quá 500 ký tự.' });
        const dueError = checkDueOn(input.dueOn, today());
        if (dueError) errors.push(dueError);
        const pending = (await repos.residenceComments.openOfMember(member.id)).find((r) => r.campaignId === null && r.purpose === input.purpose);
        if (pending) errors.push({ code: 'OPEN_REQUEST_EXISTS', field: 'memberId', message: 'Đã có một đề nghị cùng mục đích đang chờ nhận xét về đồng chí này.' });
        if (errors.length) return { request: null, userErrors: errors };
        const destinations = await destinationsOf(repos, [member], today());
        const [request] = await repos.residenceComments.insertRequests([
          {
            memberId: member.id,
            workplaceOrgId: member.orgId,
            workplacePath: member.orgPath,
            purpose: input.purpose,
            purposeNote: note,
            dueOn: input.dueOn,
            requestedBy: identity.personId!,
            ...newRoute(member, destinations),
          },
        ]);
        await audit(repos.audit, {
          action: 'residenceComment.requested',
          entityType: 'ResidenceComment',
          entityId: request!.id,
          after: { purpose: input.purpose, purposeNote: note, dueOn: input.dueOn, state: request!.state },
          orgPath: member.orgPath,
          subjectMemberId: member.id,
        });
        return { request: request!, userErrors: [] as UserError[] };
      });
    },

    routeToCommune: (input: { requestId: string; expectedVersion: number; communeId: string }) =>
      step(input, 'ROUTE_TO_COMMUNE', {}, async (repos) => {
        const communeId = parseId(input.communeId);
        const path = (await repos.residenceComments.officeredPaths([communeId], today())).get(communeId);
        if (!path) {
          return { code: 'COMMUNE_NOT_IN_SYSTEM', field: 'communeId', message: 'Đảng ủy này chưa có bí thư hoặc phó bí thư trên hệ thống: hãy gửi đề nghị bằng giấy.' };
        }
        return { changes: { communeOrgId: communeId, communePath: path, outsideName: null, outsideAddress: null }, after: { communeId } };
      }),

    assignCell: (input: { requestId: string; expectedVersion: number; cellId: string }) =>
      step(input, 'ASSIGN_CELL', {}, async (repos, row) => {
        const cellId = parseId(input.cellId);
        const path = (await repos.residenceComments.officeredPaths([cellId], today())).get(cellId);
        if (!path || !row.communePath || !path.startsWith(row.communePath) || path === row.communePath) {
          return { code: 'CELL_NOT_UNDER_COMMUNE', field: 'cellId', message: 'Hãy chọn một chi bộ trực thuộc đảng ủy xã, phường này đã có bí thư hoặc phó bí thư trên hệ thống.' };
        }
        return { changes: { residenceCellId: cellId, residenceCellPath: path }, after: { cellId } };
      }),

    sendOnPaper: (input: { requestId: string; expectedVersion: number; recipientName: string; recipientAddress: string }) =>
      step(input, 'SEND_ON_PAPER', {}, async () => {
        const name = requiredText(input.recipientName, 'recipientName', 'tên tổ chức đảng nơi cư trú', 200);
        if (isError(name)) return name;
        const address = requiredText(input.recipientAddress, 'recipientAddress', 'địa chỉ nhận', 300);
        if (isError(address)) return address;
        return { changes: { outsideName: name, outsideAddress: address, communeOrgId: null, communePath: null }, after: { outsideName: name, outsideAddress: address } };
      }),

    recordPaperAnswer: (input: { requestId: string; expectedVersion: number; receivedOn: string; overall: string; scanFileName: string }) =>
      step(input, 'RECORD_PAPER_ANSWER', {}, async (repos, row, latest) => {
        const paper = readPaper(input, today());
        if (isError(paper)) return paper;
        const given = await give(repos, row, latest, { duties: null, supersedeReason: null, ...paper });
        return { changes: { answeredAt: now() }, after: given };
      }),

    answer: (input: { requestId: string; expectedVersion: number; duties: readonly DutyInput[]; overall: string }) =>
      step(input, 'ANSWER', {}, async (repos, row, latest) => {
        const { comment, errors } = readComment(input);
        if (errors.length) return errors[0]!;
        const given = await give(repos, row, latest, { ...comment, supersedeReason: null, paperReceivedOn: null, scanFileName: null });
        return { changes: { answeredAt: now() }, after: given };
      }),

    /** A new comment in place of the one in force, with the reason; the old one stays as it was. */
    supersede: (input: {
      requestId: string;
      expectedVersion: number;
      reason: string;
      duties?: readonly DutyInput[] | null;
      overall: string;
      receivedOn?: string | null;
      scanFileName?: string | null;
    }) =>
      step(input, 'SUPERSEDE', { reason: input.reason }, async (repos, row, latest) => {
        const reason = requiredText(input.reason, 'reason', 'lý do thay nhận xét');
        if (isError(reason)) return reason;
        if (latest?.scanFileName != null) {
          const paper = readPaper({ receivedOn: input.receivedOn ?? '', overall: input.overall, scanFileName: input.scanFileName ?? '' }, today());
          if (isError(paper)) return paper;
          return { changes: { answeredAt: now() }, after: { reason, ...(await give(repos, row, latest, { duties: null, supersedeReason: reason, ...paper })) } };
        }
        const { comment, errors } = readComment({ duties: input.duties ?? [], overall: input.overall });
        if (errors.length) return errors[0]!;
        const given = await give(repos, row, latest, { ...comment, supersedeReason: reason, paperReceivedOn: null, scanFileName: null });
        return { changes: { answeredAt: now() }, after: { reason, ...given } };
      }),

    cancel: (input: { requestId: string; expectedVersion: number; reason: string }) =>
      step(input, 'CANCEL', { reason: input.reason }, async () => {
        const reason = requiredText(input.reason, 'reason', 'lý do hủy đề nghị');
        if (isError(reason)) return reason;
        return { changes: { cancelReason: reason }, after: { reason } };
      }),

    /** A request by id, or null when there is none or the caller takes no part in it (ids are not secrets to guess at). */
    async byId(id: string) {
      const row = await store.repos.residenceComments.byId(parseId(id));
      return row && seesCommentRequest(identity, row) ? row : null;
    },

    /** Notes that the caller read a request's comments; written to the audit trail when the response is ready. */
    recordContentRead(row: CommentRequestRow) {
      contentReads.set(row.id, row);
    },

    async flushReads() {
      if (contentReads.size === 0) return;
      const facts = [...contentReads.values()].map((row) => ({
        action: 'residenceComment.contentRead',
        entityType: 'ResidenceComment',
        entityId: row.id,
        orgPath: row.workplacePath,
        subjectMemberId: row.memberId,
      }));
      contentReads.clear();
      await store.transaction((repos) => audit(repos.audit, ...facts));
    },
  };
}

/** A paper answer as recorded: the day it came (not in the future), its gist, and its scan's file name. */
function readPaper(input: { receivedOn: string; overall: string; scanFileName: string }, today: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.receivedOn) || input.receivedOn > today) {
    return { code: 'INVALID_RECEIVED_ON', field: 'receivedOn', message: 'Ngày nhận bản nhận xét không được sau hôm nay.' } satisfies UserError;
  }
  const overall = requiredText(input.overall, 'overall', 'tóm tắt nội dung nhận xét', 2000);
  if (isError(overall)) return overall;
  const file = scanFileName(input.scanFileName);
  if (isError(file)) return file;
  return { paperReceivedOn: input.receivedOn, overall, scanFileName: file };
}

export type ResidenceCommentService = ReturnType<typeof residenceCommentService>;
