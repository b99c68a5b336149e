"""The headers and body of every message the client sends (REG-MSG-01 to REG-MSG-04).

Own Message-ID (MSS/va1.12), X-MSS-NIL (SC.MSS/CONF.16), UTF-8 text/plain (MSS/va1.11,
SC.MSS/CONF.19), In-Reply-To/References on replies (MSS/va1.08), X-MSS-MES: FIN when no reply is
wanted (SC.MSS/CONF.21), Return-Receipt-To for a delivery receipt (MSS/va1.15); from an
applicative mailbox, the automatic-sending mention at the end and Reply-To (MSS/va1.09).
"""
import base64
import uuid
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

# The product reference declared on convergence.esante.gouv.fr (synthetic here).
PRODUCT_NIL = "SIMULATEUR-ADAPTATEUR-PYTHON-1"


def new_message_id(sender):
    domain = sender.split("@")[-1] or "adaptateur-python.invalid"
    return "<%s@%s>" % (uuid.uuid4(), domain)


def automatic_mention(reply_to):
    return "Ce message a été envoyé automatiquement par un logiciel. Pour toute question, écrivez à %s." % reply_to


def compose(draft, message_id):
    """Raw RFC 5322 bytes (CRLF) of a draft: dict with sender, to, cc, subject, body, attachments,
    reply (message_id, references), no_reply, receipt."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = draft["sender"]
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
