"""A real pypiserver on loopback for the release check: uploads need credentials, nothing falls back.

    python tests/release/index_server.py ROOT

Serves the packages in ROOT on a free loopback port and prints `http://127.0.0.1:<port>/` as its
first line once it accepts connections. Uploads (pypiserver's "update" action) are allowed only
with the user name and password in RELEASE_INDEX_USERNAME / RELEASE_INDEX_PASSWORD (environment,
not the command line). Downloads need none, as on PyPI, and a package missing from ROOT is a 404,
never a redirect to pypi.org.

Why not `pypi-server run -P htpasswd -a update`: pypiserver checks an htpasswd file only through
passlib, an optional extra it does not install. Its documented library API takes the password check
as a function (`auther`) instead, which needs no extra dependency; the app, its upload handler and its
authentication decorator are pypiserver's own, served by the same wsgiref server that `pypi-server`
falls back to when no other WSGI server is installed (threaded here, so parallel installs are served
at once).
"""

from __future__ import annotations

import hmac
import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pypiserver


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def address_string(self) -> str:  # no reverse DNS lookup per request
        return str(self.client_address[0])

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write(f"index: {format % args}\n")


def main() -> None:
    (root,) = sys.argv[1:]
    username = os.environ["RELEASE_INDEX_USERNAME"].encode()
    password = os.environ["RELEASE_INDEX_PASSWORD"].encode()

    def auther(user: str, secret: str) -> bool:
        return hmac.compare_digest(user.encode(), username) and hmac.compare_digest(secret.encode(), password)

    app = pypiserver.app(roots=[root], authenticate=["update"], auther=auther, disable_fallback=True)
    server = make_server("127.0.0.1", 0, app, server_class=_ThreadingServer, handler_class=_QuietHandler)
    print(f"http://127.0.0.1:{server.server_port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
