#!/usr/bin/env python3
"""Adaptateur HTTP minimal pour le harnais de conformité MSSanté (protocole version 1, révision 1.1).

Bibliothèque standard uniquement. Le « client » est un faux client en mémoire : remplacez les
méthodes de FakeClient par des appels à votre logiciel. Usage :
    python3 example-adapter.py [port]    (port 0 : un port libre, affiché au démarrage)
puis : npm run conformite -- --client http://127.0.0.1:<port>/
"""
import json
import sys
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeClient:
    """Client en mémoire : à remplacer par votre logiciel."""

    def __init__(self):
        self.configuration = None
        self.messages = []

    def capabilities(self):
        return {"protocolVersion": "1",
                "client": {"name": "Exemple", "version": "0.1.0", "vendor": "Éditeur exemple"},
                "capabilities": ["patient-messaging", "end-conversation-subject"],
                "parallel": False}

    def configure(self, configuration):
        self.configuration = configuration
        return {}

    def send(self, request):
        return self._sent(request["to"], request["subject"])

    def write_to_patient(self, request):
        patient = request["patient"]
        if not patient["qualified"]:
            return {"status": "refused", "reason": "Identité non qualifiée : impossible d'écrire au patient."}
        if len(patient["ins"]) != 15:  # votre logiciel vérifie aussi la clé de contrôle (REG-ADR-01)
            return {"status": "refused", "reason": "Matricule INS invalide : aucun message n'a été envoyé."}
        return self._sent([patient["ins"] + "@patient.mssante.fr"], request["subject"])

    def find_recipient(self, request):
        return {"recipients": []}

    def end_conversation(self, request):
        return self._sent([request["patient"]["ins"] + "@patient.mssante.fr"], "[FIN]")

    def synchronise(self, request):
        # Relève faite : {} ; tentée mais en échec dans le logiciel (connexion, TLS, authentification) :
        # {"status": "failed", "shownToUser": "<ce que le logiciel affiche>"} (jamais une erreur 500).
        return {}

    def list_messages(self, request):
        return {"messages": self.messages}

    def reset(self, request):
        self.messages = []
        return {}

    def _sent(self, to, subject):
        client_message_id = str(uuid.uuid4())
        sender = (self.configuration or {}).get("mailbox", {}).get("address", "moi@exemple.mssante.fr")
        self.messages.append({"clientMessageId": client_message_id, "folder": "sent", "from": sender, "to": to,
                              "subject": subject, "kind": "message", "deliveryState": "sent",
                              "receivedAt": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")})
        return {"status": "sent", "clientMessageId": client_message_id}


CLIENT = FakeClient()
OPERATIONS = {"configure": CLIENT.configure, "send": CLIENT.send, "write-to-patient": CLIENT.write_to_patient,
              "find-recipient": CLIENT.find_recipient, "end-conversation": CLIENT.end_conversation,
              "synchronise": CLIENT.synchronise, "list-messages": CLIENT.list_messages, "reset": CLIENT.reset}


class AdapterHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path.rstrip("/") == "/capabilities":
            self._answer(200, CLIENT.capabilities())
        else:
            self._answer(404, {"error": {"message": "opération inconnue : " + self.path}})

    def do_POST(self):
        operation = OPERATIONS.get(self.path.strip("/"))
        if operation is None:
            return self._answer(404, {"error": {"message": "opération inconnue : " + self.path}})
        try:
            length = int(self.headers.get("Content-Length", "0"))
            request = json.loads(self.rfile.read(length).decode("utf-8"))
            self._answer(200, operation(request))
        except Exception as error:  # toute panne devient une erreur de mise en place côté harnais
            self._answer(500, {"error": {"message": str(error)}})

    def _answer(self, status, body):
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass  # silencieux ; à activer pour déboguer


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8700
    server = ThreadingHTTPServer(("127.0.0.1", port), AdapterHandler)
    print("adaptateur à l'écoute sur http://127.0.0.1:%d/" % server.server_address[1], flush=True)
    server.serve_forever()
