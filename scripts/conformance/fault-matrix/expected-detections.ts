// Which conformance scenarios each faulty variant of the reference client must fail:
// the table the matrix (fault-matrix.ts) checks. Scenario names as cucumber writes them (outline
// placeholders substituted). Every variant is caught by at least one scenario. A fault that
// breaks an address or a reading also fails the scenarios built on it: those are listed too.
import type { ReferenceFault } from '../../../simulator/tooling-api.ts';

/** The end-of-run reviews (features/conformite/zz-bilan-de-campagne.feature). */
const RESEND_REVIEW = 'aucun renvoi après un échec permanent, sur toute la campagne';
const MESSAGE_ID_REVIEW = 'aucun Message-ID repris d\'un scénario à l\'autre, sur toute la campagne';

/** Ending an exchange by the header (features/conformite/cloture.feature). */
const HEADER_END = 'la clôture demandée par l\'en-tête part avec « X-MSS-MES: FIN » et ce message n\'autorise pas la réponse';

/** Two patients with the same name (features/conformite/adressage.feature). */
const HOMONYM_PATIENTS = 'deux patientes homonymes : chaque message part à l\'adresse de l\'INS de sa destinataire';

/** Several messages in flight (features/conformite/avis-de-non-remise.feature). */
const IN_FLIGHT = 'plusieurs messages en vol : chaque avis et chaque accusé est rattaché au message qu\'il concerne, pas au dernier envoyé';

export const EXPECTED_DETECTIONS: Readonly<Record<ReferenceFault, readonly string[]>> = {
  'address-from-unqualified-identity': [
    'aucun message ne part vers un patient à l\'identité non qualifiée',
  ],
  'malformed-patient-address': [
    'l\'adresse du patient est son INS qualifié de 15 caractères suivi du domaine patient',
    'un INS né en Corse garde « 2A » dans l\'adresse',
    'message à Gérard non remis : le logiciel montre le motif et s\'arrête là',
    'message à Yvette non remis : le logiciel montre le motif et s\'arrête là',
    'message à Thomas non remis : le logiciel montre le motif et s\'arrête là',
    'un message de plus de 25 Mo une fois encodé vers une patiente revient en avis de non-remise',
    'en mode strict, le refus à l\'annonce du destinataire est montré et l\'envoi n\'est pas répété',
    'la clôture par l\'objet exact « [FIN] » empêche la patiente de répondre',
    'un message marqué « X-MSS-MES: FIN » n\'autorise pas la réponse, l\'échange reste ouvert',
    'la réponse de la patiente est montrée comme message de patient, avec son identité',
    'la pharmacie rappelle à la patiente la seconde injection du vaccin HPV',
    HOMONYM_PATIENTS,
    IN_FLIGHT,
    HEADER_END,
  ],
  'missing-x-mss-nil': [
    'un message porte un Message-ID unique, « X-MSS-NIL », de l\'UTF-8 et une partie texte',
  ],
  're-fin-subject': [
    'la clôture par l\'objet exact « [FIN] » empêche la patiente de répondre',
  ],
  'missing-in-reply-to': [
    'une réponse se rattache au message d\'origine',
  ],
  'bounce-ignored': [
    'message à Gérard non remis : le logiciel montre le motif et s\'arrête là',
    'message à Yvette non remis : le logiciel montre le motif et s\'arrête là',
    'message à Thomas non remis : le logiciel montre le motif et s\'arrête là',
    'l\'adresse invalide « 284034912304599@patient.mssante.fr » est refusée par le logiciel ou revient en avis de non-remise, montré au bon message',
    'l\'adresse invalide « 28403491230458@patient.mssante.fr » est refusée par le logiciel ou revient en avis de non-remise, montré au bon message',
    'un message de plus de 25 Mo une fois encodé vers une patiente revient en avis de non-remise',
    'une boîte de professionnel inconnue revient en avis de non-remise',
    IN_FLIGHT,
  ],
  'bounce-reason-misread': [
    'message à Gérard non remis : le logiciel montre le motif et s\'arrête là',
    'message à Yvette non remis : le logiciel montre le motif et s\'arrête là',
    'message à Thomas non remis : le logiciel montre le motif et s\'arrête là',
    'l\'adresse invalide « 284034912304599@patient.mssante.fr » est refusée par le logiciel ou revient en avis de non-remise, montré au bon message',
    'l\'adresse invalide « 28403491230458@patient.mssante.fr » est refusée par le logiciel ou revient en avis de non-remise, montré au bon message',
    'un message de plus de 25 Mo une fois encodé vers une patiente revient en avis de non-remise',
    'une boîte de professionnel inconnue revient en avis de non-remise',
    IN_FLIGHT,
  ],
  'resend-after-permanent-failure': [
    'message à Gérard non remis : le logiciel montre le motif et s\'arrête là',
    'message à Yvette non remis : le logiciel montre le motif et s\'arrête là',
    'message à Thomas non remis : le logiciel montre le motif et s\'arrête là',
    'l\'adresse invalide « 284034912304599@patient.mssante.fr » est refusée par le logiciel ou revient en avis de non-remise, montré au bon message',
    'l\'adresse invalide « 28403491230458@patient.mssante.fr » est refusée par le logiciel ou revient en avis de non-remise, montré au bon message',
    'en mode strict, le refus à l\'annonce du destinataire est montré et l\'envoi n\'est pas répété',
    RESEND_REVIEW,
  ],
  'recipient-outside-whitelist-not-reported': [
    'un destinataire hors de l\'espace de confiance est refusé et l\'utilisateur le sait',
    'en mode strict, le refus à l\'annonce du destinataire est montré et l\'envoi n\'est pas répété',
  ],
  'missing-x-mss-mes': [
    'un message marqué « X-MSS-MES: FIN » n\'autorise pas la réponse, l\'échange reste ouvert',
    HEADER_END,
  ],
  'answers-bounces': [
    'message à Gérard non remis : le logiciel montre le motif et s\'arrête là',
    'message à Yvette non remis : le logiciel montre le motif et s\'arrête là',
    'message à Thomas non remis : le logiciel montre le motif et s\'arrête là',
    'une boîte de professionnel inconnue revient en avis de non-remise',
    RESEND_REVIEW,
  ],
  'patient-message-unrecognised': [
    'la réponse de la patiente est montrée comme message de patient, avec son identité',
    'après la clôture, la patiente réengage l\'échange avec la boîte organisationnelle de la pharmacie',
    'la patiente envoie son ordonnance à sa pharmacie, qui la reçoit dans son logiciel',
  ],
  'reply-to-ignored': [
    'le logiciel répond à l\'adresse « Reply-To » du message reçu',
  ],
  'corsican-ins-rewritten': [
    'un INS né en Corse garde « 2A » dans l\'adresse',
  ],
  'html-only-body': [
    'un message porte un Message-ID unique, « X-MSS-NIL », de l\'UTF-8 et une partie texte',
    'un message de la boîte applicative finit par la mention d\'envoi automatique et porte Reply-To vers une boîte PER ou ORG',
  ],
  'directory-postal-code-ignored': [
    'une pharmacie cherchée par code postal donne sa boîte organisationnelle',
    'deux pharmacies homonymes : la recherche par code postal ne propose que celle de ce code postal',
  ],
  'receipt-ignored': [
    'le logiciel montre le message comme remis quand l\'accusé de remise arrive',
    IN_FLIGHT,
  ],
  'no-certificate-verification': [
    'envoi abandonné face à un opérateur qui présente un certificat expiré',
    'envoi abandonné face à un opérateur qui présente un certificat au nom d\'un autre serveur',
    'envoi abandonné face à un opérateur qui présente un certificat d\'une autorité étrangère à l\'espace de confiance',
    'relève abandonnée face à un opérateur qui présente un certificat expiré',
    'relève abandonnée face à un opérateur qui présente un certificat au nom d\'un autre serveur',
    'relève abandonnée face à un opérateur qui présente un certificat d\'une autorité étrangère à l\'espace de confiance',
  ],
  'accepts-legacy-tls': [
    'à l\'envoi, le logiciel se limite à TLS 1.2 ou 1.3 et aux suites de l\'ANS',
    'à la relève, le logiciel se limite à TLS 1.2 ou 1.3 et n\'envoie ses identifiants qu\'après STARTTLS',
    'envoi abandonné face à un opérateur qui présente seulement TLS 1.0 et TLS 1.1',
    'envoi abandonné face à un opérateur qui présente seulement des suites de chiffrement hors de la liste de l\'ANS',
    'relève abandonnée face à un opérateur qui présente seulement TLS 1.0 et TLS 1.1',
    'relève abandonnée face à un opérateur qui présente seulement des suites de chiffrement hors de la liste de l\'ANS',
  ],
  'weak-cipher-suites': [
    'à l\'envoi, le logiciel se limite à TLS 1.2 ou 1.3 et aux suites de l\'ANS',
    'à la relève, le logiciel se limite à TLS 1.2 ou 1.3 et n\'envoie ses identifiants qu\'après STARTTLS',
    'envoi abandonné face à un opérateur qui présente seulement des suites de chiffrement hors de la liste de l\'ANS',
    'relève abandonnée face à un opérateur qui présente seulement des suites de chiffrement hors de la liste de l\'ANS',
  ],
  'imap-login-before-starttls': [
    'à la relève, le logiciel se limite à TLS 1.2 ou 1.3 et n\'envoie ses identifiants qu\'après STARTTLS',
  ],
  'smtp-auth-before-starttls': [
    'à l\'envoi, le logiciel se limite à TLS 1.2 ou 1.3 et aux suites de l\'ANS',
  ],
  'tls-failure-hidden': [
    'envoi abandonné face à un opérateur qui présente seulement TLS 1.0 et TLS 1.1',
    'envoi abandonné face à un opérateur qui présente seulement des suites de chiffrement hors de la liste de l\'ANS',
    'envoi abandonné face à un opérateur qui présente un certificat expiré',
    'envoi abandonné face à un opérateur qui présente un certificat au nom d\'un autre serveur',
    'envoi abandonné face à un opérateur qui présente un certificat d\'une autorité étrangère à l\'espace de confiance',
    'relève abandonnée face à un opérateur qui présente seulement TLS 1.0 et TLS 1.1',
    'relève abandonnée face à un opérateur qui présente seulement des suites de chiffrement hors de la liste de l\'ANS',
    'relève abandonnée face à un opérateur qui présente un certificat expiré',
    'relève abandonnée face à un opérateur qui présente un certificat au nom d\'un autre serveur',
    'relève abandonnée face à un opérateur qui présente un certificat d\'une autorité étrangère à l\'espace de confiance',
  ],
  'xdm-patient-id-not-ins': [
    'la pharmacie envoie le bilan partagé de médication de Louise au service hospitalier',
    'la pharmacie dépose le compte rendu de biologie de Louise dans son espace santé',
    'le document d\'une patiente à l\'identité non qualifiée part sans INS et avec « X-MSS-INS: N »',
  ],
  'xdm-hash-mismatch': [
    'la pharmacie envoie le bilan partagé de médication de Louise au service hospitalier',
    'la pharmacie dépose le compte rendu de biologie de Louise dans son espace santé',
    'le document d\'une patiente à l\'identité non qualifiée part sans INS et avec « X-MSS-INS: N »',
  ],
  'xdm-pdf-missing': [
    'la pharmacie envoie le bilan partagé de médication de Louise au service hospitalier',
    'la pharmacie dépose le compte rendu de biologie de Louise dans son espace santé',
    'le document d\'une patiente à l\'identité non qualifiée part sans INS et avec « X-MSS-INS: N »',
  ],
  'xdm-subject-prefix-wrong': [
    'la pharmacie envoie le bilan partagé de médication de Louise au service hospitalier',
    'la pharmacie dépose le compte rendu de biologie de Louise dans son espace santé',
    'le document d\'une patiente à l\'identité non qualifiée part sans INS et avec « X-MSS-INS: N »',
  ],
  'xdm-ins-header-unqualified': [
    'le document d\'une patiente à l\'identité non qualifiée part sans INS et avec « X-MSS-INS: N »',
  ],
  'xdm-two-patients': [
    'la pharmacie envoie le bilan partagé de médication de Louise au service hospitalier',
    'la pharmacie dépose le compte rendu de biologie de Louise dans son espace santé',
    'le document d\'une patiente à l\'identité non qualifiée part sans INS et avec « X-MSS-INS: N »',
  ],
  'xdm-code-cda-mismatch': [
    'la pharmacie envoie le bilan partagé de médication de Louise au service hospitalier',
    'la pharmacie dépose le compte rendu de biologie de Louise dans son espace santé',
    'le document d\'une patiente à l\'identité non qualifiée part sans INS et avec « X-MSS-INS: N »',
  ],
  'xdm-archive-undetected': [
    'le livret médical de Louise, envoyé par l\'hôpital, est intégré à son dossier',
    'sans identité qualifiée correspondante, le livret médical va en liste de travail',
    'un document déjà intégré n\'est pas intégré une seconde fois',
  ],
  'xdm-prefix-shown': [
    'le livret médical de Louise, envoyé par l\'hôpital, est intégré à son dossier',
  ],
  'xdm-integrated-without-ins-match': [
    'sans identité qualifiée correspondante, le livret médical va en liste de travail',
  ],
  'xdm-qualified-match-in-worklist': [
    'le livret médical de Louise, envoyé par l\'hôpital, est intégré à son dossier',
    'un document déjà intégré n\'est pas intégré une seconde fois',
  ],
  'xdm-duplicate-integrated': [
    'un document déjà intégré n\'est pas intégré une seconde fois',
  ],
  'ins-key-unchecked': [
    'un matricule INS détenu avec une clé fausse ne donne aucune adresse : le logiciel refuse',
    'un matricule INS détenu avec 14 caractères ne donne aucune adresse : le logiciel refuse',
  ],
  'plain-auth-on-oauth-mailbox': [
    'la boîte organisationnelle de Camille s\'ouvre en XOAUTH2 avec un jeton Pro Santé Connect obtenu par le logiciel',
    'la boîte nominative de Dr Rousseau s\'ouvre en XOAUTH2 avec un jeton Pro Santé Connect obtenu par le logiciel',
    'l\'opérateur coupe la session alors que l\'authentification reste valable : le logiciel la rouvre sans rien demander',
  ],
  'no-reconnect-after-cut': [
    'l\'opérateur coupe la session alors que l\'authentification reste valable : le logiciel la rouvre sans rien demander',
  ],
  'app-without-client-certificate': [
    'la boîte applicative se connecte avec son certificat client puis AUTH PLAIN',
    'un message de la boîte applicative finit par la mention d\'envoi automatique et porte Reply-To vers une boîte PER ou ORG',
  ],
  'app-without-automatic-mention': [
    'un message de la boîte applicative finit par la mention d\'envoi automatique et porte Reply-To vers une boîte PER ou ORG',
  ],
  'ignores-autoconfig': [
    'avec la seule adresse de sa boîte, le logiciel se configure depuis le document autoconfig et s\'y connecte',
  ],
  'bounce-tied-to-latest': [IN_FLIGHT],
  'html-part-first': [
    'un message porte un Message-ID unique, « X-MSS-NIL », de l\'UTF-8 et une partie texte',
  ],
  'truncated-attachment': [
    'la pharmacie adresse le bilan de médication au service hospitalier avant l\'admission',
    'le livret médical de l\'hôpital parvient à chacun des professionnels de la patiente',
    'la pharmacie envoie le bilan partagé de médication de Louise au service hospitalier',
    'la pharmacie dépose le compte rendu de biologie de Louise dans son espace santé',
    'le document d\'une patiente à l\'identité non qualifiée part sans INS et avec « X-MSS-INS: N »',
  ],
  'header-end-conversation-ignored': [
    HEADER_END,
  ],
  'directory-first-result-only': [
    'deux pharmacies homonymes : la recherche par nom propose les deux boîtes',
  ],
  'directory-ignores-practitioner-role': [
    'un médecin dont la boîte nominative n\'est publiée que sur sa situation d\'exercice est trouvé par son nom',
  ],
  'patient-address-cached-by-name': [
    HOMONYM_PATIENTS,
    'un matricule INS détenu avec une clé fausse ne donne aucune adresse : le logiciel refuse',
    'un matricule INS détenu avec 14 caractères ne donne aucune adresse : le logiciel refuse',
  ],
  'wrong-display-name': [
    'un message porte un Message-ID unique, « X-MSS-NIL », de l\'UTF-8 et une partie texte',
    'le livret médical de l\'hôpital parvient à chacun des professionnels de la patiente',
  ],
  'no-read-receipt': [
    'un message reçu demande un accusé de lecture : le logiciel le renvoie, rattaché au message lu',
  ],
  'read-receipt-request-ignored': [
    'l\'utilisateur demande un accusé de lecture : le message le demande pour sa boîte',
  ],
  'delayed-resend-after-permanent-failure': [RESEND_REVIEW],
  'message-id-reused-across-scenarios': [MESSAGE_ID_REVIEW],
};
