import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builderWorkspace } from '../src/scenario/scenario-builder.js';
import { command, Scenario } from '../src/index.js';
import { elsewhere } from './fixtures/verify/scenario-elsewhere.js';

const base = Scenario.define('ws').problem('p').scorer(command('true'));

describe('.workspace()', () => {
  it('is local only: absent from every payload', () => {
    const withWorkspace = base.workspace('/tmp/anywhere');
    expect(withWorkspace.build()).toEqual(base.build());
    expect(withWorkspace.buildCreate()).toEqual(base.buildCreate());
    expect(JSON.stringify(withWorkspace.buildCreate())).not.toContain('anywhere');
  });

  it('is kept by every later call and never leaks into the template', () => {
    const template = Scenario.define().workspace('/tmp/a');
    const branch = template.name('b').problem('p').scorer(command('true')).workspace('/tmp/b').metadata({ k: 'v' });
    expect(builderWorkspace(template)?.path).toBe('/tmp/a');
    expect(builderWorkspace(template.name('x'))?.path).toBe('/tmp/a');
    expect(builderWorkspace(branch)?.path).toBe('/tmp/b');
    expect(builderWorkspace(base)).toBeUndefined();
  });

  it('remembers the file whose code called it, against which a relative path resolves', () => {
    expect(builderWorkspace(base.workspace('./x'))).toEqual({ path: './x', definedIn: expect.stringContaining('scenario-workspace.test.ts') });
    const fromOtherFile = builderWorkspace(elsewhere)!;
    expect(fromOtherFile.path).toBe('./py-calc');
    expect(fromOtherFile.definedIn).toContain('fixtures/verify/scenario-elsewhere.ts');
  });

  it('takes a file URL', () => {
    const url = new URL('./fixtures/verify/', import.meta.url);
    const workspace = builderWorkspace(base.workspace(url))!;
    expect(fileURLToPath(workspace.path)).toBe(fileURLToPath(url));
  });
});
