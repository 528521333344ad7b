import { sql } from 'drizzle-orm';
import { appError, checkedMonth, type FigureState } from '@dangvu/subgraph-kit';
import type { Repositories } from '../repositories.ts';
import { MEMBER_FIGURES_DEFINITION, type MemberFiguresRow } from './member-figures.repository.ts';

export interface LaggingUnitModel {
  organization: { __typename: 'Organization'; id: string };
  figures: MemberFiguresRow & FigureState;
}

const MAX_UNITS = 50;
const idOf = (path: string) => path.split('/').filter(Boolean).at(-1)!;

/** Today's organizations one level under `path`, from the members subgraph's own copy of the tree. */
const childrenOf = (path: string) => sql`
  select k.org_id as id from members.organization_kinds k
  where k.org_path like ${`${path}%/`} and k.org_path not like ${`${path}%/%/`}`;

/**
 * Where to send support teams (docs/rules/reports.md#lagging-units): the organizations directly under one,
 * fewest members in scope with an activated account first, ranked by the database over the month's figures.
 */
export function laggingUnitsReader(repos: Pick<Repositories, 'memberFigures'>, now: () => Date) {
  return async (organization: { path: string }, month: string, first: number): Promise<LaggingUnitModel[]> => {
    checkedMonth(month, now());
    if (!Number.isInteger(first) || first < 1 || first > MAX_UNITS) throw appError('BAD_USER_INPUT', `Số đơn vị cần xếp hạng phải từ 1 đến ${MAX_UNITS}.`);
    const frozen = (await repos.memberFigures.frozenMonths([month])).has(month);
    const rows = await repos.memberFigures.ranked(month, organization.path, {
      frozen,
      numerator: 'accounts_activated',
      denominator: 'in_scope',
      limit: first,
      now: now(),
      childrenOf,
    });
    return rows.map((row) => ({
      organization: { __typename: 'Organization', id: idOf(row.orgPath) },
      figures: { ...row, month, frozen, frozenAt: row.frozenAt ?? null, definition: row.definition ?? MEMBER_FIGURES_DEFINITION },
    }));
  };
}

export type LaggingUnitsReader = ReturnType<typeof laggingUnitsReader>;
