// What a client needs to reach the running trust space: endpoints, CA certificate, Pro Santé
// Connect, Annuaire Santé, demo mailboxes with their test credentials. Written as JSON by
// `--endpoints-file` and printed as a French banner by `start`.
import { PATIENT_DOMAIN } from '../domain/model.ts';
import { patientAddressOf } from '../domain/patient-address.ts';
import { PSC_REALM_PATH, PSC_TEST_PASSWORD } from '../services/auth/psc/psc-constants.ts';
import { DEFAULT_DIRECTORY_API_KEY } from '../services/directory/create-directory-service.ts';
import type { TrustSpace } from '../trust-space/trust-space.ts';

type Address = { host: string; port: number; tls: string };

export interface EndpointsSummary {
  readonly submission: Address & { auth: string[] };
  readonly peer: Address;
  readonly imap: Address;
  readonly imaps: Address;
  readonly controlApi: { baseUrl: string; openapi: string };
  readonly proSanteConnect: { discovery: string; testPassword: string };
  readonly directory: { fhirBaseUrl: string; apiKey: string; whitelist: string; extraction: string; autoconfig: string };
  readonly caCertificate: { path: string; url: string };
  readonly patientDomain: string;
  readonly strictRecipients: boolean;
  readonly demoMailboxes: { persona: string; role: string; address: string; type: string; password: string }[];
  readonly patients: { persona: string; address: string; profile: string; qualified: boolean }[];
}

export function endpointsSummary(space: TrustSpace, directoryApiKey = DEFAULT_DIRECTORY_API_KEY): EndpointsSummary {
  const { submission, peer, imap, imaps, http } = space.endpoints;
  const view = space.view();
  const demoMailboxes = view.data.personas.flatMap((persona) => {
    if (persona.kind !== 'professional') return [];
    const mailbox = view.mailbox(persona.mailbox);
    return mailbox ? [{ persona: persona.name, role: persona.role, address: mailbox.address, type: mailbox.type, password: mailbox.password }] : [];
  });
  const patients = view.data.personas.flatMap((persona) => {
    if (persona.kind !== 'patient') return [];
    const patient = view.patient(persona.ins);
    return patient ? [{ persona: persona.name, address: patientAddressOf(patient.ins), profile: patient.profile, qualified: patient.identity.qualified }] : [];
  });
  return {
    submission: { ...submission, auth: space.settings.passwordAuth ? ['PLAIN', 'LOGIN', 'XOAUTH2'] : ['XOAUTH2'] },
    peer,
    imap,
    imaps,
    controlApi: { baseUrl: `${http.baseUrl}/api`, openapi: `${http.baseUrl}/api/openapi.json` },
    proSanteConnect: { discovery: `${http.baseUrl}${PSC_REALM_PATH}/.well-known/openid-configuration`, testPassword: PSC_TEST_PASSWORD },
    directory: {
      fhirBaseUrl: `${http.baseUrl}/fhir/v2`,
      apiKey: directoryApiKey,
      whitelist: `${http.baseUrl}/listeblanchemssante.xml`,
      extraction: `${http.baseUrl}/annuaire-sante-webservices/V300/services/extraction/Extraction_Correspondance_MSSante`,
      autoconfig: `${http.baseUrl}/mail/config-v1.1.xml?emailaddress=<adresse>`,
    },
    caCertificate: { path: space.caCertPath, url: `${http.baseUrl}/ca.crt` },
    patientDomain: PATIENT_DOMAIN,
    strictRecipients: space.settings.strictRecipients,
    demoMailboxes,
    patients,
  };
}

const PROFILE_LABELS: Readonly<Record<string, string>> = { active: 'active', opposed: 'opposition', closed: 'clôturée', none: 'aucun profil' };

export function banner(summary: EndpointsSummary): string {
  // An IPv6 address in brackets before its port (RFC 3986 §3.2.2), as clients write it.
  const at = (a: Address) => `${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`.padEnd(22);
  // Columns as wide as their longest entry, so that a long name never pushes its row out of line.
  const mailboxName = Math.max(0, ...summary.demoMailboxes.map((m) => m.persona.length));
  const mailboxAddress = Math.max(0, ...summary.demoMailboxes.map((m) => m.address.length));
  const patientName = Math.max(0, ...summary.patients.map((p) => p.persona.length));
  const lines = [
    "Simulateur de l'espace de confiance MSSanté — prêt",
    '',
    `  SMTP soumission (clients)   ${at(summary.submission)}STARTTLS obligatoire, AUTH ${summary.submission.auth.join(' / ')}`,
    `  SMTP entre opérateurs       ${at(summary.peer)}sans AUTH, STARTTLS facultatif (mode test)`,
    `  IMAP                        ${at(summary.imap)}STARTTLS obligatoire`,
    `  IMAPS                       ${at(summary.imaps)}TLS implicite`,
    `  Interface web               ${summary.controlApi.baseUrl.replace(/\/api$/, '')}/  (flux en direct, démonstrations, console du banc)`,
    `  API de contrôle             ${summary.controlApi.baseUrl}  (OpenAPI : ${summary.controlApi.openapi})`,
    `  Pro Santé Connect simulé    ${summary.proSanteConnect.discovery}  (mot de passe de test : ${summary.proSanteConnect.testPassword})`,
    `  Annuaire Santé (FHIR)       ${summary.directory.fhirBaseUrl}  (en-tête ESANTE-API-KEY: ${summary.directory.apiKey})`,
    `  Liste blanche               ${summary.directory.whitelist}`,
    `  Certificat de l'AC de test  ${summary.caCertificate.path}  (téléchargeable : ${summary.caCertificate.url})`,
    `  Non-remise                  ${summary.strictRecipients ? 'mode strict : refus dès RCPT' : 'avis de non-remise asynchrone (par défaut)'}`,
    '',
    '  Boîtes de démonstration (identifiants de test) :',
    ...summary.demoMailboxes.map((m) => `    ${m.persona.padEnd(mailboxName)}  ${m.type.padEnd(3)}  ${m.address.padEnd(mailboxAddress)}  mot de passe : ${m.password}`),
    '',
    '  Patients (Mon espace santé) :',
    ...summary.patients.map((p) => `    ${p.persona.padEnd(patientName)}  ${p.address}  profil : ${PROFILE_LABELS[p.profile] ?? p.profile}${p.qualified ? '' : ', identité non qualifiée'}`),
    '',
    'Ctrl+C pour arrêter proprement.',
  ];
  return lines.join('\n');
}
