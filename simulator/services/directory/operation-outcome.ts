// The OperationOutcome of a refused request (FHIR R4 OperationOutcome), as the real API
// answers every error (REG-ANN-01): one issue with the FHIR issue code, our stable code in
// `details.coding` and the French diagnostics.
import type { DirectoryRequestError } from './directory-request-error.ts';
import { SYSTEM } from './fhir-vocabulary.ts';

export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome';
  readonly issue: readonly {
    readonly severity: 'error' | 'fatal';
    readonly code: string;
    readonly details: { readonly coding: readonly { readonly system: string; readonly code: string }[]; readonly text: string };
    readonly diagnostics: string;
  }[];
}

export function operationOutcome(error: DirectoryRequestError): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: error.status >= 500 ? 'fatal' : 'error',
        code: error.issue,
        details: { coding: [{ system: SYSTEM.simulatorErrors, code: error.code }], text: error.message },
        diagnostics: error.message,
      },
    ],
  };
}
