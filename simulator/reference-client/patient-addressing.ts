// How the reference client turns a patient identity into a Mon espace santé address
// (REG-ADR-01, REG-ADR-04; MSS/va1.19, SC.MSS/UX.32): only from a qualified identity whose matricule INS
// has 15 characters and a valid key; otherwise a refusal shown to the user, in French.
// The INS check is written independently of the simulator's own, as a vendor's client would
// be; the address itself is spelt by the domain.
import { patientAddressOf } from '../domain/patient-address.ts';
import type { PatientIdentity } from './client-driver.ts';
import type { FaultSet } from './reference-fault.ts';

export type PatientAddressing = { readonly ok: true; readonly address: string } | { readonly ok: false; readonly reason: string };

/** REG-ADR-02: key = 97 − (N mod 97), with 2A → 19 and 2B → 18 in the 13-character number. */
export function expectedInsKey(body13: string): string {
  const digits = body13.replace(/2A/i, '19').replace(/2B/i, '18');
  const remainder = Number(BigInt(digits) % 97n);
  return String(97 - remainder).padStart(2, '0');
}

/** 13 digits (positions 6–7 may be 2A/2B) + the right 2-digit key. */
export function isWellFormedIns(ins: string): boolean {
  if (!/^\d{5}(?:\d{2}|2A|2B)\d{6}\d{2}$/i.test(ins)) return false;
  return expectedInsKey(ins.slice(0, 13)) === ins.slice(13);
}

export function patientAddress(identity: PatientIdentity, faults: FaultSet): PatientAddressing {
  const ins = identity.ins.trim().toUpperCase();
  if (!identity.qualified && !faults.has('address-from-unqualified-identity')) {
    return { ok: false, reason: "L'identité de ce patient n'est pas qualifiée : son adresse Mon espace santé ne peut pas être utilisée (identité INS à qualifier d'abord)." };
  }
  if (!isWellFormedIns(ins) && !faults.has('ins-key-unchecked')) {
    return { ok: false, reason: `Le matricule INS « ${identity.ins} » est invalide (15 caractères dont une clé de contrôle attendus) : aucun message n'a été envoyé.` };
  }
  let local = faults.has('malformed-patient-address') ? ins.slice(0, 13) : ins;
  if (faults.has('corsican-ins-rewritten')) local = `${local.slice(0, 5)}${local.slice(5, 7).replace('2A', '19').replace('2B', '18')}${local.slice(7)}`;
  return { ok: true, address: patientAddressOf(local) };
}

