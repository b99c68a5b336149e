"""How the client reads a received message (REG-ANR-09, REG-MES-07).

A delivery-status report (RFC 3464) with a failed recipient is a bounce: shown as undelivered
with the sentence of its human-readable part that names the failed recipient (SC.MSS/UX.30),
and tied to the sent message by the Message-ID of the returned headers, then the report's
In-Reply-To and References (SC.MSS/UX.35). A report with delivered recipients is a receipt
(MSS/va1.14). Mail from Mon espace santé is a patient message, whose identity is read from the
From display name « Prénom NOM » and the INS local part (SC.MSS/UX.25, UX.31).
"""
import re
from email import message_from_bytes, policy
from email.parser import HeaderParser
from email.utils import getaddresses

from patient_addressing import PATIENT_DOMAIN

_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def _fields(block):
    """Lower-cased field names of one delivery-status block (a Message or header text)."""
    if isinstance(block, str):
        block = HeaderParser().parsestr(block)
    return {name.lower(): str(value) for name, value in block.items()}


def _status_blocks(part):
    payload = part.get_payload()
    if isinstance(payload, list):
        return [_fields(block) for block in payload]
    text = payload if isinstance(payload, str) else part.get_payload(decode=True).decode("utf-8", "replace")
    return [_fields(chunk + "\n") for chunk in re.split(r"\r?\n\s*\r?\n", text) if chunk.strip()]


def _addresses(message, header):
    values = [str(v) for v in message.get_all(header, [])]
    return [address.lower() for _, address in getaddresses(values) if address]


def _ids(value):
    return _MESSAGE_ID.findall(str(value or ""))


def _returned_ids(report):
    """Message-IDs of the returned headers (text/rfc822-headers) or message (message/rfc822)."""
    ids = []
    for part in report.iter_parts():
        kind = part.get_content_type()
        if kind == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            ids += _ids(inner.get("Message-ID") if hasattr(inner, "get") else "")
        elif kind == "text/rfc822-headers":
            raw = part.get_payload(decode=True) or b""
            ids += _ids(HeaderParser().parsestr(raw.decode("utf-8", "replace")).get("Message-ID"))
    return ids


def _human_text(report):
    for part in report.iter_parts():
        if part.get_content_type() == "text/plain":
            return part.get_content()
    return ""


def _reason(report, recipient, failed, status):
    """The paragraph of the human-readable part naming the failed recipient, else the first one."""
    text = _human_text(report).replace("\r\n", "\n").strip()
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    paragraphs = [p for p in paragraphs if p]
    for paragraph in paragraphs:
        if recipient and recipient in paragraph.lower():
            return paragraph
    if paragraphs:
        return paragraphs[0]
    return ("Message non distribué (statut %s)." if failed else "Message distribué (statut %s).") % status


def patient_of(display_name, address):
    """« Louise MARCHAND » <284034912304586@patient.mssante.fr>: the birth name is in capitals."""
    ins = address.split("@")[0].upper()
    words = display_name.split()
    first_birth = next((i for i, w in enumerate(words) if w == w.upper() and w != w.lower()), -1)
    if first_birth <= 0:
        return {"birthName": " ".join(words) or ins, "firstName": "", "ins": ins}
    return {"birthName": " ".join(words[first_birth:]), "firstName": " ".join(words[:first_birth]), "ins": ins}


def _report_reading(message, report):
    blocks = _status_blocks(report)
    recipients = [b for b in blocks if "final-recipient" in b or "action" in b]
    if not recipients:
        return None
    failed = any(b.get("action", "").strip().lower() == "failed" for b in recipients)
    first = recipients[0]
    recipient = re.sub(r"^[^;]*;\s*", "", first.get("final-recipient", "")).strip().lower()
    about = _returned_ids(message)
    about += _ids(message.get("In-Reply-To")) + _ids(message.get("References"))
    return {"kind": "bounce" if failed else "receipt", "about": about,
            "status": "undelivered" if failed else "delivered",
            "reasonShown": _reason(message, recipient, failed, first.get("status", "").strip())}


def read_message(raw):
    """The client's reading: dict with message (email.message.EmailMessage) and reading."""
    message = message_from_bytes(raw, policy=policy.default)
    if message.get_content_type() == "multipart/report":
        report = next((p for p in message.iter_parts() if p.get_content_type() == "message/delivery-status"), None)
        reading = _report_reading(message, report) if report is not None else None
        if reading:
            return {"message": message, "reading": reading}
    senders = message["From"].addresses if message["From"] is not None else ()
    sender = senders[0] if senders else None
    if sender and sender.addr_spec.lower().endswith("@" + PATIENT_DOMAIN) and not sender.username.lower() == "mailer-daemon":
        patient = patient_of(sender.display_name or "", sender.addr_spec)
        return {"message": message, "reading": {"kind": "patient-message", "patient": patient}}
    return {"message": message, "reading": {"kind": "message"}}


def headline(message):
    """From, To, Subject, Message-ID and References of a read message, as the client lists them."""
    sender = _addresses(message, "From")
    subject = re.sub(r"[\r\n]+", "", str(message.get("Subject") or ""))[:998]
    message_ids = _ids(message.get("Message-ID"))
    return {"from": sender[0] if sender else "", "to": _addresses(message, "To"), "subject": subject,
            "messageId": message_ids[0] if message_ids else None,
            "references": _ids(message.get("References")), "replyTo": _addresses(message, "Reply-To")}


def attachments_of(message, reading):
    """Files shown to the user: named parts, except the report's own parts (RFC 3464 §2)."""
    if reading["kind"] in ("bounce", "receipt"):
        return []
    files = []
    for part in message.walk():
        filename = part.get_filename()
        if part.is_multipart() or not filename:
            continue
        content = part.get_payload(decode=True) or b""
        files.append({"filename": filename, "contentType": part.get_content_type(), "size": len(content)})
    return files
