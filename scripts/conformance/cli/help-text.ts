// The French help of `npm run conformite -- --help`.
import { CAPABILITIES } from '../../../steps/support/driver-choice.ts';
import { REFERENCE_FAULTS } from '../../../simulator/tooling-api.ts';

export const USAGE_LINE = 'Usage : npm run conformite -- [--client reference|manual|webmail|http://…] [--variante v1,v2] [--tags "<expression>"] [--capacites c1,c2] [--donnees <dossier>] [--rapports <dossier>] [--parallele N] [--delai-manuel <secondes>] [--delai-adaptateur <secondes>] [--ports-depart N] [--produit "<nom version>"] [--cle-signature <cle.pem>] [--tranche i/n] [--ecoute <adresse>] [--annoncer-hote <nom>]';

export const HELP_TEXT = `Banc de conformité MSSanté : joue les scénarios @conformite contre un logiciel de messagerie
et rend un verdict par exigence.

${USAGE_LINE}

Options :
  --client <pilote>        (alias --driver) logiciel testé : « reference » (client intégré, défaut),
                           « manual » (une personne suit les consignes affichées), « webmail »
                           (la messagerie web du simulateur, second client correct) ou l'adresse
                           http://… de l'adaptateur HTTP de l'éditeur.
  --variante <liste>       (alias --variant) variantes fautives du client de référence, séparées par
                           des virgules : ${REFERENCE_FAULTS.join(', ')}.
  --tags <expression>      restreint les scénarios (expression d'étiquettes cucumber, combinée avec
                           @conformite), par exemple "@req:MES-FIN-01".
  --capacites <liste>      (alias --capabilities) capacités à retenir au lieu de celles que le client
                           déclare : ${CAPABILITIES.join(', ')}.
  --donnees <dossier>      (alias --fixtures) jeu de données de l'espace de confiance (défaut : fixtures/).
  --rapports <dossier>     (alias --reports) dossier des rapports (défaut : reports).
  --parallele <N>          (alias --parallel) scénarios joués en parallèle, chacun avec son simulateur
                           (défaut : 2 pour le client de référence, 1 pour un adaptateur HTTP ou le pilote manuel).
  --delai-manuel <s>       (alias --manual-timeout) attente du trafic après chaque consigne du pilote
                           manuel, en secondes (défaut : 120).
  --delai-adaptateur <s>   (alias --adapter-timeout) adaptateur HTTP : délai de chaque appel, réponse
                           complète comprise, en secondes (défaut : 30, au plus 3600).
  --ports-depart <N>       (alias --base-port) pilote manuel : le simulateur écoute sur N (soumission
                           SMTP), N+1 (SMTP entre opérateurs), N+2 (IMAP STARTTLS), N+3 (IMAPS) et
                           N+4 (HTTP, interface web) au lieu des ports de npm start.
  --produit <texte>        (alias --product) nom et version du produit certifié, affichés dans le
                           rapport à la place de ceux que le client déclare ; avec le pilote manuel,
                           le nom du logiciel piloté.
  --cle-signature <pem>    (alias --signing-key) clé privée Ed25519 (PEM) qui signe le manifeste du
                           dossier de preuve.
  --tranche <i/n>          (alias --shard) ne joue que la i-ème de n tranches des scénarios (partage
                           déterministe, une tranche par job de CI) ; « fusionner » réunit les tranches.
  --ecoute <adresse>       (alias --listen) adresse d'écoute du simulateur du banc (défaut : 127.0.0.1),
                           par exemple 0.0.0.0 quand l'adaptateur est dans un autre conteneur ; hors
                           boucle locale, le port HTTP exige le jeton du simulateur (sauf SMTP et IMAP).
  --annoncer-hote <nom>    (alias --announce-host) nom du simulateur donné à l'adaptateur dans
                           « configure » à la place de l'adresse d'écoute, par exemple le nom de
                           service Docker du banc.
  -h, --help               cette aide.
  -V, --version            version de la suite.

Rapports écrits dans le dossier des rapports : conformite-rapport.html (le rapport de conformité,
autonome, imprimable en A4), conformite-preuves.zip (dossier de preuve : fichiers, manifeste SHA-256,
signature), conformite-synthese.json (codes stables, schéma
scripts/conformance/schemas/conformite-synthese.schema.json), conformite-synthese.md,
conformite.junit.xml, conformite.ndjson, couverture-exigences.csv et conformite.html (vue de
développement de cucumber).

Autres commandes :
  diagnostic --client <http://…>                  vérifie un adaptateur HTTP avant une campagne : appelle
                                                  capabilities, reset et configure et valide chaque réponse
                                                  (quelques secondes) ; code 0 s'il est prêt, 78 sinon.
  verifier <archive.zip> [--cle-publique <pem>]   recalcule chaque empreinte et la signature d'un dossier
                                                  de preuve ; code 0 s'il est intact, 1 sinon.
  fusionner <t1.zip> <t2.zip> … [--rapports <dossier>] [--cle-signature <pem>]
                                                  réunit les dossiers de preuve des tranches d'une campagne :
                                                  un verdict, un rapport, un dossier de preuve.
  comparer <avant.zip> <apres.zip>                régressions et améliorations par exigence entre deux
                                                  campagnes ; code 1 s'il y a une régression.

Codes de sortie : 0 conforme, 1 non conforme, 64 ligne de commande invalide,
78 erreur de mise en place (adaptateur injoignable ou incorrect, données invalides ; la campagne
s'arrête dès une erreur qui rend la suite sans objet : adaptateur injoignable, réponse hors schéma à
capabilities ou configure), 70 erreur interne,
130 ou 143 campagne interrompue (SIGINT ou SIGTERM ; le banc arrête cucumber et tous ses simulateurs).
`;
