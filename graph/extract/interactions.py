"""Directed, signed interactions between actors of one sentence: sparse patterns over tokens.

In the TABARI tradition there is no parser: a sentence is a row of tokens in which the actor
mentions are already known. Each trigger from the lexicon (a verb, a nominalisation, a
two-sided relation noun or a fixed phrase) looks for its arguments with a few positional rules:

* verbs — active "S VERB [det/adj/prep] T", passive "T was VERBed by S", relative clauses
  ("X, which S accuses of ...": T = X), coordination on either side ("X, Y and Z held ..."),
  a second verb sharing the subject ("S stopped X and cooperated with T"), appositions
  ("S, a key ally of X, refused ..."), examples ("states, including S1 and S2, condemned T"),
  control ("called on S to VERB T", "the chances of S VERBing T"), a target inside an
  infinitive ("threatened to cut off gas to T") and places that belong to T ("struck a
  depot in T"); a speech verb ends the search for a subject ("X said villagers ...");
* nouns — "S's N prep T", "[S-adjective] N prep T" ("Russian response"), "N prep T by S",
  "T faced S's N" (receiving verbs), "X's allies, including S" (S aligns with X),
  else the clause subject ("Iran conducted drills near T");
* relations (two-sided) — "N between X and Y (and Z)", "the X-Y N", "X's N with Y",
  "X and Y ... joint N", "the two countries ... N": every pair, in both directions;
* phrases — "{S} come to {T}'s rescue", "{S} in cahoots with {T}" ...
* context and frames — "X asked Y to take a stand against Z" (X -> Z asserted, Y -> Z only
  requested), "Chilean troops joined the drills" (-> the last exercise's parties), "objected to
  the deal" (-> the last deal's parties), "regarded X's visit as a provocation" (criticism);
  "envoy to X" is a posting, never an argument.

Each hit becomes an :class:`~graph.model.Interaction`; its modality comes from
:mod:`graph.extract.modality`, its confidence from :mod:`graph.extract.confidence`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import permutations
from operator import itemgetter

from graph.extract.confidence import confidence_for
from graph.extract.lexicon import Entry, Lexicon, load_lexicon
from graph.extract.modality import modality_for
from graph.model import Document, Interaction, Mention
from graph.resources import lexicon_path, load_yaml
from graph.tokens import Token, tokenize

BOUNDARY_WORDS = {"but", "while", "whereas", "although", "though", "because", "however", "when",
                  "until", "unless", "yet", "so", "since", "whether", "if", "after", "before"}
BOUNDARY_PUNCT = {";", ":", "—", "–", "(", ")", "?", "!"}
PREPOSITIONS = {"in", "of", "to", "for", "with", "against", "on", "at", "from", "near", "about",
                "over", "toward", "towards", "between", "among", "into", "under", "within", "across",
                "around", "through", "during", "without", "vis", "versus", "than", "like", "via",
                "upon", "onto", "behind", "beyond", "along", "alongside", "amid", "including"}
SKIPPABLE = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these",
             "those", "key", "both", "more", "less", "fewer", "nearly", "almost", "least",
             "first", "then", "also", "directly", "again", "openly",
             "further", "strongly", "publicly", "repeatedly", "unambiguously", "militarily",
             "formally", "fully", "only", "even", "all", "some", "several", "many", "more", "most",
             "up", "down", "back", "out", "off", "not", "never", "to"}
QUANTIFIERS = {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "some", "many",
               "most", "all", "none", "several", "few", "number", "majority", "part", "one", "two",
               "three", "both", "each", "any", "contingents", "units", "members", "group",
               "delegation"}
BE_FORMS = {"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten"}
RELATIVES = {"which", "who", "whom", "that"}
CONNECTORS = {",", "and", "or", "&", "as", "well", "nor", "both", "plus", "then", "first", "along"}
JOINT_WORDS = {"joint", "combined", "trilateral", "bilateral", "multilateral", "tripartite",
               "common", "together", "mutual", "shared"}
REFUSALS = {"refused to", "refuse to", "refuses to", "refusing to", "declined to", "decline to",
            "declines to", "declining to"}
COMPOUND_HEADS = {"program", "programme", "programs", "package", "packages", "regime", "deal",
                  "campaign", "mission", "policy", "policies", "effort", "efforts", "plan", "plans",
                  "agreement", "talks", "operation", "operations", "drive", "measures"}
# "neighbouring", "occupied", "northern": modifiers between a preposition and its actor
MODIFIER_SUFFIXES = ("ing", "ed", "ern")
POSSESSIVE_PRONOUNS = {"its", "their", "his", "her"}
# "strikes BY Chile on Peru", "criticism FROM Peru of Chile": the agent of a noun trigger
NOMINAL_AGENT_PREPS = {"by", "from"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}
APOS = {"’s", "'s", "’", "'"}
ETHNIC_WORDS = {"ethnic", "ethnically"}


@dataclass
class Unit:
    """Actor mentions that fill one token span (several actors for "the two countries")."""

    first: int
    last: int
    actors: list[str]
    mentions: list[Mention]
    possessive: bool = False
    via: str = "name"


@dataclass
class Group:
    """Coordinated units: "Azerbaijan, Turkey and Pakistan"; a hyphenated pair "US-Philippine"."""

    units: list[Unit] = field(default_factory=list)
    hyphen: bool = False
    separators: list[list[str]] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.units[0].first

    @property
    def last(self) -> int:
        return self.units[-1].last

    @property
    def actors(self) -> list[str]:
        out: list[str] = []
        for u in self.units:
            out += [a for a in u.actors if a not in out]
        return out

    @property
    def possessive(self) -> bool:
        return self.units[-1].possessive

    @property
    def indirect(self) -> bool:
        return any(u.via in ("pronoun", "description") for u in self.units)


@dataclass
class Hit:
    source: list[str]
    target: list[str]
    entry: Entry
    trigger: tuple[int, int]
    pattern: str
    symmetric: bool = False
    polarity: int | None = None
    indirect: bool = False
    reversed: bool = False
    requested: bool = False          # the source was only asked to act: at most Hypothetical
    modality_at: tuple[int, int] | None = None   # read modality at these tokens, not the trigger's


_TEXT, _START, _END = itemgetter(0), itemgetter(1), itemgetter(2)    # of a Token


class SentenceView:
    """Tokens of one sentence with the actor units, coordination groups and clause limits."""

    def __init__(self, doc: Document, sentence, mentions: list[Mention]):
        self.doc = doc
        self.sentence = sentence
        self.tokens: list[Token] = tokenize(sentence.text, sentence.start)
        # tokens hold no white space: one lower() over them all, split again at the newlines
        self.lower = "\n".join(map(_TEXT, self.tokens)).lower().replace("’", "'").split("\n") \
            if self.tokens else []
        start_index = dict(zip(map(_START, self.tokens), range(len(self.tokens))))
        end_index = dict(zip(map(_END, self.tokens), range(len(self.tokens))))
        spans: dict[tuple[int, int], Unit] = {}
        for m in mentions:
            a, b = start_index.get(m.start), end_index.get(m.end)
            if a is None or b is None:
                continue
            if m.via == "adjective" and a > 0 and self.lower[a - 1] in ETHNIC_WORDS:
                continue          # "ethnic Albanians" are a people, not the state of Albania
            unit = spans.get((a, b))
            if unit is None:
                unit = spans[(a, b)] = Unit(a, b, [], [], via=m.via)
            if m.actor not in unit.actors:
                unit.actors.append(m.actor)
                unit.mentions.append(m)
        self.units = sorted(spans.values(), key=lambda u: u.first)
        for u in self.units:
            u.possessive = u.last + 1 < len(self.tokens) and self.tokens[u.last + 1].text in ("’s", "'s")
        self.units = _absorb_owners(self.units, self.lower)
        self.unit_at: dict[int, Unit] = {}
        for u in self.units:
            for k in range(u.first, u.last + 1):
                self.unit_at[k] = u
        self.groups = self._group()
        self.group_of: dict[int, Group] = {}
        for g in self.groups:
            for u in g.units:
                for k in range(u.first, u.last + 1):
                    self.group_of[k] = g

    def _group(self) -> list[Group]:
        groups: list[Group] = []
        for u in self.units:
            if groups:
                prev = groups[-1]
                between = self.lower[prev.last + 1:u.first]
                touching_hyphen = between == ["-"] and self.tokens[prev.last].end == self.tokens[prev.last + 1].start
                if touching_hyphen and not prev.units[-1].possessive:
                    prev.units.append(u)
                    prev.hyphen = True
                    continue
                if prev.units[-1].possessive and _office_list(between, self.lower, u):
                    prev.units.append(u)      # "Chile's president and Peru's premier"
                    prev.separators.append(between[-1:])
                    continue
                if between and all(w in CONNECTORS or w == "the" for w in between) and (
                        "and" in between or "or" in between or "nor" in between or between == [","]) \
                        and not prev.units[-1].possessive and not prev.hyphen \
                        and not (between == [","] and u.possessive):
                    prev.units.append(u)
                    prev.separators.append(between)
                    continue
            groups.append(Group([u]))
        # "Israel, Iran's archenemy" is an apposition, not a list: a list has "and"/"or" somewhere
        out: list[Group] = []
        for g in groups:
            if len(g.units) > 1 and not g.hyphen and not any(
                    {"and", "or", "nor"} & set(sep) for sep in g.separators):
                out.extend(Group([u]) for u in g.units)
            else:
                out.append(g)
        return out

    def is_boundary(self, k: int) -> bool:
        w = self.lower[k]
        return w in BOUNDARY_PUNCT or w in BOUNDARY_WORDS

    def governed_by_preposition(self, group: Group) -> str | None:
        """The preposition right before ``group`` (skipping determiners and up to two
        participle-like modifiers: "in neighbouring Sudan", "against the ruling Taliban"), if any."""
        k = group.first - 1
        modifiers = 0
        while k >= 0:
            w = self.lower[k]
            if w in ("the", "a", "an", "its", "their", "his", "her", "both"):
                k -= 1
            elif modifiers < 2 and w.endswith(MODIFIER_SUFFIXES) and w.isalpha() and w not in PREPOSITIONS \
                    and k not in self.unit_at and w not in load_lexicon().trigger_words:
                k -= 1
                modifiers += 1
            else:
                break
        if k >= 0 and self.lower[k] in PREPOSITIONS:
            if self.lower[k] == "of" and k > 0 and self.lower[k - 1] in QUANTIFIERS:
                return None      # "thousands of US troops": the group heads the subject
            return self.lower[k]
        return None


def sentence_view(doc: Document, sentence, mentions: list[Mention],
                  views: dict | None = None) -> SentenceView:
    """The :class:`SentenceView` of ``sentence`` with ``mentions``: the one in ``views`` if it
    was made from the same mentions (a view never changes once made), else a new one, kept
    there."""
    if views is None:
        return SentenceView(doc, sentence, mentions)
    key = tuple(mentions)
    cached = views.get(sentence.index)
    if cached is not None and cached[0] == key and cached[1].sentence is sentence:
        return cached[1]
    view = SentenceView(doc, sentence, mentions)
    views[sentence.index] = (key, view)
    return view


def _office_list(between: list[str], lower: list[str], nxt: Unit) -> bool:
    """"Chile's president and Peru's premier": two owners' office-holders in a list are a list of
    the owners (``between`` runs from the first owner's "'s" to the second owner)."""
    if len(between) < 3 or between[0] not in APOS or between[-1] not in ("and", ",", "or"):
        return False
    offices = between[1:-1]
    after = lower[nxt.last + 1:nxt.last + 3]
    titles = _office_words()
    return 1 <= len(offices) <= 2 and all(w in titles for w in offices) and nxt.possessive \
        and len(after) == 2 and after[1] in titles


@lru_cache(maxsize=1)
def _office_words() -> frozenset:
    """Single words of the office titles and person nouns of ``lexicon/titles.yaml``."""
    data = load_yaml(lexicon_path("titles.yaml"))
    words = {w for t in data.get("titles", {}) for w in str(t).lower().split()}
    return frozenset(words | {str(w).lower() for w in data.get("person_nouns", [])})


def _absorb_owners(units: list[Unit], lower: list[str]) -> list[Unit]:
    """"France's Emmanuel Macron", "Bulgarian President Todor Zhivkov": the person acts for the
    owner, so the two are one unit that stands for the person (and a list "France's Macron and
    Germany's Merz" or "Libyan leader A and Bulgarian President B" is a list of two)."""
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if prev is not None and u.actors and all(a.startswith("person/") for a in u.actors) \
                and not any(a.startswith("person/") for a in prev.actors) \
                and (prev.possessive and u.first == prev.last + 2 or _titled_by(prev, u, lower)):
            u.first = prev.first
            out[-1] = u
            continue
        out.append(u)
    return out


def _titled_by(owner: Unit, person: Unit, lower: list[str]) -> bool:
    """"Bulgarian President Todor Zhivkov", "British Foreign Secretary Jack Straw": a state's
    adjective, one to three words of an office title, then the office holder."""
    between = lower[owner.last + 1:person.first]
    titles = _office_words()
    return owner.via == "adjective" and 1 <= len(between) <= 3 and all(w in titles for w in between)


def extract_interactions(doc: Document, lexicon: Lexicon | None = None,
                         views: dict | None = None) -> Document:
    """Fill ``doc.interactions`` from the sentences and mentions already on ``doc``.

    ``views``, when given, receives each sentence's :class:`SentenceView` (see
    :func:`sentence_view`) for the later extractors to reuse.
    """
    lex = lexicon or load_lexicon()
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Interaction] = []
    title = _norm(doc.title) if doc.title else None
    # The parties of the last joint exercise and of the last deal (agreement, sale, aid), with
    # the sentence that named them: "the drills" / "the deal" refer back only a few sentences.
    exercise_parties: tuple[int, list[str]] = (-1, [])
    deal_parties: tuple[int, list[str]] = (-1, [])
    for sentence in doc.sentences:
        mentions = by_sentence.get(sentence.index, [])
        if not mentions:
            continue
        if title and _norm(sentence.text) == title:
            continue      # the headline restates the body: its evidence would count twice
        view = sentence_view(doc, sentence, mentions, views)
        prev = by_sentence.get(sentence.index - 1, [])
        hits = _from_context(doc, _hits(view, lex, prev), out, sentence.index, lex)
        hits += _participation(view, lex, _recent(exercise_parties, sentence.index))
        hits += _objections_to_the_deal(view, lex, _recent(deal_parties, sentence.index))
        found = _to_interactions(view, hits, lex)
        out.extend(found)
        parties = [a for i in found if i.event_type == "EXERCISE" and i.modality == "Asserted"
                   for a in (i.source, i.target)]
        if parties:
            exercise_parties = (sentence.index, list(dict.fromkeys(parties)))
        deals = [i for i in found if i.event_type in DEAL_TYPES and i.modality == "Asserted"]
        if deals:
            deal_parties = (sentence.index, [deals[-1].source, deals[-1].target])
    doc.interactions = _dedupe(out)
    return doc


#: How many sentences back "the drills" or "the deal" may refer to the last exercise or deal
#: (as far as "the attack" in claims: `graph.extract.claims.EVENT_LOOKBACK`).
ANAPHORA_LOOKBACK = 12


def _recent(named: tuple[int, list[str]], sentence: int) -> list[str]:
    """The parties of ``named`` = (sentence, parties) if it is at most
    :data:`ANAPHORA_LOOKBACK` sentences before ``sentence``, else none."""
    at, parties = named
    return parties if at >= 0 and sentence - at <= ANAPHORA_LOOKBACK else []


def _norm(text: str) -> str:
    return " ".join(text.split()).strip().lower()


def _hits(view: SentenceView, lex: Lexicon, prev_mentions: list[Mention]) -> list[Hit]:
    hits: list[Hit] = []
    if not any(u.actors for u in view.units):
        return hits
    tokens = view.lower
    title_case = None       # read only when a trigger looks like part of a name
    trigger_starts = lex.triggers.root
    k = 0        # the next token that may start a trigger
    for at in [k for k, w in enumerate(tokens) if w in trigger_starts]:   # most words start none
        if at < k:
            continue
        k = at
        if k in view.unit_at:            # trigger words inside a name are not triggers
            k = view.unit_at[k].last + 1
            continue
        match = lex.triggers.longest_word_at(tokens, k)
        if match is None:
            k += 1
            continue
        named = _inside_a_name(view, match.first)
        if named:
            if title_case is None:
                title_case = _title_case(view)
            named = not title_case
        for word, kind in match.candidates:
            entry = lex.entry(word, kind)
            if entry is None or named and kind != "verb":
                continue
            if kind == "verb":
                hits += _verb(view, entry, match.first, match.last)
            elif kind == "noun":
                hits += _noun(view, entry, match.first, match.last)
            elif kind == "relation":
                hits += _relation(view, entry, match.first, match.last, lex)
        k = match.last + 1
    hits += _phrases(view, lex, prev_mentions)
    hits += _interceptions(view, lex)
    hits += _demands_in_speech(view, lex)
    hits += _stance_prefixes(view, lex)
    evaluations = _evaluations(view, lex)
    judged = {h.trigger for h in evaluations}
    # "Ankara called Greece's move a provocation": no phone call (CONSULT) at the same verb
    hits = [h for h in hits if h.trigger not in judged or h.entry.polarity < 0] + evaluations
    return hits + _requested_actions(view, lex, hits)


def _title_case(view: SentenceView) -> bool:
    """A headline in title case ("Turkey Launches Fresh Airstrikes On Syria"): nearly every word
    outside the actor names is capitalised, so capitals say nothing about names there."""
    words = [t.text for k, t in enumerate(view.tokens)
             if k not in view.unit_at and t.text.isalpha() and len(t.text) > 3]
    if len(words) < 3:
        return False
    return sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _inside_a_name(view: SentenceView, k: int) -> bool:
    """"the Cold War", "the Six-Day War": a capitalised noun after a capitalised word that is no
    actor, mid-sentence, is part of a name, not a trigger."""
    if k < 2 or not view.tokens[k].text[:1].isupper():
        return False
    prev = k - 1
    if view.lower[prev] == "-" and prev > 1:
        prev -= 1
    text = view.tokens[prev].text
    return text[:1].isupper() and prev not in view.unit_at and view.lower[prev] not in ("the", "a", "an")


# -- argument finders -------------------------------------------------------------------------

def _subject(view: SentenceView, k: int, *, allow_pp: bool = False) -> Group | None:
    """The group that is the subject of a trigger at token ``k``: nearest to the left, same clause.

    Skips groups governed by a preposition ("tensions between X and Y, Z said": Z), except
    after an agentive head ("authorities in Baku arrested": Baku); steps over a parenthetical
    clause set off by commas ("X, when asked about Y, backed Z": X); follows a relative pronoun
    to its antecedent ("Azerbaijan, which attacked ..."), and the accused of "accused X of
    being ..." is the subject of what follows "of".
    """
    j = k - 1
    while j >= 0:
        w = view.lower[j]
        if w == ")":
            opener = _parenthesis_opener(view, j)
            if opener is not None:
                j = opener - 1    # "the CSTO (a Russian-led bloc) criticised": the bloc
                continue
        if w == ",":
            opener = _aside_opener(view, j)
            if opener is not None:
                j = opener - 2    # "Chile, which Peru says could collapse, attacked": Chile
                continue
        if view.is_boundary(j):
            if j > 0 and view.lower[j - 1] == "," and "," in view.lower[j + 1:k]:
                j -= 2            # a parenthetical ", when asked about ..., "
                continue
            return None
        if w == "that":
            return None
        if w in load_lexicon().speech_verbs and j not in view.unit_at and not _speaker_is_subject(view, j, k):
            return None           # "X suggested residents are refusing to ...": X is the speaker
        if w in RELATIVES:
            return _antecedent(view, j)
        if w == "of" and j > 0:
            accused = _accused_before(view, j)
            if accused is not None:
                return accused
        g = view.group_of.get(j)
        if g is not None and _sponsor(view, g):
            j = g.first - 1       # "Russian-backed separatists shelled ...": not Russia
            continue
        if g is not None:
            prep = view.governed_by_preposition(g)
            if prep == "to" and _posting(view, g):
                j = g.first - 1   # "its envoy to Armenia was hit": where the envoy serves
                continue          # (also before a name: "Chile's envoy to the UN, Ana Ruiz,")
            head = _apposition_owner(view, g, k)
            if head is not None:
                return head       # "Pakistan, a key US ally, refused ...": Pakistan
            if allow_pp or prep is None or _agentive_head(view, g, prep) or _examples(view, g, prep) \
                    or _controls(view, g, prep, k):
                return _with_companions(view, g, k)
            j = g.first - 1
            continue
        j -= 1
    return None


COMPANION_LEADS = {"along", "together"}


def _with_companions(view: SentenceView, g: Group, k: int) -> Group:
    """"India, along with Japan and Australia, condemned ...": the subject and the actors
    joined to it by "(,) along with" / "together with" before the trigger at ``k``."""
    j = g.last + 1
    if j < len(view.tokens) and view.lower[j] == ",":
        j += 1
    if j + 1 >= k or view.lower[j] not in COMPANION_LEADS or view.lower[j + 1] != "with":
        return g
    i = j + 2
    if i < len(view.tokens) and view.lower[i] in ("the", "a", "an"):
        i += 1
    other = view.group_of.get(i)
    if other is None or other is g or other.last >= k:
        return g
    return Group(units=g.units + other.units)


AGENTIVE_HEADS = {"authorities", "officials", "leaders", "leadership", "government", "forces",
                  "troops", "police", "diplomats", "media", "spokesman", "spokeswoman",
                  "spokesperson", "ministry", "military", "army", "navy", "regime", "president",
                  "minister", "envoy", "ambassador", "embassy", "parliament", "lawmakers",
                  "militants", "fighters", "rebels", "army", "guards", "commanders", "security",
                  "demonstrators", "protesters", "protestors"}
# "-ing" words after a comma that open no participial aside: lists and set phrases
NOT_PARTICIPLES = {"including", "according", "during", "notwithstanding", "regarding", "concerning",
                   "following", "nothing", "something", "thing", "king"}
PASSIVE_BE = {"been", "was", "were", "is", "are", "being", "be"}
ACCUSE_FORMS = {"accuse", "accuses", "accused", "accusing", "suspect", "suspects", "suspected",
                "blame", "blames", "blamed", "charge", "charges", "charged"}


def _posting(view: SentenceView, g: Group) -> bool:
    """"ambassador to Armenia", "its mission to the UN": a country in the to-phrase of a
    diplomatic title is where the diplomat serves, never a counterpart of the clause."""
    k = g.first - 1
    while k >= 0 and view.lower[k] in ("the", "a", "an"):
        k -= 1
    return k >= 1 and view.lower[k] == "to" and view.lower[k - 1] in load_lexicon().posting_titles


def _agentive_head(view: SentenceView, g: Group, prep: str) -> bool:
    """'authorities in Baku', 'officials of the ministry': the group stands for the agent."""
    if prep not in ("in", "of", "from"):
        return False
    k = g.first - 1
    while k >= 0 and view.lower[k] in ("the", "a", "an"):
        k -= 1
    return k >= 1 and view.lower[k] == prep and view.lower[k - 1] in AGENTIVE_HEADS


VP_GLUE = {"has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "also",
           "then", "later", "even", "did", "to"}


def _shared_subject(view: SentenceView, k: int) -> tuple[bool, Group | None]:
    """'Sudan will stop X and cooperate with Y', 'Russia said ..., and accused Kyiv of ...': a
    verb after "and" (with auxiliaries) shares the subject of the first verb of its clause, the
    first actor of the clause that no preposition governs (or the antecedent of "which").

    Returns (whether the verb is such a second verb, its subject or None)."""
    j = k - 1
    while j >= 0 and view.lower[j] in VP_GLUE:
        j -= 1
    if j < 1 or view.lower[j] not in ("and", "or") or j - 1 in view.unit_at:
        return False, None
    first: Group | None = None
    i = j - 1
    while i >= 0:
        w = view.lower[i]
        if view.is_boundary(i) or w == "that":
            break
        if w in RELATIVES:
            return True, _antecedent(view, i)
        g = view.group_of.get(i)
        if g is not None:
            if view.governed_by_preposition(g) is None:
                first = g
            i = g.first - 1
            continue
        i -= 1
    return True, first


SUBJECT_PRONOUNS = {"it", "they", "he", "she", "we", "i"}
TIME_WORDS = {"on", "today", "yesterday", "tonight", "again", "also", "earlier", "later", "last",
              "this", "week", "month", "year", "monday", "tuesday", "wednesday", "thursday",
              "friday", "saturday", "sunday"}


def _speaker_is_subject(view: SentenceView, j: int, k: int) -> bool:
    """"Chile said (that) it would ...": the clause after a speech verb at ``j`` starts with a
    pronoun for the speaker, so the speaker is also the subject of a trigger at ``k``."""
    i = j + 1
    while i < min(k, j + 5) and (view.lower[i] in TIME_WORDS or view.lower[i] == "that"):
        i += 1
    return i < k and view.lower[i] in SUBJECT_PRONOUNS and i not in view.unit_at


GERUND_PREPS = {"of", "with", "amid", "amidst"}
APPEAL_VERBS = {"call", "calls", "called", "calling", "appeal", "appeals", "appealed", "appealing"}


def _controls(view: SentenceView, g: Group, prep: str, k: int) -> bool:
    """The actor right before the trigger is its subject even after a preposition in "France
    called on Mali to cooperate", "appealed to Chile to help" and "the chances of Israel
    attacking Iran" (also after "with" and "amid")."""
    if g.last == k - 1:           # a gerund's subject: "amid Chile pressing Peru to ..."
        return prep in GERUND_PREPS and view.lower[k].endswith("ing")
    if g.last != k - 2 or view.lower[k - 1] != "to" or prep not in ("on", "to"):
        return False
    i = g.first - 1
    while i >= 0 and view.lower[i] != prep:
        i -= 1
    return i > 0 and view.lower[i - 1] in APPEAL_VERBS


def _parenthesis_opener(view: SentenceView, close: int) -> int | None:
    """The "(" that opens the parenthesis closed at ``close`` (a dozen tokens at most)."""
    for o in range(close - 1, max(-1, close - 13), -1):
        if view.lower[o] == "(":
            return o
        if view.lower[o] in (")", "."):
            return None
    return None


def _aside_opener(view: SentenceView, close: int) -> int | None:
    """The word that opens an aside closed by the comma at ``close``: a relative pronoun
    (", which/who ... ,"), a present participle (", seeking to isolate Peru,") or a past
    participle with its agent (", backed by Iran,")."""
    for o in range(close - 1, max(0, close - 14), -1):
        if view.lower[o] == ",":
            return None
        if o > 1 and view.lower[o - 1] == "," and o not in view.unit_at and _opens_aside(view, o):
            return o
    return None


def _opens_aside(view: SentenceView, o: int) -> bool:
    """Whether the word at ``o`` (right after a comma) opens a relative or participial aside."""
    w = view.lower[o]
    if w in ("which", "who", "whom"):
        return True
    if w.endswith("ing") and w not in NOT_PARTICIPLES:
        return True           # ", seeking to isolate Peru,"
    return w.endswith("ed") and o + 1 < len(view.tokens) and view.lower[o + 1] == "by"


def _apposition_owner(view: SentenceView, g: Group, k: int) -> Group | None:
    """The head of an apposition that holds ``g``: in "Israel, Iran's archenemy, struck" and
    "Pakistan, a key US ally in the war, refused", Israel and Pakistan (the apposition is closed
    by a comma before the trigger at ``k``)."""
    if "," not in view.lower[g.last + 1:k]:
        return None
    c = g.first - 1
    while c >= 0 and c >= g.first - 4 and view.lower[c] != ",":
        if view.is_boundary(c) or c in view.unit_at:
            return None
        c -= 1
    if c < 1 or view.lower[c] != ",":
        return None
    opener = view.lower[c + 1]
    if c + 1 != g.first and opener not in ("a", "an", "the", "its", "their", "his", "her"):
        return None
    head = view.group_of.get(c - 1)
    if head is None or head is g or len(g.actors) > len(head.actors):
        return None               # "X and Y, the two rivals, ...": the apposition names both
    if view.governed_by_preposition(head) == "to" and _posting(view, head):
        return None               # "Chile's envoy to the UN, Ana Ruiz, ...": the envoy, not the UN
    return head


def _examples(view: SentenceView, g: Group, prep: str) -> bool:
    """'Several states, including Chile and Peru, condemned ...': the examples are the subject."""
    k = g.first - 1
    while k >= 0 and view.lower[k] != prep:
        k -= 1
    return prep == "including" and k > 0 and view.lower[k - 1] == ","


def _antecedent(view: SentenceView, j: int) -> Group | None:
    """The actor group a relative pronoun at ``j`` refers to, if an actor stands right before it."""
    k = j - 1
    if k >= 0 and view.lower[k] in (",", "-", "—", "–", "("):
        k -= 1
    return view.group_of.get(k) if k >= 0 else None


def _accused_before(view: SentenceView, of_at: int) -> Group | None:
    """'accused Baku of ...' -> Baku; 'Azerbaijan, which it accuses of ...' -> Azerbaijan."""
    k = of_at - 1
    g = view.group_of.get(k)
    if g is not None:
        if g.first > 0 and view.lower[g.first - 1] in ACCUSE_FORMS:
            return g
        return None
    if view.lower[k] not in ACCUSE_FORMS:
        return None
    if k >= 1 and view.lower[k - 1] in PASSIVE_BE:
        return _subject(view, k)   # "Chile has been accused of arming rebels to weaken Peru": Chile
    k -= 1
    while k >= 0 and (k in view.group_of or view.lower[k] in ("it", "they", "he", "she", "also", "often", "repeatedly")):
        k = view.group_of[k].first - 1 if k in view.group_of else k - 1
    if k >= 0 and view.lower[k] in ("which", "whom", "that", "who"):
        return _antecedent(view, k)
    return None


def _object(view: SentenceView, entry: Entry, k: int, *, limit: int = 6) -> Group | None:
    """The group a trigger ending at token ``k`` is directed at."""
    j = k + 1
    words = 0
    while j < len(view.tokens) and j <= k + limit:
        g = view.group_of.get(j)
        if g is not None and view.lower[j] in POSSESSIVE_PRONOUNS:
            j += 1                # "closed its borders with X": "its" only determines the noun
            continue
        if g is not None and _sponsor(view, g):
            j = g.last + 3        # "bombed the Iran-backed militia": not Iran
            words += 1
            continue
        if g is not None:
            prep = view.governed_by_preposition(g)
            if prep == "to" and _posting(view, g):
                return None       # "attacked the ambassador to X": X is where the envoy serves
            if prep is None or prep in entry.preps or prep == "of" and words or _locative(entry, prep, words):
                return g            # "arrested members of an Iranian network": of-phrases count
            return None
        w = view.lower[j]
        if view.is_boundary(j) or w in (",", ".", "that", "\"", "“", "”") and j > k + 1:
            return None
        if w == "than" and view.lower[j - 1] in ("more", "less", "fewer", "rather"):
            j += 1                # "arrested more than 100 Palestinians"
            continue
        if w == "to" and view.lower[j - 1] == "up" and j + 1 < len(view.tokens) \
                and view.lower[j + 1][:1].isdigit():
            j += 1                # "kidnapped up to 16 Russian advisers"
            continue
        if w in PREPOSITIONS and w not in entry.preps and w not in ("of",) and not _locative(entry, w, words):
            return None
        if w == "to" and "intent" in entry.options and j + 1 < len(view.tokens) \
                and load_lexicon().entry(view.lower[j + 1], "verb") is not None:
            return None           # "pledged new measures to oppose X": X is what is opposed
        if w == "of" and entry.event_type == "ACCUSE":
            return None
        if w not in SKIPPABLE and w not in entry.preps and w.isalpha() and w not in entry.object_words \
                and w not in PREPOSITIONS:       # "a village in [western] X": the place's preposition
            words += 1
            if words > 3:
                return None
        j += 1
    return None


LOCATIVE_TYPES = {"ATTACK", "ASSAULT"}
LOCATIVE_PREPS = {"in", "near", "inside", "on"}


def _locative(entry: Entry, prep: str, words: int) -> bool:
    """"struck a factory in X", "strike on a base near X": an attack on a place is an attack on
    the actor the place belongs to (after at least one word naming the place)."""
    return words > 0 and prep in LOCATIVE_PREPS and entry.event_type in LOCATIVE_TYPES


def _by_agent(view: SentenceView, k: int) -> Group | None:
    """'... VERBed (and VERBed) by X': the agent of a passive."""
    j = k + 1
    while j < len(view.tokens) and j <= k + 6:
        w = view.lower[j]
        if w == "by":
            j2 = j + 1
            while j2 < len(view.tokens) and view.lower[j2] in ("the", "a", "an") and j2 <= j + 2:
                j2 += 1
            return view.group_of.get(j2) or _office_of(view, j2)
        if view.is_boundary(j) or w in (",", "."):
            return None
        if j in view.group_of and view.governed_by_preposition(view.group_of[j]) is None:
            return None           # "met Obama at a lunch hosted by X": "met" has an object
        if w.endswith("ed") and w != "and" and j > k + 1 and view.lower[j - 1] != "and":
            return None           # another participle owns the "by"
        j += 1
    return None


def _sponsor(view: SentenceView, g: Group) -> bool:
    """"Iran-backed": a group fused by a hyphen to a participle of sponsorship."""
    k = g.last + 1
    return k + 1 < len(view.tokens) and view.lower[k] == "-" \
        and view.tokens[k].start == view.tokens[g.last].end \
        and view.lower[k + 1] in load_lexicon().sponsor_participles


def _sponsored(view: SentenceView, entry: Entry, first: int, last: int) -> list[Hit]:
    """"the Iran-backed Houthis": the sponsor backs the actor the compound modifies (right after
    it, one modifier allowed), and nothing else."""
    sponsor = view.group_of[first - 2]
    for k in (last + 1, last + 2):
        g = view.group_of.get(k)
        if g is not None:
            if g is sponsor:
                return []
            return [Hit(sponsor.actors, g.actors, entry, (first, last), "sponsor",
                        indirect=sponsor.indirect or g.indirect)]
    return []


def _agent_follows(view: SentenceView, k: int) -> bool:
    """"by" right after a participle (adverbs and "and VERBed" aside): "fuel shipped by X",
    "a camp besieged and shelled by X"; not "rejected calls by X"."""
    j = k + 1
    while j < len(view.tokens) and j <= k + 4:
        w = view.lower[j]
        if w == "by":
            return True
        if not (w.endswith("ly") or w == "and" or w.endswith("ed")):
            return False
        j += 1
    return False


def _object_of_past_verb(view: SentenceView, k: int) -> bool:
    """An -s form right after a past-tense trigger verb, or after it and one modifier, is that
    verb's object noun: "rejected calls", "rejected recent calls" (not "and calls")."""
    lex = load_lexicon()
    for j in (k - 1, k - 2):
        if j < 0:
            return False
        entry = lex.entry(view.lower[j], "verb")
        if entry is not None:
            return entry.form == "ed"
        w = view.lower[j]
        if j in view.unit_at or not w.isalpha() or w in PREPOSITIONS or w in CONNECTORS \
                or w in lex.trigger_words or view.tokens[j].text[:1].isupper():
            return False
    return False


def _office_of(view: SentenceView, j: int) -> Group | None:
    """"by the ambassador of X", "by the foreign minister of X": the office's owner X (one to
    three words, then "of")."""
    for k in range(j, min(len(view.tokens) - 1, j + 3)):
        w = view.lower[k]
        if k in view.unit_at or not w.isalpha() or w in PREPOSITIONS or w in BE_FORMS:
            return view.group_of.get(k + 1) if w == "of" and k > j else None
    return None


NOUN_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "any", "every", "each",
                    "no", "’s", "'s"}


SPEAKER_PRONOUNS = {"it", "they"}
AUXILIARIES = {"will", "would", "could", "can", "may", "might", "shall", "should", "must", "has",
               "have", "had", "is", "are", "was", "were", "be", "been", "not", "also", "still",
               "soon", "never", "to", "plans", "planned", "intends", "intended", "wants", "wanted"}


def _speaker_pronoun(view: SentenceView, first: int, *, reach: int = 4) -> Group | None:
    """"Chile said it would back Y", "Chile's pledge that it will back Y": a pronoun
    subject right after a speech verb (or a noun of saying and "that") is the speaker. For a
    noun (``reach`` > 4) the words of its verb phrase may stand between: "said it would
    prohibit all aid to Y"."""
    lex = load_lexicon()
    j = first - 1
    while j >= 0 and first - j <= reach and (
            view.lower[j] in AUXILIARIES or view.lower[j].endswith("ly")
            or reach > 4 and view.lower[j].isalpha() and view.lower[j] not in SPEAKER_PRONOUNS
            and view.lower[j] not in RELATIVES and j not in view.unit_at
            and not view.is_boundary(j)):
        j -= 1
    if j < 1 or view.lower[j] not in SPEAKER_PRONOUNS or j in view.unit_at:
        return None
    k = j - 1
    if view.lower[k] == "that":
        k -= 1
    if k < 0 or k in view.unit_at:
        return None
    if view.lower[k] in lex.speech_verbs:
        return _subject(view, k)
    if view.lower[k] in lex.speaker_nouns and view.lower[k + 1] == "that":
        return _possessor(view, k)
    return None


def _object_sense(view: SentenceView, entry: Entry, last: int) -> Entry | None:
    """The sense a verb takes from its object noun ("traded strikes": FIGHT), from the few
    words after it up to a preposition, an actor or the clause end; None if no sense fits."""
    for j in range(last + 1, min(len(view.tokens), last + 5)):
        w = view.lower[j]
        if j in view.unit_at and w not in POSSESSIVE_PRONOUNS or view.is_boundary(j) \
                or w in (",", ".") or w in PREPOSITIONS:
            return None
        for words, sense in entry.senses:
            if w in words:
                return sense
    return None


def _verb(view: SentenceView, entry: Entry, first: int, last: int) -> list[Hit]:
    if entry.senses:
        sense = _object_sense(view, entry, last)
        if sense is None and "senses_only" in entry.options:
            return []
        entry = sense or entry
    if _participle_as_adjective(view, entry, first, last):
        return []
    if entry.needs and not set(entry.needs) & {w for w in view.lower[max(0, first - 3):first] if w not in QUOTES}:
        return []                 # "was deeply moved by": only with its intensifier
    if entry.form in ("base", "s") and first > 0 and view.lower[first - 1] in NOUN_DETERMINERS:
        return []                 # "the target of", "Iran's support": a noun (see the noun entries)
    if entry.form == "s" and _object_of_past_verb(view, first):
        return []                 # "rejected (recent) calls by X": the object noun
    if "intent" in entry.options and _introduces_action(view, last) \
            and _object(view, load_lexicon().entry(view.lower[last + 2], "verb"), last + 2) is not None:
        return []                 # "pledged to punish X": the punishing is the interaction
    if first >= 2 and view.lower[first - 1] == "-" and view.lower[first] in load_lexicon().sponsor_participles \
            and first - 2 in view.group_of:
        return _sponsored(view, entry, first, last)
    # "has accused": active perfect; "has been accused (by X)": a passive
    has_aux = any(view.lower[j] in ("has", "have", "had") for j in range(max(0, first - 2), first)) \
        and not (first > 0 and view.lower[first - 1] == "been")
    agent = _by_agent(view, last) if entry.form == "ed" and not has_aux else None
    be_before = any(view.lower[j] in BE_FORMS for j in range(max(0, first - 3), first))
    if agent is not None and not be_before and not _agent_follows(view, last):
        agent = None              # "rejected calls by X": X's calls, the verb is active
    if entry.form == "ed" and not has_aux and agent is None and last + 1 < len(view.tokens) \
            and view.lower[last + 1] == "by":
        return []                 # "a lunch hosted by the embassy": a passive whose agent is no actor
    passive = entry.form == "ed" and not has_aux and (be_before or agent is not None)
    experiencer = "experiencer" in entry.options
    if passive and agent is None and "stative_to" in entry.options and last + 1 < len(view.tokens) \
            and view.lower[last + 1] == "to":
        # "Israel is opposed to French mediation": a state of the subject, not a passive
        subject = _subject(view, first)
        target = next((view.group_of[i] for i in range(last + 2, min(len(view.tokens), last + 5))
                       if i in view.group_of), None)
        if subject is not None and target is not None and subject is not target:
            return [Hit(subject.actors, target.actors, entry, (first, last), "active",
                        indirect=subject.indirect or target.indirect)]
        return []
    if passive:
        patient = _subject(view, first, allow_pp=True)
        be = be_before
        if not be and patient is not None and patient.last < first - 2:
            patient = None        # "a lunch hosted by X": the participle modifies "lunch"
        with_object = _object(view, entry, last) if entry.preps else None
        if with_object is not None and with_object is agent:
            with_object = None
        if experiencer and agent is None and be:
            # "Kenya was dismayed at Uganda's decision", "he was appalled that Chile ...": the
            # cause after "at"/"over"/"that" is what the experiencer (the subject) reacts to
            agent = _experiencer_cause(view, entry, last)
            with_object = None
        elif with_object is None and agent is not None and entry.preps:
            with_object = _object(view, entry, agent.last)   # "arms shipped by X to Y"
        other = with_object or patient
        if agent is not None and other is not None and agent is not other:
            src, tgt = (other, agent) if experiencer else (agent, other)
            return [Hit(src.actors, tgt.actors, entry, (first, last), "passive",
                        indirect=agent.indirect or other.indirect)]
        return []
    if "passive_only" in entry.options:
        return []
    coordinated, subject = _shared_subject(view, first)
    if not coordinated:
        subject = _subject(view, first)
    if subject is None:
        subject = _speaker_pronoun(view, first)   # "X said (that) it would help Y": X
    target = _object(view, entry, last, limit=8 if entry.object_words else 6)
    if target is not None and entry.object_words and not entry.object_words & set(view.lower[last + 1:target.first]):
        return []                 # "closed its borders with X" counts, "closed the meeting" does not
    if entry.object_words and target is None:
        return []
    if target is None and "that_target" in entry.options:
        target = _that_target(view, last)         # "demanded that the US cancel ..."
    if target is None and "infinitive_target" in entry.options:
        target = _infinitive_target(view, last)   # "threatened on Monday to cut off gas to X"
        if target is not None and entry.polarity < 0 and entry.event_type != "THREATEN" \
                and _hostile_between(view, last + 1, target.first):
            return []     # "refused to join the sanctions on X": no rejection of X
    if target is None and "condition_target" in entry.options:
        target = _condition_target(view, last)    # "threatened to quit the talks unless X ..."
    if subject is None and target is None:
        return []
    if "only_with_prep" in entry.options:
        nxt = last + 1
        while nxt < len(view.tokens) and view.lower[nxt].endswith("ly"):
            nxt += 1              # "relies heavily on"
        if nxt >= len(view.tokens) or view.lower[nxt] not in entry.preps:
            return []
    if subject is not None and target is None:
        # relative clause: "Azerbaijan, which Iran accuses of ...": the antecedent is the target
        j = subject.first - 1
        while j >= 0 and view.lower[j] in (",",):
            j -= 1
        if j >= 0 and view.lower[j] in ("which", "whom", "that", "who"):
            ante = _antecedent(view, j)
            if ante is not None and ante is not subject:
                return [Hit(subject.actors, ante.actors, entry, (first, last), "relative",
                            indirect=subject.indirect or ante.indirect)]
        if "symmetric_with" in entry.options and len(subject.actors) >= 2:
            return [Hit(subject.actors, subject.actors, entry, (first, last), "coordinated",
                        symmetric=True, indirect=subject.indirect)]
        if "attacker_from_context" in entry.options:
            # "Israel vowed to retaliate": against the side that last attacked Israel
            return [Hit(subject.actors, [], entry, (first, last), "context-attacker", indirect=True)]
        return []
    if subject is None or target is None or subject is target:
        return []
    if experiencer:               # "X angered Y": Y's attitude toward X
        subject, target = target, subject
    symmetric = "symmetric" in entry.options or "symmetric_with" in entry.options \
        and last + 1 < len(view.tokens) and view.lower[last + 1] == "with"
    return [Hit(subject.actors, target.actors, entry, (first, last), "active", symmetric=symmetric,
                indirect=subject.indirect or target.indirect)]


EXPERIENCER_CAUSE_PREPS = ("at", "over", "about", "with")


def _experiencer_cause(view: SentenceView, entry: Entry, k: int) -> Group | None:
    """What the subject of "was dismayed at / appalled that" reacts to: the group of an
    at/over/about/with phrase right after the participle, else the subject of a "that" clause."""
    cause = _object(view, replace(entry, preps=EXPERIENCER_CAUSE_PREPS), k)
    if cause is not None and view.governed_by_preposition(cause) in EXPERIENCER_CAUSE_PREPS:
        return cause
    return _that_target(view, k)


def _participle_as_adjective(view: SentenceView, entry: Entry, first: int, last: int) -> bool:
    """"internationally recognized Azerbaijani territory", "Jordan's visiting King": a participle
    after an -ly adverb, a determiner or a possessive, before a noun phrase, is no verb."""
    if entry.form not in ("ed", "ing") or first == 0:
        return False
    before = view.lower[first - 1]
    if entry.form == "ed" and before in ("and", "or") and _place_in_a_phrase_before(view, first - 1):
        return True               # "farms in the Atacama and annexed La Paz"
    nxt = last + 1 < len(view.tokens) and (last + 1 in view.unit_at or view.tokens[last + 1].text[:1].isupper()
                                            or view.lower[last + 1].isalpha())
    adverb = before.endswith("ly") and first >= 2 and _opens_noun_phrase(view, first - 2)
    modifier_slot = adverb or before in DETERMINERS or before in APOS
    return bool(nxt) and modifier_slot


def _place_in_a_phrase_before(view: SentenceView, k: int) -> bool:
    """A name governed by a place preposition ends right before token ``k`` ("in the West Bank"
    before "and"): a participle after the "and" modifies the next name of the same phrase."""
    j = k - 1
    while j >= 0 and k - j <= 5 and (view.tokens[j].text[:1].isupper() or j in view.unit_at):
        j -= 1
    if j == k - 1:
        return False
    while j >= 0 and view.lower[j] in ("the", "a", "an"):
        j -= 1
    return j >= 0 and view.lower[j] in ("in", "of", "from", "across", "throughout", "inside")


def _opens_noun_phrase(view: SentenceView, k: int) -> bool:
    """A word at ``k`` after which an adverb + participle modifies a noun: a determiner, a
    preposition or a possessive ("the internationally recognized border", "in newly occupied
    land"); after a subject or another adverb ("Egypt also sharply criticised") it is a verb."""
    w = view.lower[k]
    return w in DETERMINERS or w in APOS or (w in PREPOSITIONS and w != "to")


def _infinitive_target(view: SentenceView, k: int) -> Group | None:
    """The first actor in the infinitive after a verb ("threatened (on Monday) to cut off
    electricity to X", "refused to deploy troops in X"), within the clause."""
    j = k + 1
    while j < len(view.tokens) and j <= k + 4 and view.lower[j] != "to":
        if view.is_boundary(j) or view.lower[j] in (",", ".") or j in view.group_of:
            return None
        j += 1
    if j >= len(view.tokens) or view.lower[j] != "to":
        return None
    for i in range(j + 1, min(len(view.tokens), j + 10)):
        if view.is_boundary(i) or view.lower[i] in (",", ".", "that", "which", "who"):
            return None
        g = view.group_of.get(i)
        if g is not None:
            return None if g.possessive and view.lower[g.first] in POSSESSIVE_PRONOUNS else g
    return None


def _hostile_between(view: SentenceView, start: int, end: int) -> bool:
    """Whether a hostile trigger word (a verb or noun of the lexicon with negative polarity)
    stands among the tokens ``start``..``end - 1``: refusing a hostile act toward X ("refused
    to condemn X", "refused to join the sanctions on X") is no rejection of X."""
    lex = load_lexicon()
    for j in range(start, end):
        w = view.lower[j]
        for kind in ("verb", "noun"):
            e = lex.entry(w, kind)
            if e is not None and e.polarity < 0 and e.event_type not in NOT_HOSTILE_WHEN_REFUSED:
                return True
    return False


# Negative types whose refusal is still a rejection of the place: "refused to deploy
# peacekeepers in X" rejects X's request (a deployment is often no hostility).
NOT_HOSTILE_WHEN_REFUSED = {"MOBILIZE"}


CONDITIONS = {"if", "unless"}


def _condition_target(view: SentenceView, k: int) -> Group | None:
    """The subject of the condition of a threat: "threatened to halt gas exports if X joins
    the pact", "... unless X withdraws" (the condition within the sentence, naming no other
    actor before it)."""
    for j in range(k + 1, min(len(view.tokens), k + 16)):
        w = view.lower[j]
        if w in CONDITIONS:
            for i in range(j + 1, min(len(view.tokens), j + 4)):
                if i in view.group_of:
                    g = view.group_of[i]
                    return None if view.lower[g.first] in POSSESSIVE_PRONOUNS else g
            return None
        if j in view.group_of and w not in POSSESSIVE_PRONOUNS or w in (".", ";", ":", "?", "!") \
                or view.is_boundary(j):
            return None
    return None


def _introduces_action(view: SentenceView, k: int) -> bool:
    """'to' + a verb of the lexicon right after an intent verb ("vowed to strike")."""
    if k + 2 >= len(view.tokens) or view.lower[k + 1] != "to":
        return False
    return load_lexicon().entry(view.lower[k + 2], "verb") is not None


def _that_target(view: SentenceView, k: int) -> Group | None:
    """The subject of a "that" clause right after a verb of demanding: "urged that Iran ..."."""
    for j in range(k + 1, min(len(view.tokens), k + 5)):
        if view.lower[j] == "that":
            for i in range(j + 1, min(len(view.tokens), j + 4)):
                if i in view.group_of:
                    return view.group_of[i]
            return None
        if view.is_boundary(j) or j in view.group_of:
            return None
    return None


_OBLIGATION = {"must", "should", "needs", "need", "ought", "has", "have"}


def _demands_in_speech(view: SentenceView, lex: Lexicon) -> list[Hit]:
    """"X said that Y must/should ...": X demands something of Y (PLOVER DEMAND)."""
    hits = []
    if lex.speech_verbs.isdisjoint(view.lower):
        return hits          # no speech verb: the common case
    entry = _synthetic(lex, "must", "DEMAND")
    for k, w in enumerate(view.lower):
        if w not in lex.speech_verbs or k in view.unit_at:
            continue
        target = _that_target(view, k)
        if target is None:
            continue
        modal = _obligation_after(view, target.last + 1)
        if modal is None:
            continue
        speaker = _subject(view, k)
        if speaker is not None and speaker is not target:
            hits.append(Hit(speaker.actors, target.actors, entry, (k, k), "speech-demand",
                            indirect=speaker.indirect or target.indirect))
    return hits


def _obligation_after(view: SentenceView, k: int) -> int | None:
    """Position of "must"/"should"/"has to" that ends the subject starting before ``k``
    ("Libya must", "the Sudanese government and the rebels must"), if any."""
    for j in range(k, min(len(view.tokens), k + 6)):
        w = view.lower[j]
        if w in _OBLIGATION:
            if w in ("has", "have", "needs", "need") and "to" not in view.lower[j + 1:j + 3]:
                return None
            return j
        if view.is_boundary(j) or w in (",", ".", "that", "which", "who") or \
                load_lexicon().entry(w, "verb") is not None:
            return None
    return None


STANCE_PREFIXES = {"pro": "SUPPORT", "anti": "OPPOSE"}


def _stance_prefixes(view: SentenceView, lex: Lexicon) -> list[Hit]:
    """"pro-Israeli moves by Washington", "Bolivia's anti-Chilean rhetoric": the owner of the
    noun phrase (its possessor, "by X" after it, else the clause subject) supports or opposes
    the actor after "pro-"/"anti-"."""
    hits = []
    for u in view.units:
        k = u.first
        if k < 2 or view.lower[k - 1] != "-" or view.lower[k - 2] not in STANCE_PREFIXES \
                or view.tokens[k - 2].end != view.tokens[k - 1].start \
                or view.tokens[k - 1].end != view.tokens[k].start:
            continue
        target = view.group_of[k]
        source = _possessor(view, k - 2)
        if source is None:
            for j in range(u.last + 1, min(len(view.tokens) - 1, u.last + 4)):
                if view.lower[j] == "by":
                    source = view.group_of.get(j + 1) or view.group_of.get(j + 2)
                    break
                if view.is_boundary(j) or view.lower[j] in (",", ".") or j in view.unit_at:
                    break
        if source is None:
            source = _subject(view, k - 2)
        if source is not None and source is not target:
            entry = _synthetic(lex, view.lower[k - 2], STANCE_PREFIXES[view.lower[k - 2]])
            hits.append(Hit(source.actors, target.actors, entry, (k - 2, u.last), "possessive",
                            indirect=source.indirect or target.indirect))
    return hits


def _requested_actions(view: SentenceView, lex: Lexicon, hits: list[Hit]) -> list[Hit]:
    """"X asked|urged|pressed Y to take a stand against Z": Y's action is only requested (the
    hit is marked, so it is at most Hypothetical), and a hostile request shows X's own hostility
    to Z, as asserted as the request itself (modality read at the request verb)."""
    added = []
    for hit in hits:
        if hit.symmetric:
            continue
        frame = _request_frame(view, hit)
        if frame is None:
            continue
        requester, verb = frame
        hit.requested = True
        polarity = hit.polarity if hit.polarity is not None else hit.entry.polarity
        if polarity < 0 and requester is not None and not set(requester.actors) & set(hit.target):
            added.append(Hit(requester.actors, hit.target, hit.entry, hit.trigger, "requested",
                             polarity=hit.polarity, indirect=requester.indirect,
                             modality_at=(verb, verb)))
    return added


def _request_frame(view: SentenceView, hit: Hit) -> tuple[Group | None, int] | None:
    """(requester, request verb position) when the hit's source is the asked party of a request
    verb whose infinitive holds the trigger: "urged France to stand against ..."."""
    first = hit.trigger[0]
    for j in range(first - 1, max(0, first - 8), -1):
        if view.is_boundary(j) or view.lower[j] in (",", "."):
            return None
        if view.lower[j] != "to" or j - 1 not in view.group_of:
            continue
        asked = view.group_of[j - 1]
        if asked.actors != hit.source:
            return None
        v = asked.first - 1
        while v >= 0 and view.lower[v] in DETERMINERS | {"on", "upon"}:
            v -= 1
        if v < 0 or view.lower[v] not in load_lexicon().request_verbs:
            return None
        return _subject(view, v), v
    return None


def _participation(view: SentenceView, lex: Lexicon, parties: list[str]) -> list[Hit]:
    """"Canadian and Dutch sailors also joined the exercises", "smaller Chilean forces are taking
    part": national contingents that take part in an exercise already in the text (whose parties
    are ``parties``) exercise with its parties (EXERCISE, contingent -> party)."""
    spec = lex.participation
    if not parties or not spec:
        return []
    hits = []
    for k in range(len(view.lower)):
        match = spec["verbs"].longest_word_at(view.lower, k)
        if match is None or not _exercise_after(view, match.last, spec["exercises"]):
            continue
        group = _contingent_before(view, match.first, spec["forces"])
        if group is None:
            continue
        joined = [a for a in parties if a not in group.actors]
        if joined:
            entry = _synthetic(lex, match.surface, "EXERCISE")
            # one direction, as for "Kyiv's allies, including France": the text says how the
            # contingents relate to the exercise, not what its parties did
            hits.append(Hit(group.actors, joined, entry, (match.first, match.last), "participation",
                            indirect=True))
    return hits


def _contingent_before(view: SentenceView, k: int, forces: frozenset) -> Group | None:
    """The nationality group of "Chilean and Peruvian troops (are also) ..." before ``k``."""
    j = k - 1
    while j >= 0 and view.lower[j] in VP_GLUE | {"are", "were", "is", "was", "been", "being",
                                                  "will", "also", "already", "now"}:
        j -= 1
    if j < 1 or view.lower[j] not in forces:
        return None
    g = view.group_of.get(j - 1)
    if g is None or any(u.via != "adjective" for u in g.units):
        return None
    return g


def _exercise_after(view: SentenceView, k: int, exercises: frozenset) -> bool:
    """The participation verb at ``k`` is about an exercise: one is named within a few words
    ("joined the drills", "take part in the exercises"), or the clause ends ("are taking part.")."""
    for j in range(k + 1, min(len(view.tokens), k + 6)):
        w = view.lower[j]
        if w in exercises:
            return True
        if j in view.unit_at:
            return False
        if view.is_boundary(j) or w in (".", ","):
            return j == k + 1 or all(x in SKIPPABLE or x in TIME_WORDS for x in view.lower[k + 1:j])
    return k + 1 >= len(view.tokens)


QUOTES = {'"', "“", "”", "'", "‘", "’"}


def _evaluations(view: SentenceView, lex: Lexicon) -> list[Hit]:
    """"Beijing regarded Japan's visit as a provocation", "X views the Y move as a breach of the
    law": a negative evaluation of what an actor did is criticism of that actor (CRITICIZE)."""
    spec = lex.evaluation
    if not spec:
        return []
    hits = []
    if spec["verbs"].isdisjoint(view.lower) and spec["naming"].isdisjoint(view.lower):
        return hits + _held_positions(view, lex)     # no evaluation verb: the common case
    for k, w in enumerate(view.lower):
        if w not in spec["verbs"] and w not in spec["naming"] or k in view.unit_at:
            continue
        target = _evaluated_as(view, k, spec) if w in spec["verbs"] else None
        if target is None and w in spec["naming"]:
            target = _evaluated_directly(view, k, spec)
        if target is None:
            continue
        source = _subject(view, k)
        if source is not None and source is not target:
            hits.append(Hit(source.actors, target.actors, _synthetic(lex, w, "CRITICIZE"), (k, k),
                            "evaluation", indirect=source.indirect or target.indirect))
    return hits + _held_positions(view, lex)


def _held_positions(view: SentenceView, lex: Lexicon) -> list[Hit]:
    """"Chile's position that Peru's claim is unacceptable", "reiterated its view that the
    Bolivian tariffs are illegal": the owner of a held view criticises the actor of the "that"
    clause when the clause judges it with a negative word (``evaluation.negative``)."""
    spec = lex.evaluation
    hits = []
    if spec["positions"].isdisjoint(view.lower):
        return hits          # no "position", "view" ...: the common case
    for k, w in enumerate(view.lower[:-1]):
        if w not in spec["positions"] or view.lower[k + 1] != "that":
            continue
        owner = _possessor(view, k)
        if owner is None and k > 0 and view.lower[k - 1] in POSSESSIVE_PRONOUNS:
            owner = view.group_of.get(k - 1)          # "its position that ...", resolved "its"
        target = _that_target(view, k)
        if owner is None or target is None or owner is target:
            continue
        end = next((j for j in range(target.last + 1, len(view.tokens))
                    if view.is_boundary(j) or view.lower[j] in (",", ".")), len(view.tokens))
        if any(view.lower[j] in spec["negative"] for j in range(target.last + 1, min(end, target.last + 9))):
            hits.append(Hit(owner.actors, target.actors, _synthetic(lex, w, "CRITICIZE"), (k, k),
                            "evaluation", indirect=owner.indirect or target.indirect))
    return hits


def _evaluated_as(view: SentenceView, k: int, spec: dict) -> Group | None:
    """The actor of "VERB [X's move] as [negative phrase]" after the evaluation verb at ``k``."""
    as_at = next((j for j in range(k + 1, min(len(view.tokens), k + 9)) if view.lower[j] == "as"), None)
    if as_at is None or any(view.is_boundary(j) or view.lower[j] in (",", ".") for j in range(k + 1, as_at)):
        return None
    target = next((view.group_of[j] for j in range(k + 1, as_at) if j in view.group_of), None)
    return target if target is not None and _negative_phrase(view, as_at + 1, spec["negative"]) else None


def _evaluated_directly(view: SentenceView, k: int, spec: dict) -> Group | None:
    """The actor of "called [X's move] [a provocation]", "branded the X claim illegal": the
    object group within three words of the naming verb (no preposition before it), then a
    negative word in the phrase right after it."""
    for j in range(k + 1, min(len(view.tokens), k + 4)):
        if view.is_boundary(j) or view.lower[j] in (",", ".", "that", "on", "upon", "for"):
            return None
        g = view.group_of.get(j)
        if g is None:
            continue
        if view.governed_by_preposition(g) is not None:
            return None
        return g if _negative_phrase(view, g.last + 1, spec["negative"]) else None
    return None


def _negative_phrase(view: SentenceView, start: int, negative: frozenset) -> bool:
    """A negative evaluative word in the noun phrase from ``start`` ("a provocation", "another
    breach of ...", "“one more step violating” the law")."""
    for j in range(start, min(len(view.tokens), start + 6)):
        w = view.lower[j]
        if w in negative:
            return True
        if w in QUOTES:
            continue
        if view.is_boundary(j) or w in (",", ".") or j in view.unit_at:
            return False
    return False


DEAL_TYPES = {"AGREE", "TRADE", "AID"}


def _objections_to_the_deal(view: SentenceView, lex: Lexicon, parties: list[str]) -> list[Hit]:
    """"Greece and Cyprus objected to the deal": a hostile verb whose object is a definite deal
    noun naming no actor opposes the parties of the last deal in the text (``parties``)."""
    if not parties or not lex.deal_nouns or lex.deal_nouns.isdisjoint(view.lower):
        return []
    hits = []
    for k, w in enumerate(view.lower):
        entry = lex.entry(w, "verb")
        if entry is None or entry.polarity > 0 or k in view.unit_at:
            continue
        j = k + 1
        while j < len(view.tokens) and j <= k + 3 and view.lower[j] in PREPOSITIONS | SKIPPABLE \
                and view.lower[j] not in ("the", "this", "that"):
            j += 1
        if j + 1 >= len(view.tokens) or view.lower[j] not in ("the", "this", "that") \
                or view.lower[j + 1] not in lex.deal_nouns or j + 2 < len(view.tokens) \
                and view.lower[j + 2] in ("with", "between", "by", "to", "of"):
            continue              # "the deal with X" names its parties: the patterns read them
        if _actor_later_in_clause(view, j + 2):
            continue              # "the agreement reached by X and Y": the parties are named
        subject = _subject(view, k)
        targets = [a for a in parties if subject is not None and a not in subject.actors]
        if targets:
            hits.append(Hit(subject.actors, targets, entry, (k, k), "deal-context", indirect=True))
    return hits


def _actor_later_in_clause(view: SentenceView, start: int) -> bool:
    """Whether an actor is named from token ``start`` to the end of its clause."""
    for i in range(start, len(view.tokens)):
        if view.is_boundary(i):
            return False
        if i in view.unit_at:
            return True
    return False


def _synthetic(lex: Lexicon, word: str, event_type: str) -> Entry:
    return Entry(word, "verb", event_type, lex.polarity[event_type])


def _possessor(view: SentenceView, first: int) -> Group | None:
    """'X's [adj] N' or '[X-adjective] N' or 'X's policy of [adj] N' or 'the X-led N': the owner
    of a noun at ``first``."""
    j = first - 1
    if j >= 2 and view.lower[j] == "led" and view.lower[j - 1] == "-" and j - 2 in view.group_of:
        return view.group_of[j - 2]       # "the US-led war against X"
    steps = 0
    while j >= 0 and steps < 6:
        w = view.lower[j]
        g = view.group_of.get(j)
        if g is not None:
            u = view.unit_at[j]
            if u.possessive or (j == g.last and u.via in ("adjective", "name", "acronym", "capital",
                                                        "alias", "description") and j == first - 1 - 0
                                and steps == 0):
                return g
            if steps <= 2 and u.via == "adjective":
                return g
            return None
        if w in APOS:
            j -= 1
            continue
        if view.is_boundary(j) or w in (",", ".") or w in PREPOSITIONS and w != "of":
            return None
        if w in BE_FORMS:
            return None
        j -= 1
        steps += 1
    return None


def _noun(view: SentenceView, entry: Entry, first: int, last: int) -> list[Hit]:
    if entry.needs and not any(view.lower[j] in entry.needs for j in range(max(0, first - 3), first)):
        return []
    owner = _possessor(view, first)
    target = None
    j = last + 1
    if owner is None:
        owner, j = _nominal_agent(view, entry, last)
    if j + 1 < len(view.tokens) and view.lower[j] in COMPOUND_HEADS and view.lower[j + 1] in entry.preps:
        j += 1                    # "aid program for Bosnia", "sanctions regime against Iran"
    j = _past_of_phrase(view, entry, j)   # "delivery of tanks to Ukraine"
    if j < len(view.tokens) and view.lower[j] in entry.preps:
        k = j + 1
        while k < len(view.tokens) and k <= j + 7 and k not in view.group_of:
            if view.is_boundary(k) or view.lower[k] in (",", ".") or \
                    view.lower[k] in PREPOSITIONS and view.lower[k] not in ("of", "from") \
                    and not _locative(entry, view.lower[k], k - j - 1):
                break
            k += 1
        target = view.group_of.get(k)
    if "relational" in entry.options:
        # "Israel, Iran's archenemy" / "Greece was long a rival of Turkey";
        # not "protector of Iran's population": the relation is to the population, not Iran
        if target is not None and target.possessive:
            target = None
        subject = owner
        if subject is None:
            subject = _apposition_head(view, first) or _subject(view, first)
        if subject is not None and target is not None and subject is not target:
            return [Hit(subject.actors, target.actors, entry, (first, last), "relational",
                        symmetric=entry.event_type in ("RIVALRY", "ALIGN", "COOPERATE"),
                        indirect=subject.indirect or target.indirect)]
        members = _listed_members(view, last) if owner is not None and target is None else None
        if members is not None and members is not owner:
            # "Kyiv's allies, including France and Germany": each member stands with Kyiv (the
            # text says how the members relate to Kyiv, not the reverse: one direction)
            return [Hit(members.actors, owner.actors, entry, (first, last), "relational",
                        indirect=owner.indirect or members.indirect)]
        if subject is not None and target is None and owner is not None:
            head = _apposition_head(view, first)
            if head is not None and head is not owner:
                return [Hit(owner.actors, head.actors, entry, (first, last), "apposition",
                            symmetric=entry.event_type in ("RIVALRY", "ALIGN", "COOPERATE"),
                            indirect=owner.indirect or head.indirect)]
        return []
    if target is None and "with_source" in entry.options:
        backed = _backed_with(view, first, last, owner)
        if backed:
            return backed
    if target is None:
        received = _received(view, entry, first, last, owner)
        if received or "counterpart_from_context" not in entry.options:
            return received
        return _counterpart_from_context(view, entry, first, last, owner)
    source = owner
    pattern = "possessive"
    if source is None:
        k = target.last + 1
        if k + 1 < len(view.tokens) and view.lower[k] != "by" and view.lower[k + 1] == "by" \
                and view.lower[k].isalpha() and k not in view.unit_at:
            k += 1                # "the expulsion of Russian diplomats by Norway"
        if k < len(view.tokens) and view.lower[k] == "by":
            source = view.group_of.get(k + 1) or view.group_of.get(k + 2)
            pattern = "noun-by"
    if source is None:
        if "adjective_source" in entry.options:
            return []
        source = _subject(view, first) or _subject_after_fronted_phrase(view, first)
        pattern = "noun-subject"
    if source is None:
        source = _speaker_pronoun(view, first, reach=7)   # "X said it would halt aid to Y"
        pattern = "noun-subject"
    if source is None or source is target:
        return []
    hit = Hit(source.actors, target.actors, entry, (first, last), pattern,
              indirect=source.indirect or target.indirect)
    if _reversed(view, first):
        hit.polarity = -entry.polarity           # "lift sanctions on X", "revoke recognition of X"
        hit.reversed = True
    return [hit]


def _past_of_phrase(view: SentenceView, entry: Entry, j: int) -> int:
    """After a noun whose target does not take "of": the position past a short of-phrase with
    no actor in it ("the delivery of tanks to Ukraine", "the sale of jets to Chile"), when one
    of the noun's prepositions follows; else ``j``."""
    if j >= len(view.tokens) or view.lower[j] != "of" or "of" in entry.preps:
        return j
    for k in range(j + 1, min(len(view.tokens), j + 5)):
        if k in view.unit_at or view.is_boundary(k) or view.lower[k] in (",", "."):
            return j
        if view.lower[k] in entry.preps:
            return k
    return j


def _nominal_agent(view: SentenceView, entry: Entry, last: int) -> tuple[Group | None, int]:
    """"airstrikes by Chile on Peru", "criticism from Peru of Chile": the agent named by "by" or
    "from" between a noun and its target's preposition, and the position after it. Only when
    one of the noun's own prepositions follows the agent: "aid from Japan" alone names no
    target, and "the attack by Chile" is read elsewhere."""
    j = last + 1
    k = _after_participle(view, j)        # "strikes (,) carried out by Chile on Peru"
    if k >= len(view.tokens) or view.lower[k] not in NOMINAL_AGENT_PREPS:
        return None, j
    k += 1
    if k < len(view.tokens) and view.lower[k] in DETERMINERS and k not in view.group_of:
        k += 1
    agent = view.group_of.get(k)
    after = agent.last + 1 if agent is not None else len(view.tokens)
    if agent is None or agent.possessive or after >= len(view.tokens) or \
            view.lower[after] not in entry.preps or view.lower[after] in NOMINAL_AGENT_PREPS:
        return None, j
    return agent, after


def _after_participle(view: SentenceView, j: int) -> int:
    """The position after a reduced relative's past participle at ``j`` (", launched", "carried
    out", "staged"), when one stands there and "by" follows; else ``j`` itself."""
    k = j + 1 if j < len(view.tokens) and view.lower[j] == "," else j
    if k < len(view.tokens) and view.lower[k].endswith("ed") and k not in view.unit_at:
        k += 1
        if k < len(view.tokens) and view.lower[k] == "out":
            k += 1                          # "carried out"
        if k < len(view.tokens) and view.lower[k] == "by":
            return k
    return j


def _backed_with(view: SentenceView, first: int, last: int, owner: Group | None) -> list[Hit]:
    """"The regime, with Russian support, besieged the camp", "with the backing of X": the one
    named with the noun (adjective, possessive or of-phrase) helps the clause's subject."""
    j = first - 1
    while j >= 0 and (view.lower[j] in DETERMINERS or view.lower[j] in APOS or j in view.unit_at
                      or view.lower[j] in ("full", "military", "financial", "diplomatic", "tacit",
                                           "open", "strong", "active")):
        j -= 1
    if j < 0 or view.lower[j] != "with":
        return []
    source = owner
    if source is None and last + 2 < len(view.tokens) and view.lower[last + 1] == "of":
        source = view.group_of.get(last + 2) or view.group_of.get(last + 3)
    aside = j > 0 and view.lower[j - 1] == ","
    helped = (_modified_by_with(view, j) if aside else None) or _subject(view, j)
    if source is None or helped is None or source is helped:
        return []
    entry = load_lexicon().entry(view.lower[first], "noun") if first == last else None
    entry = entry or _synthetic(load_lexicon(), view.lower[first], "SUPPORT")
    return [Hit(source.actors, helped.actors, entry, (first, last), "with-support",
                indirect=source.indirect or helped.indirect)]


def _modified_by_with(view: SentenceView, with_at: int) -> Group | None:
    """The actor of the phrase an aside with-phrase follows: "the regime's practice, with
    Russian support, of ...": the regime (a few words back, same clause)."""
    for j in range(with_at - 1, max(-1, with_at - 7), -1):
        g = view.group_of.get(j)
        if g is not None:
            return g
        if view.is_boundary(j) or view.lower[j] in (".", "that") or view.lower[j] in load_lexicon().trigger_words:
            return None
    return None


FRONTING_WORDS = {"in", "as", "with", "amid", "after", "despite"}


def _dateline_end(view: SentenceView) -> int:
    """The first token after a dateline ("LIMA:", "CAIRO —") in the first three tokens, else 0."""
    return next((j + 1 for j in range(min(3, len(view.lower))) if view.lower[j] in (":", "—", "–")), 0)


def opening_end(view: SentenceView) -> int:
    """The first token after a dateline ("LIMA:") and an opening prepositional phrase closed by
    a comma ("In what was seen as a snub to X, ..."): where the main clause starts."""
    start = _dateline_end(view)
    if start < len(view.lower) and view.lower[start] in FRONTING_WORDS:
        comma = next((j for j in range(start + 1, len(view.tokens)) if view.lower[j] == ","), None)
        if comma is not None and not any(view.is_boundary(j) for j in range(start + 1, comma)):
            return comma + 1
    return start


def _subject_after_fronted_phrase(view: SentenceView, k: int) -> Group | None:
    """"In what was seen as a snub to X, Peru ...", "As a rebuke to X, Chile ...": a noun in an
    opening prepositional phrase belongs to the subject right after the phrase's comma."""
    start = _dateline_end(view)   # "LIMA: In what was seen as a snub to X, ..."
    if start >= len(view.lower) or view.lower[start] not in FRONTING_WORDS or k < start:
        return None
    comma = next((j for j in range(k + 1, len(view.tokens)) if view.lower[j] == ","), None)
    if comma is None or any(view.is_boundary(j) for j in range(start + 1, comma)):
        return None
    for j in range(comma + 1, min(len(view.tokens), comma + 4)):
        g = view.group_of.get(j)
        if g is not None:
            return g if view.governed_by_preposition(g) is None else None
        if view.is_boundary(j):
            return None
    return None


def _listed_members(view: SentenceView, last: int) -> Group | None:
    """The actors listed after a plural noun: "allies, including France and Germany", "partners
    such as Chile", "allies like Japan" (a few words such as "European" may come between)."""
    j = last + 1
    if j < len(view.tokens) and view.lower[j] == ",":
        j += 1
    if j + 1 < len(view.tokens) and view.lower[j] == "such" and view.lower[j + 1] == "as":
        j += 1
    elif j >= len(view.tokens) or view.lower[j] not in ("including", "like"):
        return None
    for k in range(j + 1, min(len(view.tokens), j + 3)):
        if k in view.group_of:
            return view.group_of[k]
    return None


def _received(view: SentenceView, entry: Entry, first: int, last: int, owner: Group | None) -> list[Hit]:
    """"The US faced stiff Palestinian criticism", "Chile drew condemnation from Peru": the
    subject of a receiving verb is the target, the noun's owner (or "from X") the source."""
    verb = _receiving_verb(view, first, entry)
    if verb is None:
        return []
    source = owner
    if source is None and last + 2 < len(view.tokens) and view.lower[last + 1] == "from":
        source = view.group_of.get(last + 2) or view.group_of.get(last + 3)
    target = _subject(view, verb)
    if source is None or target is None or source is target:
        return []
    return [Hit(source.actors, target.actors, entry, (first, last), "received",
                indirect=source.indirect or target.indirect)]


def _receiving_verb(view: SentenceView, first: int, entry: Entry | None = None) -> int | None:
    """The receiving verb ("faced", "drew", "under") a few words before the noun at ``first``,
    in the same clause, else None; for a noun of blame (``entry``), an answering verb too
    ("denied X's accusations")."""
    lex = load_lexicon()
    answers = entry is not None and entry.event_type in lex.answered_types
    for j in range(first - 1, max(-1, first - 7), -1):
        word = view.lower[j]
        if (word in lex.receiving_verbs or answers and word in lex.answering_verbs) and j not in view.unit_at:
            return j
        if view.is_boundary(j) or view.lower[j] in (".", "by") or view.lower[j] in lex.trigger_words:
            return None
    return None


def _counterpart_from_context(view: SentenceView, entry: Entry, first: int, last: int,
                              owner: Group | None) -> list[Hit]:
    """A noun that names only one party ("the US is lifting sanctions", "Sudanese officers will
    face sanctions"): a hit whose other party :func:`_from_context` fills in from the
    interactions of the same type before the sentence."""
    verb = _receiving_verb(view, first)
    if verb is not None:
        receiver = _subject(view, verb)
        return [] if receiver is None else [
            Hit([], receiver.actors, entry, (first, last), "context-source", indirect=True)]
    source = owner or _subject(view, first)
    if source is None:
        return []
    hit = Hit(source.actors, [], entry, (first, last), "context-target", indirect=True)
    if _reversed(view, first):
        hit.polarity = -entry.polarity           # "the US is lifting sanctions": a concession
        hit.reversed = True
    return [hit]


def _reversed(view: SentenceView, first: int) -> bool:
    """A reversal verb shortly before a noun in the same clause: "lift sanctions on X", "lifted
    on Friday a day-old blockade of X"; not across an infinitive ("blocked a road to show their
    disapproval of X")."""
    for j in range(first - 1, max(-1, first - 8), -1):
        if view.is_boundary(j) or view.lower[j] in (",", ".", "to") or \
                j in view.unit_at and view.lower[j] not in POSSESSIVE_PRONOUNS:
            return False
        if view.lower[j] in load_lexicon().reversal_verbs:
            return True
    return False


def _apposition_head(view: SentenceView, first: int) -> Group | None:
    """'Israel, Iran's archenemy': the group before the comma that opens an apposition."""
    j = first - 1
    while j >= 0 and j >= first - 6:
        if view.lower[j] == ",":
            return view.group_of.get(j - 1)
        if view.is_boundary(j):
            return None
        j -= 1
    return None


def _relation(view: SentenceView, entry: Entry, first: int, last: int, lex: Lexicon) -> list[Hit]:
    # a hostile noun stays hostile: "growing tensions", "the rift deepened" (the modifiers that
    # sign a neutral "relationship" say how much, not which way)
    sign = _relation_sign(view, first, last, lex) if entry.polarity >= 0 else None
    if sign is None and "needs_sign" in entry.options:
        return []          # "relations between X and Y" says nothing about their sign
    joint = any(view.lower[j] in JOINT_WORDS for j in range(max(0, first - 3), first))
    held = _held_by_subject(view, first, lex)
    pairs: Group | None = None
    pattern = ""
    # "tensions between X and Y (and Z)", "a reconciliation process between X, Y and Z"
    for j in range(last + 1, min(len(view.tokens), last + 4)):
        if view.lower[j] == "between" or view.lower[j] == "among":
            g = view.group_of.get(j + 1) or view.group_of.get(j + 2)
            if g is not None and len(g.actors) < 2:
                g = _article_pair(view, g)   # "between a Chinese and a Philippine vessel"
            if g is not None and len(g.actors) >= 2:
                pairs, pattern = g, "between"
            break
        if view.lower[j] not in ("process", "talks", "efforts", "relations", "ties"):
            break
    # "the X-Y N", "the joint US-Philippine exercises"
    if pairs is None:
        for j in range(first - 1, max(-1, first - 4), -1):
            g = view.group_of.get(j)
            if g is not None:
                if g.hyphen and len(g.actors) >= 2:
                    pairs, pattern = g, "hyphen"
                elif len(g.actors) >= 2 and (joint or "joint_only" not in entry.options) and j == first - 1:
                    pairs, pattern = g, "coordinated-modifier"
                break
            if view.is_boundary(j) or view.lower[j] in (",", "."):
                break
    hits: list[Hit] = []
    if pairs is not None:
        return [Hit(pairs.actors, pairs.actors, entry, (first, last), pattern, symmetric=True,
                    polarity=sign, indirect=pairs.indirect)]
    # "X's ties with Y", "X has a close relationship with Y", "X's war with Y"
    j = last + 1
    if j < len(view.tokens) and view.lower[j] in ("with", "to") and "joint_only" not in entry.options:
        target = view.group_of.get(j + 1) or view.group_of.get(j + 2)
        source = _possessor(view, first) or _subject(view, first)
        if target is not None and source is not None and source is not target:
            return [Hit(source.actors, target.actors, entry, (first, last), "relation-with",
                        symmetric=True, polarity=sign, indirect=source.indirect or target.indirect)]
    # "drills by Azerbaijan, Pakistan and Turkey", "X and Y held joint exercises"
    if j < len(view.tokens) and view.lower[j] == "by":
        g = view.group_of.get(j + 1) or view.group_of.get(j + 2)
        if g is not None and len(g.actors) >= 2:
            return [Hit(g.actors, g.actors, entry, (first, last), "by-group", symmetric=True,
                        polarity=sign, indirect=g.indirect)]
    if joint:
        for k in range(last + 1, min(len(view.tokens), last + 12)):
            g = view.group_of.get(k)
            if g is not None and len(g.actors) >= 2 and not view.governed_by_preposition(g):
                return [Hit(g.actors, g.actors, entry, (first, last), "joint-following",
                            symmetric=True, polarity=sign, indirect=g.indirect)]
            if g is not None or view.is_boundary(k):
                break
    subject = _subject(view, first)
    if subject is not None and len(subject.actors) >= 2 and (joint or held or "joint_only" not in entry.options) \
            and not _object_of_stance(view, first):
        hits.append(Hit(subject.actors, subject.actors, entry, (first, last), "coordinated-subject",
                        symmetric=True, polarity=sign, indirect=subject.indirect))
    return hits


def _article_pair(view: SentenceView, g: Group) -> Group:
    """"a Chinese and a Philippine vessel": the two groups an article keeps apart, as one pair
    (``g`` itself when no "and [a/an/the] GROUP" follows it)."""
    k = g.last + 1
    if k >= len(view.tokens) or view.lower[k] != "and":
        return g
    k += 1
    if k < len(view.tokens) and view.lower[k] in ("a", "an", "the"):
        k += 1
    other = view.group_of.get(k)
    if other is None or other is g:
        return g
    return Group(units=g.units + other.units)


def _held_by_subject(view: SentenceView, first: int, lex: Lexicon) -> bool:
    """A verb of holding right before the noun (a few modifiers between): "held naval drills",
    "launched ten days of war games"; the drills belong to the verb's subject."""
    for j in range(first - 1, max(-1, first - 6), -1):
        w = view.lower[j]
        if w in lex.joint_verbs:
            return True
        if view.is_boundary(j) or w in (",", ".") or j in view.unit_at or w in lex.trigger_words:
            return False
    return False


def _to_be_resolved(view: SentenceView, first: int, lex: Lexicon) -> bool:
    """"resolve all disputes", "settle their long border dispute": a conflict noun that is the
    object of a verb of resolving (a few determiners or modifiers between)."""
    for j in range(first - 1, max(-1, first - 5), -1):
        w = view.lower[j]
        if w in lex.resolution_verbs:
            return True
        if view.is_boundary(j) or w in (",", ".") or w in PREPOSITIONS or not w.isalpha() and w not in APOS:
            return False
    return False


def _object_of_stance(view: SentenceView, first: int) -> bool:
    """"X and Y objected to the deal", "protested against the treaty": the relation noun is what
    the subject reacts to, not a relation between X and Y."""
    j = first - 1
    while j >= 0 and j >= first - 4 and (view.lower[j] in DETERMINERS or view.lower[j].isalpha()
                                          and view.lower[j] not in PREPOSITIONS and j not in view.unit_at
                                          and not view.lower[j].endswith("ed")):
        j -= 1
    return j >= 0 and view.lower[j] in ("to", "against", "about", "over")


def _relation_sign(view: SentenceView, first: int, last: int, lex: Lexicon) -> int | None:
    """-1 for "strained ties" / "strained the relationship", +1 for "close relationship" or
    "the relationship is well established"; None when nothing says which."""
    window = view.lower[max(0, first - 4):first]
    if any(w in lex.negative_mods or w in lex.damaging_verbs for w in window):
        return -1
    if any(w in lex.positive_mods for w in window):
        return 1
    after = view.lower[last + 1:last + 7]
    if after and after[0] in BE_FORMS | {"has", "have", "had", "remains", "remained", "grew", "grow"}:
        predicate = after[1:]
        if any(w in lex.negative_mods or w in lex.damaging_verbs for w in predicate):
            return -1
        if any(w in lex.positive_mods for w in predicate):
            return 1
    # "the relationship between X and Y improved / has soured": the verb after the pair
    j = last + 1
    while j < len(view.tokens) and j <= last + 10 and (j in view.unit_at or view.lower[j] in
                                                        ("between", "among", "the", "and", ",")):
        j += 1
    if j > last + 1 and j < len(view.tokens):
        verb = view.lower[j + 1] if view.lower[j] in ("has", "have", "had") and j + 1 < len(view.tokens) \
            else view.lower[j]
        if verb in lex.damaging_verbs or verb in lex.worsening_verbs:
            return -1
        if verb in lex.improving_verbs:
            return 1
    return None


def _phrases(view: SentenceView, lex: Lexicon, prev_mentions: list[Mention]) -> list[Hit]:
    hits = []
    words = view.lower
    leads = _phrase_leads(lex)
    present = leads.keys() & set(words)   # the lead words in this sentence: usually none
    if not present:
        return hits
    positions: dict[str, list[int]] = {w: [] for w in present}
    for k, w in enumerate(words):
        if w in present:
            positions[w].append(k)
    entries = sorted(i for w in present for i in leads[w])
    for i in entries:               # in lexicon order, only the phrases whose lead word occurs
        entry = lex.phrases[i]
        pattern = entry.pattern
        lead = pattern[1] if pattern[0] == "{s}" else pattern[0]
        for k in positions.get(lead, ()):
            end, target = _match_phrase(view, pattern[1:] if pattern[0] == "{s}" else pattern, k)
            if end is None:
                continue
            subject = _subject(view, k)
            if subject is None:
                continue
            if "pair_subject" in entry.options:
                if len(subject.actors) >= 2:
                    hits.append(Hit(subject.actors, subject.actors, entry, (k, end), "phrase",
                                    symmetric=True, indirect=subject.indirect))
                continue
            if target is None and "target_from_context" in entry.options:
                others = [m.actor for m in prev_mentions if m.actor not in subject.actors]
                if others:
                    hits.append(Hit(subject.actors, [others[0]], entry, (k, end), "phrase-context",
                                    indirect=True))
                continue
            if target is not None and target is not subject:
                hits.append(Hit(subject.actors, target.actors, entry, (k, end), "phrase",
                                symmetric="symmetric" in entry.options,
                                indirect=subject.indirect or target.indirect))
    return hits


_PHRASE_LEADS: dict[int, tuple[list, dict[str, list[int]]]] = {}


def _phrase_leads(lex: Lexicon) -> dict[str, list[int]]:
    """lead word -> the numbers of the lexicon's phrases that it leads ("{s}" is skipped)."""
    cached = _PHRASE_LEADS.get(id(lex))
    if cached is None or cached[0] is not lex.phrases:
        leads: dict[str, list[int]] = {}
        for i, entry in enumerate(lex.phrases):
            pattern = entry.pattern
            leads.setdefault(pattern[1] if pattern[0] == "{s}" else pattern[0], []).append(i)
        cached = _PHRASE_LEADS[id(lex)] = (lex.phrases, leads)
    return cached[1]


def _match_phrase(view: SentenceView, pattern: tuple[str, ...], k: int):
    target = None
    j = k
    for item in pattern:
        if j >= len(view.tokens):
            return None, None
        if item == "{t}":
            # the target may follow a short noun phrase: "stand against the influence Iran presents"
            g, skipped = None, 0
            while j < len(view.tokens) and skipped <= 4:
                g = view.group_of.get(j)
                if g is not None or view.is_boundary(j) or view.lower[j] in (",", "."):
                    break
                j += 1
                skipped += 1
            if g is None:
                return None, None
            target = g
            j = g.last + 1
            continue
        if view.lower[j] != item:
            return None, None
        j += 1
    return j - 1, target


# -- the other party from earlier sentences --------------------------------------------------

CONTEXT_PATTERNS = {"context-attacker", "context-target", "context-source"}


def _interceptions(view: SentenceView, lex: Lexicon) -> list[Hit]:
    """"Ukrainian air defences shot down 40 drones": weapons whose owner the sentence does not
    name, downed by the subject; :func:`_from_context` makes their owner the side that last
    attacked the subject."""
    spec = lex.context
    if not spec or spec["weapons"].isdisjoint(view.lower):
        return []
    verbs = spec["interceptions"]
    if verbs.root.keys().isdisjoint(view.lower):
        return []
    hits = []
    k = 0
    while k < len(view.lower):
        match = verbs.longest_word_at(view.lower, k)
        if match is None:
            k += 1
            continue
        if _unowned_weapons_after(view, match.last, spec):
            subject = _subject(view, match.first)
            if subject is not None:
                hits.append(Hit(subject.actors, [], _synthetic(lex, match.surface, "INTERCEPT"),
                                (match.first, match.last), "context-attacker", indirect=True))
        k = match.last + 1
    return hits


def _unowned_weapons_after(view: SentenceView, k: int, spec: dict) -> bool:
    """A weapon noun follows ``k`` within a few words ("jammed 549 drones", "shot down most of
    the incoming missiles"), with no actor before it ("shot down Iranian drones" names the
    owner: the usual patterns read that)."""
    j = k + 1
    while j < min(len(view.lower), k + 10):
        w = view.lower[j]
        if j in view.unit_at or view.is_boundary(j):
            return False
        if w in spec["weapons"]:
            return True
        if w in spec["fillers"] or w.replace(",", "").isdigit():
            j += 1
            continue
        again = spec["interceptions"].longest_word_at(view.lower, j)   # "destroyed and jammed 549 drones"
        if again is None:
            return False
        j = again.last + 1
    return False


def _from_context(doc: Document, hits: list[Hit], before: list[Interaction], index: int,
                  lex: Lexicon) -> list[Hit]:
    """Complete the hits that lack a party (patterns ``CONTEXT_PATTERNS``) from ``before``, the
    interactions of earlier sentences, at most ``context.lookback`` sentences back; a hit with
    no such antecedent is dropped.

    * ``context-attacker`` ("retaliate", downed weapons): the source of the last hostile act
      against the subject's side, by another side;
    * ``context-target`` ("the US is lifting sanctions"): the target of the last act of the
      same type by the source's side;
    * ``context-source`` ("Sudanese officers will face sanctions"): the source of the last act
      of the same type against the target's side.
    """
    if not any(h.pattern in CONTEXT_PATTERNS for h in hits):
        return hits
    from graph.extract.stance import _side

    spec = lex.context
    recent = [i for i in reversed(before) if spec and index - i.sentence <= spec["lookback"]
              and i.modality in ("Asserted", "Reported")]
    out = []
    for h in hits:
        if h.pattern not in CONTEXT_PATTERNS:
            out.append(h)
            continue
        known = h.target if h.pattern == "context-source" else h.source
        sides = {_side(doc, a) for a in known}
        for i in recent:
            if h.pattern == "context-attacker":
                fits = i.event_type in spec["hostile"] and i.polarity < 0
                mine, other = i.target, i.source
            elif h.pattern == "context-target":
                fits, mine, other = i.event_type == h.entry.event_type, i.source, i.target
            else:
                fits, mine, other = i.event_type == h.entry.event_type, i.target, i.source
            if fits and _side(doc, mine) in sides and _side(doc, other) not in sides:
                if h.pattern == "context-source":
                    out.append(replace(h, source=[other]))
                else:
                    out.append(replace(h, target=[other]))
                break
    return out


# -- from hits to interactions ----------------------------------------------------------------

def _to_interactions(view: SentenceView, hits: list[Hit], lex: Lexicon) -> list[Interaction]:
    out = []
    for hit in hits:
        polarity = hit.polarity if hit.polarity is not None else hit.entry.polarity
        event_type = hit.entry.event_type
        if hit.reversed:
            event_type = "CONCEDE" if polarity > 0 else "REJECT"
        elif hit.polarity == -1 and hit.entry.polarity == 1:
            event_type = "RIVALRY"
        t_first, t_last = hit.trigger
        start, end = view.tokens[t_first].start, view.tokens[t_last].end
        m_first, m_last = hit.modality_at or hit.trigger
        modality, cue = modality_for(view, m_first, m_last, lex, hit.entry.kind)
        if hit.requested and modality in ("Asserted", "Reported"):
            modality = "Hypothetical"     # "X asked Y to oppose Z": Y has not acted (yet)
        elif modality in ("Recommended", "Hypothetical", "Negated") and polarity < 0 \
                and hit.entry.kind == "relation" and _to_be_resolved(view, t_first, lex):
            modality = "Asserted"         # "X and Y should settle their dispute": it exists
        if hit.symmetric:
            pairs = list(permutations(dict.fromkeys(hit.source + hit.target), 2)) \
                if hit.source == hit.target else \
                [(s, t) for s in hit.source for t in hit.target] + [(t, s) for s in hit.source for t in hit.target]
        else:
            pairs = [(s, t) for s in hit.source for t in hit.target]
        refusal = modality == "Negated" and cue in REFUSALS and polarity > 0
        for s, t in pairs:
            if s == t:
                continue
            conf = confidence_for(hit.pattern, modality, indirect=hit.indirect,
                                  distance=abs(t_first - _nearest(view, s, t_first)))
            out.append(Interaction(source=s, target=t, event_type=event_type, polarity=polarity,
                                   modality=modality, sentence=view.sentence.index, start=start,
                                   end=end, trigger=view.doc.text[start:end], confidence=conf))
            if refusal:
                # "X refused to meet Y": the meeting did not happen (Negated), and the refusal
                # itself is an asserted rejection of Y
                out.append(Interaction(source=s, target=t, event_type="REJECT",
                                       polarity=lex.polarity["REJECT"], modality="Asserted",
                                       sentence=view.sentence.index, start=start, end=end,
                                       trigger=view.doc.text[start:end], confidence=conf))
    return out


def _nearest(view: SentenceView, actor: str, k: int) -> int:
    """The first token of the unit naming ``actor`` nearest to ``k`` (the earlier on a tie),
    else ``k``."""
    firsts = _unit_firsts(view).get(actor)
    if not firsts:
        return k
    i = bisect_left(firsts, k)     # firsts[i - 1] < k <= firsts[i]
    before = firsts[i - 1] if i else None
    after = firsts[i] if i < len(firsts) else None
    if before is None or after is not None and after - k < k - before:
        return after
    return before


def _unit_firsts(view: SentenceView) -> dict[str, list[int]]:
    """actor -> the first tokens of the units naming it, ascending; made once per view."""
    firsts = getattr(view, "_unit_firsts", None)
    if firsts is None:
        firsts = {}
        for u in view.units:
            for actor in dict.fromkeys(u.actors):
                firsts.setdefault(actor, []).append(u.first)
        view._unit_firsts = firsts
    return firsts


def _dedupe(items: list[Interaction]) -> list[Interaction]:
    """One interaction per (sentence, source, target, type, modality): the most confident."""
    best: dict[tuple, Interaction] = {}
    for it in items:
        key = (it.sentence, it.source, it.target, it.event_type, it.modality)
        if key not in best or it.confidence > best[key].confidence:
            best[key] = it
    return sorted(best.values(), key=lambda i: (i.sentence, i.start, i.source, i.target, i.event_type))


# -- the speaker's "we" and the other side's "they" -------------------------------------------

FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
THIRD_PLURAL = {"they", "them", "their", "theirs"}
#: How many sentences back "they" in "they wanted us ..." looks for the other side.
COUNTERPART_LOOKBACK = 2


def speaker_pronoun_interactions(doc: Document, lexicon: Lexicon | None = None,
                                 views: dict | None = None) -> Document:
    """Add the interactions whose party is a plural pronoun of attributed speech.

    Runs after the claims, which know who speaks in each sentence. In a sentence spoken by one
    side, "we"/"us"/"our" stand for the speaker's side ("“We call on Chile and Peru to talk,”
    the Brazilian spokesman said": Brazil -> Chile, Peru); "they"/"them" in a sentence that also
    says "we"/"us" stand for the other side, the last actor of another side named in the
    sentence or the ``COUNTERPART_LOOKBACK`` sentences before ("They wanted us to give in");
    and "they" right after the speech verb ("the Kurdish envoy said they would resist") is the
    speaker's own side. Only interactions that need one of these pronouns are added.
    ``views``: the sentence views the other extractors made (see :func:`sentence_view`).
    """
    from graph.extract.stance import speaker_side

    lex = lexicon or load_lexicon()
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    speakers: dict[int, list[str]] = {}
    cues: dict[int, set[str]] = {}
    for c in doc.claims:
        if c.claimant != "AUTHOR":
            speakers.setdefault(c.sentence, [])
            if c.claimant not in speakers[c.sentence]:
                speakers[c.sentence].append(c.claimant)
            cues.setdefault(c.sentence, set()).add(c.cue.lower())
    added: list[Interaction] = []
    for index, who in speakers.items():
        sides = {speaker_side(doc, s) for s in who}
        if len(sides) != 1 or index >= len(doc.sentences):
            continue          # several sides speak: "we" could be any of them
        side = sides.pop()
        sentence = doc.sentences[index]
        mentions = by_sentence.get(index, [])
        pronouns = _plural_pronouns(doc, sentence, mentions, side, cues.get(index, set()), by_sentence)
        if not pronouns:
            continue
        before = {_key(i) for i in _sentence_interactions(sentence_view(doc, sentence, mentions, views),
                                                          lex, by_sentence)}
        # not kept in ``views``: the pronoun mentions exist only for this comparison
        after = _sentence_interactions(SentenceView(doc, sentence, mentions + pronouns), lex, by_sentence)
        new = [i for i in after if _key(i) not in before]
        added += new
        others = [m.actor for m in pronouns if m.text.lower() in THIRD_PLURAL and m.actor != side]
        if others:
            _claims_about_the_other_side(doc, sentence_view(doc, sentence, mentions, views), others, new)
    doc.interactions = _dedupe(doc.interactions + added)
    return doc


def _claims_about_the_other_side(doc: Document, view: SentenceView, others: list[str],
                                 found: list[Interaction]) -> None:
    """"“What they did to us is illegal,” the Chilean spokesman said": the sentence's claims are
    also about the side "they" stands for; a neutral claim takes its stance again, now that the
    other side is known (from the new interactions, else the stance words of its content)."""
    from graph.extract.claims import _stance, load_claim_lexicon, quote_regions

    clex = load_claim_lexicon()
    sentence = view.sentence
    present = doc.interactions
    # the quoted words are what "they" and "we" belong to
    quoted = [(sentence.start + a, sentence.start + b) for a, b in quote_regions(sentence.text)]
    for c in doc.claims:
        if c.sentence != sentence.index or c.claimant == "AUTHOR":
            continue
        c.about = c.about + [a for a in dict.fromkeys(others) if a not in c.about]
        if c.stance == 0:
            spans = quoted or [(c.start, c.end)]
            words = [t.text.lower() for t in view.tokens if any(a <= t.start < b for a, b in spans)]
            doc.interactions = present + found
            c.stance = _stance(doc, view, others, words, clex, {c.claimant})
            doc.interactions = present


def _key(i: Interaction) -> tuple:
    return (i.source, i.target, i.event_type, i.polarity, i.modality)


def _sentence_interactions(view: SentenceView, lex: Lexicon,
                           by_sentence: dict[int, list[Mention]]) -> list[Interaction]:
    previous = by_sentence.get(view.sentence.index - 1, [])
    return _to_interactions(view, _hits(view, lex, previous), lex)


def _plural_pronouns(doc: Document, sentence, mentions: list[Mention], side: str, cues: set[str],
                     by_sentence: dict[int, list[Mention]]) -> list[Mention]:
    """Mentions for the sentence's "we"/"us"/"our" (the speaker's side) and "they"/"them"."""
    taken = {(m.start, m.end) for m in mentions}
    tokens = tokenize(sentence.text, sentence.start)
    words = [t.text.lower() for t in tokens]
    out = _our_two_sides(doc, sentence, mentions, side, tokens, words, by_sentence)
    paired = {m.start for m in out}
    ours = [t for t, w in zip(tokens, words) if w in FIRST_PLURAL and (t.start, t.end) not in taken
            and t.start not in paired]
    out += [Mention(t.start, t.end, t.text, side, sentence.index, "pronoun") for t in ours]
    for k, (t, w) in enumerate(zip(tokens, words)):
        if w not in THIRD_PLURAL or (t.start, t.end) in taken:
            continue
        if ours:
            other = _counterpart(doc, sentence, mentions, side, t.start, by_sentence)
            if other is not None:
                out.append(Mention(t.start, t.end, t.text, other, sentence.index, "pronoun"))
        elif w == "they" and _after_speech_cue(words, k, cues):
            out.append(Mention(t.start, t.end, t.text, side, sentence.index, "pronoun"))
    return out


#: "our two sides", "our two countries": the speaker's side and the other side named last
OUR_PAIR_NOUNS = {"sides", "countries", "nations", "states", "governments", "peoples"}
#: How many sentences back "our two sides" looks for the other side (a quotation often runs on
#: for a few sentences after the other side was named).
OUR_PAIR_LOOKBACK = 4


def _our_two_sides(doc: Document, sentence, mentions: list[Mention], side: str, tokens, words,
                   by_sentence: dict[int, list[Mention]]) -> list[Mention]:
    """Two mentions (the speaker's side and the counterpart) over each "our two sides" / "our
    two countries" of a spoken sentence."""
    out = []
    for k in range(len(words) - 2):
        if words[k] == "our" and words[k + 1] == "two" and words[k + 2] in OUR_PAIR_NOUNS:
            other = _only_other_side(doc, sentence, mentions, side, tokens[k].start, by_sentence)
            if other is not None:
                start, end = tokens[k].start, tokens[k + 2].end
                out += [Mention(start, end, doc.text[start:end], key, sentence.index, "pronoun")
                        for key in (side, other)]
    return out


def _only_other_side(doc: Document, sentence, mentions: list[Mention], side: str, before: int,
                     by_sentence: dict[int, list[Mention]]) -> str | None:
    """The one side other than ``side`` named in this sentence before ``before`` or in the
    ``OUR_PAIR_LOOKBACK`` sentences before it; None when there are several (or none)."""
    from graph.extract.stance import _side

    pool = [m for i in range(sentence.index - OUR_PAIR_LOOKBACK, sentence.index)
            for m in by_sentence.get(i, [])] + [m for m in mentions if m.end <= before]
    others = {_side(doc, m.actor) for m in pool} - {side}
    others = {x for x in others if not x.startswith("person/")}
    return others.pop() if len(others) == 1 else None


def _after_speech_cue(words: list[str], k: int, cues: set[str]) -> bool:
    """"said they would", "said that they": the pronoun opens the reported clause."""
    j = k - 1
    if j >= 0 and words[j] == "that":
        j -= 1
    return j >= 0 and words[j] in cues


def _counterpart(doc: Document, sentence, mentions: list[Mention], side: str, before: int,
                 by_sentence: dict[int, list[Mention]]) -> str | None:
    """The side of the last actor named before ``before`` (in this sentence or the
    ``COUNTERPART_LOOKBACK`` before it) that is not ``side``: the other party."""
    from graph.extract.stance import _side

    pool = [m for i in range(sentence.index - COUNTERPART_LOOKBACK, sentence.index)
            for m in by_sentence.get(i, [])]
    pool += [m for m in mentions if m.end <= before]
    for m in sorted(pool, key=lambda m: m.start, reverse=True):
        other = _side(doc, m.actor)
        if other != side and not other.startswith("person/"):
            return other
    return None
