// Resolves a request (method + path) to a route: literal segments and whole-segment `{param}`
// placeholders, percent-decoded per segment (RFC 3986 §2.1). Knows which methods a path
// accepts so the server can answer 405 with `Allow` (RFC 9110 §15.5.6).
import { apiErrors } from './api-errors.ts';
import type { HttpMethod, Route } from './route.ts';

type Segment = { readonly literal: string } | { readonly param: string };

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly Segment[];
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method'; readonly allowed: readonly HttpMethod[] }
  | { readonly kind: 'not-found' };

const PARAM = /^\{([A-Za-z][A-Za-z0-9]*)\}$/;

export class RouteTable {
  readonly #routes: readonly CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.#routes = routes.map((route) => ({ route, segments: compile(route.path) }));
    const seen = new Set<string>();
    for (const { route } of this.#routes) {
      const key = `${route.method} ${route.path.replace(/\{[^}]+\}/g, '{}')}`;
      if (seen.has(key)) throw new Error(`duplicate route: ${route.method} ${route.path}`);
      seen.add(key);
    }
  }

  /** Throws the API's 400 error when a segment's percent-encoding is invalid. */
  match(method: string, path: string): RouteMatch {
    const segments = decodeSegments(path);
    const allowed: HttpMethod[] = [];
    for (const compiled of this.#routes) {
      const params = matchSegments(compiled.segments, segments);
      if (!params) continue;
      if (compiled.route.method === method) return { kind: 'found', route: compiled.route, params };
      if (!allowed.includes(compiled.route.method)) allowed.push(compiled.route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'not-found' };
  }

  routes(): readonly Route[] {
    return this.#routes.map((compiled) => compiled.route);
  }
}

function compile(path: string): Segment[] {
  if (!path.startsWith('/')) throw new Error(`route path must start with "/": ${path}`);
  return path.slice(1).split('/').map((segment) => {
    const param = PARAM.exec(segment);
    if (param?.[1]) return { param: param[1] };
    if (segment.includes('{') || segment.includes('}')) throw new Error(`a {param} must fill a whole segment: ${path}`);
    return { literal: segment };
  });
}

function decodeSegments(path: string): string[] {
  try {
    return path.slice(1).split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    throw apiErrors.badPathEncoding(path);
  }
}

function matchSegments(pattern: readonly Segment[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of pattern.entries()) {
    const value = segments[i] ?? '';
    if ('literal' in segment) {
      if (segment.literal !== value) return undefined;
    } else {
      if (value.length === 0) return undefined;
      params[segment.param] = value;
    }
  }
  return params;
}
