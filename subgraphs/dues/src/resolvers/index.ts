import { MoneyScalar } from '@dangvu/subgraph-kit';
import type { Resolvers } from '../generated/resolvers.ts';
import { Member } from './Member.ts';

export const resolvers: Resolvers = { Member, Money: MoneyScalar };
