import { query } from '#lib/server/gateway.ts';
import { sessionEndsAt } from '#lib/session.ts';
import { vietnamDay } from '#lib/vietnam-time.ts';
import { viewerOf } from '#lib/viewer.ts';
import { ViewerQuery } from './viewer.graphql.ts';
import type { LayoutServerLoad } from './$types';

/** The header names who is signed in and offers only the menus that lead somewhere for them; the page learns when the session ends. */
export const load: LayoutServerLoad = async (event) => {
  if (!event.locals.token) return { signedIn: false, viewer: null, sessionEndsAt: null };
  // A failure here leaves the header without a name; the page itself says what went wrong.
  const { data } = await query(event, ViewerQuery, {});
  return { signedIn: true, viewer: data ? viewerOf(data, vietnamDay(new Date())) : null, sessionEndsAt: sessionEndsAt(event.cookies) };
};
