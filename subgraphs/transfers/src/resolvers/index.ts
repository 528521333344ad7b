import { DateScalar, DateTimeScalar, YearMonthScalar } from '@dangvu/subgraph-kit';
import type { Resolvers } from '../generated/resolvers.ts';
import { Member } from './Member.ts';
import { Mutation } from './Mutation.ts';
import { Organization } from './Organization.ts';
import { Query } from './Query.ts';
import { Transfer } from './Transfer.ts';
import { TransferDestination } from './TransferDestination.ts';
import { TransferInboxEntry } from './TransferInboxEntry.ts';
import { TransferLetter } from './TransferLetter.ts';
import { TransferTimelineEntry } from './TransferTimelineEntry.ts';
import { TransferMonthlyFigures } from './TransferMonthlyFigures.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Member,
  Organization,
  Transfer,
  TransferDestination,
  TransferTimelineEntry,
  TransferLetter,
  TransferInboxEntry,
  Date: DateScalar,
  TransferMonthlyFigures,
  DateTime: DateTimeScalar,
  YearMonth: YearMonthScalar,
};
