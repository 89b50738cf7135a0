"""Attributed statements (:class:`~graph.model.Claim`): who says what about whom.

A claim is found in four ways, all over the tokens of :class:`~graph.extract.interactions.SentenceView`:

* a speech or cognition verb (``lexicon/claims.yaml``) whose speaker is an actor: the subject
  ("Tehran accused Baku ..."), the agent of a passive ("the move announced by X"), the name after
  an inverted verb ("..., said X"), a pronoun ("he added" -> the last person named), a surname
  ("Geng said" -> the person named "Geng Shuang" earlier) or a description ("the ministry said"
  -> the last actor with "Ministry" in its name);
* "according to X";
* quotations: every sentence of a quotation that runs over several sentences belongs to the
  speaker the quotation is attributed to ("“...,” X said"; "X said: “...");
* the document's own recommendations ("X should ...", "it will be essential for X to ...",
  "X would be well advised to ...") in a sentence that attributes nothing to anyone: the
  claimant is ``"AUTHOR"``, which :mod:`graph.rdf` writes as the document's creator actor (else
  its publisher actor, see :func:`document_agents`).

Each claim's ``about`` are the actors named in the sentence outside the speaker phrase, the
side a person speaks for, and a state speaker itself when its content names it again ("Iran
says it needs ..."). When the content names nobody but the speaker's side, the claim takes
its topic from context (see :func:`_context_about`): the rest of its quotation, the
participants of the event that "the attack" / "the deal" refers to, else up to three earlier
sentences; the sentence then gives no evidence of a stance, which stays 0. Otherwise
``stance`` comes from the signed interactions of the sentence toward those actors, else from
stance words of the content, else 0 (also 0 for a closing neutral source of reported facts:
"..., officials said on Monday"). ``modality`` is read from the content's main clause.
``label`` is the content span (the "that" clause, the quotation, the part before a closing
"X said on Tuesday", or the rest of the sentence), at most 200 characters.

>>> from graph.pipeline import process_text
>>> doc = process_text("Iran accused Azerbaijan of hosting Israeli spies.")
>>> [(c.claimant, c.about, c.stance) for c in doc.claims]
[('IRN', ['AZE', 'ISR'], -1)]
"""

from __future__ import annotations

import bisect
import re
from itertools import islice
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.extract.lexicon import inflect
from graph.model import Actor, Claim, Document, Mention
from graph.resources import lexicon_path, load_yaml

AUTHOR = "AUTHOR"
MAX_LABEL = 200
OPEN_QUOTES = {"“", "«", "„"}
CLOSE_QUOTES = {"”", "»"}
QUOTE_CHARS = OPEN_QUOTES | CLOSE_QUOTES | {'"', "‘", "’", "'"}
_STOP = {";", "—", "–", "(", ")", "?", "!", "but", "while", "whereas", "although", "though",
         "because", "however", "if", "unless", "until", "when", "since", "after", "before",
         "which", "whom", "whose", "where"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those",
                "such", "any", "no", "my", "your"}
_SKIP_AFTER = {"the", "a", "an", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "prof", "prof."}
_FIRST_PLURAL = {"we", "our", "us", "ours"}
_GENERIC_FOLDERS = {"", ".", "..", "docs", "doc", "documents", "articles", "article", "data",
                    "input", "inputs", "corpus", "files", "txt", "html", "raw", "tmp", "text",
                    "texts", "src", "in", "pages"}


# -- lexicon -----------------------------------------------------------------------------------

@dataclass
class ClaimLexicon:
    verbs: dict[str, tuple[str, str]] = field(default_factory=dict)   # surface -> (lemma, form)
    needs_object: dict[str, frozenset] = field(default_factory=dict)
    according: list[tuple[str, ...]] = field(default_factory=list)
    recommend: list[tuple[str, ...]] = field(default_factory=list)
    negative: frozenset = frozenset()
    positive: frozenset = frozenset()
    role_nouns: frozenset = frozenset()
    person_pronouns: frozenset = frozenset()
    group_pronouns: frozenset = frozenset()
    not_before: dict[str, frozenset] = field(default_factory=dict)
    participle_before: dict[str, frozenset] = field(default_factory=dict)
    noun_like: frozenset = frozenset()
    no_passive: frozenset = frozenset()
    hypothetical: list[tuple[str, ...]] = field(default_factory=list)
    negated: list[tuple[str, ...]] = field(default_factory=list)


def _word(w) -> str:
    """YAML 1.1 reads a bare on/off as a boolean: map it back."""
    if isinstance(w, bool):
        return "on" if w else "off"
    return str(w).lower()


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.lower().replace("’", "'").split())


def _form(lemma: str, surface: str) -> str:
    if surface.endswith("ing"):
        return "ing"
    if surface == lemma:
        return "base"
    if surface.endswith("s") and not surface.endswith("ss"):
        return "s"
    return "ed"


@lru_cache(maxsize=1)
def load_claim_lexicon() -> ClaimLexicon:
    data = load_yaml(lexicon_path("claims.yaml"))
    mod = load_yaml(lexicon_path("modality.yaml"))
    lex = ClaimLexicon()
    irregular = data.get("irregular", {}) or {}
    lemmas = list(dict.fromkeys(data["speech_verbs"] + list((data.get("needs_object") or {}).keys())))
    for lemma in lemmas:
        forms = irregular.get(lemma) or inflect(lemma)
        if lemma == "object":
            forms = ["object", "objects", "objected", "objecting"]
        for f in forms:
            lex.verbs.setdefault(f, (lemma, _form(lemma, f)))
    lex.needs_object = {k: frozenset(_word(w) for w in v)
                        for k, v in (data.get("needs_object") or {}).items()}
    lex.not_before = {k: frozenset(_word(w) for w in v)
                      for k, v in (data.get("not_before") or {}).items()}
    lex.participle_before = {k: frozenset(_word(w) for w in v)
                             for k, v in (data.get("participle_before") or {}).items()}
    lex.noun_like = frozenset(data.get("noun_like", []))
    lex.no_passive = frozenset(data.get("no_passive", []))
    lex.according = [_phrase(p) for p in data.get("according", [])]
    lex.recommend = sorted({_phrase(p) for p in data.get("recommend", [])}, key=len, reverse=True)
    stance = data.get("stance", {})
    lex.negative = frozenset(stance.get("negative", []))
    lex.positive = frozenset(stance.get("positive", []))
    lex.role_nouns = frozenset(data.get("role_nouns", []))
    lex.person_pronouns = frozenset(data.get("person_pronouns", ["he", "she"]))
    lex.group_pronouns = frozenset(data.get("group_pronouns", ["they", "it"]))
    lex.hypothetical = [_phrase(p) for p in mod.get("hypothetical", [])]
    lex.negated = [_phrase(p) for p in mod.get("negated", [])]
    return lex


# -- the document's author and publisher --------------------------------------------------------

def _split_names(value: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|&|\band\b|/)\s*", value)
    return [p.strip(" .") for p in parts if p and len(p.strip(" .")) > 1]


def publisher_name(doc: Document) -> str | None:
    """The publisher: from the metadata (or ``--publisher``), else the folder the file is in.

    A generic folder name ("docs", "articles", "data" ...) gives way to its parent's name, so
    ``corpus/responsible-statecraft/docs/x.txt`` is published by "responsible-statecraft".
    Text that is not a file (``<text>``, URLs) has no folder and so no fallback.
    """
    if doc.publisher:
        return doc.publisher
    src = doc.source or ""
    if not src or src.startswith("<") or "://" in src:
        return None
    path = Path(src)
    folders = [p.name for p in path.resolve().parents][:2] if path.parent != Path("") or path.exists() else []
    for name in folders:
        if name.lower() not in _GENERIC_FOLDERS:
            return name
    return folders[0] if folders and folders[0] else None


def document_agents(doc: Document) -> tuple[list[Actor], Actor | None]:
    """(creators, publisher) of ``doc`` as actors: ``person/<slug>`` and ``org/<slug>`` keys."""
    from graph.iris import slug

    creators = []
    if doc.creator:
        for name in _split_names(doc.creator):
            creators.append(Actor(id="person/" + slug(name), type="Person", label=name))
    pub = publisher_name(doc)
    publisher = Actor(id="org/" + slug(pub), type="Organization", label=pub) if pub else None
    return creators, publisher


def author_key(doc: Document) -> str | None:
    """The actor key that stands for the document's own voice: first creator, else publisher."""
    creators, publisher = document_agents(doc)
    if creators:
        return creators[0].id
    return publisher.id if publisher else None


def add_document_agents(doc: Document) -> None:
    """Put the creator and publisher actors into ``doc.actors`` (the actor graph)."""
    creators, publisher = document_agents(doc)
    for a in [*creators, *([publisher] if publisher else [])]:
        doc.actors.setdefault(a.id, a)


# -- quotations --------------------------------------------------------------------------------

def quote_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation: curly or straight double quotes, within a paragraph.

    A quotation left open at the end of a paragraph ends there (the next paragraph may reopen it).
    """
    regions = []
    for para in re.finditer(r"[^\n]+", text):
        p, base = para.group(), para.start()
        open_at = None
        for mark in _QUOTE_MARK.finditer(p):     # only the quote marks, not every character
            i, ch = mark.start(), mark.group()
            if ch in OPEN_QUOTES:
                if open_at is None:
                    open_at = i
            elif ch in CLOSE_QUOTES:
                if open_at is not None:
                    regions.append((base + open_at, base + i + 1))
                    open_at = None
            elif ch == '"':
                if open_at is None:
                    open_at = i
                else:
                    regions.append((base + open_at, base + i + 1))
                    open_at = None
        if open_at is not None and len(p) - open_at > 20:
            regions.append((base + open_at, base + len(p)))
    return regions


_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(OPEN_QUOTES | CLOSE_QUOTES | {'"'}))) + "]")


class _Quotes:
    def __init__(self, regions):
        self.regions = regions
        self.starts = [r[0] for r in regions]

    def containing(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.regions[i][0] < offset < self.regions[i][1] - 1:
            return self.regions[i]
        return None


# -- extraction --------------------------------------------------------------------------------

@dataclass
class _Found:
    speakers: list[str]
    sentence: int
    cue: str
    cue_start: int
    cue_end: int
    content: tuple[int, int]
    exclude: set = field(default_factory=set)     # token indices of the speaker phrase
    region: tuple[int, int] | None = None


def extract_claims(doc: Document, lex: ClaimLexicon | None = None,
                   views: dict | None = None) -> Document:
    """Fill ``doc.claims`` (sentences and mentions must be present; interactions help stance).

    ``views``: sentence views already made (by the interactions), reused where their mentions
    are the same.
    """
    from graph.extract.interactions import sentence_view

    lex = lex or load_claim_lexicon()
    add_document_agents(doc)
    quotes = _Quotes(quote_regions(doc.text))
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    ctx = _Context(doc, lex)
    made, views = views, {}
    found: list[_Found] = []
    for s in doc.sentences:
        view = sentence_view(doc, s, by_sentence.get(s.index, []), made)
        views[s.index] = view
        for f in _speech(view, lex, quotes, ctx):
            found.append(f)
            ctx.last_claim = (s.index, f.speakers)
    found += _quoted(doc, views, quotes, found)
    claims = []
    for f in found:
        base, self_named = _claim(doc, views[f.sentence], f, lex)
        for who in f.speakers:
            # co-speakers ("France's Macron and Germany's Merz condemned ...") are not what the
            # claim is about, unless its content names them
            others = _own_sides(doc, [x for x in f.speakers if x != who]) - _own_sides(doc, [who])
            about = [a for a in base.about
                     if (a != who or (who in self_named and not ctx.is_person(who)))
                     and (a not in others or a in self_named)]
            claims.append(Claim(claimant=who, about=about or [a for a in base.about if a not in others],
                                stance=base.stance, modality=base.modality, sentence=base.sentence,
                                start=base.start, end=base.end, label=base.label, cue=base.cue))
    claimed = {c.sentence for c in claims}
    for s in doc.sentences:
        if s.index in claimed:
            continue
        c = _recommendation(doc, views[s.index], lex, quotes)
        if c is not None:
            claims.append(c)
    claims = [c for c in claims if len(re.findall(r"[A-Za-z]{2,}", c.label)) >= 2]
    doc.claims = _dedupe(claims)
    return doc


class _Context:
    """What earlier sentences said: the persons named so far and the last speaker."""

    def __init__(self, doc: Document, lex: ClaimLexicon):
        self.doc = doc
        self.lex = lex
        named = [m for m in doc.mentions if m.via != "pronoun"]
        named.sort(key=lambda m: m.start)
        self.named = named
        self.named_starts = [m.start for m in named]
        self.last_claim: tuple[int, list[str]] | None = None

    def new_person(self, view, first: int, last: int) -> str:
        """An actor for a speaker the linker did not know: ``person/<slug>``."""
        from graph.iris import slug

        toks = [t for t in view.tokens[first:last + 1] if t.text not in _NAME_TITLES]
        name = self.doc.text[toks[0].start:toks[-1].end]
        key = "person/" + slug(name)
        if key not in self.doc.actors:
            self.doc.actors[key] = Actor(id=key, type="Person", label=name)
        m = Mention(toks[0].start, toks[-1].end, name, key, view.sentence.index, "name")
        i = bisect.bisect_left(self.named_starts, m.start)
        self.named.insert(i, m)
        self.named_starts.insert(i, m.start)
        return key

    def actor(self, key: str) -> Actor | None:
        return self.doc.actors.get(key)

    def is_person(self, key: str) -> bool:
        a = self.actor(key)
        return a is not None and a.type == "Person"

    def before(self, offset: int):
        i = bisect.bisect_left(self.named_starts, offset)
        return reversed(self.named[:i])

    def last_person(self, offset: int) -> str | None:
        for m in self.before(offset):
            if self.is_person(m.actor):
                return m.actor
        return None

    def surname(self, word: str, offset: int) -> str | None:
        """A person named earlier (or later in the same document) whose name has ``word``."""
        if len(word) < 3 or not word[:1].isupper():
            return None
        for m in list(self.before(offset)) + self.named:
            if not self.is_person(m.actor):
                continue
            a = self.actor(m.actor)
            names = [a.label, *a.alt_labels, m.text] if a else [m.text]
            if any(word in n.replace(".", " ").split() for n in names):
                return m.actor
        return None

    def role(self, noun: str, offset: int) -> str | None:
        for m in self.before(offset):
            a = self.actor(m.actor)
            label = (a.label if a else m.text).lower()
            if noun in label.split() or noun in m.text.lower().split():
                return m.actor
        return None

    def last_speakers(self, sentence: int, persons: bool) -> list[str] | None:
        if self.last_claim is None or sentence - self.last_claim[0] > 2:
            return None
        who = self.last_claim[1]
        if persons == all(self.is_person(w) for w in who if w != AUTHOR):
            return who
        return None


_MODALS = {"to", "should", "must", "would", "could", "will", "may", "might", "can", "cannot",
           "shall", "ought", "let", "not"}
_ADVERBS = {"also", "still", "repeatedly", "publicly", "openly", "strongly", "sharply", "further",
            "again", "already", "recently", "previously", "initially", "later", "then", "now",
            "reportedly", "allegedly", "officially", "directly", "explicitly", "firmly", "quickly",
            "clearly", "jointly", "separately", "has", "have", "had", "was", "were", "is", "are",
            "be", "been", "being", "did", "does", "do", "long", "often", "once", "never", "even"}
_BE = {"is", "are", "was", "were", "be", "been", "being", "feel", "feels", "felt", "get", "gets",
       "got", "become", "became", "seem", "seems", "seemed"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"}
_NEXT_OK = {"that", "to", "on", "for", "the", "a", "an", "it", "its", "he", "she", "they", "we",
            "this", "these", "those", ":", "“", '"', "his", "her", "their", "with", "about",
            "against", "in", "at", "him", "them", "us", "there", "no", "not"}


def _speech(view, lex: ClaimLexicon, quotes: _Quotes, ctx: _Context) -> list[_Found]:
    out = []
    words = view.lower
    n = len(words)
    according = _first_words(lex.according)
    # only a speech verb or the first word of "according to" can start a report: visit those
    visit = range(n) if according is None else \
        [k for k, w in enumerate(words) if w in according or w in lex.verbs]
    k = 0        # the next word that may start one
    for at in visit:
        if at < k:
            continue
        k = at
        tok = view.tokens[k]
        # "according to X"
        acc = _phrase_at(words, k, lex.according) if according is None or words[k] in according \
            else None
        if acc and quotes.containing(tok.start) is None:
            end = k + len(acc)
            who, span = _right_speaker(view, end - 1, ctx, lex)
            if who:
                content = _content_around(view, k, end + len(span), quotes)
                out.append(_Found(who, view.sentence.index, " ".join(acc), tok.start,
                                  view.tokens[end - 1].end, content, set(span)))
                k = end
                continue
        entry = lex.verbs.get(words[k])
        if entry is None or k in view.unit_at or quotes.containing(tok.start) is not None \
                or not _is_speech_verb(view, k, entry, lex):
            k += 1
            continue
        lemma, form = entry
        who, span = _speaker(view, k, form, ctx, lex, quotes, lemma)
        if who:
            content = _content(view, k, span, quotes)
            out.append(_Found(who, view.sentence.index, tok.text, tok.start, tok.end, content,
                              set(span), quotes.containing(content[0] + 1)
                              or quotes.containing(content[1] - 2)))
        k += 1
    return out


def _is_speech_verb(view, k: int, entry, lex: ClaimLexicon) -> bool:
    """Filters for a speech-verb form at ``k`` that is really a finite speech act."""
    words = view.lower
    lemma, form = entry
    tok = view.tokens[k]
    if k > 0 and not tok.text[:1].islower():
        return False                 # a capitalised word inside a sentence is a name
    prev = k - 1
    while prev >= 0 and words[prev] in _ADVERBS - {"not"}:
        prev -= 1
    if prev >= 0 and words[prev] in _MODALS:
        return False                 # "should deny", "to ask": not a report of a speech act
    if k > 0 and words[k - 1] in _DETERMINERS | {"'s", "’s"}:
        return False                 # a noun: "the claims", "his call"
    nxt = words[k + 1] if k + 1 < len(words) else ""
    if lemma in lex.not_before and nxt in lex.not_before[lemma]:
        return False                 # "added to", "points to"
    if form == "ed" and nxt in lex.participle_before.get(lemma, ()) and not (
            k > 0 and ((k - 1) in view.unit_at or words[k - 1] in _PRONOUNS - {"that", "which", "who"})):
        return False                 # "others accused of spying": no speaker
    if lemma in lex.needs_object and not any(w in lex.needs_object[lemma] for w in words[k + 1:k + 4]) \
            and not ("as" in lex.needs_object[lemma] and "as" in words[k + 1:k + 7]):
        return False                 # "sees the move as ...": "as" may come a little later
    before = words[prev] if prev >= 0 else ""
    subject_like = prev >= 0 and (prev in view.unit_at or before in _PRONOUNS or before in _ROLE_OF
                                  or before in lex.role_nouns)
    if form == "ing" and not (subject_like or before == "," or before == "and" and nxt == "that"):
        return False                 # "threatening military drills": an adjective (but "... by
        #                              omitting X and stressing that ..." is the subject's speech)
    if form in ("base", "s") and lemma in lex.noun_like and not subject_like:
        return False                 # "irredentist calls for": a noun
    if form in ("base", "s") and lemma in lex.noun_like:
        # "state media", "an independent state", "claims need": nouns, not verbs
        if any(words[j] in _DETERMINERS for j in range(max(0, k - 2), k)):
            return False
        if nxt not in _NEXT_OK and (k + 1) not in view.unit_at:
            return False
    if form == "ed" and lemma in lex.no_passive and any(words[j] in _BE for j in range(max(0, k - 2), k)):
        return False                 # "feels threatened by", "was seen as"
    return True


_FIRST_WORDS: dict[int, tuple[list, frozenset | None]] = {}


def _first_words(phrases: list[tuple[str, ...]]) -> frozenset | None:
    """The first words of ``phrases`` (None when one is empty: it starts anywhere)."""
    cached = _FIRST_WORDS.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        firsts = None if any(not p for p in phrases) else frozenset(p[0] for p in phrases)
        cached = _FIRST_WORDS[id(phrases)] = (phrases, firsts)
    return cached[1]


def _phrase_at(words, k, phrases):
    first = words[k] if k < len(words) else None
    for p in phrases:
        # the first word decides for most phrases: compare it before slicing
        if p and p[0] != first:
            continue
        if tuple(words[k:k + len(p)]) == p:
            return p
    return None


_ROLE_OF = {"head", "spokesman", "spokeswoman", "spokesperson", "minister", "leader",
            "president", "chief", "secretary", "director", "ambassador", "envoy", "officials",
            "official", "member", "members", "representative", "representatives", "premier",
            "commander", "general", "mayor", "governor", "chairman", "speaker"}


def _main_subject(view, before: int):
    """The first group of the sentence, before token ``before``, that no preposition governs
    (after a dateline "LIMA:" and an opening phrase "In what was seen as a snub to X, ...")."""
    from graph.extract.interactions import opening_end

    begin = opening_end(view)
    for g in view.groups:
        if g.first >= before:
            break
        if g.first >= begin and view.governed_by_preposition(g) is None:
            return g
    return None


def _speaker(view, k: int, form: str, ctx: _Context, lex: ClaimLexicon, quotes: _Quotes,
             lemma: str = ""):
    """(actor keys, token indices of the speaker phrase) of the speech verb at token ``k``."""
    words = view.lower
    n = len(words)
    # passive: "the move announced on Monday by X"
    if form == "ed":
        for j in range(k + 1, min(n, k + 6)):
            if words[j] == "by":
                i = j + 1
                while i < n and words[i] in _DETERMINERS and i <= j + 2:
                    i += 1
                if i in view.group_of:
                    actors, first, last = _who(view, i)
                    return actors, list(range(first, last + 1))
                break
            if words[j] in (",", ".") or view.is_boundary(j) or words[j] in _BE or words[j] in _PRONOUNS:
                break             # "said it was moved by X": "by" belongs to another verb
    j = k - 1
    while j >= 0 and k - j <= 14:
        w = words[j]
        tok = view.tokens[j]
        if w in ("however", "though", "meanwhile", "too") and 0 < j < n - 1 and words[j - 1] == "," \
                and words[j + 1] == ",":
            j -= 2                # "Peru, however, said": a parenthetical adverb, not a clause
            continue
        if w in _STOP or w == ":" or tok.text in QUOTE_CHARS and tok.text not in ("'", "’"):
            break
        if w == "that" and k - j > 1:
            break
        if w == "," and j > 0 and view.tokens[j - 1].text in CLOSE_QUOTES | {'"'}:
            break
        if w == "and" and not any(i in view.unit_at for i in range(j + 1, k)):
            # "X has long been ..., and recently accused Y": the subject of the first clause
            g = _main_subject(view, j)
            if g is not None:
                actors, first, last = _who(view, g.first)
                return actors, list(range(first, last + 1))
            break
        if j in view.unit_at:
            g = view.group_of[j]
            prep = view.governed_by_preposition(g)
            ok = prep in (None, "by", "for", "from") or (
                prep == "of" and any(words[i] in _ROLE_OF or words[i] in lex.role_nouns
                                     for i in range(max(0, g.first - 4), g.first)))
            if ok and g.units[-1].via == "adjective" and k > 0 and words[k - 1] == ",":
                # "Jane Doe, a Danish lawmaker, said": the nationality describes the speaker
                # named before the apposition, who is the one speaking
                named, span = _apposition_subject(view, k)
                if named:
                    return named, span
            if ok:
                actors, first, last = _who(view, j)
                actors, first = _coordinated_before(view, actors, first)
                return actors, list(range(first, k))
            j = g.first - 1
            continue
        if k - j <= 3 and w in lex.person_pronouns:
            p = ctx.last_person(tok.start)
            return ([p], [j]) if p else (None, [])
        if k - j <= 3 and w in lex.group_pronouns:
            who = ctx.last_speakers(view.sentence.index, persons=False)
            return (who, [j]) if who else (None, [])
        if w in lex.role_nouns and k - j <= 4:
            # "Russia's Defense Ministry said": an actor just before the noun wins
            for i in range(j - 1, max(-1, j - 4), -1):
                if i in view.unit_at:
                    actors, first, last = _who(view, i)
                    return actors, list(range(first, k))
                if words[i] in (",", ".") or view.is_boundary(i):
                    break
            who = ctx.role(w, tok.start)
            if who:
                return [who], list(range(j, k))
        if tok.text[:1].isupper() and k - j <= 3 and j > 0:
            p = ctx.surname(tok.text, tok.start)
            if p:
                return [p], list(range(j, k))
        if tok.text[:1].isupper() and j == k - 1:
            # '“...,” Martin Indyk said': an unlinked name right after a quotation
            first = j
            while first > 0 and view.tokens[first - 1].text[:1].isupper() and k - first < 4 \
                    and first - 1 not in view.unit_at:
                first -= 1
            if first - 1 < 0 or view.tokens[first - 1].text in CLOSE_QUOTES | {'"', ","}:
                if _name_run(view, first) == j:
                    return [ctx.new_person(view, first, j)], list(range(first, k))
        if form == "ing" and w == ",":
            g = _main_subject(view, j)
            if g is not None and lemma not in ("call",):
                actors, first, last = _who(view, g.first)
                return actors, list(range(first, last + 1))
            break
        j -= 1
    # inversion: '“...,” said X' / '..., said the ministry': the name follows the verb
    prev = view.tokens[k - 1].text if k > 0 else ""
    if (k == 0 or prev == "," or prev in CLOSE_QUOTES or prev == '"') and lemma not in _OBJECT_FIRST:
        return _right_speaker(view, k, ctx, lex)
    if prev == ",":
        return _apposition_subject(view, k)
    return None, []


# Verbs whose next noun is their object, never an inverted speaker ("..., told Reuters").
_OBJECT_FIRST = {"tell", "brief", "ask", "urge", "accuse", "blame", "call"}


def _apposition_subject(view, k: int):
    """'Jane Doe, a senior fellow at the institute, told ...': the subject before an
    apposition set off by commas."""
    words = view.lower
    j = k - 2
    while j >= 0 and k - j <= 30 and words[j] != ",":
        if view.is_boundary(j) or view.tokens[j].text in QUOTE_CHARS:
            return None, []
        j -= 1
    if j <= 0 or (j - 1) not in view.unit_at:
        return None, []
    g = view.group_of[j - 1]
    if view.governed_by_preposition(g) is not None or g.first != _clause_start(view, g.first):
        return None, []
    actors, first, last = _who(view, j - 1)
    return actors, list(range(first, last + 1))


def _clause_start(view, i: int) -> int:
    """The first token of the clause that token ``i`` is in (after a boundary or sentence start)."""
    while i > 0 and not view.is_boundary(i - 1) and view.lower[i - 1] not in (",", "and", "but"):
        i -= 1
    return i


def _coordinated_before(view, actors: list[str], first: int) -> tuple[list[str], int]:
    """Add the speakers joined to the one starting at ``first`` by "and"/"or": "Israel and
    the United States said", "Spain's Pedro Ruiz and Italy's Marco Neri warned"."""
    words = view.lower
    out = list(actors)

    def before_possessor(i: int) -> int:
        # "Germany's Merz": the possessor belongs to the speaker phrase
        if i >= 1 and words[i] in ("'s", "’s") and (i - 1) in view.unit_at:
            return view.unit_at[i - 1].first - 1
        return i

    i = before_possessor(first - 1)
    while i >= 1:
        while i >= 0 and words[i] in ("the", "both"):
            i -= 1
        if i < 1 or words[i] not in ("and", "or") or (i - 1) not in view.unit_at:
            break
        u = view.unit_at[i - 1]
        if u.possessive:
            break
        out += [x for x in u.actors if x not in out]
        first = u.first
        i = before_possessor(first - 1)
    return out, first


_NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
              "January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December", "The", "A", "In", "On", "At",
              "Today", "Yesterday", "Tonight", "Last", "This", "Earlier", "Later", "He", "She",
              "They", "It", "We", "I"}
_NAME_TITLES = {"Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Prof", "Prof.", "Sen",
                "Sen.", "Rep", "Rep.", "Gen", "Gen.", "Col", "Col.", "Cmdr", "Cmdr."}


def _name_run(view, j: int) -> int | None:
    """Last token of a person-like name starting at ``j`` ("Martin Indyk", "Robert M. Danin"):
    two to four capitalised words, none of them linked, a date word or a function word."""
    toks = view.tokens
    i = j
    while i < len(toks) and toks[i].text in _NAME_TITLES:
        i += 1
    start = i
    while i < len(toks) and i - start < 4 and i not in view.unit_at and (
            toks[i].text[:1].isupper() and toks[i].text.replace(".", "").isalpha()
            and toks[i].text not in _NOT_NAMES or toks[i].text == "."):
        if toks[i].text == "." and not (i > start and len(toks[i - 1].text) == 1):
            break
        i += 1
    words = [t.text for t in toks[start:i] if t.text != "."]
    if len(words) < 2 or any(w.isupper() and len(w) > 2 for w in words):
        return None
    return i - 1


def _who(view, j: int):
    """The actors of the speaker unit at token ``j``: its coordinated group ("X and Y said")
    only when joined by "and"/"or", not a comma list that runs into the content."""
    g = view.group_of[j]
    if len(g.units) > 1 and any(w in ("and", "or", "&") for w in view.lower[g.first:g.last + 1]):
        return g.actors, g.first, g.last
    u = view.unit_at[j]
    return list(u.actors), u.first, u.last


def _right_speaker(view, k: int, ctx: _Context, lex: ClaimLexicon):
    """The speaker named right after token ``k``: "said X", "according to the ministry"."""
    words = view.lower
    j = k + 1
    while j < len(words) and j <= k + 3 and words[j] in _SKIP_AFTER:
        j += 1
    if j >= len(words):
        return None, []
    if j in view.group_of:
        actors, _, last = _who(view, j)
        return actors, list(range(k + 1, last + 1))
    tok = view.tokens[j]
    if words[j] in lex.person_pronouns:
        p = ctx.last_person(tok.start)
        return ([p], [j]) if p else (None, [])
    name_end = _name_run(view, j)
    if name_end is not None:
        return [ctx.new_person(view, j, name_end)], list(range(k + 1, name_end + 1))
    if words[j] in lex.role_nouns:
        who = ctx.role(words[j], tok.start)
        return ([who], list(range(k + 1, j + 1))) if who else (None, [])
    if tok.text[:1].isupper():
        p = ctx.surname(tok.text, tok.start)
        if p:
            return [p], list(range(k + 1, j + 1))
    # "according to Ukraine's Air Force": a unit within the next three tokens
    for i in range(j + 1, min(len(words), k + 5)):
        if words[i] in (",", ".") or view.is_boundary(i):
            break
        if i in view.group_of:
            actors, _, last = _who(view, i)
            return actors, list(range(k + 1, last + 1))
    return None, []


def _content(view, k: int, span: list[int], quotes: _Quotes) -> tuple[int, int]:
    """Character span of what the speech verb at ``k`` introduces."""
    toks = view.tokens
    s = view.sentence
    first = min([k, *span])
    after = max([k, *span]) + 1
    if first > 0:
        # '“...,” X said on Tuesday' / '..., Mayor X told reporters': the content comes first
        ends = _trailing_adjunct(view, k, after)
        j = _before_description(view, first) if ends else first - 1
        comma = j if ends else -1
        while j >= 0 and toks[j].text in (",", ":"):
            j -= 1
        if j >= 0 and (toks[j].text in CLOSE_QUOTES or toks[j].text == '"'):
            region = quotes.containing(toks[j].start - 1)
            start = region[0] if region else s.start
            return max(start, s.start), toks[j].end
        if comma >= 0 and toks[comma].text == ",":
            return s.start, toks[comma].start
    # "said on Monday that ...": the content starts after a "that" or ":" close to the verb
    # "told the General Assembly on Tuesday that ...": past an addressee and a date too
    for i in range(after, min(len(toks), after + 10)):
        if view.lower[i] in ("that", ":"):
            after = i + 1
            break
        if not (i in view.unit_at or toks[i].text[:1].isupper() or toks[i].text[:1].isdigit()
                or view.lower[i] in _ADDRESSEE_WORDS):
            break
    while after < len(toks) and toks[after].text.lower() in ("that", ":", ",", "on", "in"):
        after += 1
    if after >= len(toks):
        return s.start, toks[k].start
    return toks[after].start, s.end


# Words that may stand between a speech verb and its "that": an addressee or a date.
_ADDRESSEE_WORDS = {"the", "a", "an", "on", "in", "at", "of", "to", "for", "last", "this", "late",
                    "early", "earlier", "reporters", "journalists", "lawmakers", "parliament",
                    "week", "weeks", "month", "months", "year", "years", "day", "days",
                    "morning", "evening", "night", "ago", "also"}
_TRAIL_STOP = {"that", ":", "“", '"', "whether", "how", "why", "what"}


_ADJUNCT_START = {"on", "in", "at", "late", "early", "earlier", "later", "yesterday", "today",
                  "tonight", "last", "this", "during", "after", "before", "from", "via", "through",
                  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "shortly", "separately", "privately", "publicly", "also", "again", "recently"}


def _trailing_adjunct(view, k: int, after: int) -> bool:
    """Only a short adjunct follows the speech verb at ``k`` ("said on Tuesday", "told
    reporters", "said in a statement"): the verb closes the sentence, its content came before.
    An object ("condemned the strikes") is content, not an adjunct."""
    # up to seven words are enough to decide (more than six are not an adjunct)
    words = view.lower
    rest = list(islice((words[i] for i in range(after, len(words))
                        if words[i] not in (".", "!", "?")), 7))
    if not rest:
        return True
    if len(rest) > 6 or any(w in _TRAIL_STOP or w in OPEN_QUOTES for w in rest):
        return False
    lemma = lex_verbs().get(view.lower[k], ("", ""))[0]
    return rest[0] in _ADJUNCT_START or (lemma in _OBJECT_FIRST and len(rest) <= 3)


def _before_description(view, first: int) -> int:
    """Index of the token before the description that precedes a speaker's name:
    '..., Mayor Jane Doe said' / '...,” foreign ministry spokesperson Li said'."""
    toks = view.tokens
    j = first - 1
    while j >= 0 and first - j <= 6 and toks[j].text not in (",", ":") \
            and toks[j].text not in QUOTE_CHARS and view.lower[j] not in _STOP \
            and view.lower[j] != "that" and view.lower[j] not in lex_verbs():
        j -= 1
    if j >= 0 and (toks[j].text in (",", ":") or toks[j].text in QUOTE_CHARS):
        return j
    return first - 1


def lex_verbs() -> dict:
    """The speech-verb forms of the default lexicon."""
    return load_claim_lexicon().verbs


def _content_around(view, k: int, after: int, quotes: _Quotes) -> tuple[int, int]:
    toks = view.tokens
    s = view.sentence
    if k > 1:
        return s.start, toks[k - 1].start
    after = min(after, len(toks) - 1)
    while after < len(toks) - 1 and toks[after].text in (",",):
        after += 1
    return toks[after].start, s.end


def _quoted(doc: Document, views, quotes: _Quotes, found: list[_Found]) -> list[_Found]:
    """Sentences of a multi-sentence quotation, attributed to the quotation's speaker."""
    out = []
    by_sentence: dict[int, list[_Found]] = {}
    for f in found:
        by_sentence.setdefault(f.sentence, []).append(f)
    for start, end in quotes.regions:
        inside = [s for s in doc.sentences if s.start < end - 1 and s.end > start + 1]
        whole = bool(inside) and start <= inside[0].start and end >= inside[-1].end - 2
        if len(inside) < 2 and not whole:
            continue
        owner = None
        for s in inside:
            for f in by_sentence.get(s.index, []):
                if not (start < f.cue_start < end):
                    owner = f
                    break
            if owner:
                break
        if owner is None:
            # a quotation without its own attribution (a whole paragraph, or one that runs over
            # several sentences) continues the last attributed quotation
            earlier = [f for f in found + out if f.cue_start < start
                       and inside[0].index - f.sentence <= 3]
            if earlier:
                owner = max(earlier, key=lambda f: f.cue_start)
        if owner is None:
            continue
        for s in inside:
            if any(f.speakers == owner.speakers for f in by_sentence.get(s.index, [])):
                continue
            a, b = max(start + 1, s.start), min(end - 1, s.end)
            out.append(_Found(owner.speakers, s.index, owner.cue, owner.cue_start, owner.cue_end,
                              (a, b), set(), (start, end)))
    return out


def _claim(doc: Document, view, f: _Found, lex: ClaimLexicon) -> tuple[Claim, set[str]]:
    """The claim of ``f`` (claimant: its first speaker) and the speakers its content names."""
    text = doc.text
    a, b = f.content
    if b <= a:
        a, b = view.sentence.start, view.sentence.end
    label = _trim(text[a:b])
    speakers = set(f.speakers)
    about = _named_outside(view, f.exclude, speakers)
    # "Iran says it needs ...", "we support ...": a speaker that its content names again
    self_named = {x for x in about if x in speakers}
    content_words = _words_between(view, a, b)
    own = _own_sides(doc, f.speakers)
    for side in own - speakers:          # a speaker speaks for its own side as well
        if side not in about:
            about.append(side)
    stance = _stance(doc, view, about, content_words, lex, speakers)
    if b <= f.cue_start and f.region is None and _cue_lemma(view, f.cue_start, lex) in _NEUTRAL_REPORT:
        # "..., officials said on Monday": a source for reported facts, not an attitude
        stance = 0
    if not [x for x in about if x not in own]:
        # the content names nobody but the speaker's side: what it refers back to. The sentence
        # gives no evidence of a stance toward those, so the claim's stance stays neutral.
        context = [x for x in _context_about(doc, f, (a, b)) if x not in about and x not in speakers]
        if context:
            about += context
            stance = 0
    modality = _modality(content_words, lex)
    return Claim(claimant=f.speakers[0], about=about, stance=stance, modality=modality,
                 sentence=f.sentence, start=a, end=b, label=label, cue=f.cue), self_named


def _named_outside(view, exclude: set[int], speakers: set[str]) -> list[str]:
    """The actors of ``view``'s units in order of first mention, leaving out the units that
    start or end in ``exclude`` (the speaker phrase) and name a speaker.

    Read from an index made once per view: each claim costs the number of actors, not of
    units (a long sentence holds many claims and many units).
    """
    occurrences, ends_at = _unit_index(view)
    units = view.units
    skipped = {i for k in exclude for i in ends_at.get(k, ())
               if any(x in speakers for x in units[i].actors)}
    firsts = []
    for actor, places in occurrences.items():
        for place in places:
            if place[0] not in skipped:
                firsts.append((place, actor))
                break
    firsts.sort()
    return [actor for _, actor in firsts]


def _unit_index(view) -> tuple[dict[str, list[tuple[int, int]]], dict[int, list[int]]]:
    """actor -> its (unit number, place among the unit's actors) in order, and token ->
    the numbers of the units that start or end there; made once per view."""
    index = getattr(view, "_claim_unit_index", None)
    if index is None:
        occurrences: dict[str, list[tuple[int, int]]] = {}
        ends_at: dict[int, list[int]] = {}
        for i, u in enumerate(view.units):
            for place, actor in enumerate(u.actors):
                occurrences.setdefault(actor, []).append((i, place))
            for k in dict.fromkeys((u.first, u.last)):
                ends_at.setdefault(k, []).append(i)
        index = view._claim_unit_index = (occurrences, ends_at)
    return index


# Reporting verbs that take no side by themselves.
_NEUTRAL_REPORT = {"say", "report", "tell", "add", "announce", "confirm", "state", "note",
                   "indicate", "brief", "post", "write", "explain", "estimate", "reveal"}


def _cue_lemma(view, offset: int, lex: ClaimLexicon) -> str:
    """The lemma of the speech verb that starts at character ``offset`` of the sentence ("" if none)."""
    starts = _token_starts(view)
    i = bisect.bisect_left(starts, offset)
    if i < len(starts) and starts[i] == offset:
        return lex.verbs.get(view.lower[i], ("", ""))[0]
    return ""


def _token_starts(view) -> list[int]:
    """The start offsets of ``view``'s tokens (ascending), made once per view."""
    starts = getattr(view, "_token_starts", None)
    if starts is None:
        starts = view._token_starts = [t.start for t in view.tokens]
    return starts


def _words_between(view, a: int, b: int) -> list[str]:
    """The lower-case texts of the tokens that start in ``[a, b)``: a slice of a list made once
    per view, so that many claims in one long sentence cost no scan of it each."""
    plain = getattr(view, "_plain_lower", None)
    if plain is None:
        plain = view._plain_lower = [t.text.lower() for t in view.tokens]
    starts = _token_starts(view)
    return plain[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]


def _own_sides(doc: Document, speakers: list[str]) -> set[str]:
    """The speakers and the states or organisations they act for."""
    own = set(speakers)
    for sp in speakers:
        actor = doc.actors.get(sp)
        if actor is not None and actor.affiliation:
            own.add(actor.affiliation)
    return own


def _context_about(doc: Document, f: _Found, content: tuple[int, int]) -> list[str]:
    """Actors a claim refers back to when its content names none but its speaker's side.

    In order: the sentences of the quotation the claim belongs to ("“We have been advancing our
    cooperation.”" after "“... with India,” X said"), the participants of a named event that
    the sentence mentions ("the attack", "the deal"), else the ``CONTEXT_SENTENCES`` sentences
    before it, nearest first.
    """
    own = _own_sides(doc, f.speakers)
    found: list[str] = []
    if f.region is not None:
        for s in doc.sentences:
            if s.start < f.region[1] and s.end > f.region[0] and s.index != f.sentence:
                found += [m.actor for m in doc.mentions_in(s.index)]
    if not _others(doc, found, own):
        found += _event_referents(doc, f.sentence, doc.text[content[0]:content[1]])
    back = f.sentence - 1
    while not _others(doc, found, own) and back >= max(0, f.sentence - CONTEXT_SENTENCES):
        found += [m.actor for m in doc.mentions_in(back)]
        back -= 1
    return _others(doc, found, set())


CONTEXT_SENTENCES = 3        # how far back a claim without a named topic looks for one
EVENT_LOOKBACK = 12          # how far back "the attack" looks for the attack it refers to


def _others(doc: Document, keys: list[str], own: set[str]) -> list[str]:
    """``keys`` without ``own``, a person replaced by the side they act for, no repeats."""
    out: list[str] = []
    for x in keys:
        actor = doc.actors.get(x)
        if actor is not None and actor.type == "Person" and actor.affiliation:
            x = actor.affiliation        # a person named earlier stands for their side here
        if x not in out and x not in own:
            out.append(x)
    return out


def _event_referents(doc: Document, sentence: int, content: str) -> list[str]:
    """Who took part in the occurrence that "the attack" / "the deal" / "the drills" in
    ``content`` refers back to: a named event of that kind, else the latest interaction of a
    matching type in the sentences before."""
    from graph.extract.events import load_event_lexicon

    lex = load_event_lexicon()
    groups = [lex.heads[re.sub(r"\s+", " ", m.group("head").lower())][1]
              for m in lex.later.finditer(content)]
    out: list[str] = []
    for group in groups:
        named = [ev for ev in doc.events if lex.group(ev.label) == group
                 and any(sentence - EVENT_LOOKBACK <= s <= sentence for s in ev.sentences)]
        if named:
            out += named[-1].participants
            continue
        types = lex.members.get(group, frozenset())
        earlier = [it for it in doc.interactions if it.event_type in types
                   and sentence - EVENT_LOOKBACK <= it.sentence <= sentence]
        if earlier:
            last = max(earlier, key=lambda it: (it.sentence, it.start))
            out += [last.source, last.target]
    return out


def _trim(label: str) -> str:
    label = label.strip().strip("“”\"").strip()
    label = _collapse_spaces(label)
    if len(label) > MAX_LABEL:
        cut = label.rfind(" ", 0, MAX_LABEL - 1)
        label = label[:cut if cut > 40 else MAX_LABEL - 1].rstrip(",;:") + "…"
    return label


_SPACES = re.compile(r"\s+")


def _collapse_spaces(label: str) -> str:
    """``label`` with every run of white space made one space -- or, when that is much longer
    than :data:`MAX_LABEL`, a prefix of it still longer than ``MAX_LABEL`` (all that
    :func:`_trim` reads): a claim in a very long sentence costs no pass over all of it."""
    size = 4 * MAX_LABEL
    while size < len(label):
        head = _SPACES.sub(" ", label[:size])
        if len(head) > MAX_LABEL:
            return head
        size *= 2
    return _SPACES.sub(" ", label)


def _stance(doc, view, about, words, lex: ClaimLexicon, speakers) -> int:
    score = 0
    for it in doc.interactions:
        if it.sentence != view.sentence.index or it.modality == "Negated":
            continue
        if it.target in about or it.source in about:
            score += it.polarity
    if score:
        return 1 if score > 0 else -1
    neg = sum(map(lex.negative.__contains__, words))
    pos = sum(map(lex.positive.__contains__, words))
    if not _NEGATION_WORDS.isdisjoint(words) and abs(neg - pos) <= 1:
        neg, pos = pos, neg
    if neg > pos:
        return -1
    if pos > neg:
        return 1
    return 0


_NEGATION_WORDS = frozenset({"not", "no", "never", "n't"})

_SUBORDINATE = {"that", "which", "who", "whom", "whose", "where", "because", "while", "although",
                "though", "since", "when", "if", "unless", "as"}


def _main_clause(words: list[str]) -> list[str]:
    """The words of the content up to its first subordinate or relative clause: "rhetoric
    that seeks to ..." or "... if its intentions are ..." does not hedge the whole claim."""
    for i, w in enumerate(words):
        if i > 0 and w in _SUBORDINATE and words[i - 1] not in ("and", "but", "or"):
            return words[:i]
    return words


def _modality(words: list[str], lex: ClaimLexicon) -> str:
    words = _main_clause(words)
    positions: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        positions.setdefault(w, []).append(i)

    def has(phrases):
        # only where a phrase's first word occurs: linear in the words, not words x phrases
        return any(tuple(words[i:i + len(p)]) == p for p in phrases if p[0] in positions
                   for i in positions[p[0]])
    if has(lex.recommend):
        return "Recommended"
    if has(lex.hypothetical):
        return "Hypothetical"
    if has([p for p in lex.negated if p not in (("without",), ("neither",), ("nor",))]):
        return "Negated"
    return "Asserted"


def _recommendation(doc: Document, view, lex: ClaimLexicon, quotes: _Quotes) -> Claim | None:
    """The document's own recommendation: a cue such as "should" outside quotations."""
    words = view.lower
    if not view.units or words and words[-1] == "?":
        return None
    recommend = _first_words(lex.recommend)
    if recommend is not None and recommend.isdisjoint(words):
        return None                  # no cue in the sentence: the common case
    if doc.title and _norm(view.sentence.text) == _norm(doc.title):
        return None                  # the headline is not the author's argument
    for k in range(len(words)):
        if recommend is not None and words[k] not in recommend:
            continue                 # no cue starts here (the common case, without a call)
        p = _phrase_at(words, k, lex.recommend)
        if p is None or (k == 0 and p == ("should",)):
            continue                 # "Should more sanctions be put on Iran, ...": a condition
        if quotes.containing(view.tokens[k].start) is not None:
            continue
        impersonal = p[0] in ("it", "the")
        if not impersonal and not _actor_subject(view, k):
            continue
        about = []
        for u in view.units:
            for x in u.actors:
                if x not in about:
                    about.append(x)
        s = view.sentence
        words_all = list(words)
        stance = _stance(doc, view, about, words_all, lex, set())
        return Claim(claimant=AUTHOR, about=about, stance=stance, modality="Recommended",
                     sentence=s.index, start=s.start, end=s.end, label=_trim(s.text),
                     cue=" ".join(p))
    return None


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _actor_subject(view, k: int) -> bool:
    """An actor names the subject of the modal at token ``k``: "the United States should ...",
    "Visiting Azerbaijan must ...", "European diplomats would be well advised to ..."."""
    j = k - 1
    while j >= 0 and k - j <= 8:
        if j in view.unit_at:
            return True
        if view.lower[j] in (",", ";", ":") or view.is_boundary(j):
            return False
        j -= 1
    return False


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per (sentence, claimant); the about-actors of duplicates are merged."""
    best: dict[tuple[int, str], Claim] = {}
    for c in claims:
        key = (c.sentence, c.claimant)
        if key in best:
            kept = best[key]
            kept.about += [a for a in c.about if a not in kept.about]
            continue
        best[key] = c
    out = []
    # several speakers ("X and Y said") give one claim each
    return sorted(best.values(), key=lambda c: (c.sentence, c.start, c.claimant)) + out
