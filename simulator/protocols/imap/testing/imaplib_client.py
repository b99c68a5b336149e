#!/usr/bin/env python3
"""A second, independent IMAP client for the wire tests: Python's standard imaplib.

Runs one scenario against the simulator's IMAP endpoint and prints one JSON object on stdout.
Usage: imaplib_client.py SCENARIO --port N --ca CA_FILE --user ADDRESS [--password P] [--token T]
Scenarios: session (STARTTLS, LOGIN, LIST, SELECT, FETCH, SEARCH, STORE, APPEND, LOGOUT),
folders (two sessions of one mailbox: CREATE, RENAME, SUBSCRIBE, LSUB, APPEND of a draft,
APPEND to a missing folder, UID MOVE between user folders, DELETE refused and accepted),
xoauth2 (STARTTLS, AUTHENTICATE XOAUTH2), login-before-starttls (must be refused).
Standard library only.
"""
import argparse
import imaplib
import json
import ssl
import sys


def text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, tuple):
        return [text(item) for item in value]
    if isinstance(value, list):
        return [text(item) for item in value]
    return value


def secure(args):
    client = imaplib.IMAP4("127.0.0.1", args.port, timeout=10)
    context = ssl.create_default_context(cafile=args.ca)
    client.starttls(ssl_context=context)
    return client


def session(args):
    client = secure(args)
    result = {"capabilities": sorted(client.capabilities)}
    result["login"] = text(client.login(args.user, args.password))
    result["list"] = text(client.list()[1])
    result["select"] = text(client.select("INBOX"))
    result["fetch_header"] = text(client.fetch("1", "(UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (SUBJECT)])")[1])
    result["fetch_status_part"] = text(client.fetch("2", "(BODY.PEEK[2])")[1])
    result["search_unseen"] = text(client.search(None, "UNSEEN")[1])
    result["store"] = text(client.store("1", "+FLAGS", "(\\Seen)")[1])
    result["search_seen"] = text(client.search("UTF-8", "SEEN")[1])
    message = b"From: " + args.user.encode() + b"\r\nTo: dest@example.test\r\nSubject: Copie envoyee\r\n\r\nCorps.\r\n"
    result["append"] = text(client.append("Sent", "(\\Seen)", None, message))
    result["uid_copy"] = text(client.uid("COPY", "1", "Trash"))
    result["trash_status"] = text(client.status("Trash", "(MESSAGES UNSEEN)")[1])
    result["logout"] = text(client.logout())
    return result


def folders(args):
    client = secure(args)
    client.login(args.user, args.password)
    other = secure(args)
    other.login(args.user, args.password)
    result = {"create": text(client.create("Patients/Leroy"))}
    result["create_special"] = text(client.create("Drafts"))
    result["other_list"] = text(other.list("\"\"", "Patients*")[1])
    result["rename"] = text(client.rename("Patients/Leroy", "Patients/Martin"))
    result["subscribe"] = text(other.subscribe("Patients/Martin"))
    result["lsub"] = text(client.lsub("\"\"", "Patients/*")[1])
    message = b"From: " + args.user.encode() + b"\r\nTo: dest@example.test\r\nSubject: Brouillon\r\n\r\nCorps.\r\n"
    result["append_draft"] = text(client.append("Drafts", "(\\Draft)", None, message))
    result["append_missing"] = text(client.append("Inconnu", None, None, message))
    result["append_invalid"] = text(client.append("Inconnu/", None, None, message))
    client.create("Archives")
    client.append("Patients/Martin", None, None, message)
    client.select("Patients/Martin")
    result["move"] = text(client.uid("MOVE", "1", "Archives"))
    result["other_status"] = text(other.status("Archives", "(MESSAGES)")[1])
    client.close()
    result["delete_inbox"] = text(client.delete("INBOX"))
    result["rename_trash"] = text(client.rename("Trash", "Corbeille"))
    result["delete"] = text(other.delete("Patients/Martin"))
    result["list"] = text(client.list()[1])
    other.logout()
    client.logout()
    return result


def xoauth2(args):
    client = secure(args)
    payload = "user=%s\x01auth=Bearer %s\x01\x01" % (args.user, args.token)
    try:
        typ, data = client.authenticate("XOAUTH2", lambda challenge: payload.encode())
        result = {"status": typ, "data": text(data), "state": client.state}
        client.logout()
        return result
    except imaplib.IMAP4.error as error:
        return {"status": "error", "error": str(error)}


def login_before_starttls(args):
    client = imaplib.IMAP4("127.0.0.1", args.port, timeout=10)
    result = {"capabilities": sorted(client.capabilities)}
    try:
        client.login(args.user, args.password)
        result["login"] = "accepted"
    except imaplib.IMAP4.error as error:
        result["login"] = "refused"
        result["error"] = str(error)
    client.logout()
    return result


SCENARIOS = {"session": session, "folders": folders, "xoauth2": xoauth2, "login-before-starttls": login_before_starttls}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", default="")
    parser.add_argument("--token", default="")
    args = parser.parse_args()
    json.dump(SCENARIOS[args.scenario](args), sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
