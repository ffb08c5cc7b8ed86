import type { CliCommand } from '../cli-command.js';
import { buildCommand } from './build.js';
import { importCommand } from './import.js';
import { planCommand } from './plan.js';
import { pullCommand } from './pull.js';
import { pushCommand } from './push.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';
import { verifyCommand } from './verify.js';

/** Every command, in the order `--help` lists them. A new command is a file in this folder and a line here. */
export const COMMANDS: readonly CliCommand[] = [validateCommand, buildCommand, verifyCommand, planCommand, pushCommand, pullCommand, importCommand, schemaCommand];
