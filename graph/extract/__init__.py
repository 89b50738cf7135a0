"""The extract stage: interactions, claims, named events and dates from a linked Document.

>>> from graph.pipeline import process_text
>>> doc = process_text("Tehran accused Baku of backing the attack.")
>>> [(i.source, i.target, i.event_type, i.polarity, i.modality) for i in doc.interactions]
[('IRN', 'AZE', 'ACCUSE', -1, 'Asserted')]
"""

from __future__ import annotations


def extract(doc):
    """Run every extractor over ``doc`` (sentences and mentions must be present)."""
    from graph.extract.interactions import extract_interactions

    extract_interactions(doc)
    try:
        from graph.extract.claims import extract_claims
    except ImportError:  # claims are optional until that stage lands
        return doc
    extract_claims(doc)
    return doc


__all__ = ["extract"]
