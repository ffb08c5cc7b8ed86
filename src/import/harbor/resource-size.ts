import type { CustomResourceSize } from '../../index.js';
import type { FieldProblem } from '../import-problem.js';

/** Harbor's defaults for what `[environment]` leaves out. */
const HARBOR_DEFAULTS = { cpus: 1, memory_mb: 2048, storage_mb: 10240 } as const;

const evenUpTo = (max: number) => Array.from({ length: max / 2 }, (_, i) => (i + 1) * 2);
/** What Runloop takes for a custom size (see the launch-parameter schema). */
const CPUS = [0.5, 1, ...evenUpTo(16)];
const MEMORY_GB = [1, ...evenUpTo(64)];
const DISK_GB = evenUpTo(64);

const MB_PER_GB = 1024;

/**
 * A custom Devbox size for a Harbor task's `[environment]` cpus, memory_mb and storage_mb, each
 * rounded up to the nearest size Runloop accepts (cpu 0.5, 1 or even up to 16; memory 1 or even up
 * to 64 GiB and 2 to 8 GiB per cpu; disk even from 2 to 64 GiB), with a warning for each value
 * that changed. Values left out take Harbor's defaults (1 cpu, 2048 MB, 10240 MB); a task that
 * states none of them gets no size. More than Runloop's largest size is a problem.
 */
export function roundResources(environment: Readonly<Record<string, unknown>>): { size?: CustomResourceSize; warnings: FieldProblem[]; problems: FieldProblem[] } {
  const warnings: FieldProblem[] = [];
  const problems: FieldProblem[] = [];
  const stated = (['cpus', 'memory_mb', 'storage_mb'] as const).filter((key) => environment[key] !== undefined);
  if (stated.length === 0) return { warnings, problems };
  const requested = (key: keyof typeof HARBOR_DEFAULTS): number | undefined => {
    const value = environment[key] ?? HARBOR_DEFAULTS[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    problems.push({ field: `task.toml [environment].${key}`, message: `must be a positive number (got ${JSON.stringify(value)})` });
    return undefined;
  };
  const cpus = requested('cpus');
  const memoryMb = requested('memory_mb');
  const storageMb = requested('storage_mb');
  if (cpus === undefined || memoryMb === undefined || storageMb === undefined) return { warnings, problems };

  let cpu = roundUp(cpus, CPUS);
  const memoryGb = memoryMb / MB_PER_GB;
  const memory = roundUp(Math.max(memoryGb, cpu === undefined ? 0 : cpu * 2), MEMORY_GB);
  // raising cpu keeps at least 2 GiB per cpu: memory is then even and over 4 GiB, and cpu at most memory / 8 + 2, which is at most memory / 2
  if (cpu !== undefined && memory !== undefined && memory > cpu * 8) cpu = roundUp(memory / 8, CPUS);
  const disk = roundUp(storageMb / MB_PER_GB, DISK_GB);
  if (cpu === undefined) problems.push({ field: 'task.toml [environment].cpus', message: `${cpus} cpus is more than Runloop's largest custom size (16)` });
  if (memory === undefined) problems.push({ field: 'task.toml [environment].memory_mb', message: `${memoryMb} MB is more than Runloop's largest custom size (64 GiB)` });
  if (disk === undefined) problems.push({ field: 'task.toml [environment].storage_mb', message: `${storageMb} MB is more than Runloop's largest custom disk (64 GiB)` });
  if (cpu === undefined || memory === undefined || disk === undefined) return { warnings, problems };

  if (cpu !== cpus) {
    warnings.push({ field: 'task.toml [environment].cpus', message: `${cpus} rounded up to ${cpu} cpus (Runloop takes 0.5, 1 or an even number up to 16, with 2 to 8 GiB of memory per cpu)` });
  }
  if (memory !== memoryGb) {
    const why = memory > roundUp(memoryGb, MEMORY_GB)! ? `at least 2 GiB per cpu for ${cpu} cpus` : '1 or an even number of GiB up to 64';
    warnings.push({ field: 'task.toml [environment].memory_mb', message: `${memoryMb} MB (${format(memoryGb)} GiB) rounded up to ${memory} GiB (Runloop takes ${why})` });
  }
  if (disk !== storageMb / MB_PER_GB) {
    warnings.push({ field: 'task.toml [environment].storage_mb', message: `${storageMb} MB (${format(storageMb / MB_PER_GB)} GiB) rounded up to ${disk} GiB (Runloop takes an even number of GiB from 2 to 64)` });
  }
  return { size: { cpu, memoryGb: memory, diskGb: disk }, warnings, problems };
}

/** The smallest allowed value at least `value`; undefined above the largest. */
function roundUp(value: number, allowed: readonly number[]): number | undefined {
  return allowed.find((candidate) => candidate >= value);
}

function format(gb: number): string {
  return String(Number(gb.toFixed(2)));
}
