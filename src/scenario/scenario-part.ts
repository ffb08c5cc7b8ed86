import type { ScenarioIssue } from '../validation/scenario-issue.js';

/** A payload field's wire value (frozen) and the problems found in it. */
export interface CompiledField {
  readonly value: unknown;
  readonly issues: readonly ScenarioIssue[];
}

/**
 * One part of a builder's state (environment, problem, scoring) with its compiled, validated wire
 * form, computed on first use and kept: every branch that shares the part shares that work.
 */
export class ScenarioPart<Input> {
  #compiled: CompiledField | undefined;

  constructor(
    readonly input: Input,
    private readonly compile: (input: Input) => CompiledField,
  ) {}

  /** The wire value and its issues. */
  get compiled(): CompiledField {
    return (this.#compiled ??= this.compile(this.input));
  }
}
