import { chmodSync, mkdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyWorkspace } from '../../src/verify/copy-workspace.js';
import { scratch } from './fixtures.js';

describe('copyWorkspace', () => {
  it('copies files with their modes, and links: within the workspace as they are, leading out of it made absolute', async () => {
    const dir = scratch();
    const source = join(dir, 'source');
    mkdirSync(join(source, 'src/lib'), { recursive: true });
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(source, 'src/lib/a.js'), 'a');
    writeFileSync(join(source, 'run.sh'), 'echo hi');
    chmodSync(join(source, 'run.sh'), 0o755);
    symlinkSync('src/lib', join(source, 'lib')); // within
    symlinkSync('../shared', join(source, 'shared')); // out of the workspace
    symlinkSync('/usr/bin', join(source, 'bin')); // absolute
    await copyWorkspace(source, join(dir, 'copy'));
    expect(readlinkSync(join(dir, 'copy/lib'))).toBe('src/lib');
    expect(readlinkSync(join(dir, 'copy/shared'))).toBe(join(dir, 'shared'));
    expect(readlinkSync(join(dir, 'copy/bin'))).toBe('/usr/bin');
    expect(statSync(join(dir, 'copy/run.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(join(dir, 'copy/src/lib/a.js')).size).toBe(1);
  });
});
