"""``kg serve`` over real HTTP on loopback: protocol, content negotiation, refusals, limits."""

from __future__ import annotations

import csv
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from graph.serve import ServeConfig, check_read_only, make_server
from test_queries import write_contract_dataset

COUNTRIES = "SELECT ?label WHERE { ?a a kgo:Country ; rdfs:label ?label } ORDER BY ?label"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("served")
    write_contract_dataset(out)
    (out / "index.html").write_text("<!doctype html><title>actors</title><p>the actor graph</p>", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def server(site):
    srv = make_server(site, port=0, timeout=2.0, limit=2, workers=2, quiet=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def call(server, path="/sparql", *, params=None, accept=None, data=None, content_type=None, method=None):
    url = server.url + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
    headers = {}
    if accept:
        headers["Accept"] = accept
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def labels_json(body: bytes) -> list[str]:
    return [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]]


def test_binds_loopback_by_default(site):
    assert ServeConfig(site).host == "127.0.0.1"
    srv = make_server(site, port=0, quiet=True, workers=1)
    try:
        assert srv.server_address[0] == "127.0.0.1"
    finally:
        srv.server_close()


def test_get_and_post_return_the_same_results(server):
    status, headers, body = call(server, params={"query": COUNTRIES})
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    got = labels_json(body)
    assert got == ["Azerbaijan", "Iran"]  # limit 2 of 3: cut, and marked
    assert headers["X-KG-Truncated"] == "true" and json.loads(body)["truncated"] is True
    status, _, body = call(server, data=COUNTRIES.encode(), content_type="application/sparql-query")
    assert status == 200 and labels_json(body) == got
    form = urllib.parse.urlencode({"query": COUNTRIES}).encode()
    status, _, body = call(server, data=form, content_type="application/x-www-form-urlencoded")
    assert status == 200 and labels_json(body) == got


def test_result_limit_not_marked_when_not_reached(server):
    status, headers, body = call(server, params={"query": "SELECT ?l WHERE { ?a a kgo:Person ; rdfs:label ?l }"})
    assert status == 200 and "X-KG-Truncated" not in headers
    assert "truncated" not in json.loads(body)


@pytest.mark.parametrize("accept, media_type", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.4, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_content_negotiation(server, accept, media_type):
    status, headers, body = call(server, params={"query": COUNTRIES}, accept=accept)
    assert status == 200
    assert headers["Content-Type"] == media_type
    text = body.decode("utf-8")
    if media_type == "text/csv":
        assert list(csv.reader(io.StringIO(text))) == [["label"], ["Azerbaijan"], ["Iran"]]
    elif media_type == "text/tab-separated-values":
        assert text.splitlines() == ["?label", '"Azerbaijan"', '"Iran"']  # no ^^xsd:string
    elif media_type.endswith("xml"):
        ns = "{http://www.w3.org/2005/sparql-results#}"
        literals = ET.fromstring(body).iter(ns + "literal")
        assert [(e.text, e.get("datatype")) for e in literals] == [("Azerbaijan", None), ("Iran", None)]
    else:
        bindings = json.loads(body)["results"]["bindings"]
        assert bindings[0]["label"] == {"type": "literal", "value": "Azerbaijan"}


CONSTRUCT = "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a kgo:Person ; rdfs:label ?l }"


@pytest.mark.parametrize("accept, media_type, fmt", [
    ("text/turtle", "text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", "application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", "application/ld+json", ox.RdfFormat.JSON_LD),
    (None, "text/turtle", ox.RdfFormat.TURTLE),
])
def test_graph_content_negotiation(server, accept, media_type, fmt):
    status, headers, body = call(server, params={"query": CONSTRUCT}, accept=accept)
    assert status == 200 and headers["Content-Type"] == media_type
    triples = list(ox.parse(body, format=fmt))
    assert [t.object.value for t in triples] == ["Hossein Amir-Abdollahian"]


def test_ask(server):
    status, headers, body = call(server, params={"query": "ASK { ?c a kgo:Claim }"})
    assert status == 200 and json.loads(body)["boolean"] is True
    status, headers, body = call(server, params={"query": "ASK { ?c a kgo:Event }"},
                                 accept="application/sparql-results+xml")
    assert status == 200 and b"<boolean>false</boolean>" in body


@pytest.mark.parametrize("query, accept", [
    (COUNTRIES, "text/turtle"),
    (CONSTRUCT, "application/sparql-results+json"),
    ("ASK { ?s ?p ?o }", "text/csv"),
    (COUNTRIES, "image/png, text/html;q=0.5"),
])
def test_406_when_nothing_fits(server, query, accept):
    status, headers, body = call(server, params={"query": query}, accept=accept)
    assert status == 406 and headers["Content-Type"] == "application/json"
    assert json.loads(body)["error"] == "not-acceptable"


@pytest.mark.parametrize("query, kind", [
    ("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }", "update-refused"),
    ("PREFIX ex: <http://example.org/>\nDELETE WHERE { ?s ?p ?o }", "update-refused"),
    ("# a comment\nDROP ALL", "update-refused"),
    ("LOAD <http://example.org/data.ttl> INTO GRAPH <http://example.org/g>", "update-refused"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "service-refused"),
    ("SELECT * WHERE { ?s ?p ?o . service silent <http://127.0.0.1:1/> { ?s ?p ?o } }", "service-refused"),
])
def test_refusals(server, query, kind):
    for response in (call(server, params={"query": query}),
                     call(server, data=query.encode(), content_type="application/sparql-query")):
        status, headers, body = response
        assert status == 400 and headers["Content-Type"] == "application/json"
        assert json.loads(body)["error"] == kind


def test_update_operations_are_refused(server, site):
    update = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> 1 } }"
    for response in (call(server, params={"update": update}),
                     call(server, data=update.encode(), content_type="application/sparql-update"),
                     call(server, data=urllib.parse.urlencode({"update": update}).encode(),
                          content_type="application/x-www-form-urlencoded")):
        assert response[0] == 400 and json.loads(response[2])["error"] == "update-refused"
    status, _, body = call(server, params={"query": "ASK { GRAPH <http://example.org/g> { ?s ?p ?o } }"})
    assert json.loads(body)["boolean"] is False


def test_words_in_strings_iris_and_variables_are_not_refused(server):
    query = ('SELECT ?service ?load WHERE { BIND("SERVICE LOAD DROP" AS ?service) '
             'BIND(<http://example.org/SERVICE> AS ?load) } # SERVICE <x>')
    check_read_only(query)
    status, _, body = call(server, params={"query": query})
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["service"]["value"] == "SERVICE LOAD DROP"


def test_bad_query_is_a_clear_json_error(server):
    status, headers, body = call(server, params={"query": "SELECT ?x WHERE {\n  ?x a kgo:Country ;\n  FILTER(?x = ) }"})
    assert status == 400 and headers["Content-Type"] == "application/json"
    error = json.loads(body)
    assert error["error"] == "syntax-error"
    assert "line 3" in error["message"] and "column" in error["message"]


def test_time_out_stops_a_slow_query_and_the_server_recovers(server):
    started = time.monotonic()
    status, headers, body = call(server, params={"query": SLOW})
    elapsed = time.monotonic() - started
    assert status == 503 and json.loads(body)["error"] == "timeout"
    assert elapsed < 10
    # The killed worker is replaced: queries keep working.
    for _ in range(3):
        status, _, body = call(server, params={"query": "ASK { ?s ?p ?o }"})
        assert status == 200 and json.loads(body)["boolean"] is True


def test_named_query_with_bound_parameters(server):
    status, _, body = call(server, params={"named": "pair-timeline", "param": ["a=IRN", "b=AZE"]})
    assert status == 200
    dates = [b["date"]["value"] for b in json.loads(body)["results"]["bindings"]]
    assert dates == ["2021-10-01", "2022-03-09"]  # cut at the limit of 2
    status, _, body = call(server, params={"named": "pair-timeline", "param": ["a=<IRN> } DROP ALL #>"]})
    assert status == 400 and "bad value" in json.loads(body)["message"]
    status, _, body = call(server, params={"named": "no-such-query"})
    assert status == 400


def test_query_page_offers_the_named_queries(server):
    status, headers, body = call(server, accept="text/html")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode("utf-8")
    assert "<form" in page and "Interactions between two actors" in page and "pair-timeline" in page


def test_static_pages_served_and_store_hidden(server):
    status, headers, body = call(server, "/")
    assert status == 200 and b"the actor graph" in body
    assert call(server, "/index.html")[0] == 200
    assert call(server, "/graph.trig")[0] == 200
    assert call(server, "/store/CURRENT")[0] == 404
    assert call(server, "/.dataset/graph.trig")[0] == 404


def test_other_methods_refused(server):
    assert call(server, data=b"x", content_type="text/plain")[0] == 415
    assert call(server, data=b"x", content_type="text/turtle", method="PUT")[0] in (405, 501)



# --------------------------------------------------------------------------- pages of named queries

@pytest.fixture(scope="module")
def roomy_server(site):
    """A server whose result limit (100) is above the pages asked for below."""
    srv = make_server(site, port=0, timeout=30.0, limit=100, workers=1, quiet=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv
    srv.shutdown()
    srv.server_close()


def bindings(body: bytes, name: str) -> list[str]:
    return [b[name]["value"] for b in json.loads(body)["results"]["bindings"]]


PAIR = {"named": "pair-interactions", "param": ["a=IRN", "b=AZE"]}


def test_named_query_pages_follow_one_another(roomy_server):
    status, headers, body = call(roomy_server, params={**PAIR, "limit": "0"})
    assert status == 200 and "X-KG-Next-Offset" not in headers and "next_offset" not in json.loads(body)
    whole = bindings(body, "interaction")
    assert len(whole) == 3  # Iran's three (one denied); its minister's threat is not Iran's
    assert call(roomy_server, params=PAIR)[2] == body  # the default page (100 rows) holds them all
    status, headers, body = call(roomy_server, params={**PAIR, "limit": "2"})
    assert status == 200 and bindings(body, "interaction") == whole[:2]
    assert headers["X-KG-Next-Offset"] == "2" and json.loads(body)["next_offset"] == 2
    assert "X-KG-Truncated" not in headers  # a page is not a cut answer
    link = headers["Link"]
    assert link.endswith('>; rel="next"') and "offset=2" in link and "limit=2" in link
    status, headers, body = call(roomy_server, link[1:link.index(">")])
    assert status == 200 and bindings(body, "interaction") == whole[2:]
    assert "X-KG-Next-Offset" not in headers and "Link" not in headers


def test_pages_in_csv_say_where_the_next_one_starts(roomy_server):
    status, headers, body = call(roomy_server, params={**PAIR, "limit": "1", "offset": "1", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert status == 200 and len(rows) == 1 and headers["X-KG-Next-Offset"] == "2"
    _, _, whole = call(roomy_server, params={**PAIR, "limit": "0"})
    assert [r["interaction"] for r in rows] == bindings(whole, "interaction")[1:2]


def test_page_past_the_end_is_empty(roomy_server):
    status, headers, body = call(roomy_server, params={**PAIR, "offset": "50"})
    assert status == 200 and bindings(body, "interaction") == [] and "X-KG-Next-Offset" not in headers


@pytest.mark.parametrize("params", [{**PAIR, "limit": "-1"}, {**PAIR, "limit": "ten"}, {**PAIR, "offset": "1e3"},
                                    {**PAIR, "limit": ["1", "2"]}, {"query": COUNTRIES, "limit": "1"},
                                    {"query": COUNTRIES, "offset": "1"}])
def test_bad_pages_are_refused(roomy_server, params):
    status, _, body = call(roomy_server, params=params)
    assert status == 400 and json.loads(body)["error"] == "bad-request"


def test_result_limit_below_the_page_cuts_and_says_where_to_go_on(server):
    # the module's server has a result limit of 2, below the default page
    status, headers, body = call(server, params=PAIR)
    assert status == 200 and len(bindings(body, "interaction")) == 2
    assert headers["X-KG-Truncated"] == "true" and headers["X-KG-Next-Offset"] == "2"


def test_query_page_offers_the_next_page(server):
    page = call(server, accept="text/html")[2].decode("utf-8")
    assert "next_offset" in page and "Next page" in page and "limit=0" in page


def test_in_memory_server_answers_as_the_on_disk_one(site, roomy_server):
    srv = make_server(site, port=0, timeout=30.0, limit=100, workers=1, quiet=True, memory=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        for params in ({**PAIR, "limit": "0"}, {**PAIR, "limit": "2", "offset": "1"},
                       {"named": "actor-activity", "param": "actor=IRN"}, {"named": "camps"},
                       {"query": COUNTRIES}):
            mem = call(srv, params=params)
            disk = call(roomy_server, params=params)
            assert mem[0] == disk[0] == 200 and mem[2] == disk[2], params
            assert mem[1].get("X-KG-Next-Offset") == disk[1].get("X-KG-Next-Offset")
        # read-only all the same: the copy is in memory, updates are still refused
        status, _, body = call(srv, params={"query": "INSERT DATA { <urn:x> <urn:y> <urn:z> }"})
        assert status == 400 and json.loads(body)["error"] == "update-refused"
    finally:
        srv.shutdown()
        srv.server_close()
