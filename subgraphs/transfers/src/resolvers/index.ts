import { DateScalar, DateTimeScalar } from '@dangvu/subgraph-kit';
import type { Resolvers } from '../generated/resolvers.ts';
import { Member } from './Member.ts';
import { Mutation } from './Mutation.ts';
import { Query } from './Query.ts';
import { Transfer } from './Transfer.ts';

export const resolvers: Resolvers = { Query, Mutation, Member, Transfer, Date: DateScalar, DateTime: DateTimeScalar };
