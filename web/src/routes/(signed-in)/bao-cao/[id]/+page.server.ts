import { resolve } from '$app/paths';
import { redirect } from '@sveltejs/kit';
import { vietnamDay } from '#lib/vietnam-time.ts';
import { addMonths, isMonth } from './months.ts';
import type { PageServerLoad } from './$types';

/** The month chosen in the form (`?thang=`), else last month: the one whose report is due now. */
export const load: PageServerLoad = ({ params, url }) => {
  const thisMonth = vietnamDay(new Date()).slice(0, 7);
  const asked = url.searchParams.get('thang') ?? '';
  redirect(303, resolve('/(signed-in)/bao-cao/[id]/[thang]', { id: params.id, thang: isMonth(asked) && asked <= thisMonth ? asked : addMonths(thisMonth, -1) }));
};
