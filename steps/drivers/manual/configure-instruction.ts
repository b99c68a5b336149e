// The French « configure » instruction of the manual driver: everything a person needs to set up
// a real mail client (Thunderbird, a pharmacy software) by hand: server names and ports (submission
// with STARTTLS, IMAP with STARTTLS or implicit TLS, SC.MSS/CONF.05, CONF.06), the mailbox's test
// password or the simulated Pro Santé Connect test login (XOAUTH2, SC.MSS/CONF.07), and the test
// CA. Pure: configuration and published facts in, text out.
import type { DriverConfiguration } from '../../../simulator/public-api.ts';
import type { Instruction } from './instructions.ts';

/** Where the simulator publishes what a person needs beyond the driver configuration. */
export interface PublishedFiles {
  readonly caCertPath: string;
  readonly caCertUrl: string;
  readonly autoconfigUrl: string;
  /** The simulated Pro Santé Connect, for a client that signs in with it (OpenID Connect). */
  readonly psc?: PscLogin;
}

export interface PscLogin {
  readonly discoveryUrl: string;
  readonly clientId: string;
  /** The test professional entitled to the mailbox: his idNat, and his name for the person. */
  readonly login?: { readonly idNat: string; readonly name: string };
  readonly password: string;
}

export function configureInstruction(c: DriverConfiguration, files: PublishedFiles): Instruction {
  return {
    text: `Configurez le logiciel pour la boîte aux lettres ${c.mailbox.address} de l'espace de confiance simulé`,
    details: [
      `Adresse de la boîte : ${c.mailbox.address}`,
      ...servers(c),
      ...authentication(c.mailbox, files.psc),
      ...applicative(c.mailbox),
      `Autorité de certification à approuver (à la place de l'IGC-Santé) : fichier ${files.caCertPath}, aussi téléchargeable à ${files.caCertUrl}`,
      `Annuaire Santé (API FHIR) : ${c.directory.baseUrl}, clé d'API ${c.directory.apiKey} (en-tête ESANTE-API-KEY)`,
      `Configuration automatique, si le logiciel la propose : ${files.autoconfigUrl}`,
      "Le logiciel doit n'accepter que cette autorité de certification pour ces serveurs.",
    ],
  };
}

function servers(c: DriverConfiguration): string[] {
  if (!c.smtp || !c.imap) return [`Serveurs : ne les saisissez pas ; le logiciel doit les trouver seul depuis l'adresse de la boîte (configuration automatique, document ${c.autoconfig?.url ?? '(non fourni)'})`];
  const imapSecurity = c.imap.security === 'tls' ? 'TLS implicite (IMAPS, SSL/TLS)' : 'STARTTLS obligatoire';
  return [`Envoi (SMTP) : serveur ${c.smtp.host}, port ${c.smtp.port}, sécurité STARTTLS obligatoire`, `Réception (IMAP) : serveur ${c.imap.host}, port ${c.imap.port}, sécurité ${imapSecurity}`];
}

/** An APP mailbox: its client certificate (SC.MSS/CONF.12) and the mailbox its messages name for replies (MSS/va1.09). */
function applicative(mailbox: DriverConfiguration['mailbox']): string[] {
  const lines: string[] = [];
  if (mailbox.clientCertificate) lines.push(`Certificat client de la boîte applicative (à présenter à chaque connexion TLS) : téléchargeable à /api/pki/client-certificates/${mailbox.address} sur le port HTTP du simulateur`);
  if (mailbox.replyTo) lines.push(`Boîte à laquelle répondre, à indiquer en Reply-To et dans la mention d'envoi automatique : ${mailbox.replyTo}`);
  return lines;
}

function authentication(mailbox: DriverConfiguration['mailbox'], psc: PscLogin | undefined): string[] {
  const lines: string[] = [];
  if (mailbox.password !== undefined) {
    const how = mailbox.authentication === 'password' ? 'Authentification par mot de passe' : 'Authentification par mot de passe (PLAIN ou LOGIN, « mot de passe normal »), si le logiciel ne sait pas utiliser Pro Santé Connect';
    lines.push(`${how} : identifiant ${mailbox.address}, mot de passe ${mailbox.password}`);
  }
  if (mailbox.authentication === 'oauth2') lines.push(oauth2(mailbox, psc));
  if (lines.length === 0) lines.push(`Authentification par mot de passe : identifiant ${mailbox.address}, mot de passe (non fourni par le banc)`);
  return lines;
}

function oauth2(mailbox: DriverConfiguration['mailbox'], psc: PscLogin | undefined): string {
  const token = `point de jeton ${mailbox.tokenEndpoint ?? '(non fourni)'}`;
  if (mailbox.username !== undefined) return `Authentification OAuth2 (XOAUTH2) avec le Pro Santé Connect simulé : ${token}, identifiant ${mailbox.username}${mailbox.clientSecret === undefined ? '' : `, mot de passe ${mailbox.clientSecret}`}`;
  if (psc === undefined) return `Authentification OAuth2 (XOAUTH2) avec le Pro Santé Connect simulé : ${token}, pour la boîte ${mailbox.address}`;
  const who = psc.login ? `connexion de ${psc.login.name} avec l'identifiant ${psc.login.idNat} et le mot de passe de test ${psc.password}` : `aucun professionnel de test n'est rattaché à cette boîte : utilisez le mot de passe ci-dessus`;
  return `Authentification OAuth2 (XOAUTH2) avec le Pro Santé Connect simulé : découverte ${psc.discoveryUrl}, identifiant client ${psc.clientId}, ${token} ; ${who}`;
}
