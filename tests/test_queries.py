"""The named queries: each runs on a small dataset and returns the expected rows; parameters are bound.

Two datasets: ``contract_dir`` is written directly from TriG that follows the data contract
(so the expected rows are known exactly, claims and camps included), and ``built_dir`` is a
real ``kg build`` of a few sentences, to check the queries against what the pipeline writes.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from graph import store
from graph.iris import PREFIXES
from graph.query import QueryError, named_queries, run_query

R = "https://w3id.org/kg-explorer/resource/"

CONTRACT_TRIG = """
@prefix kgo: <https://w3id.org/kg-explorer/ontology#> .
@prefix res: <https://w3id.org/kg-explorer/resource/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

res:graph\\/actors {
  res:actor\\/IRN a kgo:Country ; rdfs:label "Iran" ; kgo:iso3 "IRN" .
  res:actor\\/AZE a kgo:Country ; rdfs:label "Azerbaijan" ; kgo:iso3 "AZE" .
  res:actor\\/TUR a kgo:Country ; rdfs:label "Turkey" ; kgo:iso3 "TUR" .
  res:actor\\/person\\/hossein-amir-abdollahian a kgo:Person ; rdfs:label "Hossein Amir-Abdollahian" ;
      kgo:affiliation res:actor\\/IRN .
}

res:graph\\/doc\\/a {
  res:doc\\/a a kgo:Document, nif:Context ; dcterms:title "Drills on the Aras" ;
      dcterms:date "2021-10-01"^^xsd:date ; dcterms:source "drills.txt" .
  res:doc\\/a\\/sentence\\/0 a kgo:Sentence, nif:Sentence ; nif:referenceContext res:doc\\/a ;
      nif:anchorOf "Iran launched large military drills near its border with Azerbaijan." .
  res:doc\\/a\\/sentence\\/1 a kgo:Sentence, nif:Sentence ; nif:referenceContext res:doc\\/a ;
      nif:anchorOf "Turkey pledged to stand by Azerbaijan." .
  res:doc\\/a\\/sentence\\/2 a kgo:Sentence, nif:Sentence ; nif:referenceContext res:doc\\/a ;
      nif:anchorOf "Foreign Minister Hossein Amir-Abdollahian warned Baku against hosting Israeli forces." .
  res:doc\\/a\\/interaction\\/1 a kgo:Interaction ; kgo:source res:actor\\/IRN ; kgo:target res:actor\\/AZE ;
      kgo:eventType kgo:MOBILIZE ; kgo:polarity -1 ; kgo:modality kgo:Asserted ; kgo:confidence 0.80 ;
      prov:wasDerivedFrom res:doc\\/a\\/sentence\\/0 .
  res:doc\\/a\\/interaction\\/2 a kgo:Interaction ; kgo:source res:actor\\/TUR ; kgo:target res:actor\\/AZE ;
      kgo:eventType kgo:SUPPORT ; kgo:polarity 1 ; kgo:modality kgo:Asserted ; kgo:confidence 0.75 ;
      prov:wasDerivedFrom res:doc\\/a\\/sentence\\/1 .
  res:doc\\/a\\/interaction\\/3 a kgo:Interaction ;
      kgo:source res:actor\\/person\\/hossein-amir-abdollahian ; kgo:target res:actor\\/AZE ;
      kgo:eventType kgo:THREATEN ; kgo:polarity -1 ; kgo:modality kgo:Asserted ; kgo:confidence 0.70 ;
      prov:wasDerivedFrom res:doc\\/a\\/sentence\\/2 .
  res:doc\\/a\\/mention\\/0-4 a kgo:Mention ; kgo:refersTo res:actor\\/IRN ; kgo:sentence res:doc\\/a\\/sentence\\/0 ;
      nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "4"^^xsd:nonNegativeInteger ; nif:anchorOf "Iran" .
  res:doc\\/a\\/mention\\/59-69 a kgo:Mention ; kgo:refersTo res:actor\\/AZE ; kgo:sentence res:doc\\/a\\/sentence\\/0 ;
      nif:beginIndex "59"^^xsd:nonNegativeInteger ; nif:endIndex "69"^^xsd:nonNegativeInteger ; nif:anchorOf "Azerbaijan" .
  res:doc\\/a\\/mention\\/71-77 a kgo:Mention ; kgo:refersTo res:actor\\/TUR ; kgo:sentence res:doc\\/a\\/sentence\\/1 ;
      nif:beginIndex "71"^^xsd:nonNegativeInteger ; nif:endIndex "77"^^xsd:nonNegativeInteger ; nif:anchorOf "Turkey" .
}

res:graph\\/doc\\/b {
  res:doc\\/b a kgo:Document, nif:Context ; dcterms:title "Tehran and Baku mend ties" ;
      dcterms:date "2022-03-10"^^xsd:date ; dcterms:source "ties.txt" .
  res:doc\\/b\\/sentence\\/0 a kgo:Sentence, nif:Sentence ; nif:referenceContext res:doc\\/b ;
      nif:anchorOf "Iran and Azerbaijan agreed to reopen the transit routes through Astara." .
  res:doc\\/b\\/sentence\\/1 a kgo:Sentence, nif:Sentence ; nif:referenceContext res:doc\\/b ;
      nif:anchorOf "Tehran denied that it had massed troops on the border with Azerbaijan." .
  res:doc\\/b\\/interaction\\/4 a kgo:Interaction ; kgo:source res:actor\\/IRN ; kgo:target res:actor\\/AZE ;
      kgo:eventType kgo:AGREE ; kgo:polarity 1 ; kgo:modality kgo:Asserted ; kgo:confidence 0.90 ;
      dcterms:date "2022-03-09"^^xsd:date ;
      prov:wasDerivedFrom res:doc\\/b\\/sentence\\/0 .
  res:doc\\/b\\/interaction\\/5 a kgo:Interaction ; kgo:source res:actor\\/IRN ; kgo:target res:actor\\/AZE ;
      kgo:eventType kgo:MOBILIZE ; kgo:polarity -1 ; kgo:modality kgo:Negated ; kgo:confidence 0.60 ;
      prov:wasDerivedFrom res:doc\\/b\\/sentence\\/1 .
  res:doc\\/b\\/mention\\/0-4 a kgo:Mention ; kgo:refersTo res:actor\\/IRN ; kgo:sentence res:doc\\/b\\/sentence\\/0 ;
      nif:beginIndex "0"^^xsd:nonNegativeInteger ; nif:endIndex "4"^^xsd:nonNegativeInteger ; nif:anchorOf "Iran" .
  res:doc\\/b\\/mention\\/72-78 a kgo:Mention ; kgo:refersTo res:actor\\/IRN ; kgo:sentence res:doc\\/b\\/sentence\\/1 ;
      nif:beginIndex "72"^^xsd:nonNegativeInteger ; nif:endIndex "78"^^xsd:nonNegativeInteger ; nif:anchorOf "Tehran" .
  res:doc\\/b\\/claim\\/1 a kgo:Claim ; kgo:claimant res:actor\\/IRN ; kgo:about res:actor\\/AZE ;
      kgo:stance 1 ; kgo:modality kgo:Reported ; rdfs:label "the transit routes through Astara will reopen" ;
      prov:wasDerivedFrom res:doc\\/b\\/sentence\\/0 .
}

res:graph\\/analysis {
  res:analysis\\/all\\/camp\\/1 a kgo:Camp, kgo:Bloc ; rdfs:label "Camp 1: AZE, TUR" ; kgo:scope "all" ;
      kgo:member res:actor\\/AZE, res:actor\\/TUR .
  res:analysis\\/all\\/camp\\/2 a kgo:Camp, kgo:Bloc ; rdfs:label "Camp 2: IRN" ; kgo:scope "all" ;
      kgo:member res:actor\\/IRN .
  res:analysis\\/publisher\\/x\\/camp\\/1 a kgo:Camp, kgo:Bloc ; kgo:scope "publisher/x" ;
      kgo:member res:actor\\/IRN .
}
"""


def write_contract_dataset(out) -> int:
    """Write the hand-made dataset above into ``out``; returns its number of quads."""
    quads = list(ox.parse(CONTRACT_TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG))
    return store.write_dataset(out, quads)


@pytest.fixture(scope="module")
def contract_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("contract")
    write_contract_dataset(out)
    return out


def rows(out, named, **params):
    text = run_query(out, named=named, params=[f"{k}={v}" for k, v in params.items()], fmt="json")
    data = json.loads(text)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def short(iri: str) -> str:
    return iri[len(R):] if iri.startswith(R) else iri.rsplit("#", 1)[-1]


def test_at_least_the_eight_analyst_queries_ship_with_headers():
    queries = named_queries()
    for name in ("pair-interactions", "actor-activity", "claims-by-claimant", "camps", "source-disagreements",
                 "pair-timeline", "actors-by-degree", "documents-mentioning"):
        assert name in queries, name
        assert queries[name].title and queries[name].description
    assert [p[:2] for p in queries["pair-interactions"].params] == [("a", "actor"), ("b", "actor")]
    assert all(kind in {"actor", "iri", "literal", "integer"} for q in queries.values() for _, kind, _ in q.params)


def test_pair_interactions_both_directions_with_evidence(contract_dir):
    got = rows(contract_dir, "pair-interactions", a="AZE", b="IRN")
    assert sorted(short(r["interaction"]) for r in got) == ["doc/a/interaction/1", "doc/b/interaction/4",
                                                            "doc/b/interaction/5"]
    first = got[0]  # ordered by date: the 2021 drills come first
    assert first["evidence"] == "Iran launched large military drills near its border with Azerbaijan."
    assert first["title"] == "Drills on the Aras" and first["docSource"] == "drills.txt"
    assert (first["sourceLabel"], first["targetLabel"]) == ("Iran", "Azerbaijan")
    # The interaction's own date wins over its document's.
    assert {short(r["interaction"]): r["date"] for r in got}["doc/b/interaction/4"] == "2022-03-09"


def test_lifted_pair_counts_the_minister_for_iran(contract_dir):
    plain = rows(contract_dir, "pair-interactions", a="IRN", b="AZE")
    lifted = rows(contract_dir, "pair-interactions-lifted", a="IRN", b="AZE")
    assert len(lifted) == len(plain) + 1
    assert any(short(r["source"]) == "actor/person/hossein-amir-abdollahian" for r in lifted)


def test_actor_activity_did_and_received(contract_dir):
    got = rows(contract_dir, "actor-activity", actor="AZE")
    assert {r["role"] for r in got} == {"received"}
    assert len(got) == 5
    got = rows(contract_dir, "actor-activity", actor="TUR")
    assert [(r["role"], r["otherLabel"], short(r["eventType"])) for r in got] == [("did", "Azerbaijan", "SUPPORT")]
    lifted = rows(contract_dir, "actor-activity-lifted", actor="IRN")
    assert {short(r["via"]) for r in lifted} == {"actor/IRN", "actor/person/hossein-amir-abdollahian"}


def test_claims_by_claimant(contract_dir):
    got = rows(contract_dir, "claims-by-claimant", claimant="IRN")
    assert [(r["label"], r["aboutLabel"], r["stance"], short(r["modality"])) for r in got] == [
        ("the transit routes through Astara will reopen", "Azerbaijan", "1", "Reported")]
    assert rows(contract_dir, "claims-by-claimant", claimant="TUR") == []
    assert len(rows(contract_dir, "claims-by-claimant")) == 1  # unset: every claimant


def test_camps_and_members(contract_dir):
    got = rows(contract_dir, "camps", scope="all")
    assert [(short(r["bloc"]), r["memberLabel"]) for r in got] == [
        ("analysis/all/camp/1", "Azerbaijan"), ("analysis/all/camp/1", "Turkey"), ("analysis/all/camp/2", "Iran")]
    assert len(rows(contract_dir, "camps")) == 4  # every scope


def test_source_disagreements(contract_dir):
    got = rows(contract_dir, "source-disagreements")
    found = {(r["why"], short(r["type1"]), short(r["type2"])) for r in got}
    # doc a: Iran mobilised (asserted, -1); doc b: Iran and Azerbaijan agreed (+1), Iran denied mobilising.
    assert found == {("opposite polarity", "MOBILIZE", "AGREE"), ("asserted vs negated", "MOBILIZE", "MOBILIZE")}
    assert all(short(r["doc1"]) == "doc/a" and short(r["doc2"]) == "doc/b" for r in got)


def test_pair_timeline_in_date_order(contract_dir):
    got = rows(contract_dir, "pair-timeline", a="IRN", b="AZE")
    assert [r["date"] for r in got] == ["2021-10-01", "2022-03-09", "2022-03-10"]
    assert [short(r["eventType"]) for r in got] == ["MOBILIZE", "AGREE", "MOBILIZE"]
    assert {r["direction"] for r in got} == {"a->b"}


def test_actors_by_degree(contract_dir):
    got = rows(contract_dir, "actors-by-degree")
    assert (short(got[0]["actor"]), got[0]["degree"], got[0]["partners"]) == ("actor/AZE", "5", "3")
    iran = next(r for r in got if short(r["actor"]) == "actor/IRN")
    assert (iran["degree"], iran["positive"], iran["negative"]) == ("3", "1", "2")


def test_documents_mentioning(contract_dir):
    got = rows(contract_dir, "documents-mentioning", actor="IRN")
    assert [(r["title"], r["mentions"]) for r in got] == [("Tehran and Baku mend ties", "2"),
                                                          ("Drills on the Aras", "1")]
    assert rows(contract_dir, "documents-mentioning", actor="TUR")[0]["date"] == "2021-10-01"


def test_parameters_are_bound_not_pasted(contract_dir):
    before = len(store.all_quads(contract_dir))
    # A key is percent-encoded into an IRI: no rows, no error, nothing run.
    assert rows(contract_dir, "pair-interactions", a="IRN> } ; DROP ALL ; #", b="AZE") == []
    assert rows(contract_dir, "camps", scope='all" } ; DROP ALL ; #') == []
    # An explicit IRI that is not one is refused before anything runs.
    with pytest.raises(QueryError, match="bad value"):
        rows(contract_dir, "pair-interactions", a="<IRN> } ; DROP ALL #>", b="AZE")
    with pytest.raises(QueryError, match="unknown parameter"):
        rows(contract_dir, "pair-interactions", c="IRN")
    assert len(store.all_quads(contract_dir)) == before


def test_parameters_are_bound_as_validated_terms_in_a_values_block():
    """Parameters become ``VALUES (?name) { (term) }`` first in the WHERE clause, each term written
    by pyoxigraph (an IRI it validated, a literal it escaped), so user text cannot end the term."""
    from graph.iris import actor_iri
    from graph.query import prepare

    def values_line(named, params):
        text, substitutions = prepare(None, named, params)
        assert substitutions == {}
        head, tail = text.split("WHERE {\n  VALUES ", 1)
        assert "VALUES" not in head.split("SELECT", 1)[1]
        return tail.splitlines()[0]

    evil = 'all" } ; DROP ALL ; #\n'
    assert values_line("camps", [f"scope={evil}"]) == '(?scope) { ("all\\" } ; DROP ALL ; #\\n") }'
    assert values_line("camps", [f"scope={evil}"]) == f"(?scope) {{ ({ox.Literal(evil)}) }}"
    key = "IRN> } ; DROP ALL ; #"
    line = values_line("pair-interactions", [f"a={key}", "b=AZE"])
    assert line == f"(?a ?b) {{ (<{actor_iri(key)}> <{actor_iri('AZE')}>) }}"
    assert line.count(">") == 2 and " } ;" not in line.split(") }")[0]
    assert prepare(None, "camps", [])[0] == named_queries()["camps"].text  # unset: nothing bound


def test_full_iri_parameters(contract_dir):
    assert len(rows(contract_dir, "actor-activity", actor=R + "actor/TUR")) == 1
    assert len(rows(contract_dir, "actor-activity", actor=f"<{R}actor/TUR>")) == 1


def test_plain_literals_print_without_xsd_string(contract_dir):
    for fmt in ("table", "csv", "tsv"):
        text = run_query(contract_dir, named="claims-by-claimant", fmt=fmt)
        assert "XMLSchema#string" not in text and "xsd:string" not in text
        assert "Astara" in text
    csv_rows = list(csv.DictReader(io.StringIO(run_query(contract_dir, named="camps", params=["scope=all"], fmt="csv"))))
    assert csv_rows[0]["memberLabel"] == "Azerbaijan"


def test_syntax_error_has_position(contract_dir):
    with pytest.raises(QueryError) as info:
        run_query(contract_dir, "SELECT ?x WHERE {\n  ?x a kgo:Country ;\n  FILTER(?x = ) }")
    message = str(info.value)
    assert "line 3" in message and "column" in message
    assert "FILTER(?x = )" in message and "^" in message


SENTENCES = {
    "aras.txt": (
        "Iran Warns Azerbaijan Over Border Exercises\n\n"
        "Iran condemned Azerbaijan on Monday for holding joint military exercises with Turkey near the border. "
        "Turkey praised Azerbaijan for its restraint. "
        "Russia urged Iran and Azerbaijan to resolve the dispute through talks.\n"
    ),
    "baku.txt": (
        "Baku Answers Tehran\n\n"
        "Azerbaijan accused Iran of smuggling weapons to Armenia. "
        "Iran denied that it had sent weapons to Armenia. "
        "Turkey and Azerbaijan signed a defence agreement in Shusha.\n"
    ),
}


@pytest.fixture(scope="module")
def built_dir(built_texts):
    out, report = built_texts(SENTENCES, "built")
    assert report.ok, report.skipped
    return out


def test_every_named_query_runs_on_a_real_build(built_dir):
    for name, nq in named_queries().items():
        params = {"a": "IRN", "b": "AZE", "actor": "IRN", "claimant": "IRN", "scope": "all"}
        given = {p: params[p] for p, _, _ in nq.params}
        rows(built_dir, name, **given)  # runs without error


def test_pair_query_agrees_with_the_store(built_dir):
    iran, azerbaijan = f"<{R}actor/IRN>", f"<{R}actor/AZE>"
    expected = {r["i"] for r in store.select_rows(built_dir, f"""
        SELECT ?i WHERE {{ ?i a kgo:Interaction ; kgo:source ?s ; kgo:target ?t .
          FILTER ((?s = {iran} && ?t = {azerbaijan}) || (?s = {azerbaijan} && ?t = {iran})) }}""")}
    got = {r["interaction"] for r in rows(built_dir, "pair-interactions", a="IRN", b="AZE")}
    assert got == expected
    assert expected, "the build should find at least one Iran-Azerbaijan interaction"
    degree = {short(r["actor"]): int(r["degree"]) for r in rows(built_dir, "actors-by-degree")}
    assert degree.get("actor/AZE", 0) >= len(expected)


def test_prefixes_cover_the_contract():
    assert {"kgo", "res", "nif", "prov", "dcterms", "rdfs"} <= set(PREFIXES)


def test_kg_query_pages_a_named_query(contract_dir):
    """--limit/--offset give a page; standard error says more rows follow and where; --all is all."""
    from typer.testing import CliRunner

    from graph.cli import app

    def kg(*extra):
        result = CliRunner().invoke(app, ["query", str(contract_dir), "--named", "actor-activity",
                                          "--param", "actor=IRN", "--format", "json", *extra])
        assert result.exit_code == 0, result.output
        ids = [b["interaction"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]]
        return ids, result.stderr

    whole, note = kg("--all")
    assert len(whole) == 3 and note == ""  # Iran's own three; its minister's threat is not in it
    assert kg()[0] == whole  # the default page (100 rows) holds them all
    first, note = kg("--limit", "2")
    assert first == whole[:2] and "rows 1-2" in note and "--offset 2" in note and "--all" in note
    rest, note = kg("--limit", "2", "--offset", "2")
    assert first + rest == whole and note == ""
    assert kg("--limit", "0")[0] == whole


def test_run_query_page_reports_the_next_offset(contract_dir):
    from graph.query import run_query_page

    text, page = run_query_page(contract_dir, named="camps", limit=1, offset=1, fmt="csv")
    assert page.rows == 1 and page.more and page.next_offset == 2
    assert len(list(csv.DictReader(io.StringIO(text)))) == 1
    _, page = run_query_page(contract_dir, named="camps", limit=5)
    assert page.rows == 4 and not page.more and page.next_offset is None and page.note() == ""
    _, page = run_query_page(contract_dir, "SELECT ?s WHERE { ?s ?p ?o }", limit=1)
    assert page.rows > 1 and not page.more  # an ad-hoc query carries its own LIMIT: never paged


def test_kg_query_from_the_command_line_skips_the_server_and_other_commands(contract_dir):
    # `kg query` is run once per question from scripts and notebooks' shells, so its start-up is
    # part of every answer: it must not import the HTTP server or the other commands' modules.
    code = (
        "import sys, json\n"
        "from graph.cli import main\n"
        f"sys.argv = ['kg', 'query', {str(contract_dir)!r}, '--named', 'camps', '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "loaded = [m for m in ('http.server', 'graph.serve', 'graph.commands') if m in sys.modules]\n"
        "print(json.dumps(loaded), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["results"]["bindings"], "the camps query answered nothing"
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []


def test_kg_help_still_lists_every_command():
    done = subprocess.run([sys.executable, "-m", "graph.cli", "--help"], capture_output=True,
                          text=True, check=True)
    for command in ("build", "query", "actors", "serve", "validate", "export", "push", "render"):
        assert f" {command} " in done.stdout, command
