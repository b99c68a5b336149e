// What the operator presents in TLS (REG-TLS-06), read and changed at run time: a trainer or an
// out-of-process harness serves an expired certificate or a legacy TLS offer to show how a
// client reacts; POST /api/reset restores the start-time setting.
import { json } from '../http-response.ts';
import type { Route } from '../route.ts';
import type { ServerTlsSetting } from '../../trust-space/server-tls-switch.ts';
import type { ControlApiDeps } from './control-api-deps.ts';

export function serverTlsRoutes(deps: ControlApiDeps): Route[] {
  const { space } = deps;
  return [
    { method: 'GET', path: '/api/server-tls', handler: () => json(space.serverTls) },
    {
      method: 'PATCH',
      path: '/api/server-tls',
      handler: async (context) => {
        await space.setServerTls(deps.validator.parseBody<Partial<ServerTlsSetting>>(context, 'server-tls'));
        return json(space.serverTls);
      },
    },
  ];
}
