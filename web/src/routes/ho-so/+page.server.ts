import { MyProfileQuery } from '#lib/graphql/operations.ts';
import { vietnamDay } from '#lib/deadline.ts';
import { querySignedIn } from '#lib/server/gateway.ts';
import type { PageServerLoad } from './$types';

/** Rendered on the server with its data, so an old phone shows the profile before any script runs. */
export const load: PageServerLoad = async (event) => {
  const { urqlState } = await querySignedIn(event, MyProfileQuery, {});
  return { urqlState, today: vietnamDay(new Date()) };
};
