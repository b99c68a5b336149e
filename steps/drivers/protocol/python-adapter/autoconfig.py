"""Configuration from the mailbox address alone (SC.MSS/CONF.04): the Thunderbird autoconfig
document (config-v1.1.xml) names the IMAP and SMTP servers; the client connects there.
"""
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree

TIMEOUT_SECONDS = 20


class AutoconfigError(Exception):
    code = "MSS_SIM_PYADAPTER_AUTOCONFIG"


def servers_of(xml_text):
    """{"smtp": {...}, "imap": {...}} from the document; AutoconfigError when a server is missing or not secured."""
    root = ElementTree.fromstring(xml_text)
    imap = root.find("./emailProvider/incomingServer[@type='imap']")
    smtp = root.find("./emailProvider/outgoingServer[@type='smtp']")
    if imap is None or smtp is None:
        raise AutoconfigError("le document autoconfig ne décrit pas de serveur IMAP et SMTP")
    security = {"SSL": "tls", "STARTTLS": "starttls"}.get(imap.findtext("socketType"))
    if security is None or smtp.findtext("socketType") != "STARTTLS":
        raise AutoconfigError("le document autoconfig annonce un serveur sans TLS")
    return {"smtp": {"host": smtp.findtext("hostname"), "port": int(smtp.findtext("port")), "security": "starttls"},
            "imap": {"host": imap.findtext("hostname"), "port": int(imap.findtext("port")), "security": security}}


def discover(url, address):
    target = url + ("&" if "?" in url else "?") + urllib.parse.urlencode({"emailaddress": address})
    try:
        with urllib.request.urlopen(target, timeout=TIMEOUT_SECONDS) as response:
            return servers_of(response.read().decode("utf-8"))
    except (OSError, ElementTree.ParseError) as error:
        raise AutoconfigError("document autoconfig illisible (%s) : %s" % (target, error))
