"""The analysis on a small hand-written dataset: records, lifting, weights, perspectives,
time windows and the analysis named graph."""

import json

import pyoxigraph as ox
import pytest

from graph.analysis.commands import (
    analyze_store,
    compare_sources,
    comparison_to_json,
    print_comparison,
    print_report,
    report_to_json,
)
from graph.analysis.network import WEAK_MODALITY_WEIGHTS, signed_network
from graph.analysis.perspectives import compare
from graph.analysis.records import lift, load_actors, load_records

KGO = "https://w3id.org/kg-explorer/ontology#"
RES = "https://w3id.org/kg-explorer/resource/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
DCT = "http://purl.org/dc/terms/"
XSD = "http://www.w3.org/2001/XMLSchema#"


def k(name):
    return ox.NamedNode(KGO + name)


def r(path):
    return ox.NamedNode(RES + path)


ACTORS = {
    # key: (type, label, iso3, affiliation)
    "AZE": ("Country", "Azerbaijan", "AZE", None),
    "IRN": ("Country", "Iran", "IRN", None),
    "ISR": ("Country", "Israel", "ISR", None),
    "TUR": ("Country", "Turkey", "TUR", None),
    "ARM": ("Country", "Armenia", "ARM", None),
    "USA": ("Country", "United States", "USA", None),
    "person/ilham-aliyev": ("Person", "Ilham Aliyev", None, "AZE"),
    "person/ned-price": ("Person", "Ned Price", None, "USA/state-department"),
    "USA/state-department": ("Organization", "State Department", None, "USA"),
    "NATO": ("Organization", "NATO", None, None),
}

# (doc, publisher, date, source, target, event, polarity, modality, confidence, sentence)
INTERACTIONS = [
    ("d1", "Eurasia Review", "2023-01-10", "AZE", "IRN", "ACCUSE", -1, "Asserted", 0.9,
     "Baku accused Tehran of backing separatists near the border."),
    ("d1", "Eurasia Review", "2023-01-12", "person/ilham-aliyev", "IRN", "THREATEN", -1, "Asserted", 0.8,
     "Aliyev warned Iran that provocations would be answered."),
    ("d1", "Eurasia Review", "2023-01-15", "AZE", "ISR", "COOPERATE", 1, "Asserted", 0.9,
     "Azerbaijan and Israel deepened their defence cooperation."),
    ("d1", "Eurasia Review", "2023-01-20", "IRN", "ISR", "ACCUSE", -1, "Asserted", 0.8,
     "Tehran accused Israel of using Azerbaijani territory."),
    ("d1", "Eurasia Review", "2023-01-21", "IRN", "ARM", "SUPPORT", 1, "Asserted", 0.7,
     "Iran voiced support for Armenia's territorial integrity."),
    ("d1", "Eurasia Review", "2023-01-22", "AZE", "ARM", "FIGHT", -1, "Asserted", 0.8,
     "Azerbaijani and Armenian troops exchanged fire."),
    ("d1", "Eurasia Review", "2023-01-23", "person/ned-price", "AZE", "PRAISE", 1, "Asserted", 0.7,
     "Ned Price welcomed Baku's engagement in talks."),
    ("d1", "Eurasia Review", "2023-01-24", "NATO", "AZE", "SUPPORT", 1, "Recommended", 0.6,
     "NATO should back Azerbaijan's security."),
    ("d1", "Eurasia Review", "2023-01-25", "USA", "IRN", "SANCTION", -1, "Hypothetical", 0.6,
     "Washington could impose new sanctions on Iran."),
    # a second source, three months later, sees Azerbaijan and Iran mending fences
    ("d2", "Tehran Times", "2023-04-05", "AZE", "IRN", "MEET", 1, "Asserted", 0.9,
     "Azerbaijan and Iran agreed to reopen the transit corridor."),
    ("d2", "Tehran Times", "2023-04-06", "IRN", "AZE", "PRAISE", 1, "Reported", 0.8,
     "Iranian officials reportedly praised Baku's constructive approach."),
    ("d2", "Tehran Times", "2023-04-07", "IRN", "ISR", "ACCUSE", -1, "Asserted", 0.9,
     "Iran accused Israel of sabotage."),
    ("d2", "Tehran Times", "2023-04-08", "AZE", "ISR", "CRITICIZE", -1, "Asserted", 0.4,
     "Baku criticised an Israeli statement."),
    ("d2", "Tehran Times", "2023-04-09", "TUR", "ISR", "CRITICIZE", -1, "Negated", 0.9,
     "Turkey did not criticise Israel."),
]


def build_store():
    store = ox.Store()
    actor_graph = r("graph/actors")
    quads = []
    for key, (typ, label, iso, aff) in ACTORS.items():
        a = r("actor/" + key)
        quads += [ox.Quad(a, RDF_TYPE, k(typ), actor_graph), ox.Quad(a, LABEL, ox.Literal(label), actor_graph)]
        if iso:
            quads.append(ox.Quad(a, k("iso3"), ox.Literal(iso), actor_graph))
        if aff:
            quads.append(ox.Quad(a, k("affiliation"), r("actor/" + aff), actor_graph))
    for n, (doc, pub, date, s, t, ev, pol, mod, conf, text) in enumerate(INTERACTIONS):
        g = r(f"graph/document/{doc}")
        d = r(f"document/{doc}")
        sent = r(f"document/{doc}/sentence/{n}")
        i = r(f"interaction/{doc}-{n}")
        quads += [
            ox.Quad(d, RDF_TYPE, k("Document"), g),
            ox.Quad(d, ox.NamedNode(DCT + "source"), ox.Literal(f"{doc}.html"), g),
            ox.Quad(d, ox.NamedNode(DCT + "publisher"), ox.Literal(pub), g),
            ox.Quad(d, ox.NamedNode(DCT + "title"), ox.Literal(f"Article {doc}"), g),
            ox.Quad(sent, RDF_TYPE, k("Sentence"), g),
            ox.Quad(sent, ox.NamedNode(NIF + "anchorOf"), ox.Literal(text), g),
            ox.Quad(sent, ox.NamedNode(NIF + "referenceContext"), d, g),
            ox.Quad(i, RDF_TYPE, k("Interaction"), g),
            ox.Quad(i, k("source"), r("actor/" + s), g),
            ox.Quad(i, k("target"), r("actor/" + t), g),
            ox.Quad(i, k("eventType"), k(ev), g),
            ox.Quad(i, k("polarity"), ox.Literal(str(pol), datatype=ox.NamedNode(XSD + "integer")), g),
            ox.Quad(i, k("modality"), k(mod), g),
            ox.Quad(i, k("confidence"), ox.Literal(str(conf), datatype=ox.NamedNode(XSD + "decimal")), g),
            ox.Quad(i, ox.NamedNode(PROV + "wasDerivedFrom"), sent, g),
            ox.Quad(i, ox.NamedNode(DCT + "date"), ox.Literal(date, datatype=ox.NamedNode(XSD + "date")), g),
        ]
    store.extend(quads)
    return store


def A(key):
    return RES + "actor/" + key


@pytest.fixture(scope="module")
def store():
    return build_store()


@pytest.fixture(scope="module")
def records(store):
    return load_records(store)


@pytest.fixture(scope="module")
def actors(store):
    return load_actors(store)


def test_records_and_actors_are_read(records, actors):
    assert len(records) == len(INTERACTIONS)
    first = records[0]
    assert first.document == RES + "document/d1" and first.publisher == "Eurasia Review"
    assert first.text and first.sentence and first.date
    assert {r.modality for r in records} == {"Asserted", "Reported", "Recommended", "Hypothetical", "Negated"}
    assert actors[A("person/ned-price")].type == "Person"


def test_lifting_follows_affiliations_twice(actors):
    assert lift(A("person/ned-price"), actors) == A("USA")  # person -> agency -> state
    assert lift(A("person/ilham-aliyev"), actors) == A("AZE")
    assert lift(A("NATO"), actors) == A("NATO")  # an IGO stays


def test_modality_weights_and_lifting(records, actors):
    d1 = [r for r in records if r.document.endswith("d1")]
    G = signed_network(d1, actors=actors)
    # Asserted 0.9 and the lifted Aliyev statement 0.8
    assert G[A("AZE")][A("IRN")]["weight"] == pytest.approx(-1.7)
    assert G[A("USA")][A("AZE")]["weight"] == pytest.approx(0.7)
    assert not G[A("USA")][A("AZE")]["weak"]
    # nothing factual about USA-IRN or NATO-AZE: no tie by default; with weak ties on, the
    # hypothetical sanction and the recommended support count a quarter
    assert not G.has_edge(A("USA"), A("IRN")) and not G.has_edge(A("NATO"), A("AZE"))
    weak = signed_network(d1, actors=actors, weak_weights=WEAK_MODALITY_WEIGHTS)
    assert weak[A("USA")][A("IRN")]["weight"] == pytest.approx(-0.25 * 0.6)
    assert weak[A("USA")][A("IRN")]["weak"] and weak[A("NATO")][A("AZE")]["weak"]
    advocacy = signed_network(d1, actors=actors, view="advocacy")
    assert advocacy[A("NATO")][A("AZE")]["weight"] == pytest.approx(0.6)
    people = signed_network(d1, actors=actors, lift=False)
    assert people.has_edge(A("person/ilham-aliyev"), A("IRN"))
    # Reported counts half
    d2 = signed_network([r for r in records if r.document.endswith("d2")], actors=actors)
    assert d2[A("AZE")][A("IRN")]["weight"] == pytest.approx(0.9 + 0.4)


def test_filters(records, actors):
    G = signed_network(records, actors=actors, event_types=["ACCUSE"])
    assert {d["count"] for *_, d in G.edges(data=True)} == {1, 2}
    assert set(G.edges()) <= {(A("AZE"), A("IRN")), (A("IRN"), A("AZE")), (A("IRN"), A("ISR")), (A("ISR"), A("IRN"))}
    G = signed_network(records, actors=actors, publishers="Tehran Times")
    assert G[A("AZE")][A("IRN")]["weight"] > 0
    G = signed_network(records, actors=actors, start="2023-04", end="2023-04")
    assert G[A("AZE")][A("IRN")]["weight"] > 0
    G = signed_network(records, actors=actors, documents=[RES + "document/d1"])
    assert G[A("AZE")][A("IRN")]["weight"] < 0


def test_compare_finds_both_kinds_of_disagreement(records, actors):
    found = compare(records, actors)
    rel = [d for d in found if d.kind == "relation"]
    pairs = {(d.a, d.b) for d in rel}
    assert (A("AZE"), A("IRN")) in pairs and (A("AZE"), A("ISR")) in pairs
    aze_irn = next(d for d in rel if d.b == A("IRN"))
    assert aze_irn.sources == (RES + "document/d2", RES + "document/d1")  # cooperative first
    assert "transit corridor" in aze_irn.evidence[0][0].text
    assert any("accused Tehran" in r.text for r in aze_irn.evidence[1])
    camps = [d for d in found if d.kind == "camp"]
    assert any({d.a, d.b} == {A("AZE"), A("IRN")} for d in camps)
    assert all(d.evidence[0] and d.evidence[1] for d in found)


def test_compare_sources_json_and_print(store):
    from rich.console import Console

    comparison = compare_sources(store=store)
    data = comparison_to_json(comparison)
    json.dumps(data)
    # each source three times: what it reports (factual view), urges (advocacy view) and
    # imagines (hypothetical view)
    titles = [src["title"] for src in data["sources"]]
    assert data["disagreements"]
    assert {"Article d1 (reports)", "Article d1 (urges)", "Article d1 (imagines)"} <= set(titles)
    console = Console(record=True, width=160)
    print_comparison(comparison, console)
    text = console.export_text()
    assert "transit" in text and "Article d2" in text


def test_report_by_month_shows_the_shift(store):
    report = analyze_store(store, by="month")
    assert list(report.perspectives) == ["2023-01", "2023-04"]
    jan = report.perspectives["2023-01"].camps
    assert jan.camp_of(A("AZE")) != jan.camp_of(A("IRN"))
    kinds = {(s.kind, s.a, s.b) for s in report.shifts}
    assert ("turned cooperative", A("AZE"), A("IRN")) in kinds
    assert ("turned hostile", A("AZE"), A("ISR")) in kinds
    shift = next(s for s in report.shifts if s.kind == "turned cooperative")
    assert shift.evidence_before and shift.evidence_after
    assert any(s.kind == "changed camp" for s in report.shifts)
    data = report_to_json(report)
    json.dumps(data)
    assert data["shifts"] and data["perspectives"][0]["scope"] == "2023-01"


def test_default_analysis_graph_is_queryable_and_deterministic(store):
    report = analyze_store(store)
    assert [q for q in report.quads] == [q for q in analyze_store(store).quads]
    out = ox.Store()
    out.extend(report.quads)
    rows = list(out.query(
        "PREFIX kgo: <https://w3id.org/kg-explorer/ontology#> "
        "PREFIX prov: <http://www.w3.org/ns/prov#> "
        "SELECT ?camp ?m ?scope ?f WHERE { ?camp a kgo:Camp, kgo:Bloc ; kgo:member ?m ; "
        "kgo:scope ?scope ; prov:wasGeneratedBy ?run . ?run a prov:Activity, kgo:AnalysisRun ; "
        "kgo:frustration ?f ; kgo:normalisedFrustration ?nf ; kgo:parameter ?p }",
        use_default_graph_as_union=True))
    scopes = {row["scope"].value for row in rows}
    assert scopes == {"all", RES + "document/d1", RES + "document/d2"}
    camps = {row["camp"].value for row in rows}
    assert RES + "analysis/all/camp/1" in camps
    assert RES + "analysis/document/d1/camp/1" in camps
    params = {q.object.value for q in report.quads if q.predicate == k("parameter")}
    assert any(p.startswith("modality weights=Asserted:1,Reported:0.5") for p in params)
    assert not any(p.startswith("weak tie weights") for p in params)  # off by default
    assert {"split gain=0.5", "split share=0.05", "camp search=exact"} <= params
    assert all(q.graph_name == r("graph/analysis") for q in report.quads)


def test_print_report(store):
    from rich.console import Console

    console = Console(record=True, width=160)
    print_report(analyze_store(store), console)
    text = console.export_text()
    assert "Adversary camps" in text and "AZE" in text


def test_filters_by_document_name_event_type_and_dates(store):
    from graph.analysis.commands import resolve_documents

    assert resolve_documents(None, ["d2.html", RES + "document/d1"], store=store) == [
        RES + "document/d1", RES + "document/d2"]
    with pytest.raises(ValueError, match="no such document: d9.html"):
        resolve_documents(None, ["d9.html"], store=store)
    report = analyze_store(store, documents=[RES + "document/d2"], per_document=False)
    assert A("ARM") not in report.overall.graph  # d2 says nothing about Armenia
    report = analyze_store(store, event_types=["ACCUSE"], start="2023-01", end="2023-01",
                           k=2, weak_weights={})
    assert report.overall.parameters["event_types"] == ["ACCUSE"]
    assert report.overall.camps.parameters["k"] == 2
    G = report.overall.graph
    assert all(r.event_type == "ACCUSE" and r.date.startswith("2023-01")
               for *_, d in G.edges(data=True) for r in d["records"])


def test_kg_analyze_cli_filters(store, tmp_path):
    from typer.testing import CliRunner

    from graph.cli import _register_optional_commands, app
    from graph.store import write_dataset

    _register_optional_commands()
    write_dataset(tmp_path, list(store.quads_for_pattern(None, None, None, None)))
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", str(tmp_path), "--no-write", "--format", "json",
                                 "--document", "d1.html", "--event-type", "ACCUSE", "--camps", "2"])
    assert result.exit_code == 0, result.output
    overall = json.loads(result.output)["overall"]
    assert overall["parameters"]["event_types"] == ["ACCUSE"]
    assert overall["parameters"]["weak_weights"] == {} and overall["parameters"]["k"] == 2
    weak = runner.invoke(app, ["analyze", str(tmp_path), "--no-write", "--format", "json", "--weak"])
    assert json.loads(weak.output)["overall"]["parameters"]["weak_weights"] == WEAK_MODALITY_WEIGHTS
    labels = sorted(m["label"] for c in overall["camps"] for m in c["members"])
    assert labels == ["AZE", "IRN", "ISR"]
    bad = runner.invoke(app, ["analyze", str(tmp_path), "--no-write", "--document", "d9.html"])
    assert bad.exit_code != 0 and "no such document" in bad.output


def test_records_made_per_document_equal_the_store_query():
    """A build makes the records with each document (no query over the whole store): the
    same records, publishers' labels included, as load_records reads from the store."""
    from collections import defaultdict

    from graph.analysis.records import document_records, with_publisher_labels

    store = build_store()
    g = r("graph/document/d3")
    d, sent, i = r("document/d3"), r("document/d3/sentence/0"), r("interaction/d3-0")
    store.extend([  # a publisher that is an actor, with its label in the actor graph
        ox.Quad(d, ox.NamedNode(DCT + "publisher"), r("actor/NATO"), g),
        ox.Quad(d, ox.NamedNode(DCT + "date"), ox.Literal("2023-05", datatype=ox.NamedNode(XSD + "gYearMonth")), g),
        ox.Quad(sent, ox.NamedNode(NIF + "anchorOf"), ox.Literal("Ankara offered to host the talks."), g),
        ox.Quad(sent, ox.NamedNode(NIF + "referenceContext"), d, g),
        ox.Quad(i, RDF_TYPE, k("Interaction"), g),
        ox.Quad(i, k("source"), r("actor/TUR"), g),
        ox.Quad(i, k("target"), r("actor/AZE"), g),
        ox.Quad(i, k("polarity"), ox.Literal("1", datatype=ox.NamedNode(XSD + "integer")), g),
        ox.Quad(i, k("modality"), k("Asserted"), g),
        ox.Quad(i, ox.NamedNode(PROV + "wasDerivedFrom"), sent, g),
    ])
    by_graph = defaultdict(list)
    for q in store.quads_for_pattern(None, None, None, None):
        if "/graph/document/" in q.graph_name.value:
            by_graph[q.graph_name.value].append(q)
    made = [rec for quads in by_graph.values() for rec in document_records(quads)]
    expected = load_records(store)
    assert with_publisher_labels(made, load_actors(store)) == expected
    nato = [rec for rec in expected if rec.iri.endswith("d3-0")]
    assert nato and nato[0].publisher == "NATO" and nato[0].date == "2023-05"
    assert nato[0].event_type == "" and nato[0].confidence == 1.0
