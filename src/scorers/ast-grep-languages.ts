/**
 * The language ids ast-grep takes for `--lang`, matched without regard to case: every built-in
 * language and alias of ast-grep 0.51 (crates/language/src/lib.rs, `impl_aliases!`), the version
 * scenariokit ships and `verify` runs (a test checks each id against its binary); the version
 * Runloop runs is not documented. A language registered in a project's sgconfig.yml is also
 * valid, so an id not listed here is a warning, not an error.
 */
export const AST_GREP_LANGUAGES: readonly string[] = Object.freeze([
  'bash',
  'c',
  'cc', 'c++', 'cpp', 'cxx',
  'cs', 'csharp',
  'css',
  'dart',
  'ex', 'elixir',
  'go', 'golang',
  'hs', 'haskell',
  'hcl',
  'html',
  'java',
  'javascript', 'js', 'jsx',
  'json',
  'kotlin', 'kt',
  'lua',
  'markdown', 'md',
  'nix',
  'php',
  'py', 'python',
  'rb', 'ruby',
  'rs', 'rust',
  'scala',
  'sol', 'solidity',
  'swift',
  'ts', 'typescript',
  'tsx',
  'yaml', 'yml',
  'zig',
]);
