import { DUES_REMINDER_DAYS } from '$app/env/private';
import { vietnamDay } from '#lib/vietnam-time.ts';
import { loadQuery } from '#lib/server/gateway.ts';
import { MyProfileQuery } from './profile.graphql.ts';
import type { PageServerLoad } from './$types';

/** Rendered on the server with its data, so an old phone shows the profile before any script runs. */
export const load: PageServerLoad = async (event) => {
  const { me } = await loadQuery(event, MyProfileQuery, {});
  return { me, today: vietnamDay(new Date()), duesReminderDays: DUES_REMINDER_DAYS };
};
