"""The actor knowledge base (ontology/actors/*.yaml): coverage, identifiers, and SHACL conformance."""

from pathlib import Path

import pycountry
import pytest

from graph.actors.kb import load_knowledge_base, read_entries
from graph.resources import ontology_dir

ACTORS = ontology_dir() / "actors"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def curated(name):
    return read_entries(ACTORS / f"{name}.yaml")


def test_every_curated_country_has_an_iso_code_and_a_qid():
    countries = curated("countries")
    assert len(countries) >= 197                       # UN members, 2 observers, Taiwan, Kosovo
    iso = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    for entry in countries:
        assert entry.actor.iso3 in iso, entry.key
        assert entry.actor.qid and entry.actor.qid.startswith("Q"), entry.key
    keys = {e.key for e in countries}
    assert {"TWN", "XKX", "PSE", "VAT", "AZE", "IRN", "USA"} <= keys


@pytest.mark.parametrize("surface,key", [
    ("Persia", "IRN"), ("Burma", "MMR"), ("Türkiye", "TUR"), ("South Korean", "KOR"),
    ("the Kremlin", "RUS"), ("Downing Street", "GBR"), ("Zhongnanhai", "CHN"), ("Élysée", "FRA"),
    ("Azeri", "AZE"), ("Filipino", "PHL"),
])
def test_names_capitals_and_adjectives(kb, surface, key):
    assert key in {k for k, _ in kb.lookup(surface)}


def test_at_least_sixty_igos_with_acronyms(kb):
    igos = [e for e in curated("organizations") if not e.actor.affiliation]
    assert len(igos) >= 60
    for acronym in ("NATO", "OSCE", "CSTO", "SCO", "ASEAN", "GCC", "OPEC", "IAEA", "ICC", "ICJ",
                    "BRICS", "G7", "G20", "EU", "UN", "AU"):
        assert kb.lookup(acronym), acronym


def test_agencies_of_forty_states_act_for_their_state(kb):
    agencies = curated("agencies")
    states = {e.actor.affiliation for e in agencies}
    assert len(states) >= 40
    for surface, state in (("State Department", "USA"), ("Pentagon", "USA"), ("CENTCOM", "USA"),
                           ("EUCOM", "USA"), ("IRGC", "IRN"), ("Mossad", "ISR"), ("FSB", "RUS"),
                           ("PLA", "CHN")):
        keys = [k for k, _ in kb.lookup(surface)]
        assert keys and kb[keys[0]].actor.affiliation == state, surface


def test_recurring_groups_are_groups(kb):
    for name in ("Hezbollah", "Hamas", "Houthis", "Taliban", "ISIS", "Wagner", "RSF", "M23", "PKK", "YPG",
                 "South Ossetia", "Abkhazia", "Transnistria", "Nagorno-Karabakh"):
        keys = [k for k, _ in kb.lookup(name)]
        assert keys, name
        assert kb[keys[0]].actor.type == "Group", name


def test_office_holders_resolve_by_date(kb):
    assert kb.office_holders("president", "USA", "2019-06-01") == ["person/donald-trump"]
    assert kb.office_holders("president", "USA", "2022-06-01") == ["person/joe-biden"]
    assert kb.office_holders("foreign-minister", "IRN", "2025-03-01") == ["person/abbas-araghchi"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pyshacl uses rdflib APIs rdflib deprecates
def test_the_compiled_knowledge_base_conforms_to_the_shapes(kb):
    pyshacl = pytest.importorskip("pyshacl")
    import pyoxigraph as ox
    from rdflib import Graph

    from graph.rdf import actor_quads

    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in actor_quads(e.actor for e in kb)]
    data = Graph()
    data.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
    shapes = Path(ontology_dir() / "shapes.ttl").read_text(encoding="utf-8")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, shacl_graph_format="turtle",
                                         inference="none", allow_warnings=True)
    assert conforms, text[:2000]
