"""The built site over HTTP on 127.0.0.1, on a free port, in a background thread.

The site is served under the path of its site_url (fx /jobcenter-rapporter/), as GitHub Pages
serves it: pages that use absolute paths, such as 404.html, then load as they will there. With
compress=True, text files (HTML, CSS, JavaScript, JSON, SVG, XML, CSV) are sent gzip-compressed to a
browser that accepts it, as GitHub Pages sends them, so that a page's weight can be measured as
readers get it.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt", ".map")


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"
    compress = False

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "does-not-exist")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):
        path = self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0])
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not (
            self.compress
            and path.endswith(COMPRESSED)
            and os.path.isfile(path)
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/", compress: bool = False):
    """Yields the base address, fx 'http://127.0.0.1:41234/jobcenter-rapporter/'."""
    handler = type("Handler", (_Handler,), {"prefix": prefix, "compress": compress})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
