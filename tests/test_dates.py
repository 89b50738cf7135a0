"""Date normalisation: absolute dates, relative dates against a known document date, and the
unknown-date case (left unresolved, never guessed)."""

import pytest

from graph.extract.dates import find_dates, normalise
from graph.pipeline import process_text

DOC_DATE = "2023-03-17"  # a Friday


@pytest.mark.parametrize("text, expected", [
    ("The ministers met on Mar 2, 2022 in Geneva.", "2022-03-02"),
    ("The ministers met on March 2, 2022 in Geneva.", "2022-03-02"),
    ("The ministers met on 2 March 2022 in Geneva.", "2022-03-02"),
    ("Sanctions were lifted in June 2019.", "2019-06"),
    ("Relations collapsed in 2014.", "2014"),
    ("Trade boomed in the 1990s.", "1990"),
])
def test_absolute_dates(text, expected):
    assert normalise(text, None) == expected
    assert normalise(text, DOC_DATE) == expected


@pytest.mark.parametrize("text, expected", [
    ("Envoys spoke last Thursday.", "2023-03-16"),
    ("Envoys spoke on Wednesday.", "2023-03-15"),
    ("Envoys spoke yesterday.", "2023-03-16"),
    ("Envoys will speak next Monday.", "2023-03-20"),
    ("Tensions rose in recent days.", "2023-03"),
    ("A truck dispute began in early February.", "2023-02"),
    ("A truck dispute began in late November.", "2022-11"),
    ("Officials met three days ago.", "2023-03-14"),
])
def test_relative_dates_against_document_date(text, expected):
    assert normalise(text, DOC_DATE) == expected


@pytest.mark.parametrize("text", [
    "Envoys spoke last Thursday.", "Envoys spoke on Wednesday.", "Tensions rose in recent days.",
    "A truck dispute began in early February.", "Officials met last week.",
])
def test_relative_dates_without_document_date_stay_unresolved(text):
    found = find_dates(text, None)
    assert found, "the expression is still recognised"
    assert found[0].value is None


def test_intervals():
    early = find_dates("in early February", DOC_DATE)[0]
    assert early.interval == ("2023-02-01", "2023-02-10")
    decade = find_dates("during the 1970s", None)[0]
    assert decade.interval == ("1970", "1979")
    week = find_dates("last week", DOC_DATE)[0]
    assert week.interval == ("2023-03-06", "2023-03-12")


def test_numbers_are_not_years():
    assert find_dates("Some 2,000 troops and 1500 km of border.", None) == []


def test_every_interaction_gets_a_date_and_its_source():
    doc = process_text("Armenia accused Azerbaijan of shelling its villages on Tuesday. "
                       "Moscow criticised Kyiv.", date=DOC_DATE)
    dated = {(i.source, i.target): (i.date, i.date_source) for i in doc.interactions}
    assert dated[("ARM", "AZE")] == ("2023-03-14", "SentenceDate")
    assert dated[("RUS", "UKR")] == ("2023-03-17", "DocumentDate")


def test_interaction_without_any_date_stays_undated():
    doc = process_text("Armenia accused Azerbaijan of shelling its villages on Tuesday.")
    it = next(i for i in doc.interactions if i.source == "ARM")
    assert it.date is None and it.date_source is None


def test_interaction_takes_its_events_date():
    doc = process_text("Georgia and Russia fought the 2008 war. Russian troops attacked Georgia "
                       "during the war.", date=DOC_DATE)
    later = [i for i in doc.interactions if i.sentence == 1]
    assert later, [(i.source, i.target, i.event_type) for i in doc.interactions]
    assert later[0].event == "2008-war"
    assert (later[0].date, later[0].date_source) == ("2008", "EventDate")
