import { z } from 'zod';
import { JsonObjectSchema } from './json-object.js';
import { NonBlankSchema } from './primitives.js';
import { isPythonVersionSpecifier } from './python-version.js';
import { normalizeRelativePath } from './relative-path.js';

/** `ast_grep_scorer`: passes when ast-grep finds `pattern` under `search_directory`. */
const AstGrepDefinitionSchema = z.strictObject({
  type: z.literal('ast_grep_scorer'),
  pattern: NonBlankSchema.refine((p) => !p.includes('\0'), { error: 'must not contain a NUL character' }),
  search_directory: NonBlankSchema,
  lang: NonBlankSchema.optional(),
});

/** `bash_script_scorer`: a script that prints `score=X` with X in [0, 1]. */
const BashScriptDefinitionSchema = z.strictObject({
  type: z.literal('bash_script_scorer'),
  bash_script: NonBlankSchema,
});

/** `command_scorer`: passes when the command exits with status 0. */
const CommandDefinitionSchema = z.strictObject({
  type: z.literal('command_scorer'),
  command: NonBlankSchema,
});

/** `custom_scorer`: a scorer type registered with Runloop, given `scorer_params` as `$RL_SCORER_CONTEXT`. */
const CustomDefinitionSchema = z.strictObject({
  type: z.literal('custom_scorer'),
  custom_scorer_type: NonBlankSchema,
  scorer_params: JsonObjectSchema.optional(),
});

/** `python_script_scorer`: a script that prints a float in [0, 1]. */
const PythonScriptDefinitionSchema = z.strictObject({
  type: z.literal('python_script_scorer'),
  python_script: NonBlankSchema,
  python_version_constraint: z
    .string({ error: 'must be a string' })
    .refine(isPythonVersionSpecifier, {
      error: (i) => `${JSON.stringify(i.input)} is not a version specifier; write e.g. "==3.12.10" or ">=3.11,<3.13"`,
    })
    .optional(),
  requirements_contents: z.string({ error: 'must be the text of a requirements.txt' }).optional(),
});

const TestFileSchema = z.strictObject({
  file_path: z.string({ error: 'must be a string' }).superRefine((path, ctx) => {
    const problem = normalizeRelativePath(path).problem;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  file_contents: z.string({ error: 'must be the file contents as a string' }),
});

/** `test_based_scorer`: writes `test_files` under the working directory, then runs `test_command`. */
const TestBasedDefinitionSchema = z.strictObject({
  type: z.literal('test_based_scorer'),
  test_command: NonBlankSchema,
  test_files: z
    .array(TestFileSchema)
    .superRefine((files, ctx) => {
      const seen = new Map<string, number>();
      files.forEach((file, index) => {
        const path = normalizeRelativePath(file.file_path).path;
        if (path === undefined) return;
        const first = seen.get(path);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'file_path'],
            message: `${JSON.stringify(file.file_path)} is the same file as test_files[${first}]`,
          });
        } else seen.set(path, index);
      });
    })
    .optional(),
});

/** Any built-in scorer, told apart by `type`. */
export const ScorerDefinitionSchema = z.discriminatedUnion(
  'type',
  [
    AstGrepDefinitionSchema,
    BashScriptDefinitionSchema,
    CommandDefinitionSchema,
    CustomDefinitionSchema,
    PythonScriptDefinitionSchema,
    TestBasedDefinitionSchema,
  ],
  {
    error: (i) =>
      `unknown scorer type ${JSON.stringify((i.input as { type?: unknown } | undefined)?.type)}; use one of the scorer factories (astGrep, testBased, command, bashScript, pythonScript, custom)`,
  },
);

/**
 * The wire form of a scorer (`scoring_function_parameters[].scorer`), as a scorer's `definition`.
 *
 * @example
 * ```ts
 * const definition: ScorerDefinition = command('npm test').definition;
 * // { type: 'command_scorer', command: 'npm test' }
 * ```
 */
export type ScorerDefinition = z.infer<typeof ScorerDefinitionSchema>;
