// The trust space as it stands: operators, liste blanche, mailboxes, patients, personas, settings.
import { json } from '../http-response.ts';
import type { Route } from '../route.ts';
import { trustSpaceSnapshot } from '../trust-space-snapshot.ts';
import type { ControlApiDeps } from './control-api-deps.ts';

export function trustSpaceRoutes({ space }: ControlApiDeps): Route[] {
  return [{ method: 'GET', path: '/api/trust-space', handler: () => json(trustSpaceSnapshot(space.view(), space.settings)) }];
}
