export { runCli, EXIT } from './run-cli.js';
export type { CliIO } from './cli-io.js';
