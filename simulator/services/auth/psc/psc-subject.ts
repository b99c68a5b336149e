// Who a simulated Pro Santé Connect token is for, and the claims that say so (decisions,
// REG-AUTH-02; the real PSC puts the national identifier idNat_PS in `preferred_username`
// and `SubjectNameID`):
// - a professional with an idNat (RPPS/ADELI), logging in with the idNat or the id of a persona
//   that has one: a *person* token; which mailboxes it may use is decided at each use from the
//   current fixtures (mailbox-entitlement.ts);
// - a persona without idNat (e.g. Sophie, medical secretary, using her service's ORG mailbox),
//   or the `urn:simulateur:mailbox` grant: a *mailbox-bound* token (`mss_mailbox`) valid for
//   that one mailbox only;
// - APP mailboxes never get a token: they authenticate with a client certificate (SC.MSS/CONF.12).
import { addressKey } from '../../../domain/address-key.ts';
import type { Mailbox, Practitioner } from '../../../domain/model.ts';
import type { TrustSpaceView } from '../../../domain/trust-space-view.ts';

export type PscSubject =
  | { readonly kind: 'practitioner'; readonly idNat: string; readonly givenName: string; readonly familyName: string; readonly organisationIds: readonly string[] }
  | { readonly kind: 'mailbox'; readonly mailbox: string; readonly login: string; readonly name: string; readonly practitioner?: Practitioner };

export type SubjectRefusal = 'unknown-user' | 'unknown-mailbox' | 'app-mailbox';

export type SubjectLookup = { readonly ok: true; readonly subject: PscSubject } | { readonly ok: false; readonly refusal: SubjectRefusal };

/** Identity claims of an access token (the other claims are added by createPsc). */
export interface SubjectClaims {
  readonly sub: string;
  readonly preferred_username: string;
  readonly name: string;
  readonly given_name?: string;
  readonly family_name?: string;
  /** idNat_PS of the professional, as in PSC's userinfo. */
  readonly SubjectNameID?: string;
  /** Organisations the professional works in (informative: entitlement reads the fixtures). */
  readonly mss_organisations?: readonly string[];
  /** The one mailbox a mailbox-bound token may use. */
  readonly mss_mailbox?: string;
}

/** `password` grant: `username` is an idNat or a professional persona's id. */
export function subjectForLogin(username: string, view: TrustSpaceView): SubjectLookup {
  const practitioner = view.practitioner(username);
  if (practitioner) return { ok: true, subject: practitionerSubject(practitioner, username) };
  const persona = view.data.personas.find((p) => p.kind === 'professional' && p.id === username.toLowerCase());
  if (!persona || persona.kind !== 'professional') return { ok: false, refusal: 'unknown-user' };
  const person = persona.idNat !== undefined ? view.practitioner(persona.idNat) : undefined;
  if (person && persona.idNat !== undefined) return { ok: true, subject: practitionerSubject(person, persona.idNat) };
  const mailbox = view.mailbox(persona.mailbox);
  if (!mailbox) return { ok: false, refusal: 'unknown-mailbox' };
  if (mailbox.type === 'APP') return { ok: false, refusal: 'app-mailbox' };
  return { ok: true, subject: { kind: 'mailbox', mailbox: mailbox.address, login: persona.id, name: persona.name } };
}

/** `urn:simulateur:mailbox` grant and POST /api/tokens: a token bound to the mailbox. */
export function subjectForMailbox(address: string, view: TrustSpaceView): SubjectLookup {
  const mailbox = view.mailbox(address);
  if (!mailbox) return { ok: false, refusal: 'unknown-mailbox' };
  if (mailbox.type === 'APP') return { ok: false, refusal: 'app-mailbox' };
  const practitioner = ownerOf(mailbox, view);
  const subject: PscSubject = { kind: 'mailbox', mailbox: mailbox.address, login: mailbox.address, name: practitioner ? fullName(practitioner) : mailbox.displayName };
  return { ok: true, subject: practitioner ? { ...subject, practitioner } : subject };
}

export function subjectClaims(subject: PscSubject): SubjectClaims {
  if (subject.kind === 'practitioner') {
    return {
      sub: subject.idNat,
      preferred_username: subject.idNat,
      name: `${subject.givenName} ${subject.familyName}`,
      given_name: subject.givenName,
      family_name: subject.familyName,
      SubjectNameID: subject.idNat,
      mss_organisations: subject.organisationIds,
    };
  }
  const person = subject.practitioner;
  return {
    sub: `bal:${addressKey(subject.mailbox)}`,
    preferred_username: subject.login,
    name: subject.name,
    ...(person ? { given_name: person.firstName, family_name: person.lastName } : {}),
    ...(person?.idNat !== undefined ? { SubjectNameID: person.idNat } : {}),
    mss_mailbox: subject.mailbox,
  };
}

function practitionerSubject(practitioner: Practitioner, idNat: string): PscSubject {
  return { kind: 'practitioner', idNat, givenName: practitioner.firstName, familyName: practitioner.lastName, organisationIds: practitioner.organisationIds };
}

function ownerOf(mailbox: Mailbox, view: TrustSpaceView): Practitioner | undefined {
  return mailbox.owner.kind === 'practitioner' ? view.practitioner(mailbox.owner.idNat) : undefined;
}

function fullName(practitioner: Practitioner): string {
  return `${practitioner.firstName} ${practitioner.lastName}`;
}
