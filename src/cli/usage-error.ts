/** A mistake in how the command was called (a missing file, no scenarios): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
