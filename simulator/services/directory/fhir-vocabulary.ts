// URLs and codes of the Annuaire Santé FHIR API v2 the simulator emits and accepts
// (REG-ANN-01, REG-ANN-03, REG-ANN-07). One place, so that resources, search and schemas agree.

/** Path of the API under the server's origin, like `https://gateway.api.esante.gouv.fr/fhir/v2` (REG-ANN-01). */
export const FHIR_BASE_PATH = '/fhir/v2';
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
export const FHIR_VERSION = '4.0.1';

export const RESOURCE_TYPES = ['Practitioner', 'PractitionerRole', 'Organization'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export function isResourceType(text: string): text is ResourceType {
  return (RESOURCE_TYPES as readonly string[]).includes(text);
}

export const EXTENSION = {
  /** ContactPoint e-mail type, TRE_R256 `MSSANTE` for an MSSanté mailbox (REG-ANN-03). */
  emailType: 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type',
  /** Mailbox metadata: type, description, service, listeRouge, digitization (REG-ANN-03). */
  mailboxMetadata: 'https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata',
} as const;

export const SYSTEM = {
  /** idNat_PS: `8` + RPPS or `0` + ADELI (REG-ANN-07). */
  idNatPs: 'urn:oid:1.2.250.1.71.4.2.1',
  /** idNat_Struct: `1` + FINESS, `3` + SIRET (TRE_G07 prefix; decision, REG-ANN-07). */
  idNatStruct: 'urn:oid:1.2.250.1.71.4.2.2',
  rpps: 'https://rpps.esante.gouv.fr',
  adeli: 'https://adeli.esante.gouv.fr',
  finess: 'https://finess.esante.gouv.fr',
  siret: 'https://sirene.fr',
  identifierType: 'https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203',
  messagingType: 'https://mos.esante.gouv.fr/NOS/TRE_R256-TypeMessagerie/FHIR/TRE-R256-TypeMessagerie',
  mailboxType: 'https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL',
  activitySector: 'https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite',
  profession: 'https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante',
  professionCategory: 'https://mos.esante.gouv.fr/NOS/TRE_R09-CategorieProfessionnelle/FHIR/TRE-R09-CategorieProfessionnelle',
  subsetted: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  /** The simulator's own code system for the stable codes of its OperationOutcomes. */
  simulatorErrors: 'https://mssante-simulateur.example/fhir/CodeSystem/erreurs-annuaire',
} as const;

/** Secteurs d'activité of pharmacies (officine, mutualiste, minière, PUI), REG-ANN-09. */
export const PHARMACY_SECTORS: readonly string[] = ['SA33', 'SA38', 'SA39', 'SA65'];

/** Catégorie professionnelle (TRE_R09): every simulated practitioner is a civilian. */
export const CIVIL_CATEGORY = { code: 'C', label: 'Civil' } as const;
