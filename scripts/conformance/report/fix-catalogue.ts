// What the certification report says about a failed check, in plain French for a vendor's
// developer: the rule the check enforces, how to fix the software, and which evidence lines to
// highlight. Keyed by the check, i.e. the pattern of its step definition (steps/conformance/
// client-checks.steps.ts, steps/patient-exchanges.steps.ts); a check missing here falls back to
// its requirements' text (fixAdvice). Pure data.

export interface FixAdvice {
  /** The rule, in plain French. */
  readonly rule: string;
  /** « Comment corriger ». */
  readonly fix: string;
  /** Evidence lines (transcripts, .eml, client listing) to highlight. */
  readonly highlight: readonly RegExp[];
}

const SUBJECT = /^Subject:/i;
const RCPT = /C: RCPT TO:/;
const SMTP_ERROR = /S: [45]\d\d/;
const DELIVERY_STATE = /"deliveryState"/;

export const FIX_CATALOGUE: Readonly<Record<string, FixAdvice>> = {
  'le simulateur reçoit du logiciel un message pour « {texte} »': {
    rule: "L'adresse Mon espace santé d'un patient est son matricule INS (15 caractères, clé comprise) suivi de @patient.mssante.fr ; elle ne se saisit pas, elle se construit depuis l'INS qualifiée du dossier.",
    fix: "Construisez l'adresse à partir du matricule INS qualifié (NIR ou NIA de 13 caractères + clé de 2 chiffres, 2A/2B remplacés par 19/18 pour le calcul de la clé) et du domaine patient.mssante.fr ; n'utilisez ni l'identifiant local du patient ni une adresse saisie à la main.",
    highlight: [RCPT, /^To:/i],
  },
  "le logiciel refuse l'envoi et le dit à l'utilisateur": {
    rule: "On n'écrit à un patient que si son INS est qualifiée ; sinon le logiciel refuse l'envoi et dit pourquoi.",
    fix: "Avant de proposer l'envoi vers Mon espace santé, vérifiez le statut de l'identité (INS qualifiée) dans le dossier patient ; si elle ne l'est pas, bloquez l'action et affichez un message qui explique qu'il faut d'abord qualifier l'identité.",
    highlight: [RCPT],
  },
  "aucun message n'est transmis par le logiciel": {
    rule: "Quand l'envoi est refusé côté logiciel (INS non qualifiée), rien ne doit partir vers l'opérateur.",
    fix: "Faites le contrôle de l'identité avant toute connexion SMTP : le message ne doit pas être mis en file d'envoi puis corrigé après coup.",
    highlight: [RCPT, /C: DATA/],
  },
  'son logiciel propose la boîte « {texte} » de type {word}': {
    rule: "Pendant la rédaction, le logiciel cherche les destinataires dans l'Annuaire Santé et présente chaque boîte avec son type (PER nominative, ORG organisationnelle, APP applicative).",
    fix: "Interrogez l'annuaire (recherche par nom, profession, lieu) pendant la saisie du destinataire et affichez le type de boîte renvoyé par l'annuaire ; ne limitez pas les résultats au carnet d'adresses local.",
    highlight: [/"mailboxType"/, /"address"/],
  },
  "le logiciel montre l'échec de l'envoi avec la réponse « {texte} »": {
    rule: "Quand l'opérateur refuse un envoi (réponse SMTP 5xx, par exemple domaine hors liste blanche), le logiciel le signale à l'utilisateur avec la réponse du serveur.",
    fix: "Traitez les réponses 5xx à MAIL FROM, RCPT TO et DATA comme des échecs définitifs : gardez le texte de la réponse (code étendu compris) et montrez-le à l'utilisateur au lieu d'afficher « envoyé ».",
    highlight: [SMTP_ERROR],
  },
  'son logiciel ne présente pas ce message comme envoyé': {
    rule: "Un message refusé par l'opérateur ne doit jamais apparaître comme envoyé.",
    fix: "Ne classez le message dans les envoyés (ou ne le marquez envoyé) qu'après la réponse 250 au point final de DATA ; en cas de refus, laissez-le en brouillon ou en échec, visiblement.",
    highlight: [DELIVERY_STATE, /"folder": "sent"/],
  },
  'chaque message transmis par le logiciel a un Message-ID différent': {
    rule: "Chaque nouveau message porte un en-tête Message-ID unique (RFC 5322 §3.6.4).",
    fix: "Générez le Message-ID à chaque envoi (aléa ou horodatage + compteur, suivi de @ et du nom de domaine de la boîte) ; ne le réutilisez jamais d'un message à l'autre, même pour un renvoi ou un message au même destinataire.",
    highlight: [/^Message-ID:/i],
  },
  "chaque message transmis par le logiciel porte l'en-tête « X-MSS-NIL »": {
    rule: "Chaque message émis porte l'en-tête X-MSS-NIL avec la référence produit déclarée sur Convergence.",
    fix: "Ajoutez à tout message sortant l'en-tête « X-MSS-NIL: <référence produit> », la valeur étant celle déclarée sur Convergence pour cette version du logiciel ; vérifiez aussi les envois automatiques et les réponses.",
    highlight: [/^X-MSS-NIL:/i, SUBJECT],
  },
  'chaque message transmis par le logiciel est en UTF-8 avec une partie text\\/plain': {
    rule: "Le corps est en text/plain, ou en multipart/alternative avec une partie texte puis une partie HTML équivalentes ; tout est encodé en UTF-8.",
    fix: "Produisez toujours une partie text/plain (seule, ou en premier dans un multipart/alternative) et déclarez charset=utf-8 sur chaque partie texte ; n'envoyez ni ISO-8859-1 ni Windows-1252.",
    highlight: [/^Content-Type:/i, /charset=/i],
  },
  "{acteur} reçoit le message d'objet « {texte} »": {
    rule: "Le message envoyé par le logiciel doit être accepté par l'opérateur et distribué au destinataire avec l'objet saisi.",
    fix: "Vérifiez que l'envoi aboutit (réponse 250 après DATA) et que l'objet est transmis tel quel (encodage RFC 2047 en UTF-8 si besoin, sans préfixe ajouté).",
    highlight: [SUBJECT, SMTP_ERROR],
  },
  "la réponse transmise par le logiciel porte In-Reply-To et References vers le message d'origine": {
    rule: "Une réponse porte In-Reply-To avec le Message-ID du message d'origine et References qui le contient (RFC 5322 §3.6.4), pour que les échanges restent rattachés.",
    fix: "Quand l'utilisateur répond, recopiez le Message-ID du message d'origine dans In-Reply-To et ajoutez-le à la fin de References (en reprenant les References d'origine) ; ne générez pas une réponse comme un nouveau message.",
    highlight: [/^In-Reply-To:/i, /^References:/i],
  },
  'la réponse transmise par le logiciel est adressée à {acteur}': {
    rule: "Une réponse à un message qui porte Reply-To va à l'adresse du Reply-To, pas à celle de l'expéditeur (RFC 5322 §3.6.2).",
    fix: "Lors d'une réponse, prenez comme destinataire l'adresse de l'en-tête Reply-To s'il existe, sinon celle de From.",
    highlight: [RCPT, /^To:/i],
  },
  'le dernier message transmis par le logiciel a pour objet exactement « {texte} »': {
    rule: "Un professionnel clôt l'échange avec un patient en répondant avec l'objet exact « [FIN] » : ni préfixe « RE: », ni minuscules, ni espace autour.",
    fix: "Pour l'action « clore l'échange », envoyez la réponse avec l'objet exactement « [FIN] » : ne laissez pas la logique de réponse ajouter « RE: » devant, et ne traduisez ni ne modifiez la casse.",
    highlight: [SUBJECT],
  },
  "le dernier message transmis par le logiciel porte l'en-tête « X-MSS-MES: FIN »": {
    rule: "Un message à un patient qui ne doit pas recevoir de réponse porte l'en-tête « X-MSS-MES: FIN ».",
    fix: "Quand l'utilisateur choisit d'envoyer sans réponse possible, ajoutez l'en-tête « X-MSS-MES: FIN » (valeur en majuscules, sans autre texte).",
    highlight: [/^X-MSS-MES:/i, SUBJECT],
  },
  'son logiciel montre le message comme non remis, motif « {texte} »': {
    rule: "Un message non remis est signalé à l'utilisateur avec le motif de l'échec donné par l'avis de non-remise.",
    fix: "Reconnaissez les avis de non-remise (multipart/report; report-type=delivery-status, RFC 3464), lisez leur partie lisible et le champ Diagnostic-Code, et montrez ce motif sur le message envoyé concerné, marqué « non remis ».",
    highlight: [/"reasonShown"/, DELIVERY_STATE, /^Diagnostic-Code:/i],
  },
  'son logiciel montre le message comme remis': {
    rule: "Quand un accusé de remise arrive, le logiciel montre que le message a été reçu.",
    fix: "Reconnaissez l'accusé de remise (RFC 3464, Action: delivered), retrouvez le message envoyé par Original-Envelope-Id ou In-Reply-To, et passez son état à « remis ».",
    highlight: [DELIVERY_STATE, /^Action:/i],
  },
  "son logiciel rattache l'avis de non-remise au message envoyé": {
    rule: "Les avis de non-remise et accusés reçus sont rattachés au message envoyé qu'ils concernent.",
    fix: "Rattachez l'avis au message envoyé grâce à son In-Reply-To/References ou à la partie message/rfc822-headers qu'il contient (Message-ID d'origine) ; l'utilisateur doit passer de l'un à l'autre.",
    highlight: [/"aboutClientMessageId"/, /^In-Reply-To:/i],
  },
  "le logiciel n'a transmis qu'une fois le message pour {acteur}": {
    rule: "Après un échec permanent (avis de non-remise), le logiciel ne renvoie pas le message de lui-même.",
    fix: "Ne programmez aucun renvoi automatique après un avis de non-remise : l'échec est définitif, seul l'utilisateur décide d'écrire de nouveau.",
    highlight: [RCPT],
  },
  "le logiciel n'a transmis qu'une fois le message pour « {texte} »": {
    rule: "Après un échec permanent (avis de non-remise), le logiciel ne renvoie pas le message de lui-même.",
    fix: "Ne programmez aucun renvoi automatique après un avis de non-remise : l'échec est définitif, seul l'utilisateur décide d'écrire de nouveau.",
    highlight: [RCPT],
  },
  "le logiciel n'a tenté qu'une fois l'envoi pour {acteur}": {
    rule: "Après un refus permanent (réponse 5xx), le logiciel ne réessaie pas (RFC 5321 §4.2.1) ; seuls les refus temporaires 4xx se réessaient.",
    fix: "Distinguez 4xx (réessai différé possible) et 5xx (échec définitif) : sur une réponse 5xx à RCPT TO, arrêtez l'envoi vers ce destinataire et signalez-le.",
    highlight: [RCPT, SMTP_ERROR],
  },
  "le logiciel ne répond pas à l'avis de non-remise": {
    rule: "Le logiciel ne répond jamais automatiquement à un avis de non-remise (RFC 3834).",
    fix: "N'appliquez aucune réponse automatique (absence, accusé, règle) aux messages d'expéditeur vide ou de mailer-daemon, ni aux multipart/report.",
    highlight: [RCPT, /mailer-daemon/i],
  },
  'son logiciel montre un message de la patiente {acteur} avec son identité': {
    rule: "Le logiciel distingue les messages venant d'un patient et affiche, pour chacun, son nom de naissance, son prénom et son INS.",
    fix: "Reconnaissez l'expéditeur patient (domaine patient.mssante.fr) et lisez son identité dans l'en-tête prévu (nom de naissance, prénom, INS) ; affichez-la à la place du seul nom d'affichage et marquez le message comme venant d'un patient.",
    highlight: [/"patient"/, /"kind": "patient-message"/, /^X-MSS-/i],
  },
  'son logiciel montre la pièce jointe « {texte} »': {
    rule: "Les pièces jointes d'un message reçu sont montrées à l'utilisateur sous leur nom.",
    fix: "Listez toutes les parties à disposition attachment (et les inline nommées) avec leur filename, décodé selon RFC 2231 si besoin.",
    highlight: [/"filename"/, /^Content-Disposition:/i],
  },
  '{acteur} reçoit le document « {texte} » intact': {
    rule: "Un document joint arrive intact : mêmes octets que le document envoyé.",
    fix: "Encodez la pièce jointe en base64 sans la modifier (ni conversion de fin de ligne, ni ré-encodage de texte) et gardez son nom et son type.",
    highlight: [/^Content-Disposition:/i, /^Content-Transfer-Encoding:/i],
  },
  '{acteur} ne peut pas répondre à ce message, motif « {texte} »': {
    rule: "Un message portant « X-MSS-MES: FIN » ne peut pas recevoir de réponse du patient.",
    fix: "Vérifiez que le message envoyé au patient porte bien l'en-tête « X-MSS-MES: FIN » quand l'utilisateur demande qu'il n'y ait pas de réponse.",
    highlight: [/^X-MSS-MES:/i, SUBJECT],
  },
  '{acteur} ne peut plus répondre à {acteur}, motif « {texte} »': {
    rule: "Après une réponse d'objet exact « [FIN] », le patient ne peut plus répondre dans cet échange.",
    fix: "Pour clore l'échange, envoyez une réponse rattachée au message du patient (In-Reply-To, References) avec l'objet exactement « [FIN] ».",
    highlight: [SUBJECT, /^In-Reply-To:/i],
  },
  '{acteur} peut encore écrire à {acteur}': {
    rule: "Un échange clos ne ferme que cet échange : le patient peut toujours écrire un nouveau message au professionnel.",
    fix: "N'envoyez la clôture (« [FIN] » ou X-MSS-MES: FIN) que sur l'échange voulu, et ne bloquez pas les nouveaux messages du patient côté logiciel.",
    highlight: [SUBJECT],
  },
};

/** Advice for a failed check; without a catalogue entry, the requirements' own text. */
export function fixAdvice(pattern: string | undefined, requirements: readonly { readonly id: string; readonly text: string }[]): FixAdvice {
  const known = pattern === undefined ? undefined : FIX_CATALOGUE[pattern];
  if (known) return known;
  const texts = requirements.map((r) => `${r.id} : ${r.text}`).join(' ');
  return { rule: texts || "Exigence non précisée par le scénario.", fix: `Aucune fiche de correction n'existe encore pour cette vérification : relisez l'exigence (${requirements.map((r) => r.id).join(', ') || 'aucune'}) et comparez-la aux preuves ci-dessus.`, highlight: [] };
}
