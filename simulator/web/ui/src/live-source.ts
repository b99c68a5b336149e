// The live feed's EventSource, kept open. The browser reconnects by itself after a dropped
// connection, but not after a refusal (an HTTP error, e.g. 503 when too many feeds are open, or
// a restart answered before the routes are up): the source is then closed for good, and the page
// would stay without live updates. Here a closed source is replaced after a pause (5 s, doubling
// up to a minute), with the same listeners.

const FIRST_PAUSE_MS = 5000;
const LONGEST_PAUSE_MS = 60_000;

/** Opens `/api/events`, `attach` registering the listeners on each source made. */
export function keepLiveSource(attach: (source: EventSource) => void): void {
  let pause = FIRST_PAUSE_MS;
  const open = () => {
    const source = new EventSource('/api/events');
    attach(source);
    source.addEventListener('open', () => (pause = FIRST_PAUSE_MS));
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) return; // the browser is on it
      setTimeout(open, pause);
      pause = Math.min(2 * pause, LONGEST_PAUSE_MS);
    });
  };
  open();
}
