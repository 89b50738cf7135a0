"""The Python API for notebooks: a build as DataFrames, a networkx graph and an inline picture.

>>> from graph.api import Build                                    # doctest: +SKIP
>>> b = Build.open("build/")                                       # doctest: +SKIP
>>> b.query("SELECT ?a ?label WHERE { ?a a kgo:Country ; rdfs:label ?label }")  # doctest: +SKIP
>>> b.named("pair-interactions", a="IRN", b="AZE")                 # doctest: +SKIP
>>> G = b.network()                                                # doctest: +SKIP
>>> b.show(height="500px")                                         # doctest: +SKIP

pandas is an optional dependency (``pip install "kg-explorer[notebook]"``); it, networkx and
pyvis are imported only when a method needs them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}


def _pandas():
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError('this needs pandas: pip install "kg-explorer[notebook]"') from exc
    return pandas


def _python(term):
    """A SPARQL term as a Python value: numbers and booleans as such, everything else a string."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in _INTEGERS:
                return int(term.value)
            if dt in _FLOATS:
                return float(term.value)
            if dt == _XSD + "boolean":
                return term.value in ("true", "1")
        except ValueError:
            pass
    return term.value


class Build:
    """A dataset written by ``kg build``, opened for reading.

    Parameters
    ----------
    path : path
        The build folder (``graph.trig`` and ``store/``).
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._store = None

    # -- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> Build:
        """Open the build in ``path``; raises :class:`graph.store.StoreMissing` if there is none."""
        from graph.store import StoreMissing, has_dataset

        if not has_dataset(Path(path)):
            raise StoreMissing(f"{path}: no dataset here (run `kg build ... --out {path}` first)")
        return cls(path)

    @classmethod
    def build(cls, paths: str | Path | Iterable[str | Path], out_dir: str | Path, **options) -> Build:
        """Run :func:`graph.pipeline.build` (incrementally) and open the result.

        ``options`` are those of :func:`graph.pipeline.build`; pages are off unless asked for.
        The build report is kept as ``.report``.
        """
        from graph.pipeline import build

        if isinstance(paths, (str, Path)):
            paths = [paths]
        options.setdefault("pages", False)
        report = build(paths, out_dir, **options)
        if not report.ok:
            raise ValueError("nothing could be built: " + "; ".join(report.skipped[:5]))
        opened = cls.open(out_dir)
        opened.report = report
        return opened

    @property
    def store(self):
        """The pyoxigraph store, opened read-only on first use."""
        if self._store is None:
            from graph.store import open_store

            self._store = open_store(self.path)
        return self._store

    def close(self) -> None:
        """Release the store (a rebuild into the same folder then swaps it freely)."""
        self._store = None

    # -- SPARQL ----------------------------------------------------------------------------------

    def query(self, sparql: str, *, substitutions: dict | None = None, raw: bool = False):
        """Run a SPARQL query; SELECT gives a DataFrame.

        The usual prefixes (``kgo:``, ``rdfs:`` ...) are predefined, and the default graph is the
        union of all named graphs.

        Parameters
        ----------
        sparql : str
            The query text.
        substitutions : dict, optional
            ``{pyoxigraph.Variable: term}`` bindings.
        raw : bool
            Keep every value a string (by default numeric and boolean literals become numbers).

        Returns
        -------
        pandas.DataFrame, bool or pandas.DataFrame
            SELECT: one column per variable. ASK: a bool. CONSTRUCT/DESCRIBE: columns
            ``subject``, ``predicate``, ``object``.
        """
        import pyoxigraph as ox

        from graph.store import query

        pd = _pandas()
        convert = (lambda t: None if t is None else t.value) if raw else _python
        result = query(self.store, sparql, substitutions=substitutions or None)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows = [[convert(s[n]) for n in names] for s in result]
            return pd.DataFrame(rows, columns=names)
        rows = [(t.subject.value, t.predicate.value, convert(t.object)) for t in result]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])

    def named(self, name: str, **params):
        """Run a named query of ``graph/queries`` (see :meth:`queries`) with its parameters.

        Examples
        --------
        >>> b.named("pair-interactions", a="IRN", b="AZE")   # doctest: +SKIP
        """
        from graph.query import prepare, select_pages
        from graph.store import query

        text, substitutions = prepare(None, name, [f"{k}={v}" for k, v in params.items()])
        # The whole answer, read as `kg query --all` reads it: a query that chooses its page in a
        # sub-query runs much faster with a LIMIT there (graph.query.paged).
        names, rows, _ = select_pages(lambda t: query(self.store, t, substitutions=substitutions or None), text)
        return _pandas().DataFrame([[_python(s[n]) for n in names] for s in rows], columns=names)

    @staticmethod
    def queries():
        """The named queries shipped with the package: name, title, parameters, description."""
        pd = _pandas()
        try:
            from graph.query import named_queries

            found = named_queries()
        except (ImportError, FileNotFoundError):  # an installation without named queries
            found = {}
        rows = [(q.name, q.title, ", ".join(p[0] for p in q.params), q.description)
                for q in found.values()]
        return pd.DataFrame(rows, columns=["name", "title", "params", "description"])

    # -- tables ------------------------------------------------------------------------------------

    def documents(self):
        """One row per document: key, source, title, date, publisher, and its figures."""
        return self.query("""
            SELECT ?document ?key ?source ?title ?date ?publisher
                   (COUNT(DISTINCT ?s) AS ?sentences) (COUNT(DISTINCT ?i) AS ?interactions)
            WHERE {
              ?document a kgo:Document ; dcterms:identifier ?key ; dcterms:source ?source .
              OPTIONAL { ?document dcterms:title ?title }
              OPTIONAL { ?document dcterms:date ?date }
              OPTIONAL { ?document dcterms:publisher ?p . OPTIONAL { ?p rdfs:label ?pl } }
              BIND (COALESCE(?pl, STR(?p)) AS ?publisher)
              OPTIONAL { ?s nif:referenceContext ?document .
                         OPTIONAL { ?i prov:wasDerivedFrom ?s ; a kgo:Interaction } }
            }
            GROUP BY ?document ?key ?source ?title ?date ?publisher
            ORDER BY ?source""")

    def interactions(self):
        """One row per interaction with its evidence sentence (the columns of the CSV export)."""
        from graph.export import CSV_COLUMNS, interaction_rows

        pd = _pandas()
        frame = pd.DataFrame(interaction_rows(self.store), columns=list(CSV_COLUMNS))
        frame["polarity"] = pd.to_numeric(frame["polarity"])
        frame["confidence"] = pd.to_numeric(frame["confidence"], errors="coerce")
        return frame

    def actors(self, lift: bool = False):
        """One row per actor of the network: key, label, type, iso3, affiliation, camp, cluster,
        degree (number of signed ties), sorted by degree."""
        pd = _pandas()
        G = self.network(lift=lift)
        rows = [{"actor": n, **d} for n, d in G.nodes(data=True)]
        columns = ["actor", "label", "name", "type", "iso3", "affiliation", "camp", "cluster", "degree"]
        frame = pd.DataFrame(rows, columns=columns)
        return frame.sort_values(["degree", "label"], ascending=[False, True], ignore_index=True)

    def camps(self):
        """Camps and alignment clusters of the whole dataset: kind, number, label, members."""
        return self.query("""
            SELECT ?kind ?bloc ?label (GROUP_CONCAT(?name; separator=", ") AS ?members)
            WHERE {
              VALUES (?class ?kind) { (kgo:Camp "camp") (kgo:AlignmentCluster "cluster") }
              ?bloc a ?class ; kgo:scope "all" ; kgo:member ?m .
              OPTIONAL { ?bloc rdfs:label ?label }
              OPTIONAL { ?m kgo:iso3 ?iso } OPTIONAL { ?m rdfs:label ?ml }
              BIND (COALESCE(?iso, ?ml, STR(?m)) AS ?name)
            }
            GROUP BY ?kind ?bloc ?label ORDER BY ?kind ?bloc""")

    # -- network -----------------------------------------------------------------------------------

    def network(self, lift: bool = True, view: str = "factual"):
        """The signed actor network as a ``networkx.Graph`` (see :func:`graph.export.actor_network`)."""
        from graph.export import actor_network

        return actor_network(self.store, lift=lift, view=view)

    def show(self, height: str = "600px", *, lift: bool = True, view: str = "factual") -> NetworkView:
        """The actor network drawn by pyvis, shown inline in a notebook (JavaScript inlined)."""
        return NetworkView.from_graph(self.network(lift=lift, view=view), height=height)

    def export(self, fmt: str, dest=None):
        """:func:`graph.export.export` of this build."""
        from graph.export import export

        return export(self.path, fmt, dest)

    # -- display -----------------------------------------------------------------------------------

    def summary(self) -> dict[str, int]:
        """How many documents, actors, interactions and claims the build holds."""
        from graph.store import select_rows

        row = select_rows(self.store, """
            SELECT (COUNT(DISTINCT ?d) AS ?documents) (COUNT(DISTINCT ?a) AS ?actors)
                   (COUNT(DISTINCT ?i) AS ?interactions) (COUNT(DISTINCT ?c) AS ?claims)
            WHERE { { ?d a kgo:Document } UNION { ?a a kgo:Actor } UNION { ?i a kgo:Interaction }
                    UNION { ?c a kgo:Claim } }""")[0]
        return {k: int(v) for k, v in row.items()}

    def __repr__(self) -> str:
        return f"Build({str(self.path)!r})"

    def _repr_html_(self) -> str:
        cells = "".join(f"<td>{v}</td>" for v in self.summary().values())
        heads = "".join(f"<th>{k}</th>" for k in self.summary())
        return (f"<p><b>kg-explorer build</b> <code>{html.escape(str(self.path))}</code></p>"
                f"<table><tr>{heads}</tr><tr>{cells}</tr></table>")


# Camp colours (colour-blind-safe palette); actors in no camp are grey.
_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
_CDN = re.compile(r"<link[^>]*href=\"https?://[^>]*>|<script[^>]*src=\"https?://[^>]*>\s*</script>"
                  r"|<!--.*?-->", re.S)


class NetworkView:
    """A pyvis drawing of the actor network that renders itself inline in Jupyter.

    ``html`` is a complete page with vis-network inlined (no network access needed);
    ``save(path)`` writes it.
    """

    def __init__(self, html_text: str, height: str = "600px"):
        self.html = html_text
        self.height = height

    @classmethod
    def from_graph(cls, G, height: str = "600px") -> NetworkView:
        """Draw ``G`` (from :meth:`Build.network`): nodes coloured by camp, sized by degree;
        green ties for cooperation, red for hostility, width by the absolute weight."""
        from pyvis.network import Network

        net = Network(height=height, width="100%", cdn_resources="in_line", directed=False)
        camps = sorted({d.get("camp", "") for _, d in G.nodes(data=True)} - {""})
        colour = {c: _PALETTE[i % len(_PALETTE)] for i, c in enumerate(camps)}
        for n, d in G.nodes(data=True):
            camp = d.get("camp", "")
            title = f"{d.get('name') or d.get('label')} ({d.get('type') or 'actor'})"
            if camp:
                title += f"\ncamp {camp}"
            net.add_node(n, label=d.get("label") or n, title=title, color=colour.get(camp, "#999999"),
                         size=10 + 3 * min(int(d.get("degree", 0)), 10))
        for u, v, d in G.edges(data=True):
            w = float(d.get("weight", 0.0))
            net.add_edge(u, v, color="#2ca02c" if w > 0 else "#d62728" if w < 0 else "#bbbbbb",
                         width=1 + min(abs(w), 5), title=f"{w:+.2f}: {d.get('event_types', '')}")
        net.toggle_physics(True)
        page = net.generate_html(notebook=False)
        return cls(_CDN.sub("", page), height)

    def save(self, path: str | Path) -> Path:
        from graph.store import atomic_write

        atomic_write(Path(path), self.html.encode("utf-8"))
        return Path(path)

    def _repr_html_(self) -> str:
        # an iframe keeps vis-network's page (its scripts and styles) apart from the notebook's
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:calc({self.height} + 30px);border:0"></iframe>')
