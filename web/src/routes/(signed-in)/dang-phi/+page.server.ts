import { vietnamDay } from '#lib/vietnam-time.ts';
import { loadQuery } from '#lib/server/gateway.ts';
import { MyDuesQuery } from './dues.graphql.ts';
import type { PageServerLoad } from './$types';

/** Rendered on the server with its data: what the member owes, month by month, and why. */
export const load: PageServerLoad = async (event) => {
  const { me } = await loadQuery(event, MyDuesQuery, {});
  return { me, today: vietnamDay(new Date()) };
};
