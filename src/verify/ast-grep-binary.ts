import { createRequire } from 'node:module';

/**
 * The ast-grep binary that `@ast-grep/cli` ships: resolved the way its own launcher does (its
 * platform package, e.g. `@ast-grep/cli-linux-x64-gnu`), so that it is found whether or not
 * npm ran the package's postinstall script (npm 11 may not run install scripts).
 */
export function findAstGrepBinary(): string {
  const require = createRequire(import.meta.url);
  const { resolveBinaryPath } = require('@ast-grep/cli/postinstall.js') as { resolveBinaryPath: () => string | null };
  const binary = resolveBinaryPath();
  if (binary === null) {
    throw new Error(
      `the ast-grep binary was not found for ${process.platform}-${process.arch}: @ast-grep/cli ships it in an optional platform package (e.g. @ast-grep/cli-linux-x64-gnu), which npm skips when optional dependencies are omitted`,
    );
  }
  return binary;
}
