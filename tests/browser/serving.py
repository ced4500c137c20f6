"""The built site over HTTP on 127.0.0.1, on a free port, in a background thread.

The site is served under the path of its site_url (fx /jobcenter-rapporter/), as GitHub Pages
serves it: pages that use absolute paths, such as 404.html, then load as they will there.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "does-not-exist")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/"):
    """Yields the base address, fx 'http://127.0.0.1:41234/jobcenter-rapporter/'."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
