export { scenarioToCode } from '../codegen/scenario-code.js';
