import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of a module, as another entry of the package (bundled with its own core) holds it. */
async function copyOf<T>(load: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return load();
}

/** Each error class that can cross entries, and how to make one. */
type ErrorClass = new (...args: any[]) => Error;
const classes: Record<'ScenarioValidationError' | 'SuiteValidationError' | 'ImportError' | 'VerifyInputError', () => Promise<ErrorClass>> = {
  ScenarioValidationError: () => import('../src/validation/scenario-validation-error.js').then((m) => m.ScenarioValidationError),
  SuiteValidationError: () => import('../src/suite/suite-validation-error.js').then((m) => m.SuiteValidationError),
  ImportError: () => import('../src/import/import-error.js').then((m) => m.ImportError),
  VerifyInputError: () => import('../src/verify/verify-input-error.js').then((m) => m.VerifyInputError),
};
const make: Record<keyof typeof classes, (cls: ErrorClass) => Error> = {
  ScenarioValidationError: (cls) => new cls([], 'x'),
  SuiteValidationError: (cls) => new cls('suite', []),
  ImportError: (cls) => new cls([{ source: 'row', field: 'patch', message: 'missing' }]),
  VerifyInputError: (cls) => new cls(['no workspace']),
};

describe('the error classes', () => {
  it.each(Object.keys(classes) as (keyof typeof classes)[])('%s: an instance of one copy of the class is an instance of another', async (name) => {
    const One = await copyOf(classes[name]);
    const Other = await copyOf(classes[name]);
    expect(One).not.toBe(Other); // two copies, as in dist/index.js and dist/import.js
    const error = make[name](One);
    expect(Object.getPrototypeOf(error)).not.toBe(Other.prototype);
    expect(error instanceof Other).toBe(true);
    expect(error instanceof One).toBe(true);
    expect(error instanceof Error).toBe(true);
    expect(new Error('x') instanceof Other).toBe(false);
    expect((null as unknown as object) instanceof Other).toBe(false);
    expect(Object('ScenarioValidationError') instanceof Other).toBe(false);
  });

  it('an error thrown by a builder of one copy of the package is an instance of the class of another', async () => {
    const { Scenario, command } = await copyOf(() => import('../src/index.js'));
    const { ScenarioValidationError } = await copyOf(() => import('../src/index.js'));
    const thrown = (() => {
      try {
        Scenario.define('x').scorer(command('npm test'), -1).build();
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ScenarioValidationError);
  });

  it('keeps subclassing: a subclass checks by its prototype chain, and its instances are instances of the base', async () => {
    const { ScenarioValidationError } = await import('../src/validation/scenario-validation-error.js');
    const Other = await copyOf(classes.ScenarioValidationError);
    class Mine extends ScenarioValidationError {}
    const mine = new Mine([], 'x');
    expect(mine instanceof Mine).toBe(true);
    expect(mine instanceof ScenarioValidationError).toBe(true);
    expect(mine instanceof Other).toBe(true);
    expect(new ScenarioValidationError([], 'x') instanceof Mine).toBe(false);
    expect(new Other([], 'x') instanceof Mine).toBe(false);
    expect(mine.name).toBe('ScenarioValidationError');
  });
});
