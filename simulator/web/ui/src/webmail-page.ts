// Entry point of /messagerie: the professional webmail of the mailbox named by `?bal=` (a
// person's mailbox: PER, CAB or ORG; `&auth=password` logs in with AUTH PLAIN instead of Pro Santé
// Connect), else the list of mailboxes to choose from (applicative ones excepted: software
// with a client certificate, not people). Refreshed when mail is routed.
import { errorMessage, getJson } from './api.ts';
import { onTrustSpaceChange, pageParameter, startAppPage } from './app-shell.ts';
import { byId, el, replace } from './dom.ts';
import type { TrustSpaceSnapshot } from './types.ts';
import { WebmailApp } from './webmail/webmail-app.ts';

async function main(): Promise<void> {
  await startAppPage();
  const root = byId('app-webmail');
  const address = pageParameter('bal');
  if (!address) {
    await chooseMailbox(root);
    return;
  }
  const app = new WebmailApp(root, address, pageParameter('auth') === 'password' ? 'password' : 'oauth2');
  onTrustSpaceChange(() => app.refresh()); // before loading: no change between the two is missed
  await app.load();
}

async function chooseMailbox(root: HTMLElement): Promise<void> {
  try {
    const space = await getJson<TrustSpaceSnapshot>('/api/trust-space');
    replace(root, el('main', { className: 'mes-screen' }, el('h1', { text: 'Messagerie MSSanté (simulée) : choisir une boîte' }),
      el('ul', {}, ...space.mailboxes.filter((m) => m.type !== 'APP').map((m) => el('li', {}, el('a', { text: `${m.displayName} (${m.type})`, attrs: { href: `/messagerie?bal=${encodeURIComponent(m.address)}` } }), el('span', { className: 'technical', text: ` ${m.address}` }))))));
  } catch (error) {
    replace(root, el('p', { text: errorMessage(error) }));
  }
}

void main();
