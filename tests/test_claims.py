"""Claims: each speech pattern, quotations, the author's recommendations, and their RDF."""

import pyoxigraph as ox
import pytest

from graph import rdf
from graph.iris import DCTERMS, KGO, actor_iri
from graph.model import Document
from graph.pipeline import process_document, process_text


def claims_of(text, **kw):
    return [(c.claimant, set(c.about), c.stance) for c in process_text(text, **kw).claims]


def test_said_that():
    doc = process_text("Russia said that Ukraine had shelled the dam.")
    c = doc.claims[0]
    assert (c.claimant, c.about) == ("RUS", ["UKR"])
    assert c.label == "Ukraine had shelled the dam."
    assert c.cue == "said"


def test_accused_of_is_a_negative_claim():
    assert claims_of("Armenia accused Azerbaijan of blocking the corridor.") == [("ARM", {"AZE"}, -1)]


def test_warned_and_tweeted():
    assert claims_of("Japan warned that China was militarising the islands.")[0][:2] == ("JPN", {"CHN"})
    assert claims_of("Venezuela tweeted that Guyana was provoking a crisis.")[0][:2] == ("VEN", {"GUY"})


def test_called_on():
    assert claims_of("Egypt called on Ethiopia to stop filling the dam.")[0][:2] == ("EGY", {"ETH"})


def test_according_to():
    got = claims_of("According to Seoul, North Korea fired two missiles.")
    assert got[0][:2] == ("KOR", {"PRK"})


def test_inverted_quotation_with_unknown_speaker():
    doc = process_text("“Moscow will not win this war,” said Maria Lindqvist, a Swedish analyst.")
    c = doc.claims[0]
    assert c.claimant == "person/maria-lindqvist"
    assert doc.actors[c.claimant].type == "Person"
    assert "RUS" in c.about
    assert c.label == "Moscow will not win this war,"


def test_pronoun_speaker_and_quotation_continuation():
    text = ("Pakistani Foreign Minister Bilawal Bhutto Zardari visited Beijing on Monday. "
            "“Our friendship with China is unbreakable. We trust each other,” he said.")
    doc = process_text(text)
    speakers = {c.sentence: c.claimant for c in doc.claims}
    assert speakers.get(1) == speakers.get(2)
    assert speakers[1].startswith("person/")


def test_modal_infinitive_and_nouns_are_not_claims():
    assert claims_of("Azeri state media praised the deal.") == [] or \
        all(c[0] != "AZE" or "praised" for c in claims_of("Azeri state media praised the deal."))
    assert not [c for c in claims_of("Such claims need careful review in Brazil.") if c[0] != "AUTHOR"]


def test_author_recommendation_uses_the_creator():
    doc = Document(source="/data/thinktank/docs/brief.txt", creator="Jane Roe",
                   text="Iran tested a missile. The United States should deter Iran.")
    process_document(doc)
    rec = [c for c in doc.claims if c.claimant == "AUTHOR"]
    assert len(rec) == 1 and rec[0].modality == "Recommended"
    assert set(rec[0].about) == {"USA", "IRN"}
    quads = list(rdf.document_quads(doc))
    creator = [q.object for q in quads if q.predicate.value == DCTERMS + "creator"]
    assert creator == [ox.NamedNode(actor_iri("person/jane-roe"))]
    claimant = [q.object for q in quads if q.predicate.value == KGO + "claimant"]
    assert ox.NamedNode(actor_iri("person/jane-roe")) in claimant
    assert doc.actors["person/jane-roe"].type == "Person"


def test_author_recommendation_falls_back_to_the_publisher_folder():
    doc = Document(source="/data/thinktank/docs/brief.txt",
                   text="It will be essential for NATO to reassure Estonia.")
    process_document(doc)
    assert doc.claims[0].claimant == "AUTHOR"
    assert doc.actors["org/thinktank"].type == "Organization"
    quads = list(rdf.document_quads(doc))
    pub = [q.object for q in quads if q.predicate.value == DCTERMS + "publisher"]
    assert pub == [ox.NamedNode(actor_iri("org/thinktank"))]
    claimant = [q.object for q in quads if q.predicate.value == KGO + "claimant"]
    assert claimant == pub


def test_publisher_option_beats_the_folder():
    doc = Document(source="/data/x/docs/brief.txt", publisher="Atlantic Review",
                   text="Washington would be well advised to engage Hanoi.")
    process_document(doc)
    assert "org/atlantic-review" in doc.actors


def test_reported_modal_is_not_the_authors():
    got = claims_of("China stressed that India and Pakistan should talk.")
    assert [c[0] for c in got] == ["CHN"]


def test_conditional_should_and_headline_are_not_recommendations():
    doc = Document(source="<text>", title="The US should leave Syria",
                   text="The US should leave Syria\n\nShould Iran attack Israel, oil prices would rise.")
    process_document(doc)
    assert doc.claims == []


# -- content and about-actors (issue #5) -------------------------------------------------------

def test_closing_speaker_after_a_title_and_an_adjunct():
    doc = process_text("Chile expelled two diplomats. Three embassy cars were seized in the port, "
                       "Mayor Elena Ruiz said on Friday.")
    c = [c for c in doc.claims if c.sentence == 1][0]
    assert c.claimant == "person/elena-ruiz"
    assert c.label == "Three embassy cars were seized in the port"


def test_closing_description_of_the_speaker_after_a_quotation():
    doc = process_text("“We respect the sovereignty of Peru,” Bolivian foreign ministry "
                       "spokesperson Ana Quispe told reporters on Monday.")
    c = doc.claims[0]
    assert c.claimant == "person/ana-quispe"
    assert c.label == "We respect the sovereignty of Peru,"
    assert "PER" in c.about


def test_content_starts_after_that_past_an_addressee():
    doc = process_text("Canada told the United Nations on Tuesday that Norway would sign the pact.")
    assert doc.claims[0].label == "Norway would sign the pact."


def test_state_speaker_named_again_in_its_content_is_about_itself():
    doc = process_text("Brazil said Brazil would defend its farmers against Argentina.")
    c = doc.claims[0]
    assert c.claimant == "BRA"
    assert {"BRA", "ARG"} <= set(c.about)


def test_person_speaker_is_not_about_himself():
    doc = process_text("President Luiz Silva of Brazil said he would visit Argentina.")
    c = doc.claims[0]
    assert c.claimant not in c.about
    assert "ARG" in c.about


def test_quotation_sentence_takes_the_topic_of_its_attribution():
    doc = process_text("Kenyan minister Joy Wambui said: “Our ties with Ethiopia are strong. "
                       "We have advanced our cooperation this year.”")
    second = [c for c in doc.claims if c.sentence == 1]
    assert second and "ETH" in second[0].about


def test_event_anaphora_gives_the_attack_participants_without_a_stance():
    doc = process_text("Russia launched a missile attack on Ukraine on Sunday. Two hospitals were hit. "
                       "The attack involved 300 drones, according to the Ukrainian Air Force.")
    c = [c for c in doc.claims if c.sentence == 2][0]
    assert "RUS" in c.about
    assert c.stance == 0             # the sentence itself says nothing for or against Russia


def test_topic_from_up_to_three_sentences_back():
    doc = process_text("Serbia sealed its border with Kosovo. Belgrade called it a temporary step. "
                       "The Serbian army moved trucks. Serbian officials said the trucks carried food.")
    c = [c for c in doc.claims if c.sentence == 3][0]
    assert c.claimant == "SRB"
    assert "XKX" in c.about or "KOS" in c.about or any("kosovo" in a.lower() for a in c.about)


def test_hedge_inside_a_relative_clause_leaves_the_claim_asserted():
    doc = process_text("Sweden said it rejected rhetoric that seeks to divide Finland.")
    assert doc.claims[0].modality == "Asserted"
    doc = process_text("Sweden said Finland might join the pact.")
    assert doc.claims[0].modality == "Hypothetical"


def test_coordinated_speakers_joined_by_and_the():
    got = claims_of("Greece and the United States both objected to the new pipeline plan.")
    assert {c[0] for c in got} == {"GRC", "USA"}


def test_coordinated_speakers_with_possessors():
    doc = process_text("Two leaders, Britain's Keir Starmer and Germany's Olaf Scholz, "
                       "denounced the shelling of Moldova.")
    assert {c.claimant for c in doc.claims} == {"person/keir-starmer", "person/olaf-scholz"}
    assert all(c.label == "the shelling of Moldova." for c in doc.claims)
    starmer = next(c for c in doc.claims if c.claimant == "person/keir-starmer")
    assert "DEU" not in starmer.about         # a co-speaker's side is not the topic
    assert "MDA" in starmer.about


def test_speaker_before_an_apposition_and_told_takes_no_inverted_speaker():
    doc = process_text("Maria Lopez, a senior fellow at a think tank, told Reuters "
                       "that Morocco had closed the border.")
    assert [c.claimant for c in doc.claims] == ["person/maria-lopez"]
    assert "MAR" in doc.claims[0].about


def test_sees_as_with_a_longer_object():
    got = claims_of("Still, Spain sees the Moroccan move as a provocation.")
    assert got == [("ESP", {"MAR"}, -1)]


def test_unattributed_quotation_continues_the_last_quotation():
    doc = process_text("“Chile has shown restraint,” Peru's president said in his speech.\n\n"
                       "Bolivia “has returned to the table. Argentina has released the prisoners.”")
    peru = [c for c in doc.claims if c.claimant == "PER"]
    assert {c.sentence for c in peru} >= {0, 1, 2}


def test_quoted_paragraph_after_reported_speech_belongs_to_that_speaker():
    doc = process_text("“Chile has shown restraint,” Peru's president said.\n\n"
                       "Bolivia's envoy said the talks had failed because of Chile.\n\n"
                       "“They ignored every offer. We will not return to the table.”")
    last = [c for c in doc.claims if c.sentence >= 2]
    assert last and all(c.claimant == "BOL" for c in last)


def test_passive_accused_of_has_no_speaker():
    assert claims_of("Police in Lima detained two men and others accused of smuggling arms to Chile.") == []


def test_relative_clause_with_accuses_of_keeps_its_speaker():
    got = claims_of("Egypt has cooled toward Sudan, a neighbour which it accuses of arming rebels.")
    assert got and got[0][0] == "EGY" and "SDN" in got[0][1]


@pytest.mark.parametrize("sentence, claimant, about", [
    ("Norway stated that Sweden had broken the treaty.", "NOR", "SWE"),
    ("Serbia claimed that Croatia had closed the border.", "SRB", "HRV"),
    ("Georgia alleged that Russia had moved the fence.", "GEO", "RUS"),
    ("Chad denied that Sudan had shelled the camps.", "TCD", "SDN"),
])
def test_each_speech_verb_of_the_issue(sentence, claimant, about):
    got = claims_of(sentence)
    assert got and got[0][0] == claimant and about in got[0][1]


@pytest.mark.parametrize("advice, cue", [
    ("Washington must deter Iran.", "must"),
    ("The United States needs to deter Iran.", "needs to"),
    ("It will be essential for Japan to deter Iran.", "it will be essential for"),
    ("Germany would be well advised to engage Iran.", "would be well advised to"),
])
def test_each_recommendation_cue_makes_the_author_the_claimant(advice, cue):
    doc = Document(source="/data/thinktank/docs/brief.txt", creator="Jane Roe",
                   text="Iran tested a missile. " + advice)
    process_document(doc)
    rec = [c for c in doc.claims if c.claimant == "AUTHOR"]
    assert [(c.cue, c.modality) for c in rec] == [(cue, "Recommended")]
    assert "IRN" in rec[0].about


def test_closing_source_of_reported_facts_takes_no_side():
    doc = process_text("Serbian troops shelled two villages in Kosovo, Albanian officials said on Monday.")
    c = doc.claims[0]
    assert c.claimant == "ALB" and c.stance == 0
    assert not [i for i in doc.interactions if i.source == "ALB"]
    accusing = process_text("Albania accused Serbia of shelling two villages in Kosovo.")
    assert accusing.claims[0].stance == -1


def test_nationality_in_an_apposition_describes_the_speaker_named_before_it():
    doc = process_text("Eric Holm, a Danish lawmaker, said the Swedish ban was a mistake.")
    assert [c.claimant for c in doc.claims] == ["person/eric-holm"]


def test_coordinated_ing_speech_verb_before_that_belongs_to_the_subject():
    doc = process_text("Peru on Tuesday changed its position by dropping its references to the "
                       "charter and stressing that Chile and Bolivia should talk directly.")
    assert [c.claimant for c in doc.claims] == ["PER"]


def test_ing_adjective_after_and_is_no_speech():
    assert process_text("Chile held large drills and threatening manoeuvres near Peru.").claims == []


def test_the_main_subject_comes_after_a_dateline_and_an_opening_phrase():
    doc = process_text("LIMA: In a gesture widely read as a snub to Bolivia's touring president, "
                       "Peru on Tuesday modified its position by dropping its references to the "
                       "charter and stressing that Chile and Bolivia should talk directly.")
    assert [c.claimant for c in doc.claims] == ["PER"]


def test_a_parenthetical_however_keeps_the_speaker():
    doc = process_text("Colombia expelled the envoys. Peru, however, said the decision was wise.")
    assert [c.claimant for c in doc.claims if c.sentence == 1] == ["PER"]


def test_by_after_said_it_was_belongs_to_the_participle_not_the_speech_verb():
    doc = process_text("Chile reopened its consulate in Lima. Peru said it was deeply moved by the "
                       "Chilean gesture.")
    assert [c.claimant for c in doc.claims if c.sentence == 1] == ["PER"]
