// Health, settings and reset of the running simulator.
import { json, noContent } from '../http-response.ts';
import type { Route } from '../route.ts';
import { settingsSnapshot } from '../trust-space-snapshot.ts';
import type { ControlApiDeps } from './control-api-deps.ts';

interface SettingsUpdate {
  readonly strictRecipients?: boolean;
  readonly passwordAuth?: boolean;
}

/** The endpoints are known once every listener is up; reading them earlier throws. */
function isReady(space: ControlApiDeps['space']): boolean {
  try {
    return space.endpoints.submission.port > 0;
  } catch {
    return false;
  }
}

export function adminRoutes(deps: ControlApiDeps): Route[] {
  const { space } = deps;
  return [
    // Live: the process answers. Ready: every listener (SMTP, IMAP, HTTP) is up, so a supervisor or a CI job may start.
    { method: 'GET', path: '/api/health', handler: () => json({ status: 'ok', live: true, ready: isReady(space) }) },
    {
      method: 'GET',
      path: '/api/stats',
      handler: () => json({ transmissions: space.transmissions.count(), ...space.store.counts(), connections: space.journal.connections().length, evicted: space.store.evictedCount, maxMessages: space.store.maxMessages }),
    },
    {
      method: 'POST',
      path: '/api/settled',
      // Out-of-process harnesses wait here for bounces and auto-replies already scheduled (no sleeps, REG-DEC-03).
      handler: async () => {
        await space.settled();
        return noContent();
      },
    },
    {
      method: 'PATCH',
      path: '/api/settings',
      handler: (context) => {
        const update = deps.validator.parseBody<SettingsUpdate>(context, 'settings-update');
        if (update.strictRecipients !== undefined) space.settings.strictRecipients = update.strictRecipients;
        if (update.passwordAuth !== undefined) space.settings.passwordAuth = update.passwordAuth;
        return json(settingsSnapshot(space.settings));
      },
    },
    {
      method: 'POST',
      path: '/api/reset',
      handler: () => {
        space.reset();
        return noContent();
      },
    },
  ];
}
