"""Patient addresses built from a patient identity (REG-ADR-01, REG-ADR-04; MSS/va1.19, SC.MSS/UX.32).

The address is <matricule INS>@patient.mssante.fr, only for a qualified identity whose INS has
15 characters (13 digits, positions 6-7 may be 2A/2B for Corsica) and a valid 2-digit key.
Otherwise the client refuses and says why, in French.
"""
import re

PATIENT_DOMAIN = "patient.mssante.fr"
_INS_SHAPE = re.compile(r"^\d{5}(?:\d{2}|2A|2B)\d{6}\d{2}$")


def expected_ins_key(body13):
    """REG-ADR-02: key = 97 - (N mod 97), with 2A -> 19 and 2B -> 18 in the 13-character number."""
    digits = body13.replace("2A", "19").replace("2B", "18")
    return "%02d" % (97 - int(digits) % 97)


def is_well_formed_ins(ins):
    return bool(_INS_SHAPE.match(ins)) and expected_ins_key(ins[:13]) == ins[13:]


def patient_address(identity):
    """(address, None) when the client may write to the patient, else (None, reason shown to the user)."""
    ins = identity["ins"].strip().upper()
    if not identity["qualified"]:
        return None, ("L'identité de ce patient n'est pas qualifiée : son adresse Mon espace santé ne peut pas "
                      "être utilisée (identité INS à qualifier d'abord).")
    if not is_well_formed_ins(ins):
        return None, ("Le matricule INS « %s » est invalide (15 caractères dont une clé de contrôle attendus) : "
                      "aucun message n'a été envoyé." % identity["ins"])
    return ins + "@" + PATIENT_DOMAIN, None


_INS_LIKE = re.compile(r"^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{4,10}$")


def invalid_typed_patient_address(address):
    """A typed Mon espace santé address whose local part is meant as a matricule INS (digits, 2A/2B)
    but has the wrong length or key: the client refuses it before sending (REG-ADR-01)."""
    local, _, domain = address.upper().rpartition("@")
    return domain == PATIENT_DOMAIN.upper() and bool(_INS_LIKE.match(local)) and not is_well_formed_ins(local)


def is_patient_address(address):
    return address.lower().endswith("@" + PATIENT_DOMAIN)
