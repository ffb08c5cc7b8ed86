/**
 * The log formats the SWE-bench scorer can read: `pytest` (`-rA` summaries and verbose lines),
 * `django` (`runtests.py --verbosity 2`) and `sympy` (`bin/test --verbose`).
 *
 * @example
 * ```ts
 * const parser: SweBenchLogParser = 'pytest';
 * fromSweBench(row, { blueprintId: 'bpt_123', testCommand: 'pytest -rA -p no:cacheprovider', logParser: parser });
 * ```
 */
export type SweBenchLogParser = 'pytest' | 'django' | 'sympy';

/**
 * How a repository's tests run and report: an entry of {@link SWE_BENCH_REPOS}.
 *
 * @example
 * ```ts
 * const django: RepoSpec = SWE_BENCH_REPOS['django/django']!;
 * django.testCommand; // './tests/runtests.py --verbosity 2 --settings=test_sqlite --parallel 1'
 * ```
 */
export interface RepoSpec {
  /** The test command; the test files (or Django modules) follow it. */
  readonly testCommand: string;
  /** How its log reads. */
  readonly logParser: SweBenchLogParser;
  /** `files`: test file paths; `django-modules`: `tests/a/b.py` → `a.b`. */
  readonly directives: 'files' | 'django-modules';
  /** Reinstalls the package so that the change is what the tests import (SWE-bench re-runs it). */
  readonly install: string;
}

const PIP_INSTALL = 'python -m pip install -e .';
const pytest = (testCommand = 'pytest -rA', install = PIP_INSTALL): RepoSpec => ({ testCommand, logParser: 'pytest', directives: 'files', install });

/**
 * The repositories of SWE-bench (test, dev and Lite splits) with the test command, log format and
 * install step of SWE-bench 4.1's harness. The entries of the repositories in test/fixtures were
 * compared with the harness's own scripts (`eval_scripts_v4.1.0.json`); for the others, and for
 * versions whose command differs, give `testCommand` (and `install`).
 *
 * @example
 * ```ts
 * const known = Object.keys(SWE_BENCH_REPOS).includes(row.repo); // else give testCommand and logParser
 * ```
 */
export const SWE_BENCH_REPOS: Readonly<Record<string, RepoSpec>> = {
  'django/django': {
    testCommand: './tests/runtests.py --verbosity 2 --settings=test_sqlite --parallel 1',
    logParser: 'django',
    directives: 'django-modules',
    install: PIP_INSTALL,
  },
  'sympy/sympy': {
    testCommand: "PYTHONWARNINGS='ignore::UserWarning,ignore::SyntaxWarning' bin/test -C --verbose",
    logParser: 'sympy',
    directives: 'files',
    install: PIP_INSTALL,
  },
  'scikit-learn/scikit-learn': pytest('pytest -rA', 'python -m pip install -v --no-use-pep517 --no-build-isolation -e .'),
  'mwaskom/seaborn': pytest('pytest --no-header -rA'),
  'sphinx-doc/sphinx': pytest('tox --current-env -epy39 -v --'),
  'astropy/astropy': pytest(),
  'matplotlib/matplotlib': pytest(),
  'pallets/flask': pytest(),
  'psf/requests': pytest(),
  'pydata/xarray': pytest(),
  'pylint-dev/pylint': pytest(),
  'pytest-dev/pytest': pytest(),
  'marshmallow-code/marshmallow': pytest(),
  'pvlib/pvlib-python': pytest(),
  'pydicom/pydicom': pytest(),
  'pylint-dev/astroid': pytest(),
  'pyvista/pyvista': pytest(),
  'sqlfluff/sqlfluff': pytest(),
};

/** Names SWE-bench 5.x rows give their log parser (`log_parser`), by the format they read. */
export function logParserNamed(name: string): SweBenchLogParser | undefined {
  const bare = name.replace(/^parse_log_/, '');
  if (/^pytest(_v2|_options)?$/.test(bare) || bare === 'seaborn' || bare === 'matplotlib' || bare === 'sphinx') return 'pytest';
  if (bare === 'django') return 'django';
  if (bare === 'sympy') return 'sympy';
  return undefined;
}
