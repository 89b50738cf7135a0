"""Tests of graph.sentences: abbreviations, initials, quotes, numbers, headings, properties."""

from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from graph.model import Document
from graph.sentences import add_sentences, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_us_officials_does_not_split():
    assert sentences("U.S. officials met their counterparts in Ankara. The talks lasted hours.") == [
        "U.S. officials met their counterparts in Ankara.",
        "The talks lasted hours.",
    ]


def test_titles_and_middle_initials():
    text = "Gen. Michael S. Repass and Lt. Col. Dana K. Ortiz briefed Sen. Alvarez. Both left early."
    assert sentences(text) == [
        "Gen. Michael S. Repass and Lt. Col. Dana K. Ortiz briefed Sen. Alvarez.",
        "Both left early.",
    ]


def test_spaced_and_dotted_initials():
    assert sentences("J. D. Vance spoke after George W. Bush. J.D. Roe also spoke.") == [
        "J. D. Vance spoke after George W. Bush.",
        "J.D. Roe also spoke.",
    ]


def test_month_abbreviations_and_dates():
    text = "The ceasefire began on Oct. 8, 2021, and ended in Sept. 2022. A new truce followed on Jan. 3."
    assert sentences(text) == [
        "The ceasefire began on Oct. 8, 2021, and ended in Sept. 2022.",
        "A new truce followed on Jan. 3.",
    ]


def test_final_abbreviation_before_sentence_starter_splits():
    assert sentences("The delegation flew back to the U.S. The next day it reported to Congress.") == [
        "The delegation flew back to the U.S.",
        "The next day it reported to Congress.",
    ]


def test_abbreviation_before_name_does_not_split():
    assert sentences("Troops of the U.S. Army and the U.K. Royal Navy trained together.") == [
        "Troops of the U.S. Army and the U.K. Royal Navy trained together."
    ]


def test_latin_and_numbered_labels():
    text = "Some states, e.g. Chile, abstained, i.e. they did not vote. Resolution No. 12 passed vs. expectations."
    assert sentences(text) == [
        "Some states, e.g. Chile, abstained, i.e. they did not vote.",
        "Resolution No. 12 passed vs. expectations.",
    ]


def test_etc_and_clock_times():
    text = "They discussed grain, fuel, etc. and other goods at 9 a.m. on Monday. At 5 p.m. The talks ended."
    assert sentences(text) == [
        "They discussed grain, fuel, etc. and other goods at 9 a.m. on Monday.",
        "At 5 p.m.",
        "The talks ended.",
    ]


def test_closing_quotes_and_brackets_belong_to_sentence():
    text = "The minister called it “a threat to the region.” Others disagreed. (The vote was close.) It passed."
    assert sentences(text) == [
        "The minister called it “a threat to the region.”",
        "Others disagreed.",
        "(The vote was close.)",
        "It passed.",
    ]


def test_question_inside_quote_followed_by_lowercase():
    assert sentences("“Who benefits?” she asked. Nobody answered!") == ["“Who benefits?” she asked.", "Nobody answered!"]


def test_decimals_and_money():
    text = "The strike hit 9.3km from the island. Aid of $1.5 billion and 2.5% growth were promised."
    assert sentences(text) == [
        "The strike hit 9.3km from the island.",
        "Aid of $1.5 billion and 2.5% growth were promised.",
    ]


def test_ellipsis_inside_sentence():
    assert sentences("He paused … and then resumed the speech. It was long.") == [
        "He paused … and then resumed the speech.",
        "It was long.",
    ]


def test_headings_without_periods_and_list_items():
    text = "Border talks resume\n\nBackground\nThe crossing closed in spring. It may reopen.\n\nKey steps:\n- Reopen the road\n- Share customs data"
    assert sentences(text) == [
        "Border talks resume",
        "Background",
        "The crossing closed in spring.",
        "It may reopen.",
        "Key steps:",
        "- Reopen the road",
        "- Share customs data",
    ]


def test_wrapped_lines_inside_a_paragraph_are_joined():
    text = "The foreign ministers of the two neighbouring states met in\nVienna on Tuesday. They agreed."
    assert sentences(text) == [
        "The foreign ministers of the two neighbouring states met in\nVienna on Tuesday.",
        "They agreed.",
    ]


def test_add_sentences_fills_document():
    doc = add_sentences(Document(source="x", text="  Talks resumed.  Both sides met.\n\nNext round in May  "))
    assert [(s.index, s.text) for s in doc.sentences] == [
        (0, "Talks resumed."),
        (1, "Both sides met."),
        (2, "Next round in May"),
    ]
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    assert doc.sentence_at(doc.sentences[1].start) is doc.sentences[1]


def test_long_single_paragraph_is_split_completely():
    sentence = "Officials from both capitals met again on Tuesday and agreed to continue the talks next week. "
    text = (sentence * 700).strip()  # about 11,000 words in one paragraph
    assert len(text.split()) > 10_000
    spans = split_sentences(text)
    assert len(spans) == 700


ALPHABET = st.sampled_from(list("aZ .!?…\n\n  “”\"')(ÉéU.S.3,\t\u00a0") + ["Gen.", "U.S.", " Mr. ", "e.g. ", "\n\n", "No. 5"])


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join) | st.text(max_size=200))
def test_span_properties(text):
    spans = split_sentences(text)
    previous_end = 0
    covered = set()
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        covered.update(range(start, end))
        previous_end = end
    for offset, char in enumerate(text):
        if not char.isspace():
            assert offset in covered, (offset, char, text)
    doc = add_sentences(Document(source="h", text=text))
    assert [(s.start, s.end) for s in doc.sentences] == spans
    assert all(s.text == text[s.start : s.end] for s in doc.sentences)
    assert [s.index for s in doc.sentences] == list(range(len(spans)))
