import type { ActivityStatus, MembershipKind, OrganizationMemberOrder } from '#lib/graphql/generated/graphql.ts';
import { ACTIVITY_STATUS, MEMBERSHIP_KIND } from '#lib/labels.ts';

/** Members per page: on a phone, thirty cards is already a long scroll (docs/rules/member-register.md#cell-list). */
export const MEMBERS_PER_PAGE = 30;

/** What the list is asked for, from the page's address (?ten=…&trang-thai=…&loai=…&thu-tu=ten&sau=…&tu=31): a list can be bookmarked and sent back to. */
export interface ListCriteria {
  name: string;
  status: ActivityStatus | null;
  kind: MembershipKind | null;
  order: OrganizationMemberOrder;
  after: string | null;
  /** The place of the page's first member in the whole list, counted from 1. */
  from: number;
}

const oneOf = <Value extends string>(value: string | null, values: Record<Value, unknown>): Value | null =>
  value !== null && value in values ? (value as Value) : null;

export function criteriaOf(url: URL): ListCriteria {
  const after = url.searchParams.get('sau');
  const from = Number(url.searchParams.get('tu'));
  return {
    name: url.searchParams.get('ten')?.trim() ?? '',
    status: oneOf(url.searchParams.get('trang-thai'), ACTIVITY_STATUS),
    kind: oneOf(url.searchParams.get('loai'), MEMBERSHIP_KIND),
    order: url.searchParams.get('thu-tu') === 'ten' ? 'NAME' : 'ROSTER_NUMBER',
    after,
    from: after && Number.isInteger(from) && from > 1 ? from : 1,
  };
}

/** The list's arguments for the API. */
export const listArguments = (criteria: ListCriteria) => ({
  filter: {
    ...(criteria.name ? { query: criteria.name } : {}),
    ...(criteria.status ? { activityStatus: [criteria.status] } : {}),
    ...(criteria.kind ? { membershipKind: criteria.kind } : {}),
  },
  order: criteria.order,
  first: MEMBERS_PER_PAGE,
  after: criteria.after,
});

/**
 * The page after this one, as the fields of the small GET form that asks for it: the same filter and order,
 * the cursor, and where it starts.
 */
export function nextPageFields(url: URL, endCursor: string, shown: number, criteria: ListCriteria): [string, string][] {
  const next = new URLSearchParams(url.searchParams);
  next.set('sau', endCursor);
  next.set('tu', String(criteria.from + shown));
  return [...next];
}

/** The first page of the same list. */
export function firstPageFields(url: URL): [string, string][] {
  const first = new URLSearchParams(url.searchParams);
  first.delete('sau');
  first.delete('tu');
  return [...first];
}

/** Dossiers still under way: not completed, ended, rejected, refused or cancelled. */
const CLOSED = new Set(['COMPLETED', 'ENDED', 'REJECTED', 'REFUSED', 'CANCELLED']);
export const openDossiers = <Dossier extends { state: string }>(dossiers: readonly Dossier[]) => dossiers.filter((dossier) => !CLOSED.has(dossier.state));
