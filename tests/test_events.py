"""Named events: detection, type, participants, place, date, and merging of later references."""

from graph.pipeline import process_text


def test_named_exercise_merges_with_the_drills():
    doc = process_text("Greece, Cyprus and Egypt opened the Medusa 2022 exercise off Crete on Monday. "
                       "Turkey called the drills a provocation. "
                       "The exercise ended after a week.", date="2022-11-25")
    assert len(doc.events) == 1
    ev = doc.events[0]
    assert ev.label == "Medusa 2022 exercise"
    assert ev.event_type == "EXERCISE"
    assert ev.date == "2022"
    assert ev.place == "Crete"
    assert set(ev.participants) >= {"GRC", "CYP", "EGY"}
    assert ev.sentences == [0, 1, 2]


def test_war_with_hyphenated_participants():
    doc = process_text("Veterans of the Iran-Iraq war still remember the gas attacks.")
    ev = next(e for e in doc.events if e.label == "Iran-Iraq war")
    assert ev.event_type == "FIGHT"
    assert set(ev.participants) == {"IRN", "IRQ"}


def test_year_headed_event_and_named_attack():
    doc = process_text("After the 2016 offensive, rebels hid in the hills. "
                       "The Kramatorsk attack killed dozens.")
    labels = {e.label: e for e in doc.events}
    assert "2016 offensive" in labels and labels["2016 offensive"].date == "2016"
    assert "Kramatorsk attack" in labels
    assert labels["Kramatorsk attack"].event_type == "ATTACK"


def test_definite_reference_without_earlier_event_creates_nothing():
    doc = process_text("The drills ended on Friday.")
    assert doc.events == []


def test_event_without_year_takes_its_sentence_date():
    doc = process_text("Leaders gathered for the Madrid summit on June 29, 2022.")
    ev = doc.events[0]
    assert ev.label == "Madrid summit" and ev.date == "2022-06-29"


def test_events_are_written_as_rdf():
    from graph import rdf
    from graph.iris import KGO, SEM

    doc = process_text("Japan and India held the Dharma Guardian 2023 exercise. The drills lasted two weeks.")
    quads = list(rdf.document_quads(doc))
    types = {(q.subject.value, q.object.value) for q in quads if q.predicate.value.endswith("#type")}
    assert any(o == KGO + "Event" for _, o in types)
    assert any(o == SEM + "Event" for _, o in types)
    mentioned = [q for q in quads if q.predicate.value == KGO + "mentionedIn"]
    assert len(mentioned) == 2


def test_actor_adjective_and_headline_word_are_not_event_names():
    doc = process_text("Veterans of the Iran-Iraq war gathered. Russian strikes hit Odesa. Iran's attack failed.")
    assert [e.label for e in doc.events] == ["Iran-Iraq war"]


def test_described_elections_and_referendums_are_events():
    doc = process_text("Voters in Chile went to the polls for the presidential election on 14 March 2021. "
                       "Observers said the election was calm. "
                       "Kenya will hold the 2027 parliamentary elections in August.")
    by_label = {e.label: e for e in doc.events}
    pres = by_label["presidential election"]
    assert pres.event_type == "ELECTION"
    assert pres.date == "2021-03-14"
    assert pres.participants == ["CHL"]
    assert pres.sentences == [0, 1]              # "the election" joins it
    assert by_label["2027 parliamentary elections"].date == "2027"


def test_referendum_date_is_relative_to_a_known_document_date_only():
    text = "Scotland held a referendum last Thursday. Turnout was high."
    known = process_text(text, date="2024-05-15").events
    assert [(e.label, e.event_type, e.date) for e in known] == [("referendum", "ELECTION", "2024-05-09")]
    unknown = process_text(text).events
    assert [(e.label, e.date) for e in unknown] == [("referendum", None)]


def test_nationality_names_an_election_but_not_an_attack():
    doc = process_text("Observers praised the Israeli election. A Russian attack hit Odesa.")
    assert [(e.label, e.participants) for e in doc.events] == [("Israeli election", ["ISR"])]


def test_a_bare_election_without_an_earlier_one_is_no_event():
    assert process_text("The election ended on Friday.").events == []


def test_election_event_is_written_with_its_concept():
    from graph import rdf
    from graph.iris import KGO

    doc = process_text("Peru held a snap election in April 2022.")
    quads = list(rdf.document_quads(doc))
    assert any(q.predicate.value == KGO + "eventType" and q.object.value == KGO + "ELECTION" for q in quads)


def test_sentence_initial_common_word_is_no_event_name():
    doc = process_text("Large naval drills by Greece and Cyprus (the Nemesis 2021 exercise) began. "
                       "Turkey criticised the drills.")
    assert [e.label for e in doc.events] == ["Nemesis 2021 exercise"]
    assert doc.events[0].sentences == [0, 1]


def test_kg_timeline_lists_events_and_interactions_of_a_pair_with_dates(tmp_path):
    from graph.pipeline import build
    from graph.query import pair_events_timeline

    article = tmp_path / "docs" / "story.txt"
    article.parent.mkdir()
    article.write_text("Border talks stall\n\nMarch 10, 2023\n\n"
                       "Greece and Turkey held the Aegean 2022 exercise near Rhodes. "
                       "Turkey attacked a Greek patrol boat last Thursday.\n", encoding="utf-8")
    build([article], tmp_path / "out", pages=False, analysis=False)
    rows = pair_events_timeline(tmp_path / "out", "TUR", "GRC")
    kinds = {(r["kind"], r.get("date")) for r in rows}
    assert ("event", "2022") in kinds
    attacks = [r for r in rows if r["kind"] == "interaction" and r["what"] == "ATTACK"]
    assert attacks and attacks[0]["date"] == "2023-03-09" and attacks[0]["direction"] == "a->b"
    assert attacks[0]["modality"] == "Asserted"
    assert all(r.get("evidence") for r in rows)
