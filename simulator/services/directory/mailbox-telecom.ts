// A published MSSanté mailbox as a FHIR ContactPoint (REG-ANN-03): `system = email`, the
// address, the fr-core e-mail type extension (TRE_R256 `MSSANTE`) and the Annuaire's mailbox
// metadata extension (type TRE_R257, description, service, digitization, listeRouge). Only
// published mailboxes get here (published-mailbox.ts): `listeRouge` is therefore always false.
import type { Mailbox } from '../../domain/model.ts';
import { EXTENSION, SYSTEM } from './fhir-vocabulary.ts';

export interface Extension {
  readonly url: string;
  readonly valueCoding?: { readonly system: string; readonly code: string };
  readonly valueCodeableConcept?: { readonly coding: readonly { readonly system: string; readonly code: string }[] };
  readonly valueString?: string;
  readonly valueBoolean?: boolean;
  readonly extension?: readonly Extension[];
}

export interface ContactPoint {
  readonly extension: readonly Extension[];
  readonly system: 'email';
  readonly value: string;
  readonly rank?: number;
}

/** Decision: the fixtures say nothing of dématérialisation; every mailbox is published `false`. */
export const DIGITIZATION = false;

// Constant parts, shared by every telecom (read-only).
const EMAIL_TYPE: Extension = Object.freeze({ url: EXTENSION.emailType, valueCoding: Object.freeze({ system: SYSTEM.messagingType, code: 'MSSANTE' }) });
const TYPES = new Map(['PER', 'ORG', 'APP', 'CAB'].map((code) => [code, Object.freeze({ url: 'type', valueCodeableConcept: Object.freeze({ coding: Object.freeze([Object.freeze({ system: SYSTEM.mailboxType, code })]) }) })]));
const NOT_RED_LISTED_TAIL: readonly Extension[] = [Object.freeze({ url: 'digitization', valueBoolean: DIGITIZATION }), Object.freeze({ url: 'listeRouge', valueBoolean: false })];

/** `preferred`: rank 1, the carrier's first MSSanté mailbox. */
export function mailboxTelecom(mailbox: Mailbox, preferred: boolean): ContactPoint {
  const metadata: Extension[] = [TYPES.get(mailbox.type) ?? { url: 'type', valueCodeableConcept: { coding: [{ system: SYSTEM.mailboxType, code: mailbox.type }] } }];
  if (mailbox.description !== '') metadata.push({ url: 'description', valueString: mailbox.description });
  if (mailbox.service !== undefined) metadata.push({ url: 'service', valueString: mailbox.service });
  metadata.push(...NOT_RED_LISTED_TAIL);
  const extension = [EMAIL_TYPE, { url: EXTENSION.mailboxMetadata, extension: metadata }];
  return preferred ? { extension, system: 'email', value: mailbox.address, rank: 1 } : { extension, system: 'email', value: mailbox.address };
}

export function mailboxTelecoms(mailboxes: readonly Mailbox[]): ContactPoint[] {
  return mailboxes.map((mailbox, i) => mailboxTelecom(mailbox, i === 0));
}
