import { z } from 'zod';

/** A string with at least one non-whitespace character (the issue's path names the field). */
export const NonBlankSchema = z.string({ error: 'must be a string' }).regex(/\S/, { error: 'must not be blank' });

/** Scorer names as the API accepts them: `[a-zA-Z0-9_-]+`. */
export const ScorerNameSchema = z
  .string({ error: 'scorer name must be a string' })
  .regex(/^[a-zA-Z0-9_-]+$/, {
    error: (issue) => `scorer name ${JSON.stringify(issue.input)} may only contain letters, digits, "_" and "-"`,
  });

/** A POSIX environment-variable name. */
export const EnvVarNameSchema = z
  .string({ error: 'environment variable name must be a string' })
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a valid environment variable name (letters, digits and "_", not starting with a digit)`,
  });

/** An array whose items must be distinct; a repeated item is reported at its own index. */
export const distinctArray = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).superRefine((items, ctx) => {
    const seen = new Set<unknown>();
    items.forEach((value, index) => {
      if (seen.has(value)) {
        ctx.addIssue({ code: 'custom', path: [index], message: `${what} ${JSON.stringify(value)} is listed twice` });
      }
      seen.add(value);
    });
  });

