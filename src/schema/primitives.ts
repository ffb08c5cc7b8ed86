import { z } from 'zod';
import { lazy } from '../util/lazy.js';
import { coded, report } from '../validation/report-issue.js';

const NOT_WHITE_SPACE = /\S/;

/**
 * Whether text has a character other than white space (what `/\S/` finds). Text that starts
 * with a printable ASCII character, as nearly all text does, is answered without the regular
 * expression: this check runs on every text field of every build.
 */
export function hasText(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first > 0x20 && first < 0x7f) || NOT_WHITE_SPACE.test(text);
}

/** Any text: what the API takes for most of its string fields. */
export const TextSchema = z.string({ error: 'must be a string' });

/** Text that should say something: blank text is a `blank-text` warning (the API takes it). */
export const SomeTextSchema = TextSchema.refine(hasText, coded('blank-text', 'must not be blank'));

/** Text the API documents as non-blank (a scenario's name): blank text is an error. */
export const NonBlankSchema = TextSchema.regex(/\S/, { error: 'must not be blank' });

/** Text that reaches a command line or a file path, where a NUL character cannot be passed (made on first use). */
export const argumentTextSchema = lazy(() => SomeTextSchema.refine((text) => !text.includes('\0'), coded('nul-character', 'must not contain a NUL character')));

/** Scorer names as the API documents them: `[a-zA-Z0-9_-]+`. */
export const ScorerNameSchema = z
  .string({ error: 'scorer name must be a string' })
  .regex(/^[a-zA-Z0-9_-]+$/, {
    error: (issue) => `scorer name ${JSON.stringify(issue.input)} may only contain letters, digits, "_" and "-"`,
  });

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A required environment variable: a POSIX variable name, or a warning (made on first use). */
export const envVarNameSchema = lazy(() =>
  z
    .string({ error: 'environment variable name must be a string' })
    .refine(
      (name) => IDENTIFIER.test(name),
      coded<string>('invalid-env-name', (name) => `${JSON.stringify(name)} is not a valid environment variable name (letters, digits and "_", not starting with a digit)`),
    ),
);

/** A required secret: an identifier, as secrets are handed to the scenario as environment variables; a warning otherwise (made on first use). */
export const secretNameSchema = lazy(() =>
  z
    .string({ error: 'secret name must be a string' })
    .refine((name) => IDENTIFIER.test(name), coded<string>('invalid-secret-name', (name) => `${JSON.stringify(name)} is not an identifier (letters, digits and "_", not starting with a digit)`)),
);

/** A list whose repeated items are `duplicate-entry` warnings, each at its own index. */
export const distinctArray = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).superRefine((items, ctx) => {
    const seen = new Set<unknown>();
    items.forEach((value, index) => {
      if (seen.has(value)) report(ctx, 'duplicate-entry', `${what} ${JSON.stringify(value)} is listed twice`, [index]);
      seen.add(value);
    });
  });
