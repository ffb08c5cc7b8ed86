/**
 * The command's exit codes: all good, some scenarios failed (or Runloop could not be reached),
 * usage or validation errors (nothing was sent).
 *
 * @example
 * ```ts
 * if ((await runCli(['push', 'scenarios/'])) === EXIT.failed) console.error('some scenarios failed; push again to retry');
 * ```
 */
export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

/** One of {@link EXIT}'s codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
