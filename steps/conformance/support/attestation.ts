// Attestation scenarios (@attestation): who can run them and the question a person answers.
// Pure.
import type { VerdictRecord } from './scenario-verdict.ts';

export const ATTESTATION_TAG = '@attestation';

export function needsPerson(tags: readonly { readonly name: string }[]): boolean {
  return tags.some((tag) => tag.name === ATTESTATION_TAG);
}

/** The verdict of an attestation scenario run by a driver that cannot ask a person. */
export function withoutPerson(): VerdictRecord {
  return { verdict: 'inapplicable', motif: 'Attestation manuelle : une personne répond devant le logiciel ; lancez ce scénario avec le pilote manuel (--client manuel).' };
}

export function attestationQuestion(statement: string): string {
  return `Attestez-vous que ${statement} ?`;
}
