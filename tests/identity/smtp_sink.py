#!/usr/bin/python3
"""A real SMTP server for Regie's tests that keeps what it receives.

    python3 smtp_sink.py DIR

Makes a self-signed certificate for 127.0.0.1 (DIR/smtp-cert.pem), a user
and password (DIR/smtp.password), insists on STARTTLS and authentication,
and writes every message it accepts into the Maildir DIR/maildir, with the
envelope recipients in an X-Envelope-To header on top. Prints "PORT=<n>"
once it listens; stops on SIGTERM. Debian's python3-aiosmtpd.
"""
import mailbox
import os
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

USER = "regie-test"


class Keep:
    def __init__(self, box):
        self.box = box
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        head = ("X-Envelope-To: " + ", ".join(envelope.rcpt_tos) + "\r\n").encode()
        with self.lock:
            self.box.add(mailbox.MaildirMessage(head + envelope.original_content))
        return "250 kept"


def main():
    folder = sys.argv[1]
    cert, key = os.path.join(folder, "smtp-cert.pem"), os.path.join(folder, "smtp-key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    password = secrets.token_hex(12)
    with open(os.path.join(folder, "smtp.password"), "w") as f:
        f.write(password + "\n")
    os.chmod(os.path.join(folder, "smtp.password"), 0o600)
    box = mailbox.Maildir(os.path.join(folder, "maildir"), create=True)

    def check(server, session, envelope, mechanism, auth_data):
        ok = getattr(auth_data, "login", b"") == USER.encode() and getattr(auth_data, "password", b"") == password.encode()
        return AuthResult(success=ok)

    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    controller = Controller(Keep(box), hostname="127.0.0.1", port=port, tls_context=tls, require_starttls=True,
                            authenticator=check, auth_required=True, auth_require_tls=True)
    controller.start()
    print(f"PORT={port}", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
