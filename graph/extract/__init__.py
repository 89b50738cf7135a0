"""The extract stage: interactions, claims, named events and dates from a linked Document.

Order: interactions, then named events (which mark the interactions that belong to an event),
then claims (whose stance reads the interactions), then the interactions of the speaker's
"we" and "our two sides", the Reported modality of quotations that run over several sentences,
then the verbal interactions that the claims imply (:mod:`graph.extract.stance`). Dates come last, in
:func:`graph.pipeline.process_document` (``graph.extract.dates.date_interactions``), so that an
interaction can take its event's date.

>>> from graph.pipeline import process_text
>>> doc = process_text("Tehran accused Baku of backing the attack.")
>>> [(i.source, i.target, i.event_type, i.polarity, i.modality) for i in doc.interactions]
[('IRN', 'AZE', 'ACCUSE', -1, 'Asserted')]
"""

from __future__ import annotations


def extract(doc):
    """Run every extractor over ``doc`` (sentences and mentions must be present)."""
    from graph.extract.claims import extract_claims
    from graph.extract.events import extract_events
    from graph.extract.interactions import extract_interactions, speaker_pronoun_interactions
    from graph.extract.lexicon import load_lexicon
    from graph.extract.modality import reported_in_quotations
    from graph.extract.stance import interactions_from_claims

    views: dict = {}      # sentence views made by the interactions, read again by the claims
    extract_interactions(doc, views=views)
    extract_events(doc)
    extract_claims(doc, views=views)
    speaker_pronoun_interactions(doc, views=views)
    reported_in_quotations(doc, load_lexicon())
    interactions_from_claims(doc)
    return doc


__all__ = ["extract"]
