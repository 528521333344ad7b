import { error } from '@sveltejs/kit';
import { loadQuery } from '#lib/server/gateway.ts';
import { decideResidenceDeclaration } from '#lib/server/residence-declaration-actions.ts';
import { ResidenceQueueQuery } from './queue.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** The residence cells declared under this commune committee, awaiting its confirmation, oldest first. */
export const load: PageServerLoad = async (event) => {
  const { organization } = await loadQuery(event, ResidenceQueueQuery, { id: event.params.id });
  if (!organization) error(404, 'Không tìm thấy trang này.');
  return { organization };
};

export const actions: Actions = {
  decideResidence: (event) => decideResidenceDeclaration(event),
};
