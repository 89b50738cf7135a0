"""The data object that passes between pipeline stages.

One :class:`Document` travels through the pipeline, like a spaCy ``Doc``: every stage reads
what the earlier stages put on it and adds its own layer. All positions are character offsets
into ``Document.text`` (the cleaned text), so every statement can be traced to its exact span.

==========  ==========================================  =====================
stage       reads                                        adds
==========  ==========================================  =====================
ingest      a file                                       text, title, date ...
sentences   text                                         sentences
actors      text, sentences                              mentions, actors
extract     sentences, mentions                          interactions, claims, events
rdf         everything                                   (RDF quads)
==========  ==========================================  =====================

Actors are referred to by their knowledge-base key (``"AZE"``, ``"NATO"``,
``"person/ned-price"``); :class:`Actor` holds what is known about each key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

# Modalities of the data contract (kgo:Asserted ...), in the order a cue overrides another.
MODALITIES = ("Asserted", "Reported", "Negated", "Hypothetical", "Recommended")
ACTOR_TYPES = ("Country", "Organization", "Person", "Group")


@dataclass
class Actor:
    """A state, IGO, agency, armed group or person, as the knowledge base or the text knows it.

    Parameters
    ----------
    id : str
        Knowledge-base key: ISO 3166-1 alpha-3 for countries (``"IRN"``), an acronym-like key for
        organisations (``"NATO"``, ``"USA/state-department"``), ``"person/<slug>"`` for people.
    type : str
        One of :data:`ACTOR_TYPES`.
    label : str
        Preferred English name.
    alt_labels : list of str
        Other names (short, historic, acronyms, adjectives, capitals used for the government).
    iso3 : str, optional
        ISO 3166-1 alpha-3 code (countries only).
    affiliation : str, optional
        Key of the actor this one acts for (a person's or agency's state or IGO).
    qid : str, optional
        Wikidata entity id (``"Q794"``).
    """

    id: str
    type: str
    label: str
    alt_labels: list[str] = field(default_factory=list)
    iso3: str | None = None
    affiliation: str | None = None
    qid: str | None = None
    description: str | None = None


@dataclass
class Sentence:
    """A sentence: ``text == doc.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A span of the text that names an actor.

    ``via`` says how the actor was named: ``name``, ``alias``, ``adjective``, ``capital``,
    ``acronym``, ``title`` (a person found by title + name), ``surname``, ``pronoun`` or
    ``description`` ("the ministry", "the country").
    """

    start: int
    end: int
    text: str
    actor: str
    sentence: int
    via: str = "name"


@dataclass
class Interaction:
    """A directed, typed, signed statement that ``source`` did or said something to ``target``.

    ``event_type`` is the local name of a concept of the event-type scheme (``"ACCUSE"``);
    ``polarity`` is +1 (cooperation, support) or -1 (conflict, hostility); ``modality`` is one
    of :data:`MODALITIES`; ``start``/``end`` give the trigger's offsets in the document text.
    ``confidence`` is documented in :mod:`graph.extract.confidence`.
    """

    source: str
    target: str
    event_type: str
    polarity: int
    modality: str
    sentence: int
    start: int
    end: int
    trigger: str
    confidence: float = 0.5
    date: str | None = None
    date_source: str | None = None
    event: str | None = None


@dataclass
class Claim:
    """An attributed statement: ``claimant`` says ``label`` about the actors in ``about``.

    ``claimant`` is an actor key, or ``"AUTHOR"`` for the document's own author/publisher.
    """

    claimant: str
    about: list[str]
    stance: int
    modality: str
    sentence: int
    start: int
    end: int
    label: str
    cue: str = ""


@dataclass
class Event:
    """A named or described occurrence (war, exercise, attack, agreement, summit, election)."""

    key: str
    label: str
    event_type: str
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    sentences: list[int] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Document:
    """One article as it passes through the pipeline.

    Parameters
    ----------
    source : str
        The file path (or URL) the document was read from.
    text : str
        The cleaned main text; every offset in the other layers points into it.
    """

    source: str
    text: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    creator: str | None = None
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    interactions: list[Interaction] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Content hash: the document's identity (same text, same IRI)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset``."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def mentions_in(self, sentence: int) -> list[Mention]:
        """Mentions of one sentence, in text order."""
        return [m for m in self.mentions if m.sentence == sentence]
