export { runCli } from './run-cli.js';
export { EXIT } from './exit-codes.js';
export type { CliIO } from './cli-io.js';
