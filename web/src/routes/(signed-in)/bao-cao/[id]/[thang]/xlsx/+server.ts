import { exportReport } from '../../export.ts';
import type { RequestHandler } from './$types';

/** The month's report as an Excel workbook. */
export const GET: RequestHandler = (event) => exportReport(event, 'xlsx');
