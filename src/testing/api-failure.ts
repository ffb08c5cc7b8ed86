/**
 * An error answer of the fake API: its HTTP status and a message that names the field or the
 * scenario concerned. The response body is `{ message, issues? }`, which the SDK turns into its
 * error classes (`BadRequestError`, `NotFoundError`, …) with that message.
 *
 * @example
 * ```ts
 * throw new ApiFailure(404, 'scenario scn_123 not found');
 * ```
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: readonly { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  /** The JSON body sent to the client. */
  toBody(): { message: string; issues?: readonly { path: string; message: string }[] } {
    return this.issues === undefined ? { message: this.message } : { message: this.message, issues: this.issues };
  }
}
