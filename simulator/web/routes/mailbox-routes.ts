// What a mailbox holds. Any syntactically valid address may be asked for: mail is stored for
// addresses outside the fixtures too (e.g. a peer operator's sender receiving a bounce).
// `?offset=&limit=` pages the list (list-window.ts).
import { checkAddress } from '../../domain/mss-address.ts';
import type { StoredMessage } from '../../services/store/stored-message.ts';
import { apiErrors } from '../api-errors.ts';
import { json } from '../http-response.ts';
import { messageSummary } from '../message-views.ts';
import type { Route } from '../route.ts';
import { pathParam, type ControlApiDeps } from './control-api-deps.ts';
import { listWindow, windowOf } from './list-window.ts';

const FOLDERS: readonly StoredMessage['folder'][] = ['INBOX', 'Sent'];
const KINDS: readonly StoredMessage['kind'][] = ['message', 'bounce', 'receipt'];

export function mailboxRoutes({ space }: ControlApiDeps): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/mailboxes/{address}/messages',
      handler: (context) => {
        const address = pathParam(context, 'address');
        if (!checkAddress(address).valid) throw apiErrors.invalidAddress(address);
        const folder = queryValue(context.query, 'folder', FOLDERS);
        const kind = queryValue(context.query, 'kind', KINDS);
        const window = windowOf(space.store.list(address, { ...(folder && { folder }), ...(kind && { kind }) }), listWindow(context.query));
        return json(window.items.map(messageSummary), 200, window.headers);
      },
    },
  ];
}

/** An optional enumerated query parameter; case-insensitive (`inbox` → `INBOX`), empty = absent. */
function queryValue<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const found = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (found === undefined) throw apiErrors.invalidQuery(name, value, allowed);
  return found;
}
