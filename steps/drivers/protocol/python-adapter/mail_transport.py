"""The client's connections to its operator: SMTP submission (SC.MSS/CONF.05) and IMAP
(SC.MSS/CONF.06), both with STARTTLS (or implicit TLS for IMAP when configured), TLS 1.2 at least
(SC.MSS/CONF.01) with only the six suites of SC.MSS/CONF.03 for TLS 1.2, and only the configured
test CA trusted (stand-in for IGC-Santé, SC.MSS/CONF.27). Authentication: XOAUTH2 with a Pro
Santé Connect token for PER and ORG mailboxes (SC.MSS/CONF.07), else the mailbox password (AUTH
PLAIN, IMAP LOGIN), only once TLS is established and after presenting the client certificate of
an applicative mailbox (SC.MSS/CONF.12).

An SMTP refusal becomes a result shown to the user, never an exception, and is never retried
(REG-ANR-10). A TLS handshake the client refuses (certificate, version, suites) is a
SecureConnectionRefused: the caller tells the user, nothing is sent (REG-TLS-06).
"""
import imaplib
import os
import re
import smtplib
import ssl
import tempfile
from datetime import datetime

from pro_sante_connect import TokenRefusedError, xoauth2_payload

TIMEOUT_SECONDS = 20


class OperatorUnavailableError(Exception):
    """The operator could not be reached or refused the client's credentials (a setup problem)."""

    code = "MSS_SIM_PYADAPTER_OPERATOR_UNAVAILABLE"


class SecureConnectionRefused(Exception):
    """The client refused the TLS handshake with its operator (REG-TLS-03, REG-TLS-06): shown to the user."""

    code = "MSS_SIM_PYADAPTER_SECURE_CONNECTION_REFUSED"


# SC.MSS/CONF.03: 0xC030, 0xC02F, 0xC028, 0xC027, 0x009F, 0x009E (TLS 1.3 suites stay the defaults).
CONF03_CIPHERS = ":".join([
    "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-SHA384",
    "ECDHE-RSA-AES128-SHA256", "DHE-RSA-AES256-GCM-SHA384", "DHE-RSA-AES128-GCM-SHA256",
])


def tls_context(ca_pem, client_certificate=None):
    # With cadata, only that CA is trusted (no system store). The simulator's certificate names
    # 127.0.0.1, ::1 and localhost: the default hostname check against the configured host works.
    context = ssl.create_default_context(cadata=ca_pem)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(CONF03_CIPHERS)
    if client_certificate:
        _load_client_certificate(context, client_certificate)
    return context


def _load_client_certificate(context, material):
    """ssl reads a certificate chain from files only: a private temporary folder, removed at once."""
    with tempfile.TemporaryDirectory() as folder:
        cert, key = os.path.join(folder, "certificat.pem"), os.path.join(folder, "cle.pem")
        for path, pem in ((cert, material["certificatePem"]), (key, material["privateKeyPem"])):
            with open(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600), "w", encoding="ascii") as handle:
                handle.write(pem)
        context.load_cert_chain(cert, key)


def _context(settings):
    return tls_context(settings["ca"], settings.get("certificate"))


def _sasl_xoauth2(settings):
    """The XOAUTH2 initial response, then an empty answer to the error challenge (RFC 7628 §3.2.3 style)."""
    try:
        payload = xoauth2_payload(settings["address"], settings["tokens"].access_token())
    except TokenRefusedError as error:
        raise OperatorUnavailableError(str(error))
    answers = [payload, ""]
    return lambda challenge=None: answers.pop(0) if answers else ""


def _reply_text(code, message):
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return ("%d %s" % (code, " ".join(text.split()))).strip()


def submit(settings, envelope_from, recipients, raw):
    """Submits raw bytes. Returns (True, reply) when accepted, (False, smtp_reply) when refused."""
    smtp = settings["smtp"]
    try:
        client = smtplib.SMTP(smtp["host"], smtp["port"], timeout=TIMEOUT_SECONDS)
    except (OSError, smtplib.SMTPException) as error:
        raise OperatorUnavailableError("serveur SMTP %s:%s injoignable : %s" % (smtp["host"], smtp["port"], error))
    try:
        _open_submission(client, settings)
        try:
            refused = client.sendmail(envelope_from, recipients, raw)
        except smtplib.SMTPRecipientsRefused as error:
            code, message = next(iter(error.recipients.values()))
            return False, _reply_text(code, message)
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
            return False, _reply_text(error.smtp_code, error.smtp_error)
        except (OSError, smtplib.SMTPException) as error:
            raise OperatorUnavailableError("soumission SMTP interrompue : %s" % error)
        accepted = [r for r in recipients if r not in refused]
        return True, "accepté pour %s" % ", ".join(accepted)
    finally:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()


def _open_submission(client, settings):
    """EHLO, STARTTLS (mandatory, SC.MSS/CONF.05), EHLO, AUTH PLAIN with the mailbox password."""
    try:
        client.ehlo()
        client.starttls(context=_context(settings))  # raises when STARTTLS is not offered
        client.ehlo()
    except ssl.SSLError as error:
        raise SecureConnectionRefused(str(error))
    except (OSError, smtplib.SMTPException) as error:  # ssl.SSLError is an OSError
        raise OperatorUnavailableError("STARTTLS impossible avec le serveur SMTP : %s" % error)
    client.user, client.password = settings["address"], settings["password"]
    try:
        if settings.get("tokens"):
            client.auth("XOAUTH2", _sasl_xoauth2(settings))
        else:
            client.auth("PLAIN", client.auth_plain)
    except smtplib.SMTPAuthenticationError as error:
        raise OperatorUnavailableError("authentification SMTP refusée : %s" % _reply_text(error.smtp_code, error.smtp_error))
    except (OSError, smtplib.SMTPException) as error:
        raise OperatorUnavailableError("authentification SMTP impossible : %s" % error)


def _open_imap(settings):
    imap = settings["imap"]
    context = _context(settings)
    try:
        if imap["security"] == "tls":
            client = imaplib.IMAP4_SSL(imap["host"], imap["port"], ssl_context=context, timeout=TIMEOUT_SECONDS)
        else:
            client = imaplib.IMAP4(imap["host"], imap["port"], timeout=TIMEOUT_SECONDS)
            client.starttls(ssl_context=context)
    except ssl.SSLError as error:
        raise SecureConnectionRefused(str(error))
    except (OSError, imaplib.IMAP4.error) as error:  # ssl.SSLError is an OSError
        raise OperatorUnavailableError("serveur IMAP %s:%s injoignable ou sans STARTTLS : %s" % (imap["host"], imap["port"], error))
    try:
        if settings.get("tokens"):
            answer = _sasl_xoauth2(settings)
            client.authenticate("XOAUTH2", lambda challenge: answer(challenge).encode("utf-8"))
        else:
            client.login(settings["address"], settings["password"])
    except imaplib.IMAP4.error as error:
        client.shutdown()
        detail = error.args[0] if error.args else error
        detail = detail.decode("utf-8", "replace") if isinstance(detail, bytes) else detail
        raise OperatorUnavailableError("authentification IMAP refusée : %s" % detail)
    return client


_UID = re.compile(rb"UID (\d+)")
_INTERNALDATE = re.compile(rb'INTERNALDATE "([^"]+)"')


def _fetched(response):
    """(uid, internal date or None, raw) from a UID FETCH answer."""
    for item in response:
        if not isinstance(item, tuple):
            continue
        uid = _UID.search(item[0])
        date = _INTERNALDATE.search(item[0])
        when = None
        if date:
            try:
                when = datetime.strptime(date.group(1).decode("ascii").strip(), "%d-%b-%Y %H:%M:%S %z")
            except ValueError:
                when = None
        return (int(uid.group(1)) if uid else None), when, item[1]
    return None, None, None


def synchronise(settings, last_uid, to_append):
    """APPENDs the client's own sent messages to Sent (RFC 6154), then fetches INBOX messages
    whose UID is above last_uid. Returns [(uid, internal date or None, raw)]."""
    client = _open_imap(settings)
    try:
        for raw in to_append:
            client.append("Sent", "(\\Seen)", None, raw)
        return _fetch_inbox(client, last_uid)
    except (OSError, imaplib.IMAP4.error) as error:
        raise OperatorUnavailableError("relève IMAP interrompue : %s" % error)
    finally:
        try:
            client.logout()
        except (imaplib.IMAP4.error, OSError):
            pass


def _fetch_inbox(client, last_uid):
    status, data = client.select("INBOX")
    if status != "OK":
        raise OperatorUnavailableError("dossier INBOX inaccessible : %s" % data)
    if int(data[0] or 0) == 0:
        return []
    status, data = client.uid("SEARCH", "UID %d:*" % (last_uid + 1))  # `n:*` always matches the last one
    uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > last_uid)
    messages = []
    for uid in uids:
        status, response = client.uid("FETCH", str(uid), "(UID INTERNALDATE BODY.PEEK[])")
        fetched_uid, when, raw = _fetched(response)
        if raw is not None:
            messages.append((fetched_uid or uid, when, raw))
    return messages
