#!/usr/bin/env python3
"""Independent check of an IHE_XDM.ZIP, written with Python's standard library only (zipfile,
xml.etree.ElementTree, hashlib): a second reader, unrelated to the simulator's TypeScript one.

Usage: xdm_check.py ARCHIVE.ZIP
Prints one JSON object: {"ok": bool, "problems": [...], "documents": [...]} and exits 0.
Checks: ZIP integrity (CRC), IHE XDM layout, METADATA.XML (ebRIM 3.0) entries against their
files (SHA-1 hash, size), typeCode = CDA code, patientId = CDA recordTarget id, one patient.
"""
import hashlib
import json
import sys
import xml.etree.ElementTree as ET
import zipfile

RIM = "{urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0}"
HL7 = "{urn:hl7-org:v3}"
PATIENT_ID = "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427"
UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab"
TYPE_CODE = "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983"
LAYOUT = ["INDEX.HTM", "README.TXT", "IHE_XDM/SUBSET01/METADATA.XML"]


def parse(data, what, problems):
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        problems.append(f"{what}: DOCTYPE refused")
        return None
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        problems.append(f"{what}: not well-formed XML ({error})")
        return None


def slot(entry, name):
    for s in entry.findall(f"{RIM}Slot"):
        if s.get("name") == name:
            return [v.text or "" for v in s.iter(f"{RIM}Value")]
    return []


def external_id(entry, scheme):
    for e in entry.findall(f"{RIM}ExternalIdentifier"):
        if e.get("identificationScheme") == scheme:
            return e.get("value")
    return None


def classification(entry, scheme):
    for c in entry.findall(f"{RIM}Classification"):
        if c.get("classificationScheme") == scheme:
            return c.get("nodeRepresentation")
    return None


def check_entry(archive, entry, problems):
    uri = (slot(entry, "URI") or [None])[0]
    patient_id = external_id(entry, PATIENT_ID)
    document = {"uri": uri, "patientId": patient_id, "uniqueId": external_id(entry, UNIQUE_ID), "typeCode": classification(entry, TYPE_CODE), "mimeType": entry.get("mimeType")}
    for field in ("uri", "patientId", "uniqueId", "typeCode", "mimeType"):
        if not document[field]:
            problems.append(f"entry {entry.get('id')}: {field} missing")
    path = f"IHE_XDM/SUBSET01/{uri}"
    if path not in archive.namelist():
        problems.append(f"{path}: absent")
        return document
    data = archive.read(path)
    if (slot(entry, "hash") or [""])[0].lower() != hashlib.sha1(data).hexdigest():
        problems.append(f"{uri}: SHA-1 hash differs from METADATA.XML")
    if (slot(entry, "size") or [""])[0] != str(len(data)):
        problems.append(f"{uri}: size differs from METADATA.XML")
    cda = parse(data, uri, problems)
    if cda is None:
        return document
    code = cda.find(f"{HL7}code")
    document["cdaCode"] = code.get("code") if code is not None else None
    if document["cdaCode"] != document["typeCode"]:
        problems.append(f"{uri}: CDA code {document['cdaCode']} is not typeCode {document['typeCode']}")
    ids = [f"{i.get('extension')}^^^&{i.get('root')}&ISO" for i in cda.findall(f"{HL7}recordTarget/{HL7}patientRole/{HL7}id")]
    if patient_id not in ids:
        problems.append(f"{uri}: patientId {patient_id} is not the CDA patient {ids}")
    return document


def check(path):
    problems = []
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad:
            problems.append(f"{bad}: CRC error")
        names = archive.namelist()
        for name in names:
            if name.startswith("/") or ".." in name.split("/") or "\\" in name:
                problems.append(f"{name}: unsafe name")
        for name in LAYOUT:
            if name not in names:
                problems.append(f"{name}: absent")
        if LAYOUT[2] not in names:
            return {"ok": False, "problems": problems, "documents": []}
        metadata = parse(archive.read(LAYOUT[2]), "METADATA.XML", problems)
        entries = [] if metadata is None else list(metadata.iter(f"{RIM}ExtrinsicObject"))
        if metadata is not None and not entries:
            problems.append("METADATA.XML: no ExtrinsicObject")
        documents = [check_entry(archive, entry, problems) for entry in entries]
    if len({d["patientId"] for d in documents}) > 1:
        problems.append("several patients in one archive")
    return {"ok": not problems, "problems": problems, "documents": documents}


if __name__ == "__main__":
    print(json.dumps(check(sys.argv[1]), ensure_ascii=False))
