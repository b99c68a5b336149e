"""Finding a recipient in the Annuaire Santé while composing (SC.MSS/CONF.20).

FHIR searches with the ESANTE-API-KEY header. A mailbox is a telecom of system email whose
as-ext-mailbox-mss-metadata extension gives its type (PER, ORG, APP, CAB). A 5-digit query is a
postal code (Organization?address-postalcode); a pharmacy is an organisation of sector SA33
whose organisational (ORG) mailbox is kept; a name searches Practitioner (with its
PractitionerRole, which may carry the nominative mailbox) and Organization.
"""
import json
import re
import urllib.error
import urllib.parse
import urllib.request

METADATA_URL = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata"
MAILBOX_TYPES = ("PER", "ORG", "APP", "CAB")
TIMEOUT_SECONDS = 20


class DirectorySearchError(Exception):
    code = "MSS_SIM_PYADAPTER_DIRECTORY_FAILED"


def planned_searches(query, kind):
    """The searches a user's free text becomes: [(resource, parameters)]."""
    query = query.strip()
    postal = re.fullmatch(r"\d{5}", query) is not None
    organisation = {"address-postalcode": query} if postal else {"name": query}
    if kind == "pharmacy":
        return [("Organization", dict(organisation, type="SA33"))]
    if kind == "organisation" or postal:
        return [("Organization", organisation)]
    practitioner = [("Practitioner", {"name": query})]
    if kind == "practitioner":
        return practitioner
    return practitioner + [("Organization", {"name": query})]


def _search(directory, resource, parameters):
    query = urllib.parse.urlencode(dict(parameters, _count="50"))
    url = "%s/%s?%s" % (directory["baseUrl"].rstrip("/"), resource, query)
    request = urllib.request.Request(url, headers={"ESANTE-API-KEY": directory["apiKey"], "Accept": "application/fhir+json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            bundle = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        if error.code == 400:
            return []  # unsupported search parameter: no result from this search
        raise DirectorySearchError("l'Annuaire Santé a répondu %d à %s" % (error.code, url))
    except urllib.error.URLError as error:
        raise DirectorySearchError("Annuaire Santé injoignable (%s) : %s" % (url, error.reason))
    entries = bundle.get("entry") or []
    return [e["resource"] for e in entries if isinstance(e.get("resource"), dict) and e["resource"].get("resourceType") == resource]


def _display_name(resource):
    name = resource.get("name")
    if isinstance(name, str):
        return name
    if not name:
        return ""
    first = name[0]
    if first.get("text"):
        return first["text"]
    return " ".join(p for p in list(first.get("prefix") or []) + list(first.get("given") or []) + [first.get("family") or ""] if p)


def _mailbox_type(extensions):
    for extension in extensions or []:
        if extension.get("url") != METADATA_URL:
            continue
        for inner in extension.get("extension") or []:
            if inner.get("url") == "type":
                codings = (inner.get("valueCodeableConcept") or {}).get("coding") or [{}]
                code = codings[0].get("code")
                return code if code in MAILBOX_TYPES else None
    return None


def mailboxes_of(resource, carrier_name=""):
    display_name = _display_name(resource) or carrier_name
    found = []
    for telecom in resource.get("telecom") or []:
        kind = _mailbox_type(telecom.get("extension"))
        if telecom.get("system") == "email" and telecom.get("value") and kind:
            found.append({"displayName": display_name or telecom["value"], "address": telecom["value"].lower(), "mailboxType": kind})
    return found


def find_recipients(directory, query, kind=None):
    found = {}
    for resource_type, parameters in planned_searches(query, kind):
        for resource in _search(directory, resource_type, parameters):
            roles = []
            if resource_type == "Practitioner" and resource.get("id"):
                roles = _search(directory, "PractitionerRole", {"practitioner": resource["id"]})
            name = _display_name(resource)
            for carrier in [resource] + roles:
                for recipient in mailboxes_of(carrier, name):
                    found.setdefault(recipient["address"], recipient)
    recipients = list(found.values())
    return [r for r in recipients if r["mailboxType"] == "ORG"] if kind == "pharmacy" else recipients
