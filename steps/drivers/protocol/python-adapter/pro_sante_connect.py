"""XOAUTH2 access tokens the client obtains itself from Pro Santé Connect (SC.MSS/CONF.07).

From the identity `configure` gives (mailbox.psc): the OpenID Connect discovery document names
the token endpoint; the `password` grant (RFC 6749 §4.3) gives an access token and a refresh
token, kept in memory only (SC.MSS/CONF.28) and refreshed before expiry.
"""
import json
import time
import urllib.error
import urllib.parse
import urllib.request

TIMEOUT_SECONDS = 20
REFRESH_MARGIN_SECONDS = 30


class TokenRefusedError(Exception):
    """Pro Santé Connect refused the request: shown to the user as an authentication failure."""

    code = "MSS_SIM_PYADAPTER_TOKEN_REFUSED"


def _json(request):
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise TokenRefusedError("Pro Santé Connect a refusé la demande (HTTP %d) : %s" % (error.code, error.read().decode("utf-8", "replace")))
    except (OSError, ValueError) as error:
        raise TokenRefusedError("Pro Santé Connect injoignable : %s" % error)


class TokenSource:
    def __init__(self, identity):
        self.identity = identity
        self.endpoint = None
        self.access, self.refresh, self.expires = None, None, 0.0

    def access_token(self):
        if self.access and self.expires - REFRESH_MARGIN_SECONDS > time.time():
            return self.access
        if self.refresh:
            try:
                return self._grant({"grant_type": "refresh_token", "refresh_token": self.refresh})
            except TokenRefusedError:
                pass  # refresh token expired or revoked: start again from the identity
        return self._grant({"grant_type": "password", "username": self.identity["login"], "password": self.identity["password"]})

    def _token_endpoint(self):
        if self.endpoint is None:
            self.endpoint = _json(urllib.request.Request(self.identity["discoveryUrl"]))["token_endpoint"]
        return self.endpoint

    def _grant(self, form):
        body = urllib.parse.urlencode(dict(form, client_id=self.identity["clientId"])).encode("ascii")
        answer = _json(urllib.request.Request(self._token_endpoint(), data=body, headers={"Content-Type": "application/x-www-form-urlencoded"}))
        self.access, self.refresh = answer["access_token"], answer.get("refresh_token")
        self.expires = time.time() + int(answer.get("expires_in", 60))
        return self.access


def xoauth2_payload(address, token):
    """SASL XOAUTH2 initial response, before base64: user=<address>^Aauth=Bearer <token>^A^A."""
    return "user=%s\x01auth=Bearer %s\x01\x01" % (address, token)
