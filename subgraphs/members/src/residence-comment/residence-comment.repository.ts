import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import { inVietnameseOrder } from '../organization/member-list.repository.ts';
import { OPEN_STATES } from './residence-comment.machine.ts';

const { commentCampaigns, commentCampaignExemptions, residenceCommentRequests: requests, residenceComments: comments, memberSigningKeys, members, roleGrants } = tables;

export type CampaignRow = typeof commentCampaigns.$inferSelect;
export type CommentRequestRow = typeof requests.$inferSelect;
export type GivenCommentRow = typeof comments.$inferSelect;
/** A comment as read back: with the member it is about and the giver's public key, all its verification needs. */
export type LoadedCommentRow = GivenCommentRow & { memberId: string; publicKey: string | null };
export type ExemptionRow = typeof commentCampaignExemptions.$inferSelect;
type RequestInsert = typeof requests.$inferInsert;

const open = inArray(requests.state, [...OPEN_STATES]);

/** Campaigns, requests and the comments given on them (members.comment_campaigns, residence_comment_requests, residence_comments). */
export function residenceCommentRepository(db: Executor) {
  return {
    /**
     * The path of each organization among `orgIds` that has a secretary or deputy in force on `day`: an
     * organization this subgraph can route a request to, since someone there can act on it.
     */
    async officeredPaths(orgIds: readonly string[], day: string): Promise<Map<string, string>> {
      if (orgIds.length === 0) return new Map();
      const rows = await db
        .selectDistinct({ orgId: roleGrants.orgId, orgPath: roleGrants.orgPath })
        .from(roleGrants)
        .where(
          and(
            inArray(roleGrants.orgId, [...orgIds]),
            inArray(roleGrants.role, ['SECRETARY', 'DEPUTY_SECRETARY']),
            lte(roleGrants.startsOn, day),
            or(isNull(roleGrants.endsOn), gt(roleGrants.endsOn, day)),
          ),
        );
      return new Map(rows.map((row) => [row.orgId, row.orgPath]));
    },

    /** The members whose organization is the one at `path` or under it, as a campaign weighs them. */
    membersUnder: (path: string) =>
      db
        .select({
          id: members.id,
          orgId: members.orgId,
          orgPath: members.orgPath,
          activityStatus: members.activityStatus,
          residenceOrgId: members.residenceOrgId,
          residenceCommuneCode: members.residenceCommuneCode,
        })
        .from(members)
        .where(like(members.orgPath, `${path}%`)),

    campaignOf: async (orgId: string, year: number): Promise<CampaignRow | null> =>
      (await db.select().from(commentCampaigns).where(and(eq(commentCampaigns.orgId, orgId), eq(commentCampaigns.year, year))))[0] ?? null,

    /** The new campaign, or null when the organization already has one that year (two openings at once make one). */
    async insertCampaign(row: typeof commentCampaigns.$inferInsert): Promise<CampaignRow | null> {
      const [created] = await db.insert(commentCampaigns).values(row).onConflictDoNothing().returning();
      return created ?? null;
    },

    async insertExemptions(rows: (typeof commentCampaignExemptions.$inferInsert)[]): Promise<void> {
      if (rows.length) await db.insert(commentCampaignExemptions).values(rows);
    },

    async insertRequests(rows: RequestInsert[]): Promise<CommentRequestRow[]> {
      if (rows.length === 0) return [];
      return db.insert(requests).values(rows).onConflictDoNothing().returning();
    },

    campaignsOf: (orgIds: readonly string[]) =>
      db.select().from(commentCampaigns).where(inArray(commentCampaigns.orgId, [...orgIds])).orderBy(desc(commentCampaigns.year)),
    campaignsByIds: (ids: readonly string[]) => db.select().from(commentCampaigns).where(inArray(commentCampaigns.id, [...ids])),
    exemptionsOf: (campaignIds: readonly string[]) =>
      db
        .select({ exemption: commentCampaignExemptions, fullName: members.fullName })
        .from(commentCampaignExemptions)
        .innerJoin(members, eq(members.id, commentCampaignExemptions.memberId))
        .where(inArray(commentCampaignExemptions.campaignId, [...campaignIds]))
        .orderBy(inVietnameseOrder(members.fullName), asc(members.id)),

    async byId(id: string): Promise<CommentRequestRow | null> {
      return (await db.select().from(requests).where(eq(requests.id, id)))[0] ?? null;
    },
    async byIdForUpdate(id: string): Promise<CommentRequestRow | null> {
      return (await db.select().from(requests).where(eq(requests.id, id)).for('update'))[0] ?? null;
    },
    byIds: (ids: readonly string[]) => db.select().from(requests).where(inArray(requests.id, [...ids])),

    /** Applies a step to the request at `version`; null when it changed meanwhile. */
    async advance(id: string, version: number, changes: Partial<CommentRequestRow>): Promise<CommentRequestRow | null> {
      const [row] = await db
        .update(requests)
        .set({ ...changes, version: version + 1 })
        .where(and(eq(requests.id, id), eq(requests.version, version)))
        .returning();
      return row ?? null;
    },

    ofMembers: (memberIds: readonly string[]) =>
      db.select().from(requests).where(inArray(requests.memberId, [...memberIds])).orderBy(desc(requests.requestedAt)),
    ofCampaigns: (campaignIds: readonly string[]) =>
      db
        .select({ request: requests })
        .from(requests)
        .innerJoin(members, eq(members.id, requests.memberId))
        .where(inArray(requests.campaignId, [...campaignIds]))
        .orderBy(inVietnameseOrder(members.fullName), asc(members.id))
        .then((rows) => rows.map((row) => row.request)),
    /** What an organization asked, open ones first by due day, then the rest newest first. */
    askedBy: (orgIds: readonly string[]) =>
      db
        .select()
        .from(requests)
        .where(inArray(requests.workplaceOrgId, [...orgIds]))
        .orderBy(sql`${requests.state} in ('ANSWERED', 'CANCELLED')`, asc(requests.dueOn), desc(requests.requestedAt)),
    /** What waits on each organization as residence cell or commune committee, nearest due day first. */
    inboxOf: (orgIds: readonly string[]) =>
      db
        .select()
        .from(requests)
        .where(
          or(
            and(eq(requests.state, 'AT_CELL'), inArray(requests.residenceCellId, [...orgIds])),
            and(eq(requests.state, 'AT_COMMUNE'), inArray(requests.communeOrgId, [...orgIds])),
          ),
        )
        .orderBy(asc(requests.dueOn), asc(requests.id)),
    openOfMember: (memberId: string) => db.select().from(requests).where(and(eq(requests.memberId, memberId), open)).for('update'),

    /** Counts for reports over the requests the organizations at `paths` and under them asked (one row per path). */
    countsUnder: (paths: readonly string[]) =>
      db.execute<{ path: string; requested: number; answered: number; open: number; overdue: number; answeredLate: number }>(
        sql.join(
          paths.map(
            (path) => sql`(select ${path}::text as path, count(*)::int as requested,
              count(*) filter (where ${requests.state} = 'ANSWERED')::int as answered,
              count(*) filter (where ${open})::int as open,
              count(*) filter (where ${open} and ${requests.overdueOn} is not null)::int as overdue,
              count(*) filter (where ${requests.state} = 'ANSWERED' and ${requests.overdueOn} is not null)::int as "answeredLate"
              from ${requests} where ${requests.workplacePath} like ${`${path}%`})`,
          ),
          sql` union all `,
        ),
      ),

    commentsOf: (requestIds: readonly string[]): Promise<LoadedCommentRow[]> =>
      db
        .select({ ...getTableColumns(comments), memberId: requests.memberId, publicKey: memberSigningKeys.publicKey })
        .from(comments)
        .innerJoin(requests, eq(requests.id, comments.requestId))
        .leftJoin(memberSigningKeys, eq(memberSigningKeys.id, comments.keyId))
        .where(inArray(comments.requestId, [...requestIds]))
        .orderBy(asc(comments.requestId), asc(comments.sequence)),
    async insertComment(row: typeof comments.$inferInsert): Promise<GivenCommentRow> {
      const [created] = await db.insert(comments).values(row).returning();
      return created!;
    },

    /** Open requests after `cursor` in id order, for the daily job. */
    openAfter: (cursor: string | null, limit: number) =>
      db
        .select()
        .from(requests)
        .where(cursor ? and(open, gt(requests.id, cursor)) : open)
        .orderBy(asc(requests.id))
        .limit(limit),
    async flag(id: string, changes: Pick<Partial<CommentRequestRow>, 'remindedOn' | 'overdueOn'>): Promise<void> {
      await db.update(requests).set(changes).where(eq(requests.id, id));
    },
  };
}

export type ResidenceCommentRepository = ReturnType<typeof residenceCommentRepository>;
