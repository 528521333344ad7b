import { rate } from '@dangvu/subgraph-kit';
import type { DuesMonthlyFiguresResolvers } from '../generated/resolvers.ts';

const collected = (figures: { collectedOnline: bigint; collectedCash: bigint; collectedPrepaid: bigint }) => figures.collectedOnline + figures.collectedCash + figures.collectedPrepaid;

export const DuesMonthlyFigures: DuesMonthlyFiguresResolvers = {
  collectionRate: (figures) => rate(collected(figures), figures.expected),
  onlineShare: (figures) => rate(figures.collectedOnline, collected(figures)),
  settledShare: (figures) => rate(figures.settled, figures.obligations),
};
