import { compileFn } from 'zod/v4/core';
import { RelativeScoringContractSchema } from './src/scorers/scoring-contract.js';
import { EnvironmentSchema } from './src/environment/environment-fields.js';
const f = (compileFn as any)(process.argv[2] === 'env' ? EnvironmentSchema : RelativeScoringContractSchema, { assertOnly: true, debug: true });
console.log(f.code);
