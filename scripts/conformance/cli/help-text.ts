// The French help of `npm run conformite -- --help`.
import { CAPABILITIES } from '../../../steps/conformance/support/driver-choice.ts';
import { REFERENCE_FAULTS } from '../../../steps/drivers/reference/reference-fault.ts';

export const USAGE_LINE = 'Usage : npm run conformite -- [--client reference|manual|http://…] [--variante v1,v2] [--tags "<expression>"] [--capacites c1,c2] [--donnees <dossier>] [--rapports <dossier>] [--parallele N] [--delai-manuel <secondes>]';

export const HELP_TEXT = `Banc de conformité MSSanté : joue les scénarios @conformite contre un logiciel de messagerie
et rend un verdict par exigence.

${USAGE_LINE}

Options :
  --client <pilote>        (alias --driver) logiciel testé : « reference » (client intégré, défaut),
                           « manual » (une personne suit les consignes affichées) ou l'adresse
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
  -h, --help               cette aide.

Rapports écrits dans le dossier des rapports : conformite.html, conformite.ndjson,
conformite.junit.xml, conformite-synthese.md, conformite-synthese.json, couverture-exigences.csv.

Codes de sortie : 0 conforme, 1 non conforme, 64 ligne de commande invalide,
78 erreur de mise en place (adaptateur injoignable ou incorrect, données invalides), 70 erreur interne.
`;
