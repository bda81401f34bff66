"""A loopback static server that compresses text like GitHub Pages does (for the budgets)."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".csv", ".geojson", ".webmanifest")


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in COMPRESSIBLE and path.is_file():
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self._body = body
            return None
        self._body = None
        return super().send_head()

    def do_GET(self):
        result = self.send_head()
        try:
            if self._body is not None:
                self.wfile.write(self._body)
            elif result:
                self.copyfile(result, self.wfile)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser closed the page (or itself) before the file ended: nothing to report
        finally:
            if result:
                result.close()


def serve(folder: Path):
    """Start serving `folder` on 127.0.0.1; returns (base URL, server)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
