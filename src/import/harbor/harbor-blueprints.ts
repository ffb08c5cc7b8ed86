import { createHash } from 'node:crypto';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Runloop } from '@runloop/api-client';
import type { RequestOptions } from '@runloop/api-client/core';
import type { BlueprintView } from '@runloop/api-client/resources/blueprints';
import { z } from 'zod';
import { MAX_PAGE_SIZE, resolveClient, type RunloopClient } from '../../client/runloop-client.js';
import { assertOptions } from '../../validation/option-problems.js';
import type { HarborTask } from './harbor-task.js';

/**
 * Options of {@link harborBlueprints}.
 *
 * @example
 * ```ts
 * const options: HarborBlueprintOptions = { client, onBlueprint: ({ task, action, id }) => console.log(`${task}: ${action} ${id}`) };
 * ```
 */
export interface HarborBlueprintOptions {
  /** The client to find and create blueprints with; without one, a client is made from `RUNLOOP_API_KEY` (and `RUNLOOP_BASE_URL`). */
  client?: RunloopClient;
  /** Per-request options for the SDK (timeout, maxRetries, headers…). */
  requestOptions?: RequestOptions;
  /** Called once for each task whose blueprint was found or created. */
  onBlueprint?: (event: HarborBlueprintEvent) => void;
}

/**
 * A task's blueprint, found or created.
 *
 * @example
 * ```ts
 * const created = (event: HarborBlueprintEvent) => event.action === 'created';
 * ```
 */
export interface HarborBlueprintEvent {
  /** The task's name. */
  readonly task: string;
  /** The blueprint's name (see {@link harborBlueprintName}). */
  readonly name: string;
  /** The blueprint's id. */
  readonly id: string;
  /** `found`: a blueprint of that name existed (built, or building); `created`: it was made now. */
  readonly action: 'found' | 'created';
}

/** How long an uploaded build context is kept: the build needs it, nothing after (the SDK's own default). */
const CONTEXT_TTL_MS = 60 * 60 * 1000;
/** Build statuses of a blueprint that is, or will be, usable. */
const USABLE = ['build_complete', 'building', 'provisioning', 'queued'];

const OptionsSchema = z.strictObject({
  client: z.custom<RunloopClient>((value) => typeof value === 'object' && value !== null, { error: 'must be a Runloop or RunloopSDK client' }).optional(),
  requestOptions: z.custom<RequestOptions>((value) => typeof value === 'object' && value !== null, { error: 'must be an object of request options' }).optional(),
  onBlueprint: z.custom<(event: HarborBlueprintEvent) => void>((value) => typeof value === 'function', { error: 'must be a function' }).optional(),
});

/** What a task's environment is built from. */
interface TaskEnvironment {
  readonly dockerfile: string;
  /** The build context folder, when it holds more than the Dockerfile: uploaded with the build. */
  readonly context: string | undefined;
  /** sha256 of the Dockerfile and of every file of the build context, hex. */
  readonly digest: string;
}

/**
 * A `blueprintId` function for {@link fromHarborTask} and {@link importHarborTasks} that finds
 * each task's Runloop blueprint by name, or creates it: from `[environment].docker_image` (as
 * `FROM <image>`) when the task names one, else from its Dockerfile (`environment/Dockerfile`, or
 * a legacy folder's `Dockerfile`), with the folder around it as the build context, uploaded as a
 * storage object when it holds more than the Dockerfile, so that `COPY` and `ADD` find their
 * files. The name, {@link harborBlueprintName}, carries a hash of the Dockerfile and of every
 * file of that folder: a changed environment gets a new blueprint, an unchanged one is found
 * again (a second import creates nothing). A blueprint whose build failed is not reused; one
 * still building is. Calls for the same name share one look-up. Throws a `TypeError` for an
 * unknown or bad option.
 *
 * @example
 * ```ts
 * const blueprintId = harborBlueprints({ client });
 * const { builders } = await importHarborTasks(['tasks/hello-world', 'tasks/dns-blacklisting'], { blueprintId });
 * ```
 */
export function harborBlueprints(options: HarborBlueprintOptions = {}): (task: HarborTask) => Promise<string> {
  const { client: given, requestOptions, onBlueprint } = assertOptions<HarborBlueprintOptions>(() => OptionsSchema, options, 'harborBlueprints() options');
  const byName = new Map<string, Promise<string>>();
  return async (task) => {
    const environment = await taskEnvironment(task);
    const name = nameOf(task.name, environment.digest);
    let id = byName.get(name);
    if (id === undefined) {
      // the SDK's own client: the build context is uploaded with its StorageObjectOps
      const client = (await resolveClient(given)) as unknown as Runloop;
      id = findOrCreate(client, task, name, environment, requestOptions, onBlueprint);
      byName.set(name, id);
      id.catch(() => byName.delete(name)); // a failure is not remembered: the next call tries again
    }
    return id;
  };
}

/**
 * The name of a task's blueprint: `harbor-<task name>-<12 hex digits>`, the task name made of
 * lower-case letters, digits, `.`, `_` and `-` (at most 60 of them), the digits the start of the
 * sha256 of the Dockerfile (or `FROM <docker_image>`) and of every file of its build context
 * (path and content, those a `.dockerignore` leaves out included). Throws when the task has
 * neither a Dockerfile nor a `docker_image`.
 *
 * @example
 * ```ts
 * await harborBlueprintName(task); // 'harbor-hello-world-3f2a9c0b71de'
 * ```
 */
export async function harborBlueprintName(task: HarborTask): Promise<string> {
  return nameOf(task.name, (await taskEnvironment(task)).digest);
}

function nameOf(taskName: string, digest: string): string {
  const slug = taskName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'task';
  return `harbor-${slug}-${digest.slice(0, 12)}`;
}

async function findOrCreate(
  client: Runloop,
  task: HarborTask,
  name: string,
  environment: TaskEnvironment,
  requestOptions: RequestOptions | undefined,
  onBlueprint: ((event: HarborBlueprintEvent) => void) | undefined,
): Promise<string> {
  const found: BlueprintView[] = [];
  for await (const view of client.blueprints.list({ name, limit: MAX_PAGE_SIZE }, requestOptions)) {
    if (view.name === name && view.state !== 'deleted' && USABLE.includes(view.status)) found.push(view);
  }
  // the newest built one, else the newest still building
  found.sort((a, b) => b.create_time_ms - a.create_time_ms);
  const reused = found.find((view) => view.status === 'build_complete') ?? found[0];
  if (reused !== undefined) {
    onBlueprint?.({ task: task.name, name, id: reused.id, action: 'found' });
    return reused.id;
  }
  let buildContext: { type: 'object'; object_id: string } | undefined;
  if (environment.context !== undefined) {
    const { StorageObjectOps } = await import('@runloop/api-client');
    const uploaded = await new StorageObjectOps(client).uploadFromDir(environment.context, { name: `${name}-context`, ttl_ms: CONTEXT_TTL_MS }, requestOptions);
    buildContext = { type: 'object', object_id: uploaded.id };
  }
  const view = await client.blueprints.create(
    {
      name,
      dockerfile: environment.dockerfile,
      ...(buildContext && { build_context: buildContext }),
      metadata: { source: 'scenariokit harbor import', harbor_task: task.name, environment_sha256: environment.digest },
    },
    requestOptions,
  );
  onBlueprint?.({ task: task.name, name, id: view.id, action: 'created' });
  return view.id;
}

/** The Dockerfile, build context and digest of a task's environment. */
async function taskEnvironment(task: HarborTask): Promise<TaskEnvironment> {
  const hash = createHash('sha256');
  // each part with its length first, so that no two environments run together into the same bytes
  const add = (...parts: (string | Uint8Array)[]) => parts.forEach((part) => hash.update(`${typeof part === 'string' ? Buffer.byteLength(part) : part.length}:`).update(part));
  if (task.dockerImage !== undefined) {
    const dockerfile = `FROM ${task.dockerImage}\n`;
    add('dockerfile', dockerfile);
    return { dockerfile, context: undefined, digest: hash.digest('hex') };
  }
  if (task.dockerfile === undefined) {
    throw new Error(`task ${JSON.stringify(task.name)} has neither an environment/Dockerfile nor an [environment].docker_image: there is nothing to build its blueprint from`);
  }
  const dockerfile = await readFile(task.dockerfile, 'utf8');
  add('dockerfile', dockerfile);
  const context = dirname(task.dockerfile);
  const entries = await readdir(context, { recursive: true, withFileTypes: true });
  const files = entries
    .map((entry) => ({ entry, path: relative(context, join(entry.parentPath, entry.name)).split(sep).join('/') }))
    .filter(({ entry }) => !entry.isDirectory())
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { entry, path } of files) {
    const full = join(context, path);
    if (entry.isSymbolicLink()) add('link', path, await readlink(full));
    else if (entry.isFile()) add('file', path, await readFile(full));
  }
  const onlyDockerfile = files.every(({ path }) => path === 'Dockerfile' || path === '.dockerignore');
  return { dockerfile, context: onlyDockerfile ? undefined : context, digest: hash.digest('hex') };
}
