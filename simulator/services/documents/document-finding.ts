// A finding of the document checks: the rule it breaks, a stable code and a French sentence.
// Published in the `document-archive-checked` observation, returned by the control API and
// shown in the web UI's « Archive XDM » panel.
export type DocumentRule = 'SC.MSS/CONF.14' | 'SC.MSS/CONF.15' | 'SC.MSS/CONF.23' | 'SC.MSS/CONF.24' | 'SC.MSS/CONF.25';

export type DocumentFindingCode =
  | 'archive-refused'
  | 'layout-incomplete'
  | 'xml-refused'
  | 'metadata-unreadable'
  | 'document-missing'
  | 'hash-mismatch'
  | 'size-mismatch'
  | 'entry-field-missing'
  | 'patient-id-not-ins'
  | 'patient-id-mismatch'
  | 'several-patients'
  | 'pdf-missing'
  | 'cda-unreadable'
  | 'code-cda-missing'
  | 'code-cda-mismatch'
  | 'code-cda-without-cda'
  | 'ins-header-missing'
  | 'ins-header-wrong'
  | 'ins-header-without-cda'
  | 'subject-prefix'
  | 'subject-patient';

export interface DocumentFinding {
  readonly rule: DocumentRule;
  readonly code: DocumentFindingCode;
  /** French sentence: the fact, and what was expected. */
  readonly message: string;
}

export function finding(rule: DocumentRule, code: DocumentFindingCode, message: string): DocumentFinding {
  return { rule, code, message };
}
