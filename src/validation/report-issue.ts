import type { z } from 'zod';
import type { IssueCode } from './issue-codes.js';

/**
 * Adds a coded issue from inside a zod refinement; its severity comes from the code. The zod
 * issue carries the code in `params.code`, where turning zod issues into scenario issues finds it.
 */
export function report(ctx: z.RefinementCtx, code: IssueCode, message: string, path?: PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', message, ...(path && { path }), params: { code } });
}

/**
 * The params of a `.refine(test, coded(code, message))`: when `test` fails, a coded issue (its
 * severity from the code) with `message`, or the message made from the input. For a check with
 * one outcome, prefer it to a `superRefine` with {@link report}: zod's compiled validator calls
 * a refine's test alone, where a `superRefine` allocates a context on every call.
 */
export function coded<T>(code: IssueCode, message: string | ((input: T) => string)): { params: { code: IssueCode }; error: string | ((issue: { input: unknown }) => string) } {
  return { params: { code }, error: typeof message === 'string' ? message : (issue) => message(issue.input as T) };
}
