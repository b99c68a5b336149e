// One DirectoryIndex per trust-space view (WeakMap: a view dropped by the trust space frees its
// index). The stamp of a new index is the clock at build time; the previous index lends the
// lastUpdated of records that did not change.
import type { TrustSpaceView } from '../../domain/trust-space-view.ts';
import { buildDirectoryIndex, type DirectoryIndex } from './directory-index.ts';

export class DirectoryIndexCache {
  readonly #now: () => Date;
  readonly #indexes = new WeakMap<TrustSpaceView, DirectoryIndex>();
  #last: DirectoryIndex | undefined;

  constructor(now: () => Date) {
    this.#now = now;
  }

  of(view: TrustSpaceView): DirectoryIndex {
    let index = this.#indexes.get(view);
    if (!index) {
      index = buildDirectoryIndex(view, this.#now().toISOString(), this.#last);
      this.#indexes.set(view, index);
      this.#last = index;
    }
    return index;
  }
}
