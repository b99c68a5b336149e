// Which conformance scenarios each faulty variant of the reference client must fail:
// the table the matrix (fault-matrix.ts) checks. Scenario names as cucumber writes them (outline
// placeholders substituted). Every variant is caught by at least one scenario. A fault that
// breaks an address or a reading also fails the scenarios built on it: those are listed too.
import type { ReferenceFault } from '../../../simulator/public-api.ts';

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
    'l\'adresse invalide « 284034912304599@patient.mssante.fr » revient en avis de non-remise, montré au bon message',
    'l\'adresse invalide « 28403491230458@patient.mssante.fr » revient en avis de non-remise, montré au bon message',
    'un message de plus de 25 Mo une fois encodé vers une patiente revient en avis de non-remise',
    'une boîte de professionnel inconnue revient en avis de non-remise',
    IN_FLIGHT,
  ],
  'bounce-reason-misread': [
    'message à Gérard non remis : le logiciel montre le motif et s\'arrête là',
    'message à Yvette non remis : le logiciel montre le motif et s\'arrête là',
    'message à Thomas non remis : le logiciel montre le motif et s\'arrête là',
    'l\'adresse invalide « 284034912304599@patient.mssante.fr » revient en avis de non-remise, montré au bon message',
    'l\'adresse invalide « 28403491230458@patient.mssante.fr » revient en avis de non-remise, montré au bon message',
    'un message de plus de 25 Mo une fois encodé vers une patiente revient en avis de non-remise',
    'une boîte de professionnel inconnue revient en avis de non-remise',
    IN_FLIGHT,
  ],
  'resend-after-permanent-failure': [
    'message à Gérard non remis : le logiciel montre le motif et s\'arrête là',
    'message à Yvette non remis : le logiciel montre le motif et s\'arrête là',
    'message à Thomas non remis : le logiciel montre le motif et s\'arrête là',
    'l\'adresse invalide « 284034912304599@patient.mssante.fr » revient en avis de non-remise, montré au bon message',
    'l\'adresse invalide « 28403491230458@patient.mssante.fr » revient en avis de non-remise, montré au bon message',
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
  ],
  'directory-postal-code-ignored': [
    'une pharmacie cherchée par code postal donne sa boîte organisationnelle',
    'deux pharmacies homonymes : la recherche par code postal ne propose que celle de ce code postal',
  ],
  'receipt-ignored': [
    'le logiciel montre le message comme remis quand l\'accusé de remise arrive',
    IN_FLIGHT,
  ],
  'bounce-tied-to-latest': [IN_FLIGHT],
  'html-part-first': [
    'un message porte un Message-ID unique, « X-MSS-NIL », de l\'UTF-8 et une partie texte',
  ],
  'truncated-attachment': [
    'la pharmacie adresse le bilan de médication au service hospitalier avant l\'admission',
    'le livret médical de l\'hôpital parvient à chacun des professionnels de la patiente',
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
