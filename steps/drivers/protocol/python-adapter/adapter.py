#!/usr/bin/env python3
"""HTTP adapter (protocol version 1, revision 1.1, steps/drivers/protocol/README.md) in front of a real MSSanté
client written with Python's standard library only: SMTP submission and IMAP with STARTTLS,
FHIR searches in the Annuaire Santé.

Usage: python3 adapter.py [port [address]]   (port 0: a free port; the first stdout line gives
the URL; address: where to listen, 127.0.0.1 by default, 0.0.0.0 in a container)
then:  npm run conformite -- --client http://127.0.0.1:<port>/
"""
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from directory_search import DirectorySearchError  # noqa: E402
from mail_transport import OperatorUnavailableError  # noqa: E402
from mss_client import CAPABILITIES, CLIENT, ClientError, MssClient  # noqa: E402

client = MssClient()
lock = threading.Lock()  # the harness calls one operation at a time; be safe anyway


def _empty(action):
    def operation(request):
        action()
        return {}
    return operation


def _search(request):
    """The Annuaire Santé unreachable or refusing the key: the user sees why (`failed`), not a setup error."""
    try:
        return {"recipients": client.find_recipient(request)}
    except DirectorySearchError as error:
        return {"status": "failed", "shownToUser": "Recherche impossible dans l'Annuaire Santé : %s" % error}


OPERATIONS = {
    "configure": lambda request: client.configure(request) or {},
    "send": client.send,
    "write-to-patient": client.write_to_patient,
    "find-recipient": _search,
    "end-conversation": client.end_conversation,
    "synchronise": lambda request: client.synchronise() or {},
    "list-messages": lambda request: {"messages": client.list_messages()},
    "reset": _empty(client.reset),
    "send-document": client.send_document,
    "register-patient": lambda request: client.register_patient(request) or {},
}

# Errors the client reports in French to the harness (500 = setup error, never a conformance failure).
EXPECTED_ERRORS = (ClientError, OperatorUnavailableError, DirectorySearchError)


class AdapterHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _operation_name(self):
        return self.path.split("?", 1)[0].strip("/")

    def do_GET(self):
        if self._operation_name() != "capabilities":
            return self._answer(404, {"error": {"message": "opération inconnue : GET " + self.path}})
        self._answer(200, {"protocolVersion": "1", "client": CLIENT, "capabilities": CAPABILITIES, "parallel": False})

    def do_POST(self):
        name = self._operation_name()
        operation = OPERATIONS.get(name)
        length = int(self.headers.get("Content-Length") or "0")
        body = self.rfile.read(length) if length > 0 else b""
        if operation is None:
            return self._answer(404, {"error": {"message": "opération inconnue : POST " + self.path}})
        try:
            request = json.loads(body.decode("utf-8")) if body else {}
        except ValueError as error:
            return self._answer(500, {"error": {"message": "corps de requête illisible (JSON UTF-8 attendu) : %s" % error}})
        try:
            with lock:
                result = operation(request)
        except EXPECTED_ERRORS as error:
            return self._answer(500, {"error": {"message": str(error)}})
        except Exception as error:  # a bug of the adapter: still answer in the protocol's format
            return self._answer(500, {"error": {"message": "panne de l'adaptateur Python (%s) : %s" % (type(error).__name__, error)}})
        self._answer(200, result)

    def _answer(self, status, body):
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        if os.environ.get("ADAPTATEUR_TRACE"):
            sys.stderr.write("adaptateur : " + (format % args) + "\n")


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8700
    address = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
    server = ThreadingHTTPServer((address, port), AdapterHandler)
    server.daemon_threads = True
    print("adaptateur Python à l'écoute sur http://%s:%d/" % (address, server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
