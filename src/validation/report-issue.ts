import type { z } from 'zod';
import type { IssueCode } from './issue-codes.js';

/**
 * Adds a coded issue from inside a zod refinement; its severity comes from the code. The zod
 * issue carries the code in `params.code`, where turning zod issues into scenario issues finds it.
 */
export function report(ctx: z.RefinementCtx, code: IssueCode, message: string, path?: PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', message, ...(path && { path }), params: { code } });
}
