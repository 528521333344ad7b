import { loadQuery } from '#lib/server/gateway.ts';
import { DuesQuoteQuery } from './quote.graphql.ts';
import { parseQuoteForm } from './quote-form.ts';
import type { PageServerLoad } from './$types';

/** The dues calculator: a GET form, answered on the server with the rule and figures behind the amount. */
export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const form = { situation: params.get('situation') ?? '', basis: params.get('basis') ?? '', wageRegion: params.get('wageRegion') ?? '', month: params.get('month') ?? '' };
  if (!params.has('situation')) return { form, errors: {}, quote: null, userErrors: [] };
  const parsed = parseQuoteForm(form);
  if (!parsed.input) return { form, errors: parsed.errors, quote: null, userErrors: [] };
  const { duesQuote } = await loadQuery(event, DuesQuoteQuery, { input: parsed.input });
  const errors = Object.fromEntries(duesQuote.userErrors.map((e) => [e.field === 'wageRegion' ? 'wageRegion' : e.field === 'basis' ? 'basis' : 'month', e.message]));
  return { form, errors, quote: duesQuote.quote ?? null, userErrors: duesQuote.userErrors };
};
