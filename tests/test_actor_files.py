"""`kg build --actors FILE`: the user's YAML or Turtle actors merge over the built-in base."""

import pytest

from graph.actors.kb import KnowledgeBaseError, load_knowledge_base
from graph.pipeline import process_text


def test_yaml_actor_file_adds_a_person_and_names(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("- id: person/amina-kovac\n  type: Person\n  name: Amina Kovac\n  affiliation: BIH\n"
                 "- id: SRB\n  names: [the Serbian republic]\n", encoding="utf-8")
    kb = load_knowledge_base([f])
    doc = process_text("Amina Kovac criticised the Serbian republic on Monday.", kb=kb)
    assert [(m.text, m.actor) for m in doc.mentions] == [
        ("Amina Kovac", "person/amina-kovac"), ("the Serbian republic", "SRB")]
    assert doc.actors["person/amina-kovac"].affiliation == "BIH"
    assert kb["SRB"].actor.label == "Serbia"          # merged, not replaced


def test_turtle_actor_file(tmp_path):
    f = tmp_path / "mine.ttl"
    f.write_text(
        "@prefix kgo: <https://w3id.org/kg-explorer/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/kg-explorer/resource/actor/person/lev-orlov> a kgo:Person ;\n"
        '  rdfs:label "Lev Orlov" ; kgo:affiliation <https://w3id.org/kg-explorer/resource/actor/MDA> .\n',
        encoding="utf-8")
    kb = load_knowledge_base([f])
    assert kb["person/lev-orlov"].actor.affiliation == "MDA"
    doc = process_text("Lev Orlov met envoys in Chisinau.", kb=kb)
    assert {m.actor for m in doc.mentions} >= {"person/lev-orlov"}


def test_a_broken_actor_file_is_named_in_the_error(tmp_path):
    f = tmp_path / "broken.yaml"
    f.write_text("- name: no id here\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="broken.yaml"):
        load_knowledge_base([f])


def test_the_documented_examples_load():
    kb = load_knowledge_base(["docs/examples/my-actors.yaml", "docs/examples/my-actors.ttl"])
    assert "person/jane-roe" in kb and "person/john-doe" in kb
