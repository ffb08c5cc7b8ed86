import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readStoreFile, writeStoreFile } from '../../src/testing/store-file.js';
import { StoreWriter } from '../../src/testing/store-writer.js';

/** Every call the store file makes to node:fs, in order, with the file or descriptor it concerned. */
const calls = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const paths = new Map<number, string>();
  const name = (path: unknown) => String(path).replace(/.*[\\/]/, '').replace(/\.[\w-]{36}\.tmp$/, '.<uuid>.tmp');
  return {
    ...fs,
    openSync: (path: string, flags: string) => {
      const fd = fs.openSync(path, flags);
      paths.set(fd, name(path));
      calls.push(`open ${name(path)} ${flags}`);
      return fd;
    },
    writeSync: (fd: number, text: string) => (calls.push(`write ${paths.get(fd)}`), fs.writeSync(fd, text)),
    fsyncSync: (fd: number) => (calls.push(`fsync ${paths.get(fd)}`), fs.fsyncSync(fd)),
    closeSync: (fd: number) => (calls.push(`close ${paths.get(fd)}`), fs.closeSync(fd)),
    renameSync: (from: string, to: string) => (calls.push(`rename ${name(from)} ${name(to)}`), fs.renameSync(from, to)),
    writeFileSync: (path: string, ...rest: unknown[]) => (calls.push(`writeFile ${name(path)}`), (fs.writeFileSync as (...args: unknown[]) => void)(path, ...rest)),
  };
});

const folders: string[] = [];
afterEach(() => {
  calls.length = 0;
  vi.useRealTimers();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const storeFile = () => {
  const folder = mkdtempSync(join(tmpdir(), 'scenariokit-store-'));
  folders.push(folder);
  return join(folder, 'runloop.json');
};
const view = (id: string) => ({ id, name: id, status: 'active', metadata: {} }) as unknown as ScenarioView;
const only = (scenarios: ScenarioView[]) => ({ scenarios, benchmarks: [], blueprints: [], objects: [] });

describe('writeStoreFile', () => {
  it('flushes the new file to disk before renaming it over the old one, then flushes the folder', () => {
    const file = storeFile();
    writeStoreFile(file, only([view('scn_1')]));
    const folder = file.split(/[\\/]/).at(-2);
    expect(calls).toEqual([
      'open runloop.json.<uuid>.tmp wx',
      'write runloop.json.<uuid>.tmp',
      'fsync runloop.json.<uuid>.tmp',
      'close runloop.json.<uuid>.tmp',
      'rename runloop.json.<uuid>.tmp runloop.json',
      `open ${folder} r`,
      `fsync ${folder}`,
      `close ${folder}`,
    ]);
    expect(readStoreFile(file)).toEqual(only([view('scn_1')]));
    expect(readdirSync(join(file, '..'))).toEqual(['runloop.json']);
  });
});

describe('readStoreFile', () => {
  it('reads a version 1 file, from before benchmarks, as scenarios only', () => {
    const file = storeFile();
    writeFileSync(file, JSON.stringify({ format: 'scenariokit-fake-runloop', version: 1, scenarios: [view('scn_1')] }));
    expect(readStoreFile(file)).toEqual(only([view('scn_1')]));
  });
});

describe('readStoreFile of a file it cannot use', () => {
  it.each([
    ['not JSON', '{"scen', /is not JSON \(.+\)\./],
    ['another format', '{"scenarios": 3}', /is not a scenariokit fake store/],
    ['a broken scenario', '{"format":"scenariokit-fake-runloop","version":1,"scenarios":[{"id":1}]}', /scenarios\[0\] is not a stored scenario/],
    ['a broken benchmark', '{"format":"scenariokit-fake-runloop","version":2,"scenarios":[],"benchmarks":[{"id":"bmd_1","name":"b"}]}', /benchmarks\[0\] is not a stored benchmark \(needs id, name and scenarioIds\)/],
    ['a newer version', '{"format":"scenariokit-fake-runloop","version":3,"scenarios":[]}', /is not a scenariokit fake store/],
  ])('(%s) says how to recover and what is lost', (_, text, problem) => {
    const folder = join(dirname(storeFile()), "it's here");
    mkdirSync(folder);
    const file = join(folder, 'runloop.json');
    const quoted = (path: string) => `'${path.replaceAll("'", `'\\''`)}'`; // a path with a quote and a space, pasted into a shell
    writeFileSync(file, text);
    expect(() => readStoreFile(file)).toThrow(problem);
    expect(() => readStoreFile(file)).toThrow(
      `To start again with an empty store, move it aside: mv ${quoted(file)} ${quoted(`${file}.broken`)}. What it held (scenarios, benchmarks, blueprints) is then forgotten here, ids included; the files that define your scenarios are untouched, and the next push creates them again with new ids.`,
    );
  });
});

describe('StoreWriter', () => {
  it('writes the first change on the next turn, then coalesces changes, writing no sooner than 4 times the last write took', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'Date'] });
    const file = storeFile();
    let stored = [view('scn_1')];
    let writes = 0;
    const writer = new StoreWriter(
      file,
      () => {
        writes++;
        vi.setSystemTime(Date.now() + 50); // each write takes 50 ms
        return only(stored);
      },
      () => Date.now(),
    );

    writer.changed();
    expect(writes).toBe(0);
    vi.advanceTimersToNextTimer();
    expect(writes).toBe(1);

    for (let i = 2; i <= 100; i++) {
      stored = [...stored, view(`scn_${i}`)];
      writer.changed();
    }
    vi.advanceTimersByTime(199);
    expect(writes).toBe(1);
    vi.advanceTimersByTime(1);
    expect(writes).toBe(2); // 99 changes, one write
    expect(readStoreFile(file)?.scenarios).toHaveLength(100);
    expect(writer.error).toBeUndefined();
  });

  it('writes what is pending at once on flush(), and nothing when nothing changed', () => {
    const file = storeFile();
    let writes = 0;
    const writer = new StoreWriter(file, () => (writes++, only([view('scn_1')])));
    writer.flush();
    expect(writes).toBe(0);
    writer.changed();
    writer.flush();
    expect(writes).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ format: 'scenariokit-fake-runloop', version: 2, ...only([view('scn_1')]) });
  });

  it('keeps the first failed write in error, instead of throwing from a timer', async () => {
    const writer = new StoreWriter(join(storeFile(), 'is', '\0bad'), () => only([]));
    writer.changed();
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.error).toBeInstanceOf(Error);
  });
});
