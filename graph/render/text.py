"""A document's cleaned text cut into pieces for its page: sentences, actor mentions, marks.

The template prints each piece through Jinja's autoescape, so the text of a document — whatever
markup it contains — is shown as text and never parsed as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .data import ActorRow, DocumentRow, InteractionRow, SiteData


@dataclass
class Segment:
    text: str
    actor: ActorRow | None = None


@dataclass
class Piece:
    """Text between sentences (``anchor`` empty) or one sentence with its mentions and marks."""

    segments: list[Segment]
    anchor: str = ""
    marks: list[InteractionRow] = field(default_factory=list)


def document_pieces(site: SiteData, doc: DocumentRow) -> list[Piece]:
    """Cut ``doc.text`` into pieces; every character appears exactly once, in order."""
    text = doc.text
    sentences = sorted(site.sentences_of.get(doc.iri, []), key=lambda s: s.start)
    mentions = site.mentions_of.get(doc.iri, [])
    marks = site.marks
    pieces: list[Piece] = []
    pos = 0
    for s in sentences:
        if s.start < pos or s.end > len(text) or s.end <= s.start:
            continue  # overlapping or out-of-range sentence: keep the text intact instead
        if s.start > pos:
            pieces.append(Piece([Segment(text[pos:s.start])]))
        inside = [m for m in mentions if s.start <= m.start and m.end <= s.end]
        pieces.append(Piece(_segments(site, text, s.start, s.end, inside), f"s-{s.index}",
                            marks.get(s.iri, [])))
        pos = s.end
    if pos < len(text):
        pieces.append(Piece([Segment(text[pos:])]))
    return pieces


def _segments(site: SiteData, text: str, start: int, end: int, mentions) -> list[Segment]:
    """Plain and mention segments of ``text[start:end]``; overlapping mentions keep the first."""
    out: list[Segment] = []
    pos = start
    for m in sorted(mentions, key=lambda m: (m.start, -m.end, m.actor)):
        if m.start < pos or m.end <= m.start:
            continue
        if m.start > pos:
            out.append(Segment(text[pos:m.start]))
        out.append(Segment(text[m.start:m.end], site.actors.get(m.actor)))
        pos = m.end
    if pos < end:
        out.append(Segment(text[pos:end]))
    return out
