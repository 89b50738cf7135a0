"""Benchmark of the named queries on a generated dataset of over a million triples (not a timed test).

The dataset follows the data contract: documents (title, date, source, text), sentences with
offsets and text, mentions, interactions (source, target, event type, polarity, modality,
confidence, evidence sentence, trigger span, sometimes a date), claims, camps, persons and
agencies affiliated with countries, and the ontology graph. Actor frequencies are skewed
(a few actors are in most stories, as in a real crisis corpus) and seeded.

The dataset is written with :func:`graph.store.write_dataset`, which adds the statistics graph
(:mod:`graph.stats`) as ``kg build`` does. Each named query is timed, as p50 over repetitions,
on the parameters in ``PARAMS`` (the busiest actors) and in ``EXTRA``:

* ``before`` (``--before``): the straightforward reference queries of
  ``tests/reference_queries`` (the queries before the statistics graph), in-process;
* ``engine``: ``Store.query`` in-process on the open pyoxigraph store, results read to the end:
  the whole answer, and the first page (``--page`` rows, 100 by default, as ``kg query`` and
  ``kg serve`` give a named query's answer unless told otherwise);
* ``memory`` (``--memory``): the same on an in-memory pyoxigraph copy of the store;
* ``kg query``: the command line in a subprocess (``--format json``, the first page), which
  includes Python start-up, imports and opening the store (measured alone as ``ASK {}`` and
  reported apart);
* ``kg serve``: an HTTP GET on loopback to a running ``kg serve`` (SPARQL JSON, the first page);
  with ``--serve-memory``, also to ``kg serve --memory`` (its start-up, the in-memory copy, is
  reported apart);
* ``rdflib``: rdflib's in-memory ``Dataset`` (union default graph) on the same query text (the
  parameters in the same leading ``VALUES`` block); fewer repetitions, as it is much slower.

Run: ``.venv/bin/python benchmarks/bench_queries.py [--documents 2000] [--out /tmp/kg-bench] [--before] [--memory]``
Target: p50 <= 100 ms for each named query through the engine and ``kg serve`` on 1M triples.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyoxigraph as ox  # noqa: E402

from graph import iris  # noqa: E402
from graph.iris import DCTERMS, KGO, NIF, PROV, RDF, RDFS, XSD  # noqa: E402

PARAMS = {"a": "IRN", "b": "AZE", "actor": "IRN", "claimant": "RUS", "scope": "all"}
EVENT_TYPES = [("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("COOPERATE", 1), ("AID", 1), ("REQUEST", -1),
               ("DEMAND", -1), ("ACCUSE", -1), ("DISAPPROVE", -1), ("THREATEN", -1), ("SANCTION", -1),
               ("MOBILIZE", -1), ("ASSAULT", -1)]
MODALITIES = ["Asserted"] * 6 + ["Reported"] * 2 + ["Negated", "Hypothetical", "Recommended"]
CORE = ["IRN", "AZE", "ARM", "TUR", "RUS", "ISR", "USA", "GEO", "PAK", "CHN", "FRA", "IND", "SAU", "ARE", "QAT"]


def N(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _int(v: int, dt: str = "integer") -> ox.Literal:
    return ox.Literal(str(v), datatype=N(XSD + dt))


def actors(count: int = 150) -> list[tuple[str, str, str | None]]:
    """(key, class, affiliation) for the core countries, more countries, and people/agencies."""
    out = [(k, "Country", None) for k in CORE]
    out += [(f"C{i:02d}", "Country", None) for i in range(count // 3)]
    rng = random.Random(1)
    while len(out) < count:
        country = rng.choice(CORE)
        out.append((f"person/official-{len(out)}", "Person", country))
    return out


def generate(documents: int, seed: int = 7):
    """Yield the quads of a synthetic corpus of ``documents`` documents."""
    rng = random.Random(seed)
    people = actors()
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(people))]
    g_actors = N(iris.ACTOR_GRAPH)
    t = N(RDF + "type")
    for key, cls, affiliation in people:
        a = N(iris.actor_iri(key))
        yield ox.Quad(a, t, N(KGO + cls), g_actors)
        yield ox.Quad(a, N(RDFS + "label"), ox.Literal(key.split("/")[-1].replace("-", " ").title()), g_actors)
        if cls == "Country":
            yield ox.Quad(a, N(KGO + "iso3"), ox.Literal(key if len(key) == 3 else "X" + key[-2:]), g_actors)
        if affiliation:
            yield ox.Quad(a, N(KGO + "affiliation"), N(iris.actor_iri(affiliation)), g_actors)
    for n in range(documents):
        key = f"bench{n:05d}"
        g = N(iris.document_graph(key))
        d = N(iris.document_iri(key))
        month = 1 + n % 12
        year = 2021 + (n // 12) % 3

        def q(s, p, o):
            return ox.Quad(s, N(p), o, g)

        yield q(d, RDF + "type", N(KGO + "Document"))
        yield q(d, RDF + "type", N(NIF + "Context"))
        yield q(d, DCTERMS + "title", ox.Literal(f"Report {n} on the crisis"))
        yield q(d, DCTERMS + "date", ox.Literal(f"{year}-{month:02d}-{1 + n % 28:02d}", datatype=N(XSD + "date")))
        yield q(d, DCTERMS + "source", ox.Literal(f"corpus/report-{n}.txt"))
        yield q(d, NIF + "isString", ox.Literal(f"Report {n}. " + "Text of the report. " * 20))
        offset = 0
        for s_i in range(20):
            s = N(iris.sentence_iri(key, s_i))
            pair = rng.choices(people, weights, k=2)
            text = f"{pair[0][0]} and {pair[1][0]} traded statements over the border, officials said."
            yield q(s, RDF + "type", N(KGO + "Sentence"))
            yield q(s, RDF + "type", N(NIF + "Sentence"))
            yield q(s, NIF + "referenceContext", d)
            yield q(s, NIF + "beginIndex", _int(offset, "nonNegativeInteger"))
            yield q(s, NIF + "endIndex", _int(offset + len(text), "nonNegativeInteger"))
            yield q(s, NIF + "anchorOf", ox.Literal(text))
            for m_i, (akey, _, _) in enumerate(pair):
                m = N(iris.mention_iri(key, offset + m_i * 10, offset + m_i * 10 + 3) + f"/{s_i}")
                yield q(m, RDF + "type", N(KGO + "Mention"))
                yield q(m, KGO + "refersTo", N(iris.actor_iri(akey)))
                yield q(m, KGO + "sentence", s)
                yield q(m, NIF + "beginIndex", _int(offset + m_i * 10, "nonNegativeInteger"))
                yield q(m, NIF + "endIndex", _int(offset + m_i * 10 + 3, "nonNegativeInteger"))
                yield q(m, NIF + "anchorOf", ox.Literal(akey))
                yield q(m, KGO + "via", ox.Literal("name"))
            if s_i % 4 != 3 and pair[0][0] != pair[1][0]:  # 15 interactions per document
                etype, polarity = rng.choice(EVENT_TYPES)
                i = N(iris.interaction_iri(key, s_i, etype))
                yield q(i, RDF + "type", N(KGO + "Interaction"))
                yield q(i, KGO + "source", N(iris.actor_iri(pair[0][0])))
                yield q(i, KGO + "target", N(iris.actor_iri(pair[1][0])))
                yield q(i, KGO + "eventType", N(KGO + etype))
                yield q(i, KGO + "polarity", _int(polarity))
                yield q(i, KGO + "modality", N(KGO + rng.choice(MODALITIES)))
                yield q(i, KGO + "confidence", ox.Literal(f"0.{rng.randint(50, 95)}", datatype=N(XSD + "decimal")))
                yield q(i, PROV + "wasDerivedFrom", s)
                yield q(i, KGO + "trigger", ox.Literal("traded"))
                yield q(i, NIF + "beginIndex", _int(offset + 20, "nonNegativeInteger"))
                yield q(i, NIF + "endIndex", _int(offset + 26, "nonNegativeInteger"))
                if rng.random() < 0.3:
                    yield q(i, DCTERMS + "date", ox.Literal(f"{year}-{month:02d}", datatype=N(XSD + "gYearMonth")))
            if s_i % 10 == 5:  # 2 claims per document
                c = N(iris.claim_iri(key, s_i))
                yield q(c, RDF + "type", N(KGO + "Claim"))
                yield q(c, KGO + "claimant", N(iris.actor_iri(pair[0][0])))
                yield q(c, KGO + "about", N(iris.actor_iri(pair[1][0])))
                yield q(c, KGO + "stance", _int(rng.choice([-1, 0, 1])))
                yield q(c, KGO + "modality", N(KGO + "Reported"))
                yield q(c, PROV + "wasDerivedFrom", s)
                yield q(c, RDFS + "label", ox.Literal(f"{pair[1][0]} is to blame for the escalation"))
            offset += len(text) + 1
    g_an = N(iris.ANALYSIS_GRAPH)
    for c_i, members in enumerate([CORE[1::2], CORE[0::2]], 1):
        camp = N(iris.RES + f"analysis/all/camp/{c_i}")
        yield ox.Quad(camp, t, N(KGO + "Camp"), g_an)
        yield ox.Quad(camp, N(KGO + "scope"), ox.Literal("all"), g_an)
        yield ox.Quad(camp, N(RDFS + "label"), ox.Literal(f"Camp {c_i}"), g_an)
        for m in members:
            yield ox.Quad(camp, N(KGO + "member"), N(iris.actor_iri(m)), g_an)
    from graph.pipeline import _ontology_quads

    yield from _ontology_quads()


SKIP: set[str] = set()
# Extra cases beside each query on PARAMS: a less busy pair, every disagreement.
EXTRA = [("pair-interactions", {"a": "TUR", "b": "RUS"}), ("source-disagreements", {})]
REFERENCE = Path(__file__).resolve().parents[1] / "tests" / "reference_queries"


def cases() -> list[tuple[str, str, list[str]]]:
    """(label, named query, ``NAME=VALUE`` parameters) for each case timed (all but ``--skip``)."""
    from graph.query import named_queries

    out = []
    for name, nq in named_queries().items():
        if name not in SKIP:
            out.append((name, name, [f"{p}={PARAMS[p]}" for p, _, _ in nq.params]))
    for name, params in EXTRA:
        if name not in SKIP:
            label = f"{name} ({', '.join(f'{k}={v}' for k, v in params.items()) or 'all'})"
            out.append((label, name, [f"{k}={v}" for k, v in params.items()]))
    return out


def p50(times: list[float]) -> float:
    return statistics.median(times) * 1000


def progress(phase: str, label: str, ms: float, rows: int | None = None) -> None:
    """One figure on standard error as soon as it is measured (a long run can be cut short)."""
    print(f"[{phase}] {label}: {ms:,.0f} ms" + ("" if rows is None else f", {rows:,} rows"),
          file=sys.stderr, flush=True)


def _text(name: str, params: list[str], reference: bool = False) -> str:
    """The query text as the engine runs it; ``reference``: the straightforward version kept in
    tests/reference_queries (the queries before the statistics graph), same parameters."""
    from graph.query import prepare, with_values

    if not reference:
        return prepare(None, name, params)[0]
    return with_values((REFERENCE / f"{name}.rq").read_text(encoding="utf-8"), _bound(name, params))


def time_engine(st, reps: int, *, reference: bool = False, cap: float = 1e9,
                phase: str = "engine", page: int = 0) -> dict[str, tuple[float, int]]:
    """p50 and rows of each case on ``st``: the whole answer, or its first ``page`` rows (read as
    the library reads them: one row more, to tell whether another page follows)."""
    from graph.query import paged
    from graph.store import query

    res = {}
    for label, name, params in cases():
        if reference and (not (REFERENCE / f"{name}.rq").exists() or label in REFERENCE_SKIP):
            continue
        text = _text(name, params, reference)
        if not reference:
            text = paged(text, page + 1 if page else 0)
        times, rows = [], 0
        for _ in range(reps):
            t0 = time.perf_counter()
            rows = sum(1 for _ in query(st, text))
            times.append(time.perf_counter() - t0)
            if times[-1] > cap:  # one slow run is enough to report
                break
        res[label] = (p50(times), rows)
        progress(phase, label, res[label][0], rows)
    return res


def time_against(st, queries_dir: Path, reps: int, page: int) -> dict[str, dict[str, float]]:
    """Back to back, per case: the named query of ``queries_dir`` (e.g. the main branch's
    ``graph/queries``), whole, against this version's whole answer and first ``page`` rows,
    in turn ``reps`` times; p50 of wall and CPU seconds (``time.process_time``: pyoxigraph runs
    in this thread, so CPU time is the engine's work, less disturbed by other processes)."""
    from graph.query import paged, with_values
    from graph.store import query

    res = {}
    for label, name, params in cases():
        other = queries_dir / f"{name}.rq"
        if not other.exists():
            continue
        mine = _text(name, params)
        bound_other = with_values(other.read_text(encoding="utf-8"),
                                  _bound(name, params)) if params else other.read_text(encoding="utf-8")
        variants = {"other": bound_other, "whole": paged(mine, 0), "page": paged(mine, page + 1)}
        wall = {k: [] for k in variants}
        cpu = {k: [] for k in variants}
        answers = {}
        for _ in range(reps):
            for key, text in variants.items():
                t0, c0 = time.perf_counter(), time.process_time()
                answers[key] = [tuple(s) for s in query(st, text)]
                wall[key].append(time.perf_counter() - t0)
                cpu[key].append(time.process_time() - c0)
        same = answers["other"] == answers["whole"] and answers["page"] == answers["other"][:page + 1]
        res[label] = {f"{k} {kind}": p50(v) for kind, d in (("wall", wall), ("cpu", cpu)) for k, v in d.items()}
        res[label]["same rows"] = same
        print(f"[against] {label}: " + "; ".join(f"{k} {v:,.0f} ms" for k, v in res[label].items()
                                                  if k != "same rows") + f"; same rows: {same}",
              file=sys.stderr, flush=True)
    return res


def _bound(name: str, params: list[str]) -> dict:
    """The named query's parameters among ``params`` ("a=IRN"), bound as its engine binds them."""
    from graph.query import _bind, named_queries

    kinds = {p[0]: p[1] for p in named_queries()[name].params}
    return {k: _bind(kinds[k], v) for k, v in (item.split("=", 1) for item in params) if k in kinds}


# Reference queries not run: the quadratic self-join does not finish on a million triples.
REFERENCE_SKIP = {"source-disagreements", "source-disagreements (all)"}


def time_cli(out: Path, reps: int) -> tuple[float, dict[str, float]]:
    kg = str(Path(sys.executable).with_name("kg"))

    def run(args):
        t0 = time.perf_counter()
        subprocess.run([kg, "query", str(out), *args], check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - t0

    startup = p50([run(["ASK {}"]) for _ in range(reps)])
    progress("kg query", "start-up (ASK {})", startup)
    res = {}
    for label, name, params in cases():
        args = ["--named", name, "--format", "json"]
        for item in params:
            args += ["--param", item]
        res[label] = p50([run(args) for _ in range(reps)])
        progress("kg query", label, res[label])
    return startup, res


def time_http(out: Path, reps: int, *, memory: bool = False, phase: str = "kg serve") -> dict[str, float]:
    """p50 of each case's first page (the default) through ``kg serve`` on loopback."""
    from graph.serve import make_server

    t0 = time.perf_counter()
    server = make_server(out, port=0, timeout=120, limit=1_000_000, workers=1, quiet=True, memory=memory)
    progress(phase, "start-up (one worker)", (time.perf_counter() - t0) * 1000)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    res = {}
    try:
        for label, name, params in cases():
            url = server.url + "/sparql?" + urllib.parse.urlencode({"named": name, "param": params}, doseq=True)
            times = []
            for _ in range(reps):
                t0 = time.perf_counter()
                urllib.request.urlopen(urllib.request.Request(
                    url, headers={"Accept": "application/sparql-results+json"})).read()
                times.append(time.perf_counter() - t0)
            res[label] = p50(times)
            progress(phase, label, res[label])
    finally:
        server.shutdown()
        server.server_close()
    return res


def time_rdflib(out: Path, reps: int, cap: float, only=()) -> tuple[float, dict[str, float | None]]:
    from rdflib import Dataset

    from graph.iris import sparql_prefixes

    t0 = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(out / "graph.trig", format="trig")
    load = time.perf_counter() - t0
    progress("rdflib", "load graph.trig", load * 1000)
    res = {}
    for label, name, params in cases():
        if only and name not in only and label not in only:
            continue
        # the same text as the engine runs: the parameters bound in a leading VALUES block
        text = sparql_prefixes() + _text(name, params)
        times = []
        for _ in range(reps):
            t1 = time.perf_counter()
            list(ds.query(text))
            times.append(time.perf_counter() - t1)
            if times[-1] > cap:  # one slow run is enough to report
                break
        res[label] = p50(times)
        progress("rdflib", label, res[label])
    return load, res


def memory_copy(st):
    """An in-memory pyoxigraph store holding the on-disk store's quads (as ``kg serve --memory``)."""
    from graph.serve import memory_copy as copy

    return copy(st)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--rdflib-reps", type=int, default=3)
    parser.add_argument("--cli-reps", type=int, default=3)
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--rdflib-cap", type=float, default=60, help="stop repeating a query after one run this long (s)")
    parser.add_argument("--rdflib-only", nargs="*", default=(), help="time only these queries in rdflib")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--skip", nargs="*", default=(), help="named queries not to time")
    parser.add_argument("--before", action="store_true",
                        help="also time the straightforward reference queries (tests/reference_queries)")
    parser.add_argument("--before-reps", type=int, default=3)
    parser.add_argument("--before-cap", type=float, default=30, help="stop repeating a reference query after one run this long (s)")
    parser.add_argument("--memory", action="store_true", help="also time the queries on an in-memory copy of the store")
    parser.add_argument("--serve-memory", action="store_true", help="also time `kg serve --memory`")
    parser.add_argument("--page", type=int, default=100, help="rows of the first page timed beside the whole answer")
    parser.add_argument("--no-cli", action="store_true", help="do not time `kg query`")
    parser.add_argument("--against", type=Path, help="a graph/queries folder (e.g. of the main branch) to time "
                        "back to back against this version's queries, on disk (and in memory with --memory)")
    parser.add_argument("--against-reps", type=int, default=3)
    args = parser.parse_args()
    SKIP.update(args.skip)

    from graph.store import has_dataset, write_dataset

    if not has_dataset(args.out) or not (args.out / f".bench-{args.documents}").exists():
        t0 = time.perf_counter()
        count = write_dataset(args.out, generate(args.documents))  # adds the statistics graph
        (args.out / f".bench-{args.documents}").write_text(str(count))
        print(f"generated {count} quads in {time.perf_counter() - t0:.1f} s -> {args.out}", file=sys.stderr)
    count = int((args.out / f".bench-{args.documents}").read_text())
    from graph.store import open_store

    st = open_store(args.out)
    against = time_against(st, args.against, args.against_reps, args.page) if args.against else {}
    engine = time_engine(st, args.reps)
    engine_page = time_engine(st, args.reps, phase=f"engine, first {args.page} rows", page=args.page)
    http = time_http(args.out, args.reps)
    http_memory = time_http(args.out, args.reps, memory=True, phase="kg serve --memory") if args.serve_memory else {}
    startup, cli = (0.0, {}) if args.no_cli else time_cli(args.out, args.cli_reps)
    before = time_engine(st, args.before_reps, reference=True, cap=args.before_cap,
                         phase="before") if args.before else {}
    memory, memory_page, against_memory = {}, {}, {}
    if args.memory:
        t0 = time.perf_counter()
        mem = memory_copy(st)
        progress("in-memory", "copy of the store", (time.perf_counter() - t0) * 1000)
        memory = time_engine(mem, args.reps, phase="in-memory")
        memory_page = time_engine(mem, args.reps, phase=f"in-memory, first {args.page} rows", page=args.page)
        if args.against:
            against_memory = time_against(mem, args.against, args.against_reps, args.page)
        del mem
    load, rdf = (None, {}) if args.no_rdflib else time_rdflib(args.out, args.rdflib_reps, args.rdflib_cap,
                                                                      args.rdflib_only)

    def ms(value):
        return "–" if value is None else f"{value:,.0f} ms"

    print(f"\n{count:,} quads; `kg query` start-up (ASK {{}}) p50 {startup:.0f} ms"
          + (f"; rdflib load {load:.0f} s" if load else ""))
    print(f"\n| named query | rows | before (reference query) | library p50: whole / first {args.page} "
          f"| in-memory store p50: whole / first {args.page} | `kg serve` p50 | `kg serve --memory` p50 "
          "| `kg query` p50 | rdflib memory |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, (value, rows) in engine.items():
        print(f"| {label} | {rows:,} | {ms(before.get(label, (None,))[0])} "
              f"| {ms(value)} / {ms(engine_page[label][0])} "
              f"| {ms(memory.get(label, (None,))[0])} / {ms(memory_page.get(label, (None,))[0])} "
              f"| {ms(http[label])} | {ms(http_memory.get(label))} | {ms(cli.get(label))} | {ms(rdf.get(label))} |")
    figures = {"quads": count, "startup_ms": startup, "before": before, "engine": engine,
               "engine_page": engine_page, "memory": memory, "memory_page": memory_page, "serve": http,
               "serve_memory": http_memory, "against": against, "against_memory": against_memory, "cli": cli, "rdflib_load_s": load, "rdflib": rdf}
    json.dump(figures, sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
