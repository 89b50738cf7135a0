"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a build, beside its static pages.

``GET /sparql?query=...`` and ``POST /sparql`` (``application/sparql-query`` body or an
``application/x-www-form-urlencoded`` form) run a query over the build's pyoxigraph store, with
the union of all named graphs as the default graph and the project's prefixes predefined.
``GET /sparql`` without a query shows a query page offering the named queries as examples.
Every other path is a static file of the build folder (``index.html`` and the pages beside it);
the store's own files and hidden files are never served.

An extension runs a named query with its parameters bound safely by the engine (never pasted
into the text): ``/sparql?named=pair-interactions&param=a=IRN&param=b=AZE``. A named query's
answer comes a page at a time, ``limit`` rows (``graph.query.DEFAULT_PAGE``, 100, unless told;
``limit=0`` for all, up to the result limit) from ``offset``; when more rows follow, the response
says where the next page starts (``X-KG-Next-Offset``, a ``Link: <...>; rel="next"`` header on
GET, and ``"next_offset"`` in SPARQL JSON).

Results are negotiated from the ``Accept`` header (or ``format=``): SPARQL JSON, XML, CSV and
TSV for SELECT (JSON and XML for ASK); Turtle, N-Triples and JSON-LD for CONSTRUCT and
DESCRIBE; ``406`` with a JSON error when nothing the client accepts fits.

Safety
------
* It binds ``127.0.0.1`` unless told otherwise.
* Read-only: the store is opened read-only and only ``Store.query`` is ever called. Update
  requests (``update=``, ``application/sparql-update``) and update text (INSERT, DELETE, LOAD,
  CLEAR, DROP, CREATE, ADD, MOVE, COPY, WITH) are refused with ``400``; so is any ``SERVICE``
  clause, found by scanning the query's tokens with comments, strings and IRIs removed.
* Time-out: pyoxigraph cannot interrupt a query running in a thread, so queries run in a small
  pool of worker *processes*, each with the store open. The request thread waits at most
  ``timeout`` seconds for the answer; past that, the worker is killed (which really stops the
  query) and replaced, and the client gets ``503`` with a JSON error.
* Result limit: the worker stops reading solutions (or triples) after ``limit``; the response
  then carries ``X-KG-Truncated: true`` (and ``"truncated": true`` in SPARQL JSON).

In-memory mode (``memory=True``, ``kg serve --memory``): each worker copies the on-disk store
into a pyoxigraph in-memory store once, when it starts, and answers from that copy; it costs
the copy's memory in every worker and the time to make it at start-up (and when a worker is
replaced after a time-out).
"""

from __future__ import annotations

import json
import queue
import re
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, urlsplit

from graph.results import (
    FORMS,
    GRAPH_TYPES,
    RESULT_TYPES,
    negotiate,
    serialize_ask,
    serialize_graph,
    serialize_select,
)

MAX_BODY = 1_000_000  # bytes of a POSTed query or form

UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''  # long strings
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''  # strings
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRIs (a "<" followed by a space is the operator)
    r'|#[^\n]*'  # comments
    r'|[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+'  # variables (so ?service is not the keyword)
    r'|[A-Za-z_][A-Za-z0-9_\-]*(?::[^\s{}()<>,;.]*)?',  # keywords and prefixed names
    re.S,
)


class Refused(Exception):
    """A request the endpoint will not run; ``status`` and ``kind`` go into the JSON error."""

    def __init__(self, status: int, kind: str, message: str):
        super().__init__(message)
        self.status, self.kind, self.message = status, kind, message


# --------------------------------------------------------------------------- request checks

def keywords(sparql: str) -> list[str]:
    """The bare words of ``sparql`` in upper case, with strings, IRIs, comments and variables removed.

    >>> keywords('SELECT * WHERE { ?service <http://x/SERVICE> "SERVICE" } # SERVICE')
    ['SELECT', 'WHERE']
    """
    out = []
    for m in _TOKENS.finditer(sparql):
        token = m.group(0)
        if token[0] in "\"'<#?$" or ":" in token:
            continue
        out.append(token.upper())
    return out


def check_read_only(sparql: str) -> None:
    """Raise :class:`Refused` for update operations and for ``SERVICE`` (federated) clauses.

    >>> check_read_only("SELECT * WHERE { ?s ?p ?o }")
    >>> check_read_only("PREFIX x: <http://x/> LOAD <http://example.org/data.ttl>")
    Traceback (most recent call last):
    ...
    graph.serve.Refused: updates are refused: this endpoint is read-only (found LOAD)
    """
    words = keywords(sparql)
    # The first word after the prologue (BASE/PREFIX declarations) is the operation.
    ops = [w for w in words if w not in {"BASE", "PREFIX"}]
    if ops and ops[0] in UPDATE_WORDS:
        raise Refused(400, "update-refused", f"updates are refused: this endpoint is read-only (found {ops[0]})")
    if "SERVICE" in words:
        raise Refused(400, "service-refused", "SERVICE clauses are refused: this endpoint makes no requests to other hosts")


# --------------------------------------------------------------------------- running a query

@dataclass
class Answer:
    """What the worker sends back: an HTTP status, a media type, a body, and whether it was cut."""

    status: int
    media_type: str
    body: bytes
    truncated: bool = False
    next_offset: int | None = None


def error_answer(status: int, kind: str, message: str) -> Answer:
    return Answer(status, "application/json", json.dumps({"error": kind, "message": message}).encode("utf-8"))


def execute(store, request: dict) -> Answer:
    """Run one query request on an open store (in a worker process) and serialise the answer.

    ``request`` holds ``query`` (text) or ``named`` and ``params`` (``NAME=VALUE`` strings),
    ``accept``, ``format``, ``limit`` (the result limit), for a named query ``page_limit`` and
    ``offset`` (the page; ``page_limit`` 0 for the whole answer), and optionally
    ``default_graphs``/``named_graphs``.
    """
    import pyoxigraph as ox

    from graph.iris import PREFIXES
    from graph.query import QueryError, paged, prepare, syntax_message

    limit = int(request["limit"])
    try:
        text, substitutions = prepare(request.get("query"), request.get("named"), request.get("params") or [])
        page_limit, offset = _page_of(request)
        if request.get("named"):  # the engine reads one row past the page or the result limit
            text = paged(text, min(page_limit or limit, limit) + 1, offset)
    except QueryError as exc:
        return error_answer(400, "bad-request", str(exc))
    kwargs = {"prefixes": PREFIXES, "substitutions": substitutions or None}
    if request.get("default_graphs"):
        kwargs["default_graph"] = [ox.NamedNode(g) for g in request["default_graphs"]]
    else:
        kwargs["use_default_graph_as_union"] = True
    if request.get("named_graphs"):
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    try:
        result = store.query(text, **kwargs)
        form = ("ask" if isinstance(result, ox.QueryBoolean) else
                "graph" if isinstance(result, ox.QueryTriples) else "select")
        chosen = negotiate(form, request.get("accept"), request.get("format"))
        if chosen is None:
            offered = [t for name in FORMS[form] for t in (GRAPH_TYPES if form == "graph" else RESULT_TYPES)[name]]
            return error_answer(406, "not-acceptable",
                                f"no acceptable format for a {form} result; this endpoint offers {', '.join(offered)}")
        fmt, media_type = chosen
        if form == "ask":
            return Answer(200, media_type, serialize_ask(bool(result), fmt))
        # A page smaller than the result limit is a page, not a cut answer.
        by_page = 0 < page_limit <= limit
        most = page_limit if by_page else limit
        items = list(islice(result, most + 1))
        more = len(items) > most
        items = items[:most]
        truncated = more and not by_page
        if form == "graph":
            return Answer(200, media_type, serialize_graph(items, fmt), truncated)
        next_offset = offset + len(items) if more and request.get("named") else None
        variables = [v.value for v in result.variables]
        return Answer(200, media_type, serialize_select(variables, items, fmt, truncated, next_offset),
                      truncated, next_offset)
    except SyntaxError as exc:
        return error_answer(400, "syntax-error", syntax_message(text, exc))
    except (ValueError, RuntimeError, OSError) as exc:
        return error_answer(400, "query-error", f"query failed: {exc}")


def _page_of(request: dict) -> tuple[int, int]:
    """(rows per page, offset) of a named-query request; (0, 0) for an ad-hoc query."""
    from graph.query import DEFAULT_PAGE, QueryError

    if not request.get("named"):
        return 0, 0
    try:
        page_limit = int(request.get("page_limit", DEFAULT_PAGE))
        offset = int(request.get("offset") or 0)
    except (TypeError, ValueError):
        raise QueryError("limit and offset must be whole numbers") from None
    if page_limit < 0 or offset < 0:
        raise QueryError("limit and offset must be 0 or more")
    return page_limit, offset


def memory_copy(store):
    """A pyoxigraph in-memory store holding every quad of ``store`` (the same stored terms)."""
    import pyoxigraph as ox

    copy = ox.Store()
    copy.bulk_extend(store.quads_for_pattern(None, None, None, None))
    return copy


def _worker_main() -> None:
    """A query worker (``python -c ...``): open the store read-only once, then answer requests.

    Requests and answers travel as pickles over two pipes whose descriptors are given on the
    command line (``argv[1]`` the build folder, ``argv[2]``/``argv[3]`` the read/write ends,
    ``argv[4]`` ``memory`` to answer from an in-memory copy of the store).
    """
    from multiprocessing.connection import Connection

    from graph.store import open_store

    inbox = Connection(int(sys.argv[2]), writable=False)
    outbox = Connection(int(sys.argv[3]), readable=False)
    store = open_store(Path(sys.argv[1]))
    if len(sys.argv) > 4 and sys.argv[4] == "memory":
        store = memory_copy(store)
    outbox.send("ready")
    while True:
        try:
            request = inbox.recv()
        except EOFError:
            return
        if request is None:
            return
        try:
            answer = execute(store, request)
        except Exception as exc:  # never let one query kill the worker silently
            answer = error_answer(500, "internal-error", f"{type(exc).__name__}: {exc}")
        outbox.send(answer)


class _Worker:
    """One worker process. A plain subprocess rather than ``multiprocessing.Process``: spawning
    with multiprocessing re-imports the caller's ``__main__``, which breaks unguarded scripts,
    and forking a multi-threaded server is unsafe."""

    def __init__(self, out_dir: str, memory: bool = False):
        import os
        import subprocess
        from multiprocessing.connection import Connection

        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", "from graph.serve import _worker_main; _worker_main()",
                 out_dir, str(to_child_r), str(from_child_w), "memory" if memory else "disk"],
                pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL)
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self.send_conn = Connection(to_child_w, readable=False)
        self.conn = Connection(from_child_r, writable=False)
        # An in-memory copy of a million quads takes tens of seconds on a loaded machine.
        if not self.conn.poll(600 if memory else 60) or self._recv_ready() != "ready":
            self.kill()
            raise RuntimeError("a query worker did not start")

    def _recv_ready(self):
        try:
            return self.conn.recv()
        except EOFError:
            return None

    def send(self, request) -> None:
        self.send_conn.send(request)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(5)
        self.send_conn.close()
        self.conn.close()


class WorkerPool:
    """Worker processes with the store open; a query that runs past its time-out is killed.

    Parameters
    ----------
    out_dir : path
        The build folder.
    size : int
        How many queries may run at once.
    memory : bool
        Each worker answers from an in-memory copy of the store.
    """

    def __init__(self, out_dir: Path, size: int = 2, memory: bool = False):
        self._out_dir = str(out_dir)
        self._memory = memory
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        for _ in range(max(1, size)):
            self._idle.put(_Worker(self._out_dir, memory))

    def run(self, request: dict, timeout: float) -> Answer:
        """Run ``request`` in a free worker; a ``503`` JSON error past ``timeout`` seconds."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return error_answer(503, "busy", f"all query workers stayed busy for {timeout:g} s; try again")
        try:
            worker.send(request)
            if worker.conn.poll(timeout):
                answer = worker.conn.recv()
                self._idle.put(worker)
                return answer
        except (EOFError, OSError, BrokenPipeError):
            pass
        else:
            worker.kill()
            self._replace()
            return error_answer(503, "timeout", f"the query ran longer than the time-out of {timeout:g} s "
                                "and was stopped; narrow it, or restart `kg serve` with a larger --timeout")
        worker.kill()
        self._replace()
        return error_answer(500, "internal-error", "the query worker died; it has been restarted")

    def _replace(self) -> None:
        # Starting a process takes a moment; do it off the request thread.
        def start():
            if not self._closed:
                try:
                    self._idle.put(_Worker(self._out_dir, self._memory))
                except RuntimeError as exc:
                    print(f"kg serve: {exc}", file=sys.stderr)
        threading.Thread(target=start, daemon=True).start()

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            try:
                worker.send(None)
            except OSError:
                pass
            worker.kill()


# --------------------------------------------------------------------------- HTTP

@dataclass
class ServeConfig:
    """Settings of ``kg serve`` (see :func:`make_server`)."""

    out_dir: Path
    host: str = "127.0.0.1"
    port: int = 8321
    timeout: float = 10.0
    limit: int = 10_000
    workers: int = 2
    quiet: bool = False
    memory: bool = False


def query_page() -> bytes:
    """The HTML query page, with the named queries as examples (Jinja2, autoescaped)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from graph.iris import sparql_prefixes
    from graph.query import named_queries

    env = Environment(loader=FileSystemLoader(str(Path(__file__).parent / "serve_templates")),
                      autoescape=select_autoescape(["html"]))
    examples = [{"name": q.name, "title": q.title, "description": q.description,
                 "params": [{"name": n, "kind": k, "help": h} for n, k, h in q.params],
                 "text": "\n".join(line for line in q.text.splitlines() if not line.startswith("#"))}
                for q in named_queries().values()]
    return env.get_template("query.html").render(examples=examples, prefixes=sparql_prefixes()).encode("utf-8")


def _page_params(params: dict[str, list[str]], named: bool) -> dict:
    """``page_limit``/``offset`` of the request, checked; paging is for named queries only."""
    page = {}
    for key, field in (("limit", "page_limit"), ("offset", "offset")):
        values = params.get(key, [])
        if not values:
            continue
        if not named:
            raise Refused(400, "bad-request", f"{key}= pages named queries; write {key.upper()} in the query text")
        if len(values) > 1 or not values[0].isdigit():
            raise Refused(400, "bad-request", f"{key} must be one whole number, 0 or more")
        page[field] = int(values[0])
    return page


def next_page_url(path: str, next_offset: int) -> str:
    """The request's path and query string with ``offset`` set to ``next_offset``.

    >>> next_page_url("/sparql?named=camps&offset=100&limit=100", 200)
    '/sparql?named=camps&limit=100&offset=200'
    """
    from urllib.parse import urlencode

    url = urlsplit(path)
    pairs = [(k, v) for k, v in parse_qsl(url.query, keep_blank_values=True) if k != "offset"]
    return url.path + "?" + urlencode(pairs + [("offset", str(next_offset))])


class SparqlHandler(SimpleHTTPRequestHandler):
    """``/sparql`` for queries; anything else is a static file of the build folder."""

    server: SparqlServer
    server_version = "kg-explorer"

    def __init__(self, request, client_address, server):
        super().__init__(request, client_address, server, directory=str(server.config.out_dir))

    # -- static files
    def send_head(self):
        parts = [p for p in urlsplit(self.path).path.split("/") if p]
        if parts and (parts[0] == "store" or any(p.startswith(".") for p in parts)):
            self._send(error_answer(404, "not-found", "not found"))
            return None
        return super().send_head()

    def list_directory(self, path):
        self._send(error_answer(404, "not-found", "no index here"))
        return None

    def log_message(self, format, *args):
        if not self.server.config.quiet:
            super().log_message(format, *args)

    # -- SPARQL
    def do_GET(self):
        url = urlsplit(self.path)
        if url.path.rstrip("/") != "/sparql":
            return super().do_GET()
        params = parse_qs(url.query, keep_blank_values=True)
        if "query" not in params and "named" not in params and "update" not in params:
            return self._send(Answer(200, "text/html; charset=utf-8", self.server.page))
        self._sparql(params)

    def do_HEAD(self):
        if urlsplit(self.path).path.rstrip("/") == "/sparql":
            return self._send(error_answer(405, "method-not-allowed", "use GET or POST"))
        return super().do_HEAD()

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path.rstrip("/") != "/sparql":
            return self._send(error_answer(405, "method-not-allowed", "only /sparql accepts POST"))
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._send(error_answer(413, "too-large", f"the request body is over {MAX_BODY} bytes"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        params = parse_qs(url.query, keep_blank_values=True)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            return self._send(error_answer(400, "update-refused", "updates are refused: this endpoint is read-only"))
        if media == "application/sparql-query":
            params["query"] = [body]
        elif media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            return self._send(error_answer(415, "unsupported-media-type",
                                           "POST application/sparql-query or application/x-www-form-urlencoded"))
        self._sparql(params)

    def _sparql(self, params: dict[str, list[str]]) -> None:
        config = self.server.config
        try:
            if "update" in params:
                raise Refused(400, "update-refused", "updates are refused: this endpoint is read-only")
            queries = params.get("query", [])
            if len(queries) > 1:
                raise Refused(400, "bad-request", "give exactly one query")
            if queries:
                check_read_only(queries[0])
            elif not params.get("named"):
                raise Refused(400, "bad-request", "give a query (query=...) or a named query (named=...)")
            fmt = (params.get("format") or [None])[0]
            if fmt and fmt not in {*RESULT_TYPES, *GRAPH_TYPES}:
                raise Refused(400, "bad-request", f"unknown format {fmt!r}")
            page = _page_params(params, named=not queries)
        except Refused as exc:
            return self._send(error_answer(exc.status, exc.kind, exc.message))
        request = {
            "query": queries[0] if queries else None,
            "named": (params.get("named") or [None])[0],
            "params": params.get("param", []),
            "accept": self.headers.get("Accept"),
            "format": fmt,
            "limit": config.limit,
            "default_graphs": params.get("default-graph-uri", []),
            "named_graphs": params.get("named-graph-uri", []),
            **page,
        }
        self._send(self.server.pool.run(request, config.timeout))

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.media_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Vary", "Accept")
        if answer.truncated:
            self.send_header("X-KG-Truncated", "true")
            self.send_header("X-KG-Result-Limit", str(self.server.config.limit))
        if answer.next_offset is not None:
            self.send_header("X-KG-Next-Offset", str(answer.next_offset))
            if self.command == "GET":
                self.send_header("Link", f'<{next_page_url(self.path, answer.next_offset)}>; rel="next"')
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server of ``kg serve``: threads for requests, worker processes for queries."""

    daemon_threads = True

    def __init__(self, config: ServeConfig):
        from graph.store import StoreMissing, has_dataset

        if not has_dataset(config.out_dir):
            raise StoreMissing(f"{config.out_dir}: no dataset here (run `kg build ... --out {config.out_dir}` first)")
        self.config = config
        self.page = query_page()
        self.pool = WorkerPool(config.out_dir, config.workers, config.memory)
        try:
            super().__init__((config.host, config.port), SparqlHandler)
        except BaseException:
            self.pool.close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(out_dir: Path, *, host: str = "127.0.0.1", port: int = 8321, timeout: float = 10.0,
                limit: int = 10_000, workers: int = 2, quiet: bool = False,
                memory: bool = False) -> SparqlServer:
    """A ready (not yet serving) SPARQL server over the build in ``out_dir``.

    Parameters
    ----------
    out_dir : path
        A folder built by ``kg build``.
    host, port : str, int
        Where to listen; ``127.0.0.1`` by default, so only this machine can connect. Port 0
        picks a free port (see ``server.url``).
    timeout : float
        Seconds a query may run before it is stopped (``503``).
    limit : int
        Most solutions or triples returned; more are cut and marked ``X-KG-Truncated``.
    workers : int
        Queries that may run at the same time (one process each).
    memory : bool
        Each worker copies the store into memory at start and answers from the copy (faster
        per row; costs the copy's memory in each worker and its loading time at start).
    """
    return SparqlServer(ServeConfig(Path(out_dir), host, port, timeout, limit, workers, quiet, memory))


def serve(out_dir: Path, **kwargs) -> None:
    """Serve the build in ``out_dir`` until interrupted (see :func:`make_server`)."""
    server = make_server(out_dir, **kwargs)
    print(f"kg serve: {server.url}/ (pages) and {server.url}/sparql (SPARQL endpoint); Ctrl-C stops",
          file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
