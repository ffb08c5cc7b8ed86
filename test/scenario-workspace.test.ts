import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { localWorkspace } from '../src/scenario/local-workspace.js';
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

  it('leaves the file unknown when the frame of the caller is not in a file, instead of taking another frame', () => {
    const own = '    at ScenarioBuilderImpl.workspace (file:///app/node_modules/scenariokit/dist/index.js:10:5)';
    const below = '    at loadModuleFile (file:///app/node_modules/scenariokit/dist/bin/chunk.js:20:7)';
    const stack = (caller: string) => ['Error', own, caller, below].join('\n');
    // tsx runs a CommonJS module from a data: URL (whose text holds parentheses)
    const data = '    at Object.<anonymous> (data:text/javascript,__filename%3D%22%2Fp%2Fs.ts%22%3B(()%3D%3E%7B%7D)()?filePath=%2Fp%2Fs.ts:3:3)';
    expect(localWorkspace('./ws', stack(data))).toEqual({ path: './ws', definedIn: undefined });
    expect(localWorkspace('./ws', stack('    at data:text/javascript,x(()%3D%3E1)%0A?filePath=%2Fp%2Fs.ts:2:795'))).toEqual({ path: './ws', definedIn: undefined });
    expect(localWorkspace('./ws', stack('    at eval (eval at <anonymous> (file:///p/s.js:1:1), <anonymous>:1:6)'))).toEqual({ path: './ws', definedIn: undefined });
    expect(localWorkspace('./ws', stack('    at Array.map (<anonymous>)'))).toEqual({ path: './ws', definedIn: undefined });
    expect(localWorkspace('./ws', ['Error', own].join('\n'))).toEqual({ path: './ws', definedIn: undefined });
    expect(localWorkspace('./ws', undefined)).toEqual({ path: './ws', definedIn: undefined });
    // a file frame: a file URL, a path (with parentheses), a Windows path, a frame without a function name
    expect(localWorkspace('./ws', stack('    at <anonymous> (file:///p/s.ts:3:13)')).definedIn).toBe('file:///p/s.ts');
    expect(localWorkspace('./ws', stack('    at Object.<anonymous> (/p/a (copy)/s.ts:3:13)')).definedIn).toBe('/p/a (copy)/s.ts');
    expect(localWorkspace('./ws', stack('    at C:\\p\\s.ts:3:13')).definedIn).toBe('C:\\p\\s.ts');
    // the caller's frame even when it is in the method's own file (a bundle holding scenariokit and the scenarios)
    expect(localWorkspace('./ws', stack('    at file:///app/node_modules/scenariokit/dist/index.js:99:1')).definedIn).toBe('file:///app/node_modules/scenariokit/dist/index.js');
  });
});
