// The JSON Schemas of ../schemas are strict enough to catch what a broken Annuaire would emit:
// a wrong extension URL, a telecom without its system, a red-listed box, a mailbox type on
// the wrong resource, an OperationOutcome without our stable code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultData, directoryKit } from './testing/directory-kit.ts';
import { fhirSchemaErrors } from './testing/fhir-schemas.ts';

const kit = directoryKit(await defaultData());
const clone = <T>(value: T): T => structuredClone(value);

async function sampleBundle() {
  return (await kit.fhir('/fhir/v2/Organization?_id=pharmacie-du-parc')).body;
}

test('the emitted bundle is valid, and each mutation below makes it invalid', async () => {
  const bundle = await sampleBundle();
  assert.equal(fhirSchemaErrors('bundle', bundle), '');
  const mutations: [string, (b: any) => void][] = [
    ['wrong e-mail type extension URL', (b) => (b.entry[0].resource.telecom[0].extension[0].url = 'https://hl7.fr/ig/fhir/core/StructureDefinition/email-type')],
    ['wrong metadata extension URL', (b) => (b.entry[0].resource.telecom[0].extension[1].url = 'https://interop.esante.gouv.fr/mailbox-metadata')],
    ['telecom without system', (b) => delete b.entry[0].resource.telecom[0].system],
    ['red-listed mailbox published', (b) => (b.entry[0].resource.telecom[0].extension[1].extension.find((e: any) => e.url === 'listeRouge').valueBoolean = true)],
    ['PER box on an Organization', (b) => (b.entry[0].resource.telecom[0].extension[1].extension[0].valueCodeableConcept.coding[0].code = 'PER')],
    ['messaging type other than MSSANTE', (b) => (b.entry[0].resource.telecom[0].extension[0].valueCoding.code = 'APICRYPT')],
    ['unknown search mode', (b) => (b.entry[0].search.mode = 'outcome')],
    ['negative total', (b) => (b.total = -1)],
    ['missing self link', (b) => (b.link = [{ relation: 'next', url: 'http://x/fhir/v2/Organization' }])],
    ['organisation without address', (b) => delete b.entry[0].resource.address],
  ];
  for (const [what, mutate] of mutations) {
    const broken = clone(bundle);
    mutate(broken);
    assert.notEqual(fhirSchemaErrors('bundle', broken), '', what);
  }
});

test('a Practitioner carries PER or CAB boxes only, with its idNat first', async () => {
  const rousseau = (await kit.fhir('/fhir/v2/Practitioner/899900100043')).body;
  assert.equal(fhirSchemaErrors('practitioner', rousseau), '');
  const org = clone(rousseau);
  org.telecom[0].extension[1].extension[0].valueCodeableConcept.coding[0].code = 'ORG';
  assert.notEqual(fhirSchemaErrors('practitioner', org), '');
  const swapped = clone(rousseau);
  swapped.identifier.reverse();
  assert.notEqual(fhirSchemaErrors('practitioner', swapped), '');
});

test('an OperationOutcome must carry the simulator code and diagnostics', async () => {
  const outcome = (await kit.fhir('/fhir/v2/Patient')).body;
  assert.equal(fhirSchemaErrors('operation-outcome', outcome), '');
  const noCode = clone(outcome);
  noCode.issue[0].details.coding = [{ system: 'https://mssante-simulateur.example/fhir/CodeSystem/erreurs-annuaire', code: 'HAPI-0302' }];
  assert.notEqual(fhirSchemaErrors('operation-outcome', noCode), '');
  const noDiagnostics = clone(outcome);
  delete noDiagnostics.issue[0].diagnostics;
  assert.notEqual(fhirSchemaErrors('operation-outcome', noDiagnostics), '');
});
