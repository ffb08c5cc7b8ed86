import type { RequestOptions } from '@runloop/api-client/core';
import type { ScenarioView } from '@runloop/api-client/resources/scenarios/scenarios';
import { MAX_PAGE_SIZE, type RunloopApiClient } from '../client/runloop-client.js';

/**
 * The stored (active) scenarios carrying each of `names`, found with as few requests as it
 * takes: one listing of the account, page by page, until looking every name up costs fewer
 * requests than the pages still to read.
 */
export async function findStoredScenarios(
  client: RunloopApiClient,
  names: readonly string[],
  options: { concurrency: number; requestOptions?: RequestOptions | undefined },
): Promise<Map<string, ScenarioView[]>> {
  const wanted = new Set(names);
  const found = new Map<string, Map<string, ScenarioView>>();
  const keep = (view: ScenarioView) => {
    if (!wanted.has(view.name)) return;
    if (!found.has(view.name)) found.set(view.name, new Map());
    found.get(view.name)!.set(view.id, view); // by id: a listing and a look-up may both return it
  };
  const result = () => new Map([...found].map(([name, views]) => [name, [...views.values()]]));
  if (wanted.size <= 1) {
    await lookUpByName(client, [...wanted], keep, options);
    return result();
  }
  let page = await client.scenarios.list({ limit: MAX_PAGE_SIZE }, options.requestOptions);
  let seen = 0;
  for (;;) {
    page.scenarios.forEach(keep);
    seen += page.scenarios.length;
    if (!page.hasNextPage()) return result();
    const pagesLeft = page.total_count > seen ? Math.ceil((page.total_count - seen) / MAX_PAGE_SIZE) : Number.POSITIVE_INFINITY;
    // every name, not only those still missing: a name found already may be carried by another scenario further on
    if (wanted.size < pagesLeft) {
      await lookUpByName(client, [...wanted], keep, options);
      return result();
    }
    page = await page.getNextPage();
  }
}

async function lookUpByName(
  client: RunloopApiClient,
  names: readonly string[],
  keep: (view: ScenarioView) => void,
  options: { concurrency: number; requestOptions?: RequestOptions | undefined },
): Promise<void> {
  const { default: pLimit } = await import('p-limit');
  const limit = pLimit(options.concurrency);
  const pages = await Promise.all(names.map((name) => limit(() => client.scenarios.list({ name, limit: MAX_PAGE_SIZE }, options.requestOptions))));
  // the name filter may match more loosely than equality; keep only exact names
  pages.forEach((page, index) => page.scenarios.filter((view) => view.name === names[index]).forEach(keep));
}
