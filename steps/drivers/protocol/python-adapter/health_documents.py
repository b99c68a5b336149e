"""Health documents (SC.MSS/CONF.14, 15, 23-25 when sending; SC.MSS/UX.01, 07, 09, 28, CDA.01 when receiving).

Sending: the client writes its own synthetic CDA R2 document, an IHE_XDM.ZIP (INDEX.HTM,
README.TXT, IHE_XDM/SUBSET01/METADATA.XML and the document), a PDF copy, X-MSS-INS (O only with a
qualified INS), X-MSS-CODECDA and the subject XDM/1.0/DDM+<libellé> <NOM> <prénom> <date>.
Receiving: it reads the archive, shows the subject without the prefix, integrates a document on
a strict match of the qualified INS with a qualified identity of its patient base, puts it in
the worklist otherwise, and refuses a document id it already integrated.
"""
import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape, quoteattr

SUBJECT_PREFIX = "XDM/1.0/DDM+"
ARCHIVE_NAME = "IHE_XDM.ZIP"
METADATA = "IHE_XDM/SUBSET01/METADATA.XML"
INS_OIDS = {"1.2.250.1.213.1.4.8", "1.2.250.1.213.1.4.9", "1.2.250.1.213.1.4.10", "1.2.250.1.213.1.4.11"}
LOCAL_OID = "1.2.250.1.999.78.1"  # this adapter's own synthetic branch
KINDS = {
    "medication-review": ("56445-0", "Bilan partagé de médication", "BILAN PARTAGE DE MEDICATION", "Bilan_de_medication"),
    "livret-medical": ("11490-0", "Livret médical", "LIVRET MEDICAL", "Livret_medical"),
    "biology-report": ("11502-2", "CR d'examens biologiques", "COMPTE RENDU DE BIOLOGIE", "CR_de_biologie"),
}
RIM = "{urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0}"
HL7 = "{urn:hl7-org:v3}"
SCHEMES = {"patientId": "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427", "uniqueId": "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab",
           "typeCode": "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983", "setPatientId": "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446",
           "setUniqueId": "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8"}


def _patient_id(identity):
    if identity["qualified"]:
        return "%s^^^&%s&ISO" % (identity["ins"], identity["oid"])
    return "IPP%s^^^&%s&ISO" % (identity["ins"][7:13], LOCAL_OID)


def _cda(identity, kind, unique_id, author, when):
    code, display, _, _ = KINDS[kind]
    ident = identity["ins"] if identity["qualified"] else "IPP" + identity["ins"][7:13]
    root = identity["oid"] if identity["qualified"] else LOCAL_OID
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">\n'
            '<realmCode code="FR"/><typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>\n'
            '<id root=%s/><code code="%s" codeSystem="2.16.840.1.113883.6.1" displayName=%s/>\n'
            '<title>%s</title><effectiveTime value="%s"/><confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>\n'
            '<recordTarget><patientRole><id root="%s" extension="%s"/><patient><name><family qualifier="BR">%s</family><given>%s</given></name>'
            '<administrativeGenderCode code="%s" codeSystem="2.16.840.1.113883.5.1"/><birthTime value="%s"/></patient></patientRole></recordTarget>\n'
            '<author><time value="%s"/><assignedAuthor><id root="%s.9" extension=%s/></assignedAuthor></author>\n'
            '<component><structuredBody><component><section><text>Document synthétique de test.</text></section></component></structuredBody></component>\n'
            '</ClinicalDocument>\n') % (quoteattr(unique_id), code, quoteattr(display), escape(display), when, root, escape(ident),
                                         escape(identity["birthName"]), escape(identity["firstName"]), identity["sex"],
                                         identity["birthDate"].replace("-", ""), when, LOCAL_OID, quoteattr(author))


def _slot(name, value):
    return '<rim:Slot name="%s"><rim:ValueList><rim:Value>%s</rim:Value></rim:ValueList></rim:Slot>' % (name, escape(value))


def _metadata(cda, patient_id, unique_id, code, when):
    ext = '<rim:ExternalIdentifier id="%s" identificationScheme="%s" registryObject="%s" value=%s/>'
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" '
            'xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0"><rim:RegistryObjectList>\n'
            '<rim:ExtrinsicObject id="Document01" mimeType="text/xml" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1">'
            + _slot("creationTime", when) + _slot("hash", hashlib.sha1(cda).hexdigest()) + _slot("size", str(len(cda)))
            + _slot("URI", "DOC0001.XML") + _slot("sourcePatientId", patient_id)
            + '<rim:Classification id="cl1" classificationScheme="%s" classifiedObject="Document01" nodeRepresentation="%s"/>' % (SCHEMES["typeCode"], code)
            + ext % ("ei1", SCHEMES["patientId"], "Document01", quoteattr(patient_id))
            + ext % ("ei2", SCHEMES["uniqueId"], "Document01", quoteattr(unique_id))
            + '</rim:ExtrinsicObject>\n<rim:RegistryPackage id="SubmissionSet01">' + _slot("submissionTime", when)
            + ext % ("ei3", SCHEMES["setPatientId"], "SubmissionSet01", quoteattr(patient_id))
            + ext % ("ei4", SCHEMES["setUniqueId"], "SubmissionSet01", quoteattr(unique_id + ".1"))
            + '</rim:RegistryPackage>\n<rim:Association id="as1" associationType="urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember" '
            'sourceObject="SubmissionSet01" targetObject="Document01"/>\n</rim:RegistryObjectList></lcm:SubmitObjectsRequest>\n')


def _pdf(title):
    text = title.encode("ascii", "replace").decode("ascii").replace("(", "").replace(")", "")
    stream = "BT /F1 12 Tf 50 790 Td (%s) Tj ET" % text
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", "<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)]
    body, offsets = "%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += "%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(body)
    body += "xref\n0 %d\n0000000000 65535 f \n%s" % (len(objects) + 1, "".join("%010d 00000 n \n" % o for o in offsets))
    return (body + "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)).encode("latin-1")


def document_message(identity, kind, author, now):
    """Subject, X-MSS headers and attachments (archive, PDF) of a health-document message."""
    code, display, label, file_type = KINDS[kind]
    when = now.strftime("%Y%m%d%H%M%S")
    unique_id = "%s.2.%d" % (LOCAL_OID, int(hashlib.sha1(("%s|%s|%s" % (kind, identity["ins"], when)).encode()).hexdigest()[:12], 16))
    cda = _cda(identity, kind, unique_id, author, when).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("INDEX.HTM", "<html><body><a href=\"IHE_XDM/SUBSET01/DOC0001.XML\">%s</a></body></html>" % escape(display))
        archive.writestr("README.TXT", "Archive IHE XDM de l'adaptateur Python (donnees synthetiques).\r\n")
        archive.writestr(METADATA, _metadata(cda, _patient_id(identity), unique_id, code, when))
        archive.writestr("IHE_XDM/SUBSET01/DOC0001.XML", cda)
    birth = "/".join(reversed(identity["birthDate"].split("-")))
    subject = "%s%s %s %s %s" % (SUBJECT_PREFIX, label, identity["birthName"].upper(), identity["firstName"], birth)
    headers = {"X-MSS-INS": "O" if identity["qualified"] else "N", "X-MSS-CODECDA": code}
    pdf_name = "%s_%s_%s_%s.pdf" % (when[:8], file_type, identity["birthName"].upper(), identity["firstName"])
    return subject, headers, [(ARCHIVE_NAME, "application/zip", buffer.getvalue()), (pdf_name, "application/pdf", _pdf(display))]


def _documents_of(archive_bytes):
    """[(uniqueId, typeCode, patient)] of an archive; patient = dict with ins, oid, traits, or None."""
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        metadata = archive.read(METADATA)
        if b"<!DOCTYPE" in metadata:
            return []
        found = []
        for entry in ET.fromstring(metadata).iter(RIM + "ExtrinsicObject"):
            ids = {e.get("identificationScheme"): e.get("value") for e in entry.findall(RIM + "ExternalIdentifier")}
            codes = {c.get("classificationScheme"): c.get("nodeRepresentation") for c in entry.findall(RIM + "Classification")}
            uri = next((s.find(RIM + "ValueList/" + RIM + "Value").text for s in entry.findall(RIM + "Slot") if s.get("name") == "URI"), None)
            found.append((ids.get(SCHEMES["uniqueId"]), codes.get(SCHEMES["typeCode"]), _cda_patient(archive, uri)))
        return found


def _cda_patient(archive, uri):
    data = archive.read("IHE_XDM/SUBSET01/" + uri) if uri else b""
    if not data or b"<!DOCTYPE" in data:
        return None
    role = ET.fromstring(data).find("%srecordTarget/%spatientRole" % (HL7, HL7))
    if role is None:
        return None
    ins = next((i for i in role.findall(HL7 + "id") if i.get("root") in INS_OIDS and i.get("extension")), None)
    family, given = role.find(".//%sfamily" % HL7), role.find(".//%sgiven" % HL7)
    birth, sex = role.find(".//%sbirthTime" % HL7), role.find(".//%sadministrativeGenderCode" % HL7)
    traits = [family is not None and family.text, given is not None and given.text, birth is not None and birth.get("value"), sex is not None and sex.get("code")]
    if ins is None or not all(traits):
        return None
    return {"ins": ins.get("extension"), "oid": ins.get("root"), "birthName": traits[0], "firstName": traits[1], "birthTime": traits[2], "sex": traits[3]}


def _strict_match(patient, patients):
    for known in patients:
        if (known["qualified"] and patient and known["ins"].upper() == patient["ins"].upper() and known["oid"] == patient["oid"]
                and known["birthName"].upper() == patient["birthName"].upper() and known["firstName"].lower() == patient["firstName"].lower()
                and known["birthDate"].replace("-", "") == patient["birthTime"] and known["sex"] == patient["sex"]):
            return known
    return None


def received_documents(subject, archive_bytes, patients, integrated):
    """The healthDocuments of a received message; `integrated` (a set of unique ids) is updated."""
    shown = subject[len(SUBJECT_PREFIX):] if subject.startswith(SUBJECT_PREFIX) else subject
    documents = []
    for unique_id, type_code, patient in _documents_of(archive_bytes):
        if not unique_id or not type_code:
            continue
        match = _strict_match(patient, patients)
        if unique_id in integrated:
            documents.append({"uniqueId": unique_id, "typeCode": type_code, "outcome": "duplicate-refused"})
        elif match:
            integrated.add(unique_id)
            documents.append({"uniqueId": unique_id, "typeCode": type_code, "outcome": "integrated", "patientIns": match["ins"]})
        else:
            documents.append({"uniqueId": unique_id, "typeCode": type_code, "outcome": "worklist"})
    return {"subjectShown": shown, "documents": documents}
