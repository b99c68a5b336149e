// What the app pages (Mon espace santé, webmail, side by side) share: the design system's theme,
// the access token from the address (`#jeton=…`) traded for the read cookie, and a refresh when
// the trust space changes (a message routed, a reset), debounced, through the live feed.
import { applyStoredTheme } from '../design/theme.ts';
import { errorMessage, initialToken, openReadSession, setToken } from './api.ts';
import { keepLiveSource } from './live-source.ts';

export async function startAppPage(): Promise<void> {
  applyStoredTheme();
  setToken(initialToken());
  await openReadSession().catch((error: unknown) => console.error(errorMessage(error)));
}

export interface TrustSpaceChangeOptions {
  /** Each flow entry, as the live feed sends it (JSON text). */
  readonly onFlow?: (data: string) => void;
  /** A reset of the trust space. */
  readonly onReset?: () => void;
  /** The feed back after a cut: what happened meanwhile came as no event (`refresh` follows too). */
  readonly onReconnect?: () => void;
  readonly delayMs?: number;
}

/**
 * Calls `refresh` shortly after every routed message or reset, and after the feed comes back from
 * a cut; `<body data-live="connected">` while the live feed is connected. The feed is kept open
 * (live-source.ts).
 */
export function onTrustSpaceChange(refresh: () => void, options: TrustSpaceChangeOptions = {}): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, options.delayMs ?? 250);
  };
  keepLiveSource((source) => {
    for (const name of ['flow', 'reset', 'patient']) source.addEventListener(name, later);
    const { onFlow, onReset } = options;
    if (onFlow) source.addEventListener('flow', (event) => onFlow((event as MessageEvent<string>).data));
    if (onReset) source.addEventListener('reset', () => onReset());
    source.addEventListener('open', () => {
      // Back after a cut: what changed meanwhile came as no event.
      if (document.body.dataset['live'] === 'reconnecting') {
        options.onReconnect?.();
        later();
      }
      document.body.dataset['live'] = 'connected';
    });
    source.addEventListener('error', () => (document.body.dataset['live'] = source.readyState === EventSource.OPEN ? 'connected' : 'reconnecting'));
  });
}

/** `?name=value` of the page's address. */
export function pageParameter(name: string): string {
  return new URLSearchParams(location.search).get(name)?.trim() ?? '';
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return year && month && day ? `${day}/${month}/${year}` : isoDate;
}

export function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} o` : `${(bytes / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Ko`;
}
