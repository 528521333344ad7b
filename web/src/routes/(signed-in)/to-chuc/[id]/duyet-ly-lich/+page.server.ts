import { loadQuery } from '#lib/server/gateway.ts';
import { decideIdentityEdit, withdrawIdentityEdit } from '#lib/server/identity-edit-actions.ts';
import { error } from '@sveltejs/kit';
import { IdentityEditQueueQuery } from './queue.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/** The identity edits awaiting a decision about the organization's members and those under it, oldest first. */
export const load: PageServerLoad = async (event) => {
  const { organization } = await loadQuery(event, IdentityEditQueueQuery, { id: event.params.id });
  if (!organization) error(404, 'Không tìm thấy trang này.');
  return { organization };
};

export const actions: Actions = {
  decideEdit: (event) => decideIdentityEdit(event),
  withdrawEdit: (event) => withdrawIdentityEdit(event),
};
