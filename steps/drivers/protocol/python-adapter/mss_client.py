"""A small MSSanté client: what the adapter's operations make it do (REG-ADR-04, REG-MSG, REG-ANR-09 to REG-ANR-11).

It remembers, in memory only, its configuration, its sent messages with their delivery state and
the messages it fetched; reset() forgets everything. It never answers a bounce (RFC 3834) and
never resends after a permanent failure (REG-ANR-10).
"""
import ssl
from email.utils import getaddresses
from datetime import datetime, timezone

import base64

import autoconfig
import directory_search
import health_documents
import mail_transport
from message_reading import attachments_of, headline, read_message
from outgoing_message import compose, compose_read_receipt, new_message_id, sender_display_name
from patient_addressing import invalid_typed_patient_address, patient_address
from pro_sante_connect import TokenSource

END_SUBJECT = "[FIN]"  # REG-FIN-01: exactly this, nothing else
NO_REPLY_SUBJECT = "Fin de l'échange"
END_BODY = "Cet échange est terminé. Pour toute nouvelle demande, contactez votre professionnel de santé."
CLIENT = {"name": "Adaptateur Python (bibliothèque standard)", "version": "0.1.0", "vendor": "mssante-simulateur"}
CAPABILITIES = ["patient-messaging", "end-conversation-subject", "end-conversation-header", "directory-search",
                "mailbox-sync", "delivery-receipts", "read-receipts", "reply", "documents", "documents-reception",
                "psc-authentication", "session-reopening", "app-mailbox", "autoconfig"]


class ClientError(Exception):
    """The client cannot do what was asked (not configured, unknown message): a setup error."""

    code = "MSS_SIM_PYADAPTER_CLIENT"


def _iso(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (moment.microsecond // 1000)


def refusal_shown_to_user(smtp_reply):
    """What the client tells the user when the operator refused the message (SC.MSS/UX.30)."""
    outside = "5.7.1" in smtp_reply
    why = "le destinataire n'appartient pas à l'espace de confiance MSSanté" if outside else "le serveur de messagerie a refusé le message"
    return "Message non envoyé : %s (réponse du serveur : %s)." % (why, smtp_reply)


def insecure_shown_to_user(action, error):
    """What the client tells the user when it refused the TLS handshake with its operator (REG-TLS-06)."""
    return "%s : connexion sécurisée à l'opérateur impossible, rien n'a été transmis (%s)." % (action, error)


class MssClient:
    def __init__(self):
        self.settings = None
        self.reset()

    def reset(self):
        self.settings = None
        self.sent, self.received, self.last_uid, self._next = [], [], 0, 1
        self.patients, self.integrated = [], set()  # patient base and integrated document ids (SC.MSS/UX.07, CDA.01)

    def configure(self, configuration):
        mailbox = configuration["mailbox"]
        if mailbox.get("password") is None:
            raise ClientError("configuration incomplète : « mailbox.password » est requis par cet adaptateur")
        certificate = mailbox.get("clientCertificate")
        try:
            # refuse an unreadable CA or client certificate now, not at first use
            mail_transport.tls_context(configuration["caCertificatePem"], certificate)
        except ssl.SSLError as error:
            raise ClientError("le certificat de l'autorité de test ou le certificat client est illisible : %s" % error)
        psc = mailbox.get("psc") if mailbox["authentication"] == "oauth2" else None
        self.settings = {"smtp": configuration.get("smtp"), "imap": configuration.get("imap"), "autoconfig": configuration.get("autoconfig"),
                         "directory": configuration["directory"], "ca": configuration["caCertificatePem"],
                         "address": mailbox["address"].lower(), "password": mailbox["password"], "certificate": certificate,
                         "reply_to": mailbox.get("replyTo"), "tokens": TokenSource(psc) if psc else None,
                         "sender_name": sender_display_name(mailbox.get("holder"))}

    def _connected(self):
        """The settings with the servers: those of configure, else those of the autoconfig document (SC.MSS/CONF.04)."""
        settings = self._configured()
        if settings["smtp"] is None or settings["imap"] is None:
            if settings["autoconfig"] is None:
                raise ClientError("configuration incomplète : ni « smtp »/« imap » ni « autoconfig »")
            try:
                settings.update(autoconfig.discover(settings["autoconfig"]["url"], settings["address"]))
            except autoconfig.AutoconfigError as error:
                raise mail_transport.OperatorUnavailableError(str(error))
        return settings

    def _configured(self):
        if self.settings is None:
            raise ClientError("le client n'est pas configuré : appelez « configure » d'abord")
        return self.settings

    def transmit(self, draft):
        settings = self._configured()
        message_id = new_message_id(settings["address"])
        raw = compose(dict(draft, sender=settings["address"], automatic_reply_to=settings["reply_to"], sender_name=settings["sender_name"]), message_id)
        recipients = list(draft["to"]) + list(draft.get("cc") or [])
        try:
            accepted, reply = mail_transport.submit(self._connected(), settings["address"], recipients, raw)
        except mail_transport.SecureConnectionRefused as error:
            return {"status": "failed", "shownToUser": insecure_shown_to_user("Message non envoyé", error)}
        except mail_transport.OperatorUnavailableError as error:  # tried, and the user sees why
            return {"status": "failed", "shownToUser": "Message non envoyé : %s" % error}
        if not accepted:  # never retried (REG-ANR-10)
            return {"status": "failed", "smtpReply": reply, "shownToUser": refusal_shown_to_user(reply)}
        client_message_id = "envoi-%d" % self._next
        self._next += 1
        self.sent.append({"clientMessageId": client_message_id, "messageId": message_id, "to": recipients, "raw": raw,
                          "subject": draft["subject"], "sentAt": datetime.now(timezone.utc), "deliveryState": "sent", "appended": False})
        return {"status": "sent", "clientMessageId": client_message_id, "messageId": message_id}

    def _original(self, client_message_id):
        """Thread and addresses of a listed message, for a reply (MSS/va1.08, RFC 5322 §3.6.2)."""
        for sent in self.sent:
            if sent["clientMessageId"] == client_message_id:
                return {"message_id": sent["messageId"], "references": []}, sent["to"]
        for received in self.received:
            if received["clientMessageId"] == client_message_id:
                head = received["headline"]
                if not head["messageId"]:
                    raise ClientError("le message « %s » n'a pas de Message-ID : impossible d'y répondre" % client_message_id)
                thread = {"message_id": head["messageId"], "references": head["references"]}
                return thread, head["replyTo"] or [head["from"]]
        raise ClientError("le client ne connaît pas le message « %s » (inReplyTo)" % client_message_id)

    def send(self, request):
        draft = {"subject": request["subject"], "body": request["body"], "cc": request.get("cc") or [],
                 "attachments": request.get("attachments") or [], "receipt": bool(request.get("requestDeliveryReceipt")),
                 "read_receipt": bool(request.get("requestReadReceipt"))}
        to = request.get("to")
        if request.get("inReplyTo") is not None:
            thread, reply_to = self._original(request["inReplyTo"])
            draft["reply"] = thread
            to = to or reply_to  # the « Répondre » button: Reply-To of the original, else its From
        draft["to"] = to
        invalid = [a for a in list(to or []) + draft["cc"] if invalid_typed_patient_address(a)]
        if invalid:  # REG-ADR-01: checked before sending, as the protocol allows
            return {"status": "refused", "reason": "Adresse Mon espace santé invalide (matricule INS de 15 caractères avec sa clé attendu) : %s ; "
                    "aucun message n'a été envoyé." % ", ".join(invalid)}
        return self.transmit(draft)

    def write_to_patient(self, request):
        address, reason = patient_address(request["patient"])
        if address is None:
            return {"status": "refused", "reason": reason}
        return self.transmit({"to": [address], "subject": request["subject"], "body": request["body"],
                              "no_reply": bool(request.get("noReply")), "attachments": request.get("attachments") or []})

    def send_document(self, request):
        """A health-document message (SC.MSS/CONF.14, 15, 23-25), to professionals and/or the patient."""
        to = list(request.get("to") or [])
        if request.get("toPatient"):
            address, reason = patient_address(request["patient"])
            if address is None:
                return {"status": "refused", "reason": reason}
            to.append(address)
        identity = dict(request["patient"], ins=request["patient"]["ins"].strip().upper())
        subject, headers, files = health_documents.document_message(identity, request["document"], self._configured()["address"], datetime.now(timezone.utc))
        attachments = [{"filename": name, "contentType": kind, "contentBase64": base64.b64encode(content).decode("ascii")} for name, kind, content in files]
        body = request.get("body") or "Bonjour,\nVeuillez trouver ci-joint le document de santé (archive IHE_XDM et copie PDF).\nBien cordialement."
        return self.transmit({"to": to, "subject": subject, "body": body, "headers": headers, "attachments": attachments})

    def register_patient(self, identity):
        self.patients.append(identity)

    def end_conversation(self, request):
        address, reason = patient_address(request["patient"])
        if address is None:
            return {"status": "refused", "reason": reason}
        by_subject = request["method"] == "subject"
        return self.transmit({"to": [address], "subject": END_SUBJECT if by_subject else NO_REPLY_SUBJECT,
                              "body": request.get("body") or END_BODY, "no_reply": not by_subject})

    def find_recipient(self, request):
        return directory_search.find_recipients(self._configured()["directory"], request["query"], request.get("kind"))

    def synchronise(self):
        """None when done; the failure shown to the user when the relève was tried and failed."""
        pending = [s for s in self.sent if not s["appended"]]
        try:
            fetched = mail_transport.synchronise(self._connected(), self.last_uid, [s["raw"] for s in pending])
        except mail_transport.SecureConnectionRefused as error:
            return {"status": "failed", "shownToUser": insecure_shown_to_user("Relève de la boîte impossible", error)}
        except mail_transport.OperatorUnavailableError as error:
            return {"status": "failed", "shownToUser": "Relève impossible : %s" % error}
        for sent in pending:
            sent["appended"] = True
        for uid, when, raw in fetched:
            self.last_uid = max(self.last_uid, uid)
            self._receive(uid, when or datetime.now(timezone.utc), raw)
        return {}

    def _receive(self, uid, when, raw):
        read = read_message(raw)
        reading, about = read["reading"], None
        if reading["kind"] in ("bounce", "receipt"):  # SC.MSS/UX.35: tie the report to the sent message
            wanted = {i.lower() for i in reading["about"]}
            sent = next((s for s in self.sent if s["messageId"].lower() in wanted), None)
            if sent is not None:
                sent["deliveryState"] = reading["status"]
                about = sent["clientMessageId"]
        self.received.append({"clientMessageId": "recu-%d" % uid, "receivedAt": when, "headline": headline(read["message"]),
                              "reading": reading, "about": about, "attachments": attachments_of(read["message"], reading),
                              "healthDocuments": self._health_documents(read["message"])})
        if reading["kind"] in ("message", "patient-message"):
            self._return_read_receipt(read["message"])

    def _health_documents(self, message):
        """SC.MSS/UX.01: a message with IHE_XDM.ZIP is a document message, read in reception order."""
        for part in message.iter_attachments():
            if (part.get_filename() or "").strip().upper() == health_documents.ARCHIVE_NAME:
                return health_documents.received_documents(headline(message)["subject"], part.get_content(), self.patients, self.integrated)
        return None

    def _return_read_receipt(self, message):
        """SC.MSS/UX.34: a fetched message with Disposition-Notification-To gets its read receipt (RFC 8098)."""
        head = headline(message)
        asked = _addresses_of(message.get("Disposition-Notification-To"))
        if not asked or not head["messageId"] or message.get_content_type() == "multipart/report":
            return
        settings = self._connected()
        raw = compose_read_receipt(settings["address"], settings["sender_name"], asked[0], head["messageId"], head["subject"],
                                   new_message_id(settings["address"]))
        mail_transport.submit(settings, settings["address"], [asked[0]], raw)

    def list_messages(self):
        sender = self._configured()["address"]
        listed = [{"clientMessageId": s["clientMessageId"], "messageId": s["messageId"], "folder": "sent", "from": sender,
                   "to": s["to"], "subject": s["subject"], "receivedAt": _iso(s["sentAt"]), "kind": "message",
                   "deliveryState": s["deliveryState"]} for s in self.sent]
        return listed + [self._listed_received(r) for r in self.received]

    @staticmethod
    def _listed_received(record):
        head, reading = record["headline"], record["reading"]
        listed = {"clientMessageId": record["clientMessageId"], "folder": "inbox", "from": head["from"] or "inconnu@invalid",
                  "to": head["to"], "subject": head["subject"], "receivedAt": _iso(record["receivedAt"]), "kind": reading["kind"]}
        if head["messageId"]:
            listed["messageId"] = head["messageId"]
        if record["attachments"]:
            listed["attachments"] = record["attachments"]
        if record.get("healthDocuments"):
            listed["healthDocuments"] = record["healthDocuments"]
        if reading["kind"] == "patient-message":
            listed["patient"] = reading["patient"]
        if reading["kind"] in ("bounce", "receipt"):
            report = {"status": reading["status"], "reasonShown": reading["reasonShown"]}
            if record["about"]:
                report["aboutClientMessageId"] = record["about"]
            listed["report"] = report
        return listed


def _addresses_of(value):
    """Bare lower-case addresses of a header value (Disposition-Notification-To)."""
    if value is None:
        return []
    return [address.lower() for _, address in getaddresses([str(value)]) if address]
