import { DateScalar, MoneyScalar, YearMonthScalar } from '@dangvu/subgraph-kit';
import type { Resolvers } from '../generated/resolvers.ts';
import { DuesMonth } from './DuesMonth.ts';
import { Member } from './Member.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = { Query, Member, DuesMonth, Money: MoneyScalar, Date: DateScalar, YearMonth: YearMonthScalar };
