"""The headers and body of every message the client sends (REG-MSG-01 to REG-MSG-04).

Sender display name (MSS/va1.16), own Message-ID (MSS/va1.12), X-MSS-NIL (SC.MSS/CONF.16), UTF-8 text/plain (MSS/va1.11,
SC.MSS/CONF.19), In-Reply-To/References on replies (MSS/va1.08), X-MSS-MES: FIN when no reply is
wanted (SC.MSS/CONF.21), Return-Receipt-To for a delivery receipt (MSS/va1.15); from an
applicative mailbox, the automatic-sending mention at the end and Reply-To (MSS/va1.09).
"""
import base64
import uuid
from datetime import datetime, timezone
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

# The product reference declared on convergence.esante.gouv.fr (synthetic here).
PRODUCT_NIL = "SIMULATEUR-ADAPTATEUR-PYTHON-1"


def sender_display_name(holder):
    """MSS/va1.16: title first-name name entity for a personal mailbox, the entity's name otherwise."""
    if not holder:
        return None
    if holder["mailboxType"] not in ("PER", "CAB"):
        return holder.get("entity") or None
    parts = [holder.get(key) for key in ("title", "firstName", "lastName", "entity")]
    return " ".join(part for part in parts if part) or None


def new_message_id(sender):
    domain = sender.split("@")[-1] or "adaptateur-python.invalid"
    return "<%s@%s>" % (uuid.uuid4(), domain)


def automatic_mention(reply_to):
    return "Ce message a été envoyé automatiquement par un logiciel. Pour toute question, écrivez à %s." % reply_to


def compose(draft, message_id):
    """Raw RFC 5322 bytes (CRLF) of a draft: dict with sender, to, cc, subject, body, attachments,
    reply (message_id, references), no_reply, receipt."""
    message = EmailMessage(policy=policy.SMTP)
    name = draft.get("sender_name")
    message["From"] = Address(display_name=name, addr_spec=draft["sender"]) if name else draft["sender"]
    message["To"] = ", ".join(draft["to"])
    if draft.get("cc"):
        message["Cc"] = ", ".join(draft["cc"])
    message["Subject"] = draft["subject"]
    message["Date"] = format_datetime(datetime.now(timezone.utc))
    message["Message-ID"] = message_id
    message["X-MSS-NIL"] = PRODUCT_NIL
    for name, value in (draft.get("headers") or {}).items():  # a document message's X-MSS-INS, X-MSS-CODECDA
        message[name] = value
    if draft.get("no_reply"):
        message["X-MSS-MES"] = "FIN"
    if draft.get("receipt"):
        message["Return-Receipt-To"] = draft["sender"]
    automatic = draft.get("automatic_reply_to")
    if automatic:
        message["Reply-To"] = automatic
    if draft.get("read_receipt"):
        message["Disposition-Notification-To"] = draft["sender"]
    reply = draft.get("reply")
    if reply:
        message["In-Reply-To"] = reply["message_id"]
        message["References"] = " ".join(list(reply["references"]) + [reply["message_id"]])
    body = draft["body"] + ("\n\n-- \n%s\n" % automatic_mention(automatic) if automatic else "")
    message.set_content(body, charset="utf-8", cte="quoted-printable")
    for attachment in draft.get("attachments") or []:
        maintype, _, subtype = attachment["contentType"].partition("/")
        content = base64.b64decode("".join(attachment["contentBase64"].split()))
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=attachment["filename"])
    return message.as_bytes(policy=policy.SMTP)


def compose_read_receipt(sender, sender_name, to, original_id, original_subject, message_id):
    """SC.MSS/UX.34, RFC 8098: multipart/report; report-type=disposition-notification naming the original Message-ID."""
    report = EmailMessage(policy=policy.SMTP)
    report["From"] = Address(display_name=sender_name, addr_spec=sender) if sender_name else sender
    report["To"] = to
    report["Subject"] = "Accusé de lecture : %s" % original_subject
    report["Date"] = format_datetime(datetime.now(timezone.utc))
    report["Message-ID"] = message_id
    report["In-Reply-To"] = original_id
    report["References"] = original_id
    report["Auto-Submitted"] = "auto-replied"
    report["X-MSS-NIL"] = PRODUCT_NIL
    report.set_content("Votre message « %s » a été affiché par son destinataire %s." % (original_subject, sender), charset="utf-8")
    report.make_mixed()
    report.replace_header("Content-Type", "multipart/report")
    report.set_param("report-type", "disposition-notification")
    fields = ("Reporting-UA: adaptateur-python; Adaptateur Python\r\nOriginal-Recipient: rfc822;%s\r\nFinal-Recipient: rfc822;%s\r\n"
              "Original-Message-ID: %s\r\nDisposition: automatic-action/MDN-sent-automatically; displayed\r\n") % (sender, sender, original_id)
    notification = EmailMessage(policy=policy.SMTP)
    notification.set_payload(fields)
    notification["Content-Type"] = "message/disposition-notification"
    report.attach(notification)
    return report.as_bytes(policy=policy.SMTP)
