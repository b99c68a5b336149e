// `GET /fhir/v2/metadata`: what the simulated Annuaire Santé serves, generated from the search
// parameter table so that the statement never promises more than the handlers do (FHIR R4
// CapabilityStatement; REG-ANN-01 for the real list).
import { FHIR_VERSION, RESOURCE_TYPES } from './fhir-vocabulary.ts';
import { INCLUDES, MAX_COUNT, REVINCLUDES, SEARCH_PARAMETERS } from './search-parameters.ts';

export function capabilityStatement(base: string, date: string) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'Simulateur MSSanté (données synthétiques)',
    kind: 'instance',
    software: { name: "Simulateur Annuaire Santé (sous-ensemble de l'API FHIR v2)" },
    implementation: { description: `Annuaire Santé simulé ; pages de ${MAX_COUNT} résultats au plus ; en-tête ESANTE-API-KEY requis.`, url: base },
    fhirVersion: FHIR_VERSION,
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: { description: "Clé d'API dans l'en-tête ESANTE-API-KEY." },
        resource: RESOURCE_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchInclude: INCLUDES[type],
          searchRevInclude: REVINCLUDES[type],
          searchParam: Object.entries(SEARCH_PARAMETERS[type]).map(([name, definition]) => ({ name, type: definition.kind, documentation: definition.documentation })),
        })),
      },
    ],
  };
}
