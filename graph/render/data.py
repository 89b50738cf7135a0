"""What the pages show, read from a build's store with SPARQL.

Everything the templates need is loaded once into plain dataclasses (:class:`SiteData`), so the
page modules never touch RDF. Empty parts of the dataset (no claims, no events, no analysis graph)
load as empty lists and the pages say so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graph.iris import ANALYSIS_GRAPH, KGO, actor_key, short_hash, slug
from graph.store import select_rows

ACTOR_CLASSES = ("Country", "Organization", "Person", "Group")


@dataclass
class ActorRow:
    iri: str
    key: str
    label: str
    type: str
    affiliation: str | None = None  # IRI
    page: str = ""  # path relative to the site root


@dataclass
class SentenceRow:
    iri: str
    doc: str  # document IRI
    index: int
    start: int
    end: int
    text: str


@dataclass
class DocumentRow:
    iri: str
    key: str
    text: str
    source: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    creator: str | None = None
    url: str | None = None
    page: str = ""

    @property
    def name(self) -> str:
        """A human name: the title, else the source file."""
        return self.title or self.source


@dataclass
class MentionRow:
    doc: str
    start: int
    end: int
    actor: str  # IRI
    via: str = "name"


@dataclass
class InteractionRow:
    iri: str
    source: str
    target: str
    event_type: str  # local name (ACCUSE)
    polarity: int
    modality: str  # local name (Asserted)
    sentence: str  # sentence IRI
    confidence: float = 0.5
    trigger: str = ""
    date: str | None = None


@dataclass
class ClaimRow:
    iri: str
    claimant: str  # actor IRI or <doc>/author
    about: list[str]
    stance: int
    modality: str
    sentence: str
    label: str


@dataclass
class EventRow:
    iri: str
    label: str
    event_type: str
    date: str | None
    participants: list[str]
    sentences: list[str]


@dataclass
class BlocRow:
    iri: str
    kind: str  # "Camp" or "AlignmentCluster"
    label: str
    scope: str
    members: list[str]


@dataclass
class RunRow:
    scope: str
    figures: dict[str, str] = field(default_factory=dict)
    frustrated: list[str] = field(default_factory=list)
    mediators: list[str] = field(default_factory=list)


@dataclass
class SiteData:
    """The whole dataset as the pages need it, sorted so that rendering is deterministic."""

    actors: dict[str, ActorRow]
    documents: dict[str, DocumentRow]
    sentences: dict[str, SentenceRow]
    mentions: list[MentionRow]
    interactions: list[InteractionRow]
    claims: list[ClaimRow]
    events: list[EventRow]
    blocs: list[BlocRow]
    runs: dict[str, RunRow]
    type_labels: dict[str, str]

    def __post_init__(self):
        # indexes built once: pages of 2,000 actors must not scan every list for each actor
        self._blocs: dict[tuple[str, str], list[BlocRow]] = defaultdict(list)
        for b in self.blocs:
            self._blocs[(b.kind, b.scope)].append(b)
        self._member: dict[tuple[str, str], BlocRow] = {}
        for b in self.blocs:
            if b.scope == "all":
                for m in b.members:
                    self._member.setdefault((b.kind, m), b)
        self.by_actor: dict[str, list[InteractionRow]] = defaultdict(list)
        for i in self.interactions:
            self.by_actor[i.source].append(i)
            if i.target != i.source:
                self.by_actor[i.target].append(i)
        # per document and per actor, each in the order of the full lists: the page of one of
        # 10,000 documents must not scan the sentences, mentions and claims of all of them
        self.sentences_of: dict[str, list[SentenceRow]] = defaultdict(list)
        for sentence in self.sentences.values():
            self.sentences_of[sentence.doc].append(sentence)
        self.mentions_of: dict[str, list[MentionRow]] = defaultdict(list)
        for m in self.mentions:
            self.mentions_of[m.doc].append(m)
        self.marks: dict[str, list[InteractionRow]] = defaultdict(list)  # sentence IRI -> rows
        for i in self.interactions:
            self.marks[i.sentence].append(i)
        self.interactions_in: Counter = Counter()  # document IRI -> interactions under it
        for i in self.interactions:
            for cut in _slashes(i.sentence):
                if i.sentence[:cut] in self.documents:
                    self.interactions_in[i.sentence[:cut]] += 1
        self.claims_of: dict[str, list[ClaimRow]] = defaultdict(list)  # by or about an actor
        for c in self.claims:
            for actor in dict.fromkeys([c.claimant, *c.about]):
                self.claims_of[actor].append(c)
        self.document_rank = {iri: n for n, iri in enumerate(self.documents)}

    def camps(self, scope: str = "all") -> list[BlocRow]:
        return self._blocs.get(("Camp", scope), [])

    def clusters(self, scope: str = "all") -> list[BlocRow]:
        return self._blocs.get(("AlignmentCluster", scope), [])

    def camp_of(self, actor: str) -> BlocRow | None:
        """The overall camp of ``actor``."""
        return self._member.get(("Camp", actor))

    def cluster_of(self, actor: str) -> BlocRow | None:
        """The overall alignment cluster of ``actor``."""
        return self._member.get(("AlignmentCluster", actor))

    def label(self, iri: str) -> str:
        """An actor's label; the author of a document reads as "author of <title>"."""
        if iri in self.actors:
            return self.actors[iri].label
        if iri.endswith("/author") and iri[: -len("/author")] in self.documents:
            return "author of " + self.documents[iri[: -len("/author")]].name
        return actor_key(iri)

    def doc_of(self, sentence: str) -> DocumentRow | None:
        s = self.sentences.get(sentence)
        return self.documents.get(s.doc) if s else None


def _slashes(iri: str):
    """The positions of the ``/`` in ``iri``: where a prefix of it ends."""
    cut = iri.find("/")
    while cut >= 0:
        yield cut
        cut = iri.find("/", cut + 1)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def actor_page(key: str) -> str:
    """A safe, unique file name for an actor key (slug for reading, hash for uniqueness)."""
    return f"actor/{slug(key, 40)}-{short_hash(key, 8)}.html"


def document_page(key: str) -> str:
    return f"document/{slug(key, 40)}.html"


def load(out_dir) -> SiteData:
    """Read everything the pages show from the store in ``out_dir``.

    Parameters
    ----------
    out_dir : path or pyoxigraph.Store
        A folder built by ``kg build`` (or an open store).

    Returns
    -------
    SiteData
    """
    from graph.store import open_store

    store = open_store(out_dir) if not hasattr(out_dir, "query") else out_dir

    def rows(q: str) -> list[dict[str, str]]:
        return select_rows(store, q)

    actors = _actors(rows)
    documents = _documents(rows)
    for d in documents.values():  # publisher and author may be actor IRIs: show their names
        if d.publisher in actors:
            d.publisher = actors[d.publisher].label
        if d.creator in actors:
            d.creator = actors[d.creator].label
    sentences = {
        r["s"]: SentenceRow(r["s"], r["d"], int(r["s"].rsplit("/", 1)[-1]), int(r["b"]), int(r["e"]), r["t"])
        for r in rows("""SELECT ?s ?d ?b ?e ?t WHERE { ?s a kgo:Sentence ; nif:referenceContext ?d ;
                         nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?t }""")
    }
    mentions = sorted(
        (MentionRow(r["d"], int(r["b"]), int(r["e"]), r["a"], r.get("via", "name"))
         for r in rows("""SELECT ?d ?b ?e ?a ?via WHERE { ?m a kgo:Mention ; kgo:refersTo ?a ;
                          kgo:sentence/nif:referenceContext ?d ; nif:beginIndex ?b ; nif:endIndex ?e .
                          OPTIONAL { ?m kgo:via ?via } }""")),
        key=lambda m: (m.doc, m.start, -m.end, m.actor))
    interactions = sorted(
        (InteractionRow(r["i"], r["s"], r["t"], _local(r["y"]), int(r["p"]), _local(r["m"]), r["sent"],
                        float(r.get("c", "0.5")), r.get("tr", ""), r.get("date"))
         for r in rows("""SELECT ?i ?s ?t ?y ?p ?m ?sent ?c ?tr ?date WHERE {
                          ?i a kgo:Interaction ; kgo:source ?s ; kgo:target ?t ; kgo:eventType ?y ;
                             kgo:polarity ?p ; kgo:modality ?m ; prov:wasDerivedFrom ?sent .
                          OPTIONAL { ?i kgo:confidence ?c } OPTIONAL { ?i kgo:trigger ?tr }
                          OPTIONAL { ?i dcterms:date ?date } }""")),
        key=lambda i: i.iri)
    _add_unknown_actors(actors, [x for i in interactions for x in (i.source, i.target)])
    claims = _claims(rows)
    events = _events(rows)
    blocs, runs = _analysis(rows)
    type_labels = {_local(r["c"]): r["l"] for r in rows(
        "SELECT ?c ?l WHERE { ?c a skos:Concept ; skos:prefLabel ?l FILTER(lang(?l) = '' || langMatches(lang(?l), 'en')) }")}
    interactions.sort(key=lambda i: (_sentence_order(sentences, i.sentence), i.iri))
    return SiteData(actors, documents, sentences, mentions, interactions, claims, events, blocs, runs,
                    type_labels)


def _sentence_order(sentences: dict[str, SentenceRow], iri: str) -> tuple[str, int]:
    s = sentences.get(iri)
    return (s.doc, s.index) if s else (iri, 0)


def _actors(rows) -> dict[str, ActorRow]:
    types: dict[str, str] = {}
    for r in rows("SELECT ?a ?t WHERE { ?a a kgo:Actor ; a ?t }"):
        name = _local(r["t"])
        if name in ACTOR_CLASSES:
            types[r["a"]] = name
    out = {}
    for r in rows("""SELECT ?a (SAMPLE(?l) AS ?label) (SAMPLE(?k) AS ?key) (SAMPLE(?f) AS ?aff) WHERE {
                     ?a a kgo:Actor . OPTIONAL { ?a rdfs:label ?l } OPTIONAL { ?a kgo:key ?k }
                     OPTIONAL { ?a kgo:affiliation ?f } } GROUP BY ?a"""):
        iri = r["a"]
        key = r.get("key") or actor_key(iri)
        out[iri] = ActorRow(iri, key, r.get("label") or key, types.get(iri, "Organization"), r.get("aff"),
                            actor_page(key))
    return dict(sorted(out.items()))


def _add_unknown_actors(actors: dict[str, ActorRow], iris: list[str]) -> None:
    """Interactions may name an IRI the actor graph lacks; give it a page all the same."""
    for iri in sorted(set(iris) - set(actors)):
        key = actor_key(iri)
        actors[iri] = ActorRow(iri, key, key, "Organization", None, actor_page(key))


def _documents(rows) -> dict[str, DocumentRow]:
    out = {}
    for r in rows("""SELECT ?d ?text ?src ?id ?title ?pub ?date ?creator ?url WHERE {
                     ?d a kgo:Document ; nif:isString ?text .
                     OPTIONAL { ?d dcterms:source ?src } OPTIONAL { ?d dcterms:identifier ?id }
                     OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:publisher ?pub }
                     OPTIONAL { ?d dcterms:date ?date } OPTIONAL { ?d dcterms:creator ?creator }
                     OPTIONAL { ?d kgo:url ?url } }"""):
        iri = r["d"]
        if iri in out:  # several titles or dates: keep the first, deterministically
            continue
        key = r.get("id") or short_hash(iri, 16)
        out[iri] = DocumentRow(iri, key, r["text"], r.get("src", ""), r.get("title"), r.get("pub"),
                               r.get("date"), r.get("creator"), r.get("url"), document_page(key))
    return dict(sorted(out.items(), key=lambda kv: (kv[1].date or "", kv[1].name, kv[0])))


def _claims(rows) -> list[ClaimRow]:
    about: dict[str, list[str]] = defaultdict(list)
    for r in rows("SELECT ?c ?a WHERE { ?c a kgo:Claim ; kgo:about ?a }"):
        about[r["c"]].append(r["a"])
    out = []
    for r in rows("""SELECT ?c ?who ?st ?m ?s ?l WHERE { ?c a kgo:Claim ; kgo:claimant ?who .
                     OPTIONAL { ?c kgo:stance ?st } OPTIONAL { ?c kgo:modality ?m }
                     OPTIONAL { ?c prov:wasDerivedFrom ?s } OPTIONAL { ?c rdfs:label ?l } }"""):
        out.append(ClaimRow(r["c"], r["who"], sorted(set(about[r["c"]])), int(r.get("st", "0")),
                            _local(r.get("m", KGO + "Asserted")), r.get("s", ""), r.get("l", "")))
    seen, unique = set(), []
    for c in sorted(out, key=lambda c: c.iri):
        if c.iri not in seen:
            seen.add(c.iri)
            unique.append(c)
    return unique


def _events(rows) -> list[EventRow]:
    parts: dict[str, list[str]] = defaultdict(list)
    for r in rows("SELECT ?e ?p WHERE { ?e a kgo:Event ; kgo:participant ?p }"):
        parts[r["e"]].append(r["p"])
    sents: dict[str, list[str]] = defaultdict(list)
    for r in rows("SELECT ?e ?s WHERE { ?e a kgo:Event ; kgo:mentionedIn ?s }"):
        sents[r["e"]].append(r["s"])
    out = {}
    for r in rows("""SELECT ?e ?l ?t ?d WHERE { ?e a kgo:Event . OPTIONAL { ?e rdfs:label ?l }
                     OPTIONAL { ?e kgo:eventType ?t } OPTIONAL { ?e dcterms:date ?d } }"""):
        out.setdefault(r["e"], EventRow(r["e"], r.get("l", _local(r["e"])), _local(r.get("t", "")),
                                        r.get("d"), sorted(set(parts[r["e"]])), sorted(set(sents[r["e"]]))))
    return sorted(out.values(), key=lambda e: (e.date or "", e.label, e.iri))


def _analysis(rows) -> tuple[list[BlocRow], dict[str, RunRow]]:
    g = f"<{ANALYSIS_GRAPH}>"
    members: dict[str, list[str]] = defaultdict(list)
    for r in rows(f"SELECT ?b ?m WHERE {{ GRAPH {g} {{ ?b a kgo:Bloc ; kgo:member ?m }} }}"):
        members[r["b"]].append(r["m"])
    blocs = {}
    for r in rows(f"""SELECT ?b ?k ?l ?s WHERE {{ GRAPH {g} {{ ?b a kgo:Bloc ; a ?k .
                      FILTER(?k IN (kgo:Camp, kgo:AlignmentCluster))
                      OPTIONAL {{ ?b rdfs:label ?l }} OPTIONAL {{ ?b kgo:scope ?s }} }} }}"""):
        blocs.setdefault(r["b"], BlocRow(r["b"], _local(r["k"]), r.get("l", _local(r["b"])), r.get("s", "all"),
                                         sorted(set(members[r["b"]]))))
    runs: dict[str, RunRow] = {}
    for r in rows(f"""SELECT ?scope ?p ?o WHERE {{ GRAPH {g} {{ ?r a kgo:AnalysisRun ; kgo:scope ?scope ;
                      ?p ?o }} }}"""):
        run = runs.setdefault(r["scope"], RunRow(r["scope"]))
        p = _local(r["p"])
        if p == "frustratedInteraction":
            run.frustrated.append(r["o"])
        elif p == "mediator":
            run.mediators.append(r["o"])
        elif p in ("frustration", "normalisedFrustration", "frustrationIndex", "normalisedFrustrationIndex",
                   "balanceRatio", "campCount"):
            run.figures[p] = r["o"]
    for run in runs.values():
        run.frustrated.sort()
        run.mediators.sort()

    def order(b: BlocRow):
        tail = b.iri.rsplit("/", 1)[-1]
        return (b.scope != "all", b.scope, b.kind, int(tail) if tail.isdigit() else 0, b.iri)

    return sorted(blocs.values(), key=order), dict(sorted(runs.items()))
