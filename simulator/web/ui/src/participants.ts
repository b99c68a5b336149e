// Who an address is, in plain words, for a room of pharmacists: « Louise Marchand, patiente »,
// « Pharmacie du Parc », « Dr Paul Martin, médecin », the operator's « Service de non-remise »
// instead of mailer-daemon. Built from GET /api/trust-space (personas first, then mailboxes,
// organisations and patients); the address stays available on demand. Pure: no DOM.
import { domainKey } from '../../../domain/address-key.ts';
import type { TrustSpaceSnapshot } from './types.ts';

export interface Participant {
  /** What a room reads: a person's or a place's name. */
  readonly name: string;
  /** A few words after the name: « patiente », « médecin »; absent when the name says it. */
  readonly role?: string;
  /** The bare address (empty for the null sender `<>`). */
  readonly address: string;
}

/** « name, role », or the name alone. */
export function participantLabel(participant: Participant): string {
  return participant.role ? `${participant.name}, ${participant.role}` : participant.name;
}

const REPORT_SENDERS = /^(mailer-daemon|postmaster)$/i;

export class Participants {
  readonly #byAddress = new Map<string, Participant>();
  readonly #operatorOfDomain = new Map<string, string>();

  constructor(space?: TrustSpaceSnapshot) {
    if (!space) return;
    for (const operator of space.operators) for (const domain of operator.domains) this.#operatorOfDomain.set(domainKey(domain.name), shortOperatorName(operator.name));
    const patientPersonas = new Map((space.personas ?? []).filter((p) => p.kind === 'patient' && p.ins).map((p) => [p.ins ?? '', p.name]));
    for (const patient of space.patients) {
      const name = patientPersonas.get(patient.ins) ?? `${patient.identity.firstName} ${titleCase(patient.identity.birthName)}`;
      this.#set({ name, role: patient.identity.sex === 'F' ? 'patiente' : 'patient', address: patient.address });
    }
    for (const mailbox of space.mailboxes) this.#set(this.#mailbox(space, mailbox));
    for (const persona of space.personas ?? []) {
      if (persona.kind === 'address' && persona.address) this.#set({ name: persona.name, address: persona.address });
    }
  }

  /** The participant of an address; unknown addresses are shown as they are. */
  of(address: string): Participant {
    if (!address) return { name: 'Expéditeur vide', role: 'adresse de retour <>', address: '' };
    const known = this.#byAddress.get(address.toLowerCase());
    if (known) return known;
    const at = address.lastIndexOf('@');
    const local = address.slice(0, at);
    const domain = domainKey(address.slice(at + 1));
    const operator = this.#operatorOfDomain.get(domain);
    if (at > 0 && REPORT_SENDERS.test(local)) return { name: 'Service de non-remise', ...(operator ? { role: operator } : {}), address };
    return { name: address, ...(operator ? {} : { role: 'hors espace de confiance' }), address };
  }

  /** « name, role » of an address. */
  label(address: string): string {
    return participantLabel(this.of(address));
  }

  #set(participant: Participant): void {
    this.#byAddress.set(participant.address.toLowerCase(), participant);
  }

  #mailbox(space: TrustSpaceSnapshot, mailbox: TrustSpaceSnapshot['mailboxes'][number]): Participant {
    const { owner } = mailbox;
    if (mailbox.type === 'PER' && owner.kind === 'practitioner') {
      const person = space.practitioners.find((p) => p.idNat === owner.idNat);
      return { name: mailbox.displayName, ...(person ? { role: person.professionLabel.toLowerCase() } : {}), address: mailbox.address };
    }
    if (mailbox.type === 'APP') return { name: mailbox.displayName, role: 'logiciel', address: mailbox.address };
    return { name: mailbox.displayName, address: mailbox.address };
  }
}

/** « CNAM – Mon espace santé (simulé) » → « CNAM – Mon espace santé ». */
function shortOperatorName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '').trim() || name;
}

/** « MARCHAND » → « Marchand », « SANTONI-LEGRAND » → « Santoni-Legrand ». */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
