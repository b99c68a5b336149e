// Changes of the running trust space made through the control API (REG-LB-03, REG-ANN-06): add or remove a
// mailbox, put a domain in or out of the liste blanche. Pure: new data in, new data out; the
// trust space then builds a new view, so SMTP routing, the FHIR API, the extraction file and
// the liste blanche all change together. A new mailbox passes the same checks as the fixtures
// (simulator/services/fixture-loading/mailbox-checks.ts); problems come back all at once, in French.
import { addressKey, domainKey } from '../../domain/address-key.ts';
import { checkAddress } from '../../domain/mss-address.ts';
import type { Mailbox, TrustSpaceData } from '../../domain/model.ts';
import { indexFixtures } from '../fixture-loading/fixture-index.ts';
import { mailboxProblems } from '../fixture-loading/mailbox-checks.ts';
import { quoted } from '../../validation/quoted-value.ts';
import { TrustSpaceChangeError, type ChangeProblem } from './trust-space-change-error.ts';

export type TrustSpaceChange =
  | { readonly kind: 'add-mailbox'; readonly mailbox: Mailbox }
  | { readonly kind: 'remove-mailbox'; readonly address: string }
  | { readonly kind: 'set-domain-whitelisted'; readonly domain: string; readonly whitelisted: boolean };

export function applyChange(data: TrustSpaceData, change: TrustSpaceChange): TrustSpaceData {
  switch (change.kind) {
    case 'add-mailbox':
      return addMailbox(data, change.mailbox);
    case 'remove-mailbox':
      return removeMailbox(data, change.address);
    case 'set-domain-whitelisted':
      return setDomainWhitelisted(data, change.domain, change.whitelisted);
  }
}

function addMailbox(data: TrustSpaceData, mailbox: Mailbox): TrustSpaceData {
  const address = addressKey(mailbox.address);
  if (data.mailboxes.some((m) => addressKey(m.address) === address)) {
    throw new TrustSpaceChangeError('MSS_SIM_CHANGE_DUPLICATE_ADDRESS', `La boîte ${quoted(mailbox.address)} existe déjà : supprimez-la d'abord ou choisissez une autre adresse.`);
  }
  const syntax = checkAddress(mailbox.address);
  const problems: ChangeProblem[] = syntax.valid ? [] : [{ path: '/address', message: `${quoted(mailbox.address)} n'est pas une adresse de messagerie (${syntax.problem})`, fix: 'donnez une adresse nue, par exemple prenom.nom@domaine.mssante.fr' }];
  if (syntax.valid) {
    const prefix = '/mailboxes/0';
    for (const problem of mailboxProblems([mailbox], indexFixtures(data))) {
      problems.push({ path: problem.path.startsWith(prefix) ? problem.path.slice(prefix.length) : problem.path, message: problem.message, fix: problem.fix });
    }
  }
  if (problems.length > 0) {
    throw new TrustSpaceChangeError('MSS_SIM_CHANGE_INVALID_MAILBOX', `Boîte ${quoted(mailbox.address)} refusée : ${problems.length} problème${problems.length > 1 ? 's' : ''}.`, problems);
  }
  return { ...data, mailboxes: [...data.mailboxes, mailbox] };
}

function removeMailbox(data: TrustSpaceData, address: string): TrustSpaceData {
  const key = addressKey(address);
  const mailboxes = data.mailboxes.filter((m) => addressKey(m.address) !== key);
  if (mailboxes.length === data.mailboxes.length) {
    throw new TrustSpaceChangeError('MSS_SIM_CHANGE_UNKNOWN_MAILBOX', `Aucune boîte ${quoted(address)} dans l'espace de confiance simulé : la liste est dans GET /api/trust-space.`);
  }
  return { ...data, mailboxes };
}

function setDomainWhitelisted(data: TrustSpaceData, domain: string, whitelisted: boolean): TrustSpaceData {
  const key = domainKey(domain);
  if (!data.operators.some((o) => o.domains.some((d) => domainKey(d.name) === key))) {
    throw new TrustSpaceChangeError('MSS_SIM_CHANGE_UNKNOWN_DOMAIN', `Aucun opérateur simulé n'héberge le domaine ${quoted(domain)} : les domaines sont dans GET /api/trust-space (operators).`);
  }
  const operators = data.operators.map((operator) =>
    operator.domains.some((d) => domainKey(d.name) === key)
      ? { ...operator, domains: operator.domains.map((d) => (domainKey(d.name) === key ? { ...d, whitelisted } : d)) }
      : operator,
  );
  return { ...data, operators };
}
