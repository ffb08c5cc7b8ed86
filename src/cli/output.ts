import { secretRedactor } from '../util/redact-secrets.js';
import type { CliIO } from './cli-io.js';

/** A stream as the command writes to it: `write`, and `isTTY` for terminals. */
export type OutputStream = CliIO['stdout'];

/**
 * The one way the command writes: results to stdout, notes and progress to stderr, each write
 * passed through {@link secretRedactor} so that an API key never reaches the terminal, a log or
 * a `--json` document, even when a server echoes it in an error.
 */
export interface Output {
  /** Writes a line to stdout. */
  print(text: string): void;
  /** Writes a line to stderr. */
  note(text: string): void;
  /** stdout, redacted (for commander and for JSON). */
  readonly stdout: OutputStream;
  /** stderr, redacted; keeps the terminal methods a progress bar needs. */
  readonly stderr: OutputStream;
}

/** The output of a command run with `io`. */
export function createOutput(io: CliIO): Output {
  // the API key (trimmed, as the client sends it) and anything shaped like a credential
  const redact = secretRedactor([io.env.RUNLOOP_API_KEY?.trim() ?? ''], { credentials: true });
  const stdout = redacting(io.stdout, redact);
  const stderr = redacting(io.stderr, redact);
  return {
    print: (text) => void stdout.write(`${text}\n`),
    note: (text) => void stderr.write(`${text}\n`),
    stdout,
    stderr,
  };
}

/** `stream` with its `write` redacted; every other member (isTTY, cursorTo, columns…) is the stream's own. */
function redacting(stream: OutputStream, redact: (text: string) => string): OutputStream {
  const write = (chunk: unknown, ...rest: unknown[]) =>
    (stream.write as (...args: unknown[]) => unknown).call(stream, typeof chunk === 'string' ? redact(chunk) : chunk, ...rest);
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
