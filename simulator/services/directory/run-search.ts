// Runs a parsed search over the index of a view: the criterion with the smallest estimate lists
// its candidates, the others test each of them; matches come back in record order (stable, so
// that paging by offset never repeats nor skips a resource). Results are remembered per view and query, so following the
// `next` links of a large result costs one search, not one per page.
import type { DirectoryIndex } from './directory-index.ts';
import { planCriterion, type CriterionPlan } from './search-criteria.ts';
import type { SearchRequest } from './search-request.ts';

export function matchingPositions(index: DirectoryIndex, request: SearchRequest): Int32Array {
  const cached = index.results.get(request.canonical);
  if (cached) return cached;
  const size = index.tables[request.type].size;
  const plans = request.criteria.map((criterion) => planCriterion(index, request.type, criterion));
  const driver = plans.reduce<CriterionPlan | undefined>((best, plan) => (plan.estimate < (best?.estimate ?? Infinity) ? plan : best), undefined);
  const tests = plans.filter((plan) => plan !== driver).map((plan) => plan.test);
  const positions = driver ? sortedUnique(driver.candidates(), size) : allPositions(size);
  const found = tests.length === 0 ? positions : positions.filter((p) => tests.every((test) => test(p)));
  index.results.set(request.canonical, found);
  return found;
}

/** Ascending, without repeats: by sorting when the list is short, by a bitmap when long. */
function sortedUnique(list: readonly number[], size: number): Int32Array {
  if (list.length * 16 < size) {
    const sorted = Int32Array.from(list).sort();
    let kept = 0;
    for (let i = 0; i < sorted.length; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[kept++] = sorted[i] ?? 0;
    return sorted.subarray(0, kept);
  }
  const bits = new Uint8Array(size);
  let count = 0;
  for (const p of list) if (bits[p] === 0) (bits[p] = 1), (count += 1);
  const found = new Int32Array(count);
  for (let p = 0, n = 0; p < size; p += 1) if (bits[p] === 1) found[n++] = p;
  return found;
}

function allPositions(size: number): Int32Array {
  return Int32Array.from({ length: size }, (_, i) => i);
}
