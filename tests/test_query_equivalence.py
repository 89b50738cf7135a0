"""The fast named queries give the answers of straightforward ones, on a small real build.

``tests/reference_queries/*.rq`` are the straightforward versions (the queries as they were
before the statistics graph: every interaction read and aggregated at query time, and
source-disagreements as the quadratic self-join of all interactions). Each fast query must
return the same rows in the same order on a build of three short reports written for this test
(a minister affiliated with his state, opposite polarities across documents, and an event one
report asserts and another says did not happen).
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest

from graph import stats, store
from graph.query import _bind, named_queries, paged, with_values

REFERENCE = Path(__file__).parent / "reference_queries"

REPORTS = {
    "ankara.txt": (
        "Ankara Rebukes Yerevan\n\n"
        "Turkey condemned Armenia on Tuesday for shelling villages near the frontier. "
        "Russia praised Armenia for its restraint during the talks. "
        "Iran accused Azerbaijan of hosting Israeli military advisers. "
        "Foreign Minister Hossein Amir-Abdollahian warned Azerbaijan against any change to the border.\n"
    ),
    "yerevan.txt": (
        "Yerevan Welcomes Ankara's Offer\n\n"
        "Turkey praised Armenia for reopening the border crossing at Margara. "
        "Russia did not condemn Armenia after the vote in parliament. "
        "Iran and Azerbaijan signed a trade agreement on the new rail corridor. "
        "Azerbaijan thanked Iran for the transit permits.\n"
    ),
    "moscow.txt": (
        "Moscow Weighs In\n\n"
        "Russia condemned Armenia after the vote in parliament. "
        "Turkey criticised Armenia over the new customs rules. "
        "Iran threatened Azerbaijan with economic sanctions. "
        "Azerbaijan accused Iran of spying on its embassy staff.\n"
    ),
}

ACTORS = ["IRN", "AZE", "ARM", "TUR", "RUS", "person/hossein-amir-abdollahian", "NOBODY"]


@pytest.fixture(scope="module")
def small_build(built_texts):
    out, report = built_texts(REPORTS, "reports")
    assert report.ok and report.interactions >= 10, report
    return out


def _run(out, text: str, kinds: dict, params: dict) -> tuple[list[str], list[tuple]]:
    bound = {name: _bind(kinds[name], value) for name, value in params.items()}
    result = store.query(out, with_values(text, bound))
    names = [v.value for v in result.variables]
    return names, [tuple(None if s[n] is None else s[n].value for n in names) for s in result]


def _both(out, name: str, **params):
    nq = named_queries()[name]
    kinds = {p[0]: p[1] for p in nq.params}
    reference = (REFERENCE / f"{name}.rq").read_text(encoding="utf-8")
    return _run(out, nq.text, kinds, params), _run(out, reference, kinds, params)


PAIRS = [(a, b) for a in ACTORS for b in ACTORS if a != b]


def _pages(out, name: str, size: int, **params) -> tuple[list[tuple], int]:
    """The named query's answer read ``size`` rows at a time, end to end, and the pages read."""
    nq = named_queries()[name]
    kinds = {p[0]: p[1] for p in nq.params}
    rows, pages = [], 0
    while True:
        _, page = _run(out, paged(nq.text, size, len(rows)), kinds, params)
        pages += 1
        rows += page
        if len(page) < size:
            return rows, pages


PAGED_CASES = ([("pair-interactions", dict(a=a, b=b)) for a, b in (("IRN", "AZE"), ("TUR", "ARM"), ("ARM", "RUS"))]
               + [("pair-timeline", dict(a="ARM", b="TUR")), ("pair-interactions-lifted", dict(a="IRN", b="AZE"))]
               + [(name, dict(actor=actor)) for name in ("actor-activity", "actor-activity-lifted",
                                                          "documents-mentioning") for actor in ("ARM", "IRN")]
               + [("source-disagreements", {}), ("source-disagreements", dict(actor="ARM")),
                  ("actors-by-degree", {}), ("claims-by-claimant", {}), ("camps", {})])


@pytest.mark.parametrize("name,params", PAGED_CASES, ids=lambda x: x if isinstance(x, str) else "-".join(x.values()))
def test_pages_end_to_end_are_the_whole_answer(small_build, name, params):
    """Pages of 2 and 3 rows, put end to end, give the whole answer in its order, which for
    every query with a reference version is the reference answer."""
    nq = named_queries()[name]
    kinds = {p[0]: p[1] for p in nq.params}
    _, whole = _run(small_build, nq.text, kinds, params)
    if (REFERENCE / f"{name}.rq").exists() and name != "source-disagreements":
        (_, fast), (_, slow) = _both(small_build, name, **params)
        assert fast == slow == whole
    assert _run(small_build, paged(nq.text, 0, 0), kinds, params)[1] == whole
    for size in (2, 3):
        rows, pages = _pages(small_build, name, size, **params)
        assert rows == whole, (name, params, size)
        assert pages == len(whole) // size + 1
    assert len(whole) >= 3  # more than one page of two


@pytest.mark.parametrize("name", ["pair-interactions", "pair-timeline", "pair-interactions-lifted"])
def test_pair_queries_match_the_straightforward_ones(small_build, name):
    nonempty = 0
    for a, b in PAIRS + [("IRN", "IRN")]:
        (names, fast), (ref_names, slow) = _both(small_build, name, a=a, b=b)
        assert names == ref_names
        assert fast == slow, (name, a, b)
        nonempty += bool(fast)
    assert nonempty >= 6  # the comparison is not between empty answers


@pytest.mark.parametrize("name", ["actor-activity", "actor-activity-lifted", "documents-mentioning"])
def test_actor_queries_match_the_straightforward_ones(small_build, name):
    nonempty = 0
    for actor in ACTORS:
        (names, fast), (ref_names, slow) = _both(small_build, name, actor=actor)
        assert names == ref_names
        assert fast == slow, (name, actor)
        nonempty += bool(fast)
    assert nonempty >= 4


def test_lifted_activity_includes_the_minister(small_build):
    (names, rows), _ = _both(small_build, "actor-activity-lifted", actor="IRN")
    via = {row[names.index("via")].rsplit("/", 1)[-1] for row in rows}
    assert via == {"IRN", "hossein-amir-abdollahian"}


def test_actors_by_degree_matches_the_aggregate(small_build):
    (names, fast), (ref_names, slow) = _both(small_build, "actors-by-degree")
    assert names == ref_names and fast == slow
    degree = {row[0].rsplit("/", 1)[-1]: int(row[2]) for row in fast}
    assert degree["ARM"] == 6 and degree["IRN"] >= 6


def _why_key(row: dict) -> tuple:
    # asserted-vs-negated disagreements are one per event type; opposite polarity one per pair
    return (row["source"], row["target"], row["why"],
            row["type1"] if row["why"] == stats.NEGATED else None)


def test_source_disagreements_summarise_the_quadratic_self_join(small_build):
    """One row per pair and reason: the first two documents of the self-join's answer (in IRI
    order) and a pair of statements the self-join lists for them."""
    (names, fast), (ref_names, slow) = _both(small_build, "source-disagreements")
    fast_rows = [dict(zip(names, row)) for row in fast]
    slow_rows = [dict(zip(ref_names, row)) for row in slow]
    groups = defaultdict(list)
    for row in slow_rows:
        groups[_why_key(row)].append(row)
    assert {_why_key(r) for r in fast_rows} == set(groups)
    assert len(fast_rows) == len(groups)
    shown = ("doc1", "type1", "polarity1", "modality1", "evidence1",
             "doc2", "type2", "polarity2", "modality2", "evidence2")
    for row in fast_rows:
        candidates = groups[_why_key(row)]
        assert (row["doc1"], row["doc2"]) == min((r["doc1"], r["doc2"]) for r in candidates)
        assert tuple(row[k] for k in shown) in {tuple(r[k] for k in shown) for r in candidates}
    reasons = {(r["source"].rsplit("/", 1)[-1], r["target"].rsplit("/", 1)[-1], r["why"]) for r in fast_rows}
    assert ("RUS", "ARM", stats.NEGATED) in reasons  # condemned in one report, "did not condemn" in another
    assert ("TUR", "ARM", stats.OPPOSITE) in reasons


def test_source_disagreements_about_one_actor(small_build):
    (names, everything), _ = _both(small_build, "source-disagreements")
    for actor in ("ARM", "IRN", "NOBODY"):
        (_, about), _ = _both(small_build, "source-disagreements", actor=actor)
        iri = _bind("actor", actor).value
        expected = [r for r in everything if iri in (r[names.index("source")], r[names.index("target")])]
        assert about == expected
    assert about == []


def test_first_pair_is_the_smallest_disagreeing_pair_of_documents():
    rng = random.Random(3)
    for _ in range(500):
        sides = {f"d{k}": set(rng.sample([0, 1], rng.randint(1, 2))) for k in range(rng.randint(1, 6))}
        brute = [(d1, s1, d2, 1 - s1) for d1 in sorted(sides) for d2 in sorted(sides) if d1 < d2
                 for s1 in sorted(sides[d1]) if 1 - s1 in sides[d2]]
        expected = min(brute, key=lambda t: (t[0], t[2], t[1])) if brute else None
        assert stats._first_pair(sides) == expected, sides


def test_statistics_are_rederived_on_every_write(small_build, tmp_path):
    """A dataset written without (or with stale) statistics gets them recomputed."""
    import pyoxigraph as ox

    from graph.iris import STATS_GRAPH

    # from the TriG file: the store keeps literals in canonical form ("0.60" becomes "0.6")
    quads = list(ox.parse((small_build / "graph.trig").read_bytes(), format=ox.RdfFormat.TRIG))
    g = ox.NamedNode(STATS_GRAPH)
    stale = [q for q in quads if q.graph_name != g]
    stale.append(ox.Quad(ox.NamedNode("https://w3id.org/kg-explorer/resource/actor/IRN"),
                         ox.NamedNode("https://w3id.org/kg-explorer/ontology#degree"), ox.Literal("999"), g))
    store.write_dataset(tmp_path, stale)
    assert (tmp_path / "graph.trig").read_bytes() == (small_build / "graph.trig").read_bytes()
