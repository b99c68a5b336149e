// JSON bytes of resources and bundles, assembled without re-serialising what did not change:
// each resource's UTF-8 JSON is computed once (resources are built once per view and record)
// and a bundle is its links plus those bytes concatenated. Same output as JSON.stringify;
// this is what keeps a 50-entry page cheap under load.
import type { SearchsetBundle } from './search-bundle.ts';

const cache = new WeakMap<object, Buffer>();

export function resourceJson(resource: object): Buffer {
  let bytes = cache.get(resource);
  if (!bytes) cache.set(resource, (bytes = Buffer.from(JSON.stringify(resource), 'utf8')));
  return bytes;
}

export function bundleJson(bundle: SearchsetBundle): Buffer {
  const { entry, ...head } = bundle;
  const headJson = JSON.stringify(head);
  if (!entry || entry.length === 0) return Buffer.from(headJson, 'utf8');
  const parts: Buffer[] = [Buffer.from(`${headJson.slice(0, -1)},"entry":[`, 'utf8')];
  entry.forEach((item, i) => {
    parts.push(Buffer.from(`${i === 0 ? '' : ','}{"fullUrl":${JSON.stringify(item.fullUrl)},"resource":`, 'utf8'));
    parts.push(resourceJson(item.resource));
    parts.push(Buffer.from(`,"search":{"mode":"${item.search.mode}"}}`, 'utf8'));
  });
  parts.push(Buffer.from(']}', 'utf8'));
  return Buffer.concat(parts);
}
