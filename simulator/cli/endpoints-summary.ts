// What a client needs to reach the running trust space: endpoints, CA certificate, demo
// mailboxes with their test credentials. Written as JSON by `--endpoints-file` and printed as
// a French banner by `start` (issue 2, CLI).
import type { TrustSpace } from '../trust-space/trust-space.ts';

export interface EndpointsSummary {
  readonly submission: { host: string; port: number; tls: string; auth: string[] };
  readonly peer: { host: string; port: number; tls: string };
  readonly controlApi: { baseUrl: string; openapi: string };
  readonly caCertificate: { path: string; url: string };
  readonly patientDomain: string;
  readonly strictRecipients: boolean;
  readonly demoMailboxes: { persona: string; role: string; address: string; type: string; password: string }[];
  readonly patients: { persona: string; address: string; profile: string; qualified: boolean }[];
}

export function endpointsSummary(space: TrustSpace): EndpointsSummary {
  const { submission, peer, http } = space.endpoints;
  const view = space.view();
  const demoMailboxes = view.data.personas.flatMap((persona) => {
    if (persona.kind !== 'professional') return [];
    const mailbox = view.mailbox(persona.mailbox);
    return mailbox ? [{ persona: persona.name, role: persona.role, address: mailbox.address, type: mailbox.type, password: mailbox.password }] : [];
  });
  const patients = view.data.personas.flatMap((persona) => {
    if (persona.kind !== 'patient') return [];
    const patient = view.patient(persona.ins);
    return patient ? [{ persona: persona.name, address: `${patient.ins}@patient.mssante.fr`, profile: patient.profile, qualified: patient.identity.qualified }] : [];
  });
  return {
    submission: { host: submission.host, port: submission.port, tls: submission.tls, auth: space.settings.passwordAuth ? ['PLAIN', 'LOGIN', 'XOAUTH2'] : ['XOAUTH2'] },
    peer: { host: peer.host, port: peer.port, tls: peer.tls },
    controlApi: { baseUrl: `${http.baseUrl}/api`, openapi: `${http.baseUrl}/api/openapi.json` },
    caCertificate: { path: space.caCertPath, url: `${http.baseUrl}/ca.crt` },
    patientDomain: 'patient.mssante.fr',
    strictRecipients: space.settings.strictRecipients,
    demoMailboxes,
    patients,
  };
}

const PROFILE_LABELS: Readonly<Record<string, string>> = { active: 'active', opposed: 'opposition', closed: 'clôturée', none: 'aucun profil' };

export function banner(summary: EndpointsSummary): string {
  const lines = [
    'Simulateur de l’espace de confiance MSSanté — prêt',
    '',
    `  SMTP soumission (clients)   ${summary.submission.host}:${summary.submission.port}  STARTTLS obligatoire, AUTH ${summary.submission.auth.join(' / ')}`,
    `  SMTP entre opérateurs       ${summary.peer.host}:${summary.peer.port}  sans AUTH, STARTTLS facultatif (mode test)`,
    `  API de contrôle             ${summary.controlApi.baseUrl}  (OpenAPI : ${summary.controlApi.openapi})`,
    `  Certificat de l’AC de test  ${summary.caCertificate.path}  (téléchargeable : ${summary.caCertificate.url})`,
    `  Non-remise                  ${summary.strictRecipients ? 'mode strict : refus dès RCPT' : 'avis de non-remise asynchrone (par défaut)'}`,
    '',
    '  Boîtes de démonstration (identifiants de test) :',
    ...summary.demoMailboxes.map((m) => `    ${m.persona.padEnd(22)} ${m.type}  ${m.address}  mot de passe : ${m.password}`),
    '',
    '  Patients (Mon espace santé) :',
    ...summary.patients.map((p) => `    ${p.persona.padEnd(22)} ${p.address}  profil : ${PROFILE_LABELS[p.profile] ?? p.profile}${p.qualified ? '' : ', identité non qualifiée'}`),
    '',
    'Ctrl+C pour arrêter proprement.',
  ];
  return lines.join('\n');
}
