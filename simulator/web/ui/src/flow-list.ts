// The live flow as a virtualised list (10,000 messages stay responsive): only the rows
// in view (plus a margin) exist in the DOM; entries come by pages of GET /api/flow, newest first;
// live entries are put on top without a request when no filter is set, their arrow drawn as
// they arrive. Live entries are taken together every LIVE_BATCH_MS: under a load test (hundreds
// of entries a second) the rows in view are drawn again ten times a second, not once per entry
// (drawn once per entry, 3,000 bounced messages cost the page 25 s of CPU and froze it). Entries
// are kept by a key that live entries on top do not change (position − entries put on top since
// the load), and only around the rows in view. Rows have one height, ROW_REM root em (it grows
// with the presentation theme: remeasure()). Keyboard: arrows, Page up/down, Home/End move the
// selection; Enter opens the message.
import { getJson } from './api.ts';
import { el, replace } from './dom.ts';
import { flowQuery, hasFilters } from './flow-query.ts';
import { flowRow, placeholderRow, ROW_REM, rowId, type RowNaming } from './flow-row.ts';
import type { Lanes } from './lanes.ts';
import { whenUndisturbed } from './quiet-reload.ts';
import type { FlowEntry, FlowFilters, FlowPage } from './types.ts';

const PAGE_SIZE = 100;
const OVERSCAN = 8;
/** Live entries are put on top together, at most this often. */
const LIVE_BATCH_MS = 100;
/** Entries kept around the rows in view; farther ones are read again by page when scrolled to. */
const KEPT_AROUND = 10 * PAGE_SIZE;
/** More new entries than this at once: drawn without their arriving arrow. */
const ANIMATED_AT_MOST = 20;

export interface FlowListOptions {
  readonly viewport: HTMLElement;
  readonly onOpen: (entry: FlowEntry) => void;
  readonly onCount: (total: number) => void;
  readonly onError: (error: unknown) => void;
  readonly naming: RowNaming;
}

export class FlowList {
  readonly #options: FlowListOptions;
  readonly #spacer: HTMLElement;
  readonly #rendered = new Map<number, HTMLElement>();
  #lanes: Lanes;
  /** Entries by key: position − #shift, which live entries put on top do not change. */
  #rows = new Map<number, FlowEntry>();
  /** Live entries not yet put on top, oldest first. */
  #pending: FlowEntry[] = [];
  #pendingTimer: ReturnType<typeof setTimeout> | undefined;
  #total = 0;
  #filters: FlowFilters = {};
  #generation = 0;
  /** Live entries put on top since the start: a page asked before them is shifted by the difference. */
  #shift = 0;
  readonly #loading = new Set<number>();
  #active = -1;
  #frame = 0;
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;
  #naming: RowNaming;
  #rowHeight = 0;
  /** Live entries whose row has not been drawn yet: their arrow is drawn as they arrive. */
  readonly #arriving = new Set<string>();

  constructor(lanes: Lanes, options: FlowListOptions) {
    this.#lanes = lanes;
    this.#options = options;
    this.#naming = options.naming;
    this.#spacer = el('div', { className: 'flow-spacer' });
    replace(options.viewport, this.#spacer);
    options.viewport.addEventListener('scroll', () => this.#schedule());
    options.viewport.addEventListener('keydown', (event) => this.#onKey(event));
    options.viewport.addEventListener('click', (event) => this.#onClick(event));
    new ResizeObserver(() => this.#schedule()).observe(options.viewport);
    this.#measure();
  }

  /** Height of a row in pixels (ROW_REM root em). */
  get rowHeight(): number {
    return this.#rowHeight;
  }

  /** The root font size changed (presentation theme): same first row in view, rows drawn again. */
  remeasure(): void {
    const first = this.#firstVisible();
    this.#measure();
    this.#spacer.style.height = `${this.#total * this.#rowHeight}px`;
    this.#options.viewport.scrollTop = first * this.#rowHeight;
    this.#rerender();
  }

  setNaming(naming: RowNaming): void {
    this.#naming = naming;
    this.#rerender();
  }

  #measure(): void {
    const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    this.#rowHeight = Math.round(ROW_REM * root);
    this.#options.viewport.style.setProperty('--ligne', `${this.#rowHeight}px`);
  }

  get total(): number {
    return this.#total;
  }

  setLanes(lanes: Lanes): void {
    this.#lanes = lanes;
    this.#rerender();
  }

  /** New filters: back to the top, first page fetched again. */
  async setFilters(filters: FlowFilters): Promise<void> {
    this.#filters = filters;
    this.#options.viewport.scrollTop = 0;
    this.#active = -1;
    await this.reload();
  }

  /** Forgets every loaded page and fetches what is in view. */
  async reload(): Promise<void> {
    this.#generation++;
    this.#rows.clear();
    this.#dropPending();
    this.#loading.clear();
    this.#shift = 0;
    await this.#loadPage(Math.floor(this.#firstVisible() / PAGE_SIZE));
  }

  /** A `flow` event: on top when unfiltered (with the others of the next LIVE_BATCH_MS); otherwise the server decides what matches. */
  addLive(entry: FlowEntry): void {
    if (hasFilters(this.#filters)) {
      clearTimeout(this.#reloadTimer);
      this.#reloadTimer = setTimeout(() => void this.reload().catch(this.#options.onError), 150);
      return;
    }
    this.#pending.push(entry);
    // Not while a row is pressed: the rows moving down under the pointer would open another
    // message than the one pressed, or none (quiet-reload.ts).
    this.#pendingTimer ??= setTimeout(() => whenUndisturbed(this.#options.viewport, () => this.#putPendingOnTop()), LIVE_BATCH_MS);
  }

  clear(): void {
    this.#generation++;
    this.#rows.clear();
    this.#dropPending();
    this.#active = -1;
    this.#setTotal(0);
    this.#rerender();
  }

  #entryAt(position: number): FlowEntry | undefined {
    return this.#rows.get(position - this.#shift);
  }

  #dropPending(): void {
    clearTimeout(this.#pendingTimer);
    this.#pendingTimer = undefined;
    this.#pending = [];
  }

  #putPendingOnTop(): void {
    this.#pendingTimer = undefined;
    // Not those already in a page answered after they were recorded (then among the first rows).
    const onTop = new Set(Array.from({ length: this.#pending.length + 5 }, (_, i) => this.#entryAt(i)?.id));
    const arrived = this.#pending.filter((entry) => !onTop.has(entry.id));
    this.#pending = [];
    if (arrived.length === 0) return;
    const count = arrived.length;
    this.#shift += count;
    // The newest (the last to arrive) at position 0.
    arrived.forEach((entry, i) => this.#rows.set(count - 1 - i - this.#shift, entry));
    if (this.#arriving.size > 50 || count > ANIMATED_AT_MOST) this.#arriving.clear(); // rows never drawn (scrolled away), or too many to follow
    if (count <= ANIMATED_AT_MOST) for (const entry of arrived) this.#arriving.add(entry.id);
    this.#setTotal(this.#total + count);
    const viewport = this.#options.viewport;
    if (viewport.scrollTop > 0) viewport.scrollTop += count * this.#rowHeight; // keep the rows the reader is looking at
    if (this.#active >= 0) this.#active += count;
    this.#forgetFarRows();
    this.#rerender();
  }

  /** Keeps the entries around the rows in view, so that a page left open under load stays small. */
  #forgetFarRows(): void {
    if (this.#rows.size <= 2 * KEPT_AROUND) return;
    const first = this.#firstVisible();
    for (const key of this.#rows.keys()) {
      const position = key + this.#shift;
      if (position < first - KEPT_AROUND || position > first + KEPT_AROUND) this.#rows.delete(key);
    }
  }

  #setTotal(total: number): void {
    this.#total = total;
    this.#spacer.style.height = `${total * this.#rowHeight}px`;
    this.#options.onCount(total);
  }

  async #loadPage(page: number): Promise<void> {
    if (this.#loading.has(page)) return;
    this.#loading.add(page);
    const generation = this.#generation;
    const shiftAtRequest = this.#shift;
    try {
      const answer = await getJson<FlowPage>(flowQuery(page * PAGE_SIZE, PAGE_SIZE, this.#filters));
      if (generation !== this.#generation) return;
      // Live entries received before this answer count in the shift (the answer has them).
      if (this.#pending.length > 0) this.#putPendingOnTop();
      const delta = this.#shift - shiftAtRequest;
      answer.entries.forEach((entry, i) => this.#rows.set(page * PAGE_SIZE + i - shiftAtRequest, entry));
      this.#setTotal(answer.total + delta);
      this.#rerender();
    } catch (error) {
      this.#options.onError(error);
    } finally {
      if (generation === this.#generation) this.#loading.delete(page);
    }
  }

  #schedule(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  #rerender(): void {
    for (const row of this.#rendered.values()) row.remove();
    this.#rendered.clear();
    this.#render();
  }

  #firstVisible(): number {
    return Math.floor(this.#options.viewport.scrollTop / this.#rowHeight);
  }

  #render(): void {
    const viewport = this.#options.viewport;
    const first = Math.max(0, this.#firstVisible() - OVERSCAN);
    const last = Math.min(this.#total - 1, Math.ceil((viewport.scrollTop + viewport.clientHeight) / this.#rowHeight) + OVERSCAN);
    for (const [position, row] of this.#rendered) {
      if (position < first || position > last || (row.classList.contains('placeholder') && this.#entryAt(position))) {
        row.remove();
        this.#rendered.delete(position);
      }
    }
    for (let position = first; position <= last; position++) {
      if (this.#rendered.has(position)) continue;
      const entry = this.#entryAt(position);
      if (!entry) void this.#loadPage(Math.floor(position / PAGE_SIZE));
      const arriving = entry !== undefined && this.#arriving.delete(entry.id);
      const row = entry ? flowRow(entry, this.#lanes, position, this.#naming, arriving) : placeholderRow(position);
      row.style.transform = `translateY(${position * this.#rowHeight}px)`;
      row.setAttribute('aria-selected', String(position === this.#active));
      row.setAttribute('aria-posinset', String(position + 1));
      row.setAttribute('aria-setsize', String(this.#total));
      this.#rendered.set(position, row);
      this.#spacer.appendChild(row);
    }
    if (this.#active >= 0) viewport.setAttribute('aria-activedescendant', rowId(this.#active));
    else viewport.removeAttribute('aria-activedescendant');
  }

  #onClick(event: MouseEvent): void {
    const row = (event.target as HTMLElement).closest<HTMLElement>('.flow-row');
    if (!row) return;
    const position = Number(row.getAttribute('aria-posinset')) - 1;
    this.#select(position);
    const entry = this.#entryAt(position);
    if (entry) this.#options.onOpen(entry);
  }

  #onKey(event: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.#options.viewport.clientHeight / this.#rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) this.#select(Math.max(0, this.#active + (moves[event.key] ?? 0)));
    else if (event.key === 'Home') this.#select(0);
    else if (event.key === 'End') this.#select(this.#total - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      const entry = this.#entryAt(this.#active);
      if (entry) this.#options.onOpen(entry);
    } else return;
    event.preventDefault();
  }

  #select(position: number): void {
    if (this.#total === 0) return;
    this.#active = Math.min(position, this.#total - 1);
    const viewport = this.#options.viewport;
    const top = this.#active * this.#rowHeight;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + this.#rowHeight > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = top + this.#rowHeight - viewport.clientHeight;
    for (const [index, row] of this.#rendered) row.setAttribute('aria-selected', String(index === this.#active));
    this.#render();
  }
}
