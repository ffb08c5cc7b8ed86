/**
 * Every kind of problem scenariokit reports, with its severity. An **error** is something the API
 * rejects (its schema, or a rule its documentation states), or something that cannot work (a value
 * that cannot be sent as JSON, a scorer without the field it runs); `build()` throws on errors.
 * A **warning** is a check scenariokit makes beyond the API: the API would store the scenario, but
 * it is probably not what you meant. Warnings never make `build()` throw, unless the builder or
 * suite is strict. docs/checks.md explains each code.
 *
 * @example
 * ```ts
 * const warnings = Object.entries(ISSUE_CODES).filter(([, { severity }]) => severity === 'warning').map(([code]) => code);
 * ```
 */
export const ISSUE_CODES = Object.freeze({
  'unknown-option': { severity: 'error', summary: 'an option key that the method does not know (a typo, or a wire name)' },
  'invalid-option': { severity: 'error', summary: 'an argument or option that is not what the method takes' },
  'invalid-type': { severity: 'error', summary: 'a field whose type the API does not accept' },
  'invalid-value': { severity: 'error', summary: 'a value the API rejects: not one of its values, or outside a range or format it documents' },
  'missing-field': { severity: 'error', summary: 'a field the API requires, or without which a scorer cannot run' },
  'unknown-field': { severity: 'error', summary: 'a wire field the API does not have' },
  'unknown-scorer-type': { severity: 'error', summary: 'a scorer whose type is not one of the API\'s scorer types' },
  'not-json': { severity: 'error', summary: 'a value that JSON cannot carry (a function, NaN, a class instance, a cycle…)' },
  'too-deep': { severity: 'error', summary: 'JSON nested deeper than MAX_JSON_DEPTH levels' },
  'nul-character': { severity: 'error', summary: 'a NUL character in text that reaches a command line or a file path' },
  'multiple-sources': { severity: 'error', summary: 'an environment with more than one source (blueprint, snapshot, prebuilt image)' },
  'zero-weights': { severity: 'error', summary: 'relative weights that are all 0, which cannot be normalised' },
  'scorer-not-found': { severity: 'error', summary: 'replaceScorer or removeScorer with a name the scenario does not have' },
  'invalid-id': { severity: 'error', summary: 'push(id) with something that is not a scenario id' },
  'duplicate-scenario-name': { severity: 'error', summary: 'two scenarios of a suite with the same name' },
  'blank-text': { severity: 'warning', summary: 'empty or whitespace-only text where the API takes any text' },
  'duplicate-scorer-name': { severity: 'warning', summary: 'two scorers of a scenario with the same name' },
  'duplicate-entry': { severity: 'warning', summary: 'a name listed twice in requiredEnv or requiredSecrets' },
  'weights-not-normalised': { severity: 'warning', summary: "exact weights (.weights('exact')) that do not sum to 1" },
  'test-path-absolute': { severity: 'warning', summary: 'a test file path that is absolute, not relative to the working directory' },
  'test-path-outside': { severity: 'warning', summary: 'a test file path that climbs out of the working directory with ".."' },
  'test-path-not-a-file': { severity: 'warning', summary: 'a test file path that names a directory, or nothing' },
  'test-path-duplicate': { severity: 'warning', summary: 'two test files of one scorer at the same path' },
  'test-path-control-character': { severity: 'warning', summary: 'a test file path with a newline, tab or other control character' },
  'pattern-not-escaped': { severity: 'warning', summary: 'an ast-grep pattern, given as escaped, that the shell would change before ast-grep reads it' },
  'search-directory-outside': { severity: 'warning', summary: 'an ast-grep search directory that is absolute or climbs out of the working directory' },
  'search-directory-special-characters': { severity: 'warning', summary: 'an ast-grep search directory with characters a shell interprets' },
  'unknown-ast-grep-language': { severity: 'warning', summary: 'an ast-grep lang that is not one of ast-grep\'s built-in language ids' },
  'invalid-custom-scorer-type': { severity: 'warning', summary: 'a custom scorer type that is not a plain identifier' },
  'invalid-python-version': { severity: 'warning', summary: 'a python version that is not a PEP 440 version specifier' },
  'invalid-env-name': { severity: 'warning', summary: 'a required environment variable name that is not a POSIX variable name' },
  'invalid-secret-name': { severity: 'warning', summary: 'a required secret name that is not an identifier' },
} as const satisfies Record<string, { severity: IssueSeverity; summary: string }>);

/**
 * A stable code naming the rule an issue breaks; {@link ISSUE_CODES} lists them.
 *
 * @example
 * ```ts
 * const ignored: IssueCode[] = ['duplicate-scorer-name'];
 * const warnings = result.warnings.filter((issue) => !ignored.includes(issue.code));
 * ```
 */
export type IssueCode = keyof typeof ISSUE_CODES;

/**
 * How serious an issue is: an `error` stops `build()`; a `warning` does not, unless strict.
 *
 * @example
 * ```ts
 * const severity: IssueSeverity = ISSUE_CODES['duplicate-scorer-name'].severity; // 'warning'
 * ```
 */
export type IssueSeverity = 'error' | 'warning';
