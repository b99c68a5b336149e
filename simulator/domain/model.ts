// The trust-space data model: plain, immutable data shared by every part of the simulator.
// Loaded from fixtures (simulator/services/fixture-loading), read by the pure rules (simulator/domain) and the
// adapters. No behaviour here. Rules and sources: features/regles.md.

/** Mailbox types of the Annuaire Santé (TRE_R257-TypeBAL), REG-ANN-03. */
export type MailboxType = 'PER' | 'ORG' | 'APP' | 'CAB';

/** State of a Mon espace santé profile, REG-MES-01. `none`: well-formed INS, no profile at all. */
export type PatientProfileState = 'active' | 'opposed' | 'closed' | 'none';

export interface OperatorServer {
  /** SMTP host name of one operator server, e.g. `smtp-1.operateur-a.test`. */
  readonly host: string;
  /** Subject DN of that server's certificate, as in the liste blanche (REG-LB-01). */
  readonly certificateDn: string;
}

export interface OperatorDomain {
  readonly name: string;
  readonly description: string;
  /** Listed in the liste blanche. A domain of a simulated operator may be absent from it. */
  readonly whitelisted: boolean;
}

export interface Operator {
  readonly id: string;
  readonly name: string;
  readonly responsibleContact: string;
  readonly supportContact: string;
  readonly servers: readonly OperatorServer[];
  readonly domains: readonly OperatorDomain[];
}

/** One `Domaine` entry of the liste blanche: one per (domain, operator server certificate). */
export interface WhitelistEntry {
  readonly domain: string;
  readonly description: string;
  readonly operatorId: string;
  readonly certificateDn: string;
  readonly responsibleContact: string;
  readonly supportContact: string;
  readonly updatedAt: string;
}

/** National identifier kinds of a practitioner (idNat_PS), REG-ANN-07. */
export type PractitionerIdKind = 'RPPS' | 'ADELI';

export interface Practitioner {
  /** idNat_PS: `8` + 11-digit RPPS or `0` + 9-digit ADELI. Absent for professions outside RPPS/ADELI. */
  readonly idNat?: string;
  readonly civility: string;
  readonly firstName: string;
  readonly lastName: string;
  /** Profession code (TRE_G15 for health professions, project code otherwise). */
  readonly professionCode: string;
  readonly professionLabel: string;
  /** Organisation ids where this practitioner works. */
  readonly organisationIds: readonly string[];
}

export type OrganisationKind = 'pharmacy' | 'hospital' | 'cpts' | 'practice' | 'laboratory' | 'other';

export interface PostalAddress {
  readonly line: string;
  readonly postalCode: string;
  readonly city: string;
}

export interface Organisation {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  /** FINESS (9 characters) for establishments such as pharmacies and hospitals. */
  readonly finess?: string;
  readonly siret?: string;
  /** Secteur d'activité (TRE_R02), e.g. SA33 for an officine, REG-ANN-09. */
  readonly activitySector: string;
  readonly address: PostalAddress;
}

export type MailboxOwner =
  | { readonly kind: 'practitioner'; readonly idNat: string }
  | { readonly kind: 'organisation'; readonly organisationId: string };

export interface Mailbox {
  readonly address: string;
  readonly type: MailboxType;
  readonly owner: MailboxOwner;
  readonly displayName: string;
  readonly description: string;
  readonly service?: string;
  /** Liste rouge: never published in the directory (REG-ANN-05). */
  readonly redListed: boolean;
  /** Test credentials for AUTH PLAIN/LOGIN. Synthetic, published in the README. */
  readonly password: string;
}

export type Sex = 'F' | 'M';

export interface PatientIdentity {
  readonly birthName: string;
  readonly firstName: string;
  /** ISO date, YYYY-MM-DD. */
  readonly birthDate: string;
  readonly sex: Sex;
  /** Identity status: only a qualified INS may be used to address a patient (MSS/va1.19). */
  readonly qualified: boolean;
}

export interface Patient {
  /** Matricule INS, 15 characters (13 + key). */
  readonly ins: string;
  /** OID of the matricule: INS-NIR-TEST `1.2.250.1.213.1.4.10` for synthetic data. */
  readonly oid: string;
  readonly identity: PatientIdentity;
  readonly profile: PatientProfileState;
  /** Organisation ids of the pharmacies this patient frequented (REG-MES-03 (b)). */
  readonly frequentedPharmacyIds: readonly string[];
  /** Documents already in the patient's profile (prescriptions, results), synthetic; absent means none. */
  readonly documents?: readonly PatientDocument[];
}

export type PatientDocumentKind = 'prescription' | 'result' | 'report' | 'other';

/** A synthetic document of a patient's profile: rendered as a small PDF (`.pdf`) or UTF-8 text (`.txt`). */
export interface PatientDocument {
  /** Unique within the patient, e.g. `ordonnance-2026-11-28`. */
  readonly id: string;
  readonly kind: PatientDocumentKind;
  readonly title: string;
  /** ISO date, YYYY-MM-DD. */
  readonly date: string;
  readonly author: string;
  readonly fileName: string;
  /** The document's text, one entry per line. */
  readonly lines: readonly string[];
}

/** A named role used by scenarios and demos (personas). */
export type Persona =
  | {
      readonly id: string;
      readonly kind: 'professional';
      readonly name: string;
      readonly role: string;
      readonly mailbox: string;
      readonly idNat?: string;
      readonly organisationId?: string;
    }
  | { readonly id: string; readonly kind: 'patient'; readonly name: string; readonly role: string; readonly ins: string }
  | { readonly id: string; readonly kind: 'address'; readonly name: string; readonly role: string; readonly address: string };

/** The whole trust space as loaded from one fixture folder. */
export interface TrustSpaceData {
  readonly operators: readonly Operator[];
  readonly practitioners: readonly Practitioner[];
  readonly organisations: readonly Organisation[];
  readonly mailboxes: readonly Mailbox[];
  readonly patients: readonly Patient[];
  readonly personas: readonly Persona[];
}

/** The patient domain of Mon espace santé, REG-ADR-01. */
export const PATIENT_DOMAIN = 'patient.mssante.fr';
/** The real auto-reply test mailbox of the patient domain, REG-MES-06. */
export const AUTO_REPLY_ADDRESS = `reponse.automatique-test@${PATIENT_DOMAIN}`;
/** Largest message Mon espace santé accepts: 25 Mo (REG-ANR-04); decision: 25 × 2^20 bytes. */
export const PATIENT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
