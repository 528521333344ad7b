import { exportReport } from '../../export.ts';
import type { RequestHandler } from './$types';

/** The month's report as CSV (UTF-8 with a byte-order mark). */
export const GET: RequestHandler = (event) => exportReport(event, 'csv');
