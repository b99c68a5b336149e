// Reads the CDA R2 header fields the document checks need: the document `code` (SC.MSS/CONF.15),
// its id, and the patient of `recordTarget` (identifiers, birth name, first name, birth date,
// sex: the four traits of a qualified INS, SC.MSS/CONF.14).
import { optional } from './optional-field.ts';
import { attribute, child, children, text, type XmlNode } from './safe-xml.ts';

export interface CdaPatient {
  readonly ids: readonly { readonly root: string; readonly extension?: string }[];
  readonly birthName?: string;
  readonly firstName?: string;
  /** YYYYMMDD as written. */
  readonly birthTime?: string;
  readonly sex?: string;
}

export interface CdaHeader {
  readonly code?: string;
  readonly codeSystem?: string;
  readonly id?: string;
  readonly patients: readonly CdaPatient[];
}

/** Undefined when the root element is not a ClinicalDocument. */
export function readCdaHeader(root: XmlNode): CdaHeader | undefined {
  const document = child(root, 'ClinicalDocument');
  if (!document) return undefined;
  const code = child(document, 'code');
  const id = child(document, 'id');
  const idText = attribute(id, 'extension') ? `${attribute(id, 'root')}^${attribute(id, 'extension')}` : attribute(id, 'root');
  return {
    ...optional('code', attribute(code, 'code')),
    ...optional('codeSystem', attribute(code, 'codeSystem')),
    ...optional('id', idText),
    patients: children(document, 'recordTarget').map((target) => readPatient(child(target, 'patientRole'))),
  };
}

function readPatient(role: XmlNode | undefined): CdaPatient {
  const patient = child(role, 'patient');
  const name = child(patient, 'name');
  const family = children(name, 'family');
  const birthFamily = family.find((f) => attribute(f, 'qualifier') === 'BR') ?? family[0];
  const ids = children(role, 'id').map((id) => ({ root: attribute(id, 'root') ?? '', ...optional('extension', attribute(id, 'extension')) }));
  return {
    ids,
    ...optional('birthName', text(birthFamily)),
    ...optional('firstName', text(child(name, 'given'))),
    ...optional('birthTime', attribute(child(patient, 'birthTime'), 'value')),
    ...optional('sex', attribute(child(patient, 'administrativeGenderCode'), 'code')),
  };
}
