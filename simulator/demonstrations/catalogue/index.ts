// The demonstrations a trainer can play (REG-OFF-01 to REG-OFF-06), in the order the web UI lists them.
import type { Demonstration } from '../demonstration.ts';
import { clotureEtReengagement } from './cloture-et-reengagement.ts';
import { documentsXdm } from './documents-xdm.ts';
import { livretMedical } from './livret-medical.ts';
import { ordonnancePatiente } from './ordonnance-patiente.ts';
import { troisAvisDeNonRemise } from './trois-avis-de-non-remise.ts';

export const DEMONSTRATIONS: readonly Demonstration[] = [livretMedical, ordonnancePatiente, troisAvisDeNonRemise, clotureEtReengagement, documentsXdm];
