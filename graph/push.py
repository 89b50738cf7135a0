"""``kg push``: copy a build's dataset, graph by graph, to a SPARQL 1.1 server.

Two ways, both standard:

* **Graph Store Protocol** (``graph_store`` given): one ``PUT <graph_store>?graph=<g>`` per named
  graph with the graph as N-Triples, which replaces that graph on the server (the default
  graph, if the dataset has triples there, goes to ``?default``).
* **SPARQL 1.1 Update** (otherwise): per graph, ``DROP SILENT GRAPH <g>`` and then
  ``INSERT DATA { GRAPH <g> { ... } }`` in batches of ``batch`` triples, POSTed to ``endpoint``
  as ``application/sparql-update``. Triples with blank nodes all go in a graph's last batch,
  because a blank-node label only names the same node within one request.

Either way a graph is replaced, never merged, so pushing the same build twice leaves the same
data on the server. Only the standard library talks HTTP (``urllib``).
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

DEFAULT_BATCH = 5000


class PushError(Exception):
    """The server refused or could not be reached; the message says which graph and why."""


@dataclass
class PushReport:
    """What was pushed: triples per graph (``""`` is the default graph) and requests made."""

    graphs: dict[str, int] = field(default_factory=dict)
    requests: int = 0

    @property
    def triples(self) -> int:
        return sum(self.graphs.values())


def _graphs(out_dir: Path) -> dict[str, list]:
    """The build's triples by graph name (``""`` for the default graph), in a stable order."""
    import pyoxigraph as ox

    from graph.store import all_quads

    by_graph: dict[str, list] = defaultdict(list)
    for q in all_quads(out_dir):
        name = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        by_graph[name].append(ox.Triple(q.subject, q.predicate, q.object))
    return {g: sorted(ts, key=str) for g, ts in sorted(by_graph.items())}


def _ntriples(triples) -> str:
    # pyoxigraph prints each term in N-Triples syntax, escaped: nothing is pasted unescaped.
    return "".join(f"{t.subject} {t.predicate} {t.object} .\n" for t in triples)


def _has_bnode(t) -> bool:
    return type(t.subject).__name__ == "BlankNode" or type(t.object).__name__ == "BlankNode"


def _send(url: str, method: str, body: str, media_type: str, auth: str | None, timeout: float) -> None:
    headers = {"Content-Type": media_type + "; charset=utf-8"}
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii")
    request = urllib.request.Request(url, data=body.encode("utf-8"), method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:500]
        raise PushError(f"{method} {url}: HTTP {exc.code} {exc.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise PushError(f"{method} {url}: {getattr(exc, 'reason', exc)}") from None


def push(out_dir: Path, endpoint: str | None = None, *, graph_store: str | None = None,
         batch: int = DEFAULT_BATCH, auth: str | None = None, timeout: float = 120.0,
         progress: Callable[[str, int], None] | None = None) -> PushReport:
    """Write the dataset in ``out_dir`` to a SPARQL server, one graph at a time.

    Parameters
    ----------
    out_dir : path
        A folder built by ``kg build``.
    endpoint : str, optional
        The SPARQL 1.1 Update endpoint (used when ``graph_store`` is not given).
    graph_store : str, optional
        The Graph Store Protocol endpoint; graphs are then written with ``PUT``.
    batch : int
        Triples per ``INSERT DATA`` request.
    auth : str, optional
        ``user:password`` for HTTP basic authentication.
    timeout : float
        Seconds to wait for each request.
    progress : callable, optional
        Called as ``progress(graph, triples)`` after each graph.

    Returns
    -------
    PushReport
    """
    if not endpoint and not graph_store:
        raise PushError("give a SPARQL Update endpoint or a Graph Store Protocol URL")
    report = PushReport()
    for graph, triples in _graphs(Path(out_dir)).items():
        if graph_store:
            target = graph_store + ("&" if "?" in graph_store else "?")
            target += "default" if not graph else "graph=" + quote(graph, safe="")
            _send(target, "PUT", _ntriples(triples), "application/n-triples", auth, timeout)
            report.requests += 1
        else:
            report.requests += _update_graph(endpoint, graph, triples, batch, auth, timeout)
        report.graphs[graph] = len(triples)
        if progress:
            progress(graph, len(triples))
    return report


def _update_graph(endpoint: str, graph: str, triples: list, batch: int, auth, timeout) -> int:
    plain = [t for t in triples if not _has_bnode(t)]
    with_bnodes = [t for t in triples if _has_bnode(t)]
    chunks = [plain[i:i + batch] for i in range(0, len(plain), max(1, batch))]
    if with_bnodes:
        chunks.append(with_bnodes)
    # The graph IRI comes from our own store and is printed by pyoxigraph, so it is a valid IRIREF.
    import pyoxigraph as ox

    g = str(ox.NamedNode(graph)) if graph else None
    first = f"DROP SILENT GRAPH {g}" if g else "DROP SILENT DEFAULT"
    requests = 0
    for i, chunk in enumerate(chunks or [[]]):
        body = _ntriples(chunk)
        insert = (f"INSERT DATA {{ GRAPH {g} {{\n{body}}} }}" if g else f"INSERT DATA {{\n{body}}}") if chunk else ""
        text = ";\n".join(part for part in ((first if i == 0 else ""), insert) if part)
        if text:
            _send(endpoint, "POST", text, "application/sparql-update", auth, timeout)
            requests += 1
    return requests
