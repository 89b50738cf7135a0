"""Parser comparison: a Link Grammar baseline extractor against our sparse patterns.

Issue 4 asks for sparse patterns "or a real parser if one installs from the registries and runs
offline (say which, and measure both speed and quality)". The only real English parser that
installs offline here is CMU Link Grammar from Debian (``apt-get install -y python3-link-grammar
link-grammar-dictionaries-en``; its bindings live in Debian's dist-packages and are put on
``sys.path`` only while this module imports them). It is NOT a dependency of the product.

The baseline (:func:`parser_interactions`) keeps everything of ours except how arguments are
found: OUR sentences, OUR actor linker (mentions), OUR verb/noun lexicon (event type and sign)
and OUR modality cue reader; the subject and object of each lexicon trigger come from the
parser's links only:

* verbs — subject by an ``S`` link (climbing through ``PP``, ``I``, ``TO``, ``Pg``, ``Pv`` from
  auxiliaries, modals and control verbs), object by ``O`` or by ``MV`` to one of the entry's
  prepositions and that preposition's ``J``; passive (``Pv``): the ``S`` subject is the target
  and the ``by`` phrase (``MV`` + ``J``) the source; conjoined verbs share arguments (``VJ``);
* nouns — the possessor (``YS`` + ``D``, a possessive pronoun, or an adjective ``A``/``AN``) is
  the source, the entry's preposition phrase (``M`` + ``J``) the target, ``by`` the source;
* relations — "N between X and Y" (``M`` + ``J``) and "X's N with Y", every pair both ways;
* coordination — an actor list is a conjunction word whose ``SJ``/``OJ``/``MJ`` links lead to
  the conjuncts; a head noun that is no actor stands for the actor that modifies it
  ("Iranian officials", "Iran's president").

Run (not a test, not in CI; Link Grammar must be installed)::

    .venv/bin/python benchmarks/compare_parser.py run          # quality + speed, a Markdown table
    .venv/bin/python benchmarks/compare_parser.py speed        # speed only
    .venv/bin/python ../shared/eval/score.py --docs ../shared/corpus/seeds/docs \\
        --gold ../shared/corpus/seeds/gold --kg ".venv/bin/python benchmarks/compare_parser.py kg"

``compare_parser.py kg ...`` is the ``kg`` CLI with the interaction extractor swapped for the
baseline (``kg-pure ...`` also drops the interactions our claim module derives), so
``score.py`` scores it exactly as it scores ``kg``.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages"
INSTALL_HINT = "apt-get install -y python3-link-grammar link-grammar-dictionaries-en"
# auxiliary, modal, control ("threatened to attack": TO or MVi, then I) -> verb: the subject is above
CLIMB = {"PP", "I", "TO", "MVi", "Pg", "Pv"}
CONJUNCTS = {"SJ", "OJ", "MJ", "AJ", "RJ", "JJ"}
MODIFIER_LINKS = {"A", "AN", "G", "GN"}   # "Iranian officials", "the Iran government"
POSSESSIVE = {"'s", "’s", "'", "’"}
MAX_PARSE_SECONDS = 3
PATTERN_NAMES = {"both-ways": "active"}   # the product's confidence table names


def load_link_grammar():
    """Import Debian's ``linkgrammar`` (compiled for its python3.11) without keeping its
    dist-packages on ``sys.path`` for anything else."""
    try:
        import linkgrammar
        return linkgrammar
    except ImportError:
        pass
    sys.path.append(DEBIAN_PACKAGES)
    try:
        import linkgrammar
    except ImportError as exc:
        raise SystemExit(f"Link Grammar is not installed: {INSTALL_HINT} ({exc})") from exc
    finally:
        sys.path.remove(DEBIAN_PACKAGES)
    return linkgrammar


@dataclass
class Parse:
    """One linkage: words (surface, label, char start, char end) and links (left, right, label)."""

    words: list[tuple[str, str, int, int]]
    links: list[tuple[int, int, str]]
    nulls: int = 0

    def base(self, label: str) -> str:
        """``Ss*s`` -> ``S``, ``MVp`` -> ``MV``; ``Pv``/``Pg``/``MVi`` keep their letter
        (passive, progressive, infinitive of purpose or control)."""
        head = re.match(r"[A-Z]+", label).group(0)
        rest = label[len(head):len(head) + 1]
        if (head == "P" and rest in ("v", "g")) or (head == "MV" and rest == "i"):
            return head + rest
        return head

    def right_of(self, word: int, *bases: str) -> list[int]:
        """Words linked to the right of ``word`` by links of these base types."""
        return [r for l, r, lab in self.links if l == word and self.base(lab) in bases]

    def left_of(self, word: int, *bases: str) -> list[int]:
        return [l for l, r, lab in self.links if r == word and self.base(lab) in bases]

    def surface(self, word: int) -> str:
        return self.words[word][0].lower().replace("’", "'")


class LinkParser:
    """CMU Link Grammar with the English dictionary; the lowest-cost linkage of a sentence."""

    def __init__(self, max_null_count: int = 4, max_parse_seconds: int = MAX_PARSE_SECONDS):
        self.lg = load_link_grammar()
        self.dictionary = self.lg.Dictionary("en")
        self.options = self.lg.ParseOptions(min_null_count=0, max_null_count=max_null_count,
                                            max_parse_time=max_parse_seconds, linkage_limit=10,
                                            verbosity=0)
        self.timeouts = 0

    def parse(self, text: str) -> Parse | None:
        """The first (lowest-cost) linkage, or None. A sentence whose parse runs out of time
        keeps whatever linkage the parser has (usually none) and is counted in ``timeouts``."""
        from linkgrammar import clinkgrammar as clg

        sentence = self.lg.Sentence(text, self.dictionary, self.options)
        clg.sentence_parse(sentence._obj, self.options._obj)   # the binding raises on time-outs
        if clg.parse_options_timer_expired(self.options._obj):
            self.timeouts += 1
        if clg.sentence_num_valid_linkages(sentence._obj) == 0:
            return None
        linkage = self.lg.Linkage(0, sentence, self.options._obj)
        words = []
        for i, label in enumerate(linkage.words()):
            start, end = linkage.word_char_start(i), linkage.word_char_end(i)
            words.append((text[start:end], label, start, end))
        obj = linkage._obj
        links = [(clg.linkage_get_link_lword(obj, i), clg.linkage_get_link_rword(obj, i),
                  clg.linkage_get_link_label(obj, i)) for i in range(linkage.num_of_links())]
        return Parse(words, links, sentence.null_count())


class Arguments:
    """Actors behind the words of one parse (through OUR mentions of the sentence)."""

    def __init__(self, parse: Parse, sentence, mentions):
        self.parse = parse
        self.actors: dict[int, list[str]] = {}
        for i, (_, label, start, end) in enumerate(parse.words):
            if label in ("LEFT-WALL", "RIGHT-WALL") or end <= start:
                continue
            a, b = sentence.start + start, sentence.start + end
            found = [m.actor for m in mentions if m.start <= a and b <= m.end]
            if found:
                self.actors[i] = list(dict.fromkeys(found))

    def of(self, word: int, seen: set[int] | None = None) -> list[str]:
        """The actors a word stands for: its mention, its conjuncts', or its modifier's."""
        seen = set() if seen is None else seen
        if word in seen:
            return []
        seen.add(word)
        if word in self.actors:
            return self.actors[word]
        p = self.parse
        conjuncts = p.right_of(word, *CONJUNCTS) + p.left_of(word, *CONJUNCTS)
        if conjuncts and p.words[word][1].split(".")[-1].startswith("j"):
            out: list[str] = []
            for c in conjuncts:
                out += [a for a in self.of(c, seen) if a not in out]
            return out
        for owner in self.possessors(word) + p.left_of(word, *MODIFIER_LINKS):
            if owner in self.actors:
                return self.actors[owner]
        return []

    def possessors(self, noun: int) -> list[int]:
        """"Iran's N" (``YS`` + ``D``) and "its N" (a determiner that is a mention)."""
        p = self.parse
        out = []
        for d in p.left_of(noun, "D", "DD"):
            if p.surface(d) in POSSESSIVE:
                out += p.left_of(d, "YS", "YP")
            else:
                out.append(d)
        return out

    def through(self, word: int, link: str, preps: tuple[str, ...]) -> list[str]:
        """Actors of "word PREP X": ``link`` (``MV`` or ``M``) to one of ``preps``, then ``J``."""
        p = self.parse
        out: list[str] = []
        for prep in p.right_of(word, link):
            if p.surface(prep) in preps:
                for obj in p.right_of(prep, "J"):
                    out += [a for a in self.of(obj) if a not in out]
        return out


def _verb_nodes(p: Parse, verb: int) -> list[int]:
    """The verb and the conjunction words it is conjoined through ("attacked and occupied")."""
    nodes, todo = [verb], [verb]
    while todo:
        w = todo.pop()
        for c in p.left_of(w, "VJ") + p.right_of(w, "VJ"):
            if c not in nodes and p.words[c][1].split(".")[-1].startswith("j"):
                nodes.append(c)
                todo.append(c)
    return nodes


def _subjects(p: Parse, args: Arguments, verb: int, depth: int = 0) -> tuple[list[str], bool]:
    """(subject actors, passive?) of a verb: its ``S`` link, else climb to the auxiliary."""
    passive = bool(p.left_of(verb, "Pv"))
    for node in _verb_nodes(p, verb):
        # SI: the parser read the clause as a question ("held" as inverted): its subject still
        subjects = [a for s in p.left_of(node, "S") + p.right_of(node, "SI") for a in args.of(s)]
        if subjects:
            return list(dict.fromkeys(subjects)), passive
    if depth < 4:
        for node in _verb_nodes(p, verb):
            for up in p.left_of(node, *CLIMB):
                found, up_passive = _subjects(p, args, up, depth + 1)
                if found:
                    return found, passive or up_passive
    return [], passive


def _verb_hits(p: Parse, args: Arguments, verb: int, entry) -> list[tuple[list, list, str]]:
    """(sources, targets, pattern) of a lexicon verb; pattern ``both-ways`` gives both directions."""
    subjects, passive = _subjects(p, args, verb)
    nodes = _verb_nodes(p, verb)
    if passive:
        agents = [a for n in nodes for a in args.through(n, "MV", ("by",))]
        return [(agents, subjects, "passive")]
    objects = [a for n in nodes for o in p.right_of(n, "O") for a in args.of(o)]
    partners = [a for n in nodes for a in args.through(n, "MV", ("with",))]
    if entry.preps:
        objects += [a for n in nodes for a in args.through(n, "MV", entry.preps)]
    if "infinitive_target" in entry.options and not objects:   # "threatened to cut off T"
        objects = [a for n in nodes for to in p.right_of(n, "TO", "MVi") for v in p.right_of(to, "I")
                   for o in p.right_of(v, "O") for a in args.of(o)]
    if "experiencer" in entry.options:          # "X angered Y": Y's attitude toward X
        return [(objects, subjects, "active")]
    if "symmetric" in entry.options or ("symmetric_with" in entry.options and partners):
        if objects:
            return [(subjects, objects, "both-ways")]
        return [(subjects, subjects, "coordinated")]  # "X and Y clashed"
    return [(subjects, objects, "active")]


def _noun_hits(p: Parse, args: Arguments, noun: int, entry) -> list[tuple[list, list, str]]:
    owners = [a for o in args.possessors(noun) + p.left_of(noun, *MODIFIER_LINKS) for a in args.of(o)]
    owners += args.through(noun, "M", ("by",))
    targets = args.through(noun, "M", entry.preps) if entry.preps else []
    return [(owners, targets, "possessive")]


def _relation_hits(p: Parse, args: Arguments, noun: int) -> list[tuple[list, list, str]]:
    """Two-sided nouns: "N between X and Y", "X's N with Y", "X and Y held (joint) N"."""
    hits = []
    for verb in p.left_of(noun, "O"):
        subjects, passive = _subjects(p, args, verb)
        if passive:
            continue
        if len(subjects) > 1:
            hits.append((subjects, subjects, "coordinated"))           # "X and Y held joint N"
        partners = args.through(verb, "MV", ("with",)) + args.through(noun, "M", ("with",))
        if subjects and partners:
            hits.append((subjects, partners, "relation-with"))          # "X has (an N) with Y"
        between = args.through(verb, "MV", ("between", "among"))       # "there is an N between"
        if len(between) > 1:
            hits.append((between, between, "between"))
    between = args.through(noun, "M", ("between", "among"))
    if len(between) > 1:
        hits.append((between, between, "between"))
    owners = [a for o in args.possessors(noun) + p.left_of(noun, *MODIFIER_LINKS) for a in args.of(o)]
    partners = args.through(noun, "M", ("with",))
    if owners and partners:
        hits.append((owners, partners, "relation-with"))
    group = args.through(noun, "M", ("by",))                           # "drills by X, Y and Z"
    if len(group) > 1:
        hits.append((group, group, "by-group"))
    return hits


def _relation_sign(p: Parse, noun: int, lex, entry) -> int | None:
    """The sign of a two-sided noun: its adjectives ("close", "strained", ``A`` links) or a verb
    that damages it ("strained the relationship", ``O``); None when the lexicon needs a sign and
    none is found."""
    words = {p.surface(a) for a in p.left_of(noun, "A", "AN")}
    if words & lex.negative_mods or {p.surface(v) for v in p.left_of(noun, "O")} & lex.damaging_verbs:
        return -1
    if words & lex.positive_mods:
        return 1
    return None if "needs_sign" in entry.options else entry.polarity


def _hits_of(p: Parse, args: Arguments, word: int, entry, lex):
    """(hits, polarity, event type) of one trigger word, or None (a relation with no sign)."""
    polarity, event_type = entry.polarity, entry.event_type
    if entry.kind == "verb":
        return _verb_hits(p, args, word, entry), polarity, event_type
    if entry.kind == "noun":
        return _noun_hits(p, args, word, entry), polarity, event_type
    sign = _relation_sign(p, word, lex, entry)
    if sign is None:
        return None
    if sign != polarity:                       # "a strained partnership" is a rivalry
        polarity, event_type = sign, ("RIVALRY" if sign < 0 else event_type)
    return _relation_hits(p, args, word), polarity, event_type


def _entry_for(lex, word: str, label: str):
    """The lexicon entry of a parsed word: a verb if the parser says verb, else a noun."""
    if ".v" in label or ".q" in label or ".w" in label:
        return lex.entry(word, "verb")
    return lex.entry(word, "relation") or lex.entry(word, "noun") or (
        lex.entry(word, "verb") if "." not in label else None)


def parser_interactions(doc, parser: LinkParser | None = None, lexicon=None):
    """Fill ``doc.interactions`` from Link Grammar links (the baseline; see the module text)."""
    from itertools import permutations

    from graph.extract.confidence import confidence_for
    from graph.extract.interactions import SentenceView, _dedupe, _norm
    from graph.extract.lexicon import load_lexicon
    from graph.extract.modality import modality_for
    from graph.model import Interaction

    parser = parser or _shared_parser()
    lex = lexicon or load_lexicon()
    by_sentence: dict[int, list] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    title = _norm(doc.title) if doc.title else None
    out = []
    for sentence in doc.sentences:
        mentions = by_sentence.get(sentence.index, [])
        if len({m.actor for m in mentions}) < 2 or (title and _norm(sentence.text) == title):
            continue
        parse = parser.parse(sentence.text)
        if parse is None:
            continue
        args = Arguments(parse, sentence, mentions)
        view = SentenceView(doc, sentence, mentions)
        token_at = {t.start: i for i, t in enumerate(view.tokens)}
        for w, (text, label, start, end) in enumerate(parse.words):
            entry = _entry_for(lex, text.lower(), label)
            if entry is None or entry.needs or (entry.object_words and not any(
                    parse.surface(o) in entry.object_words for o in parse.right_of(w, "O"))):
                continue
            found = _hits_of(parse, args, w, entry, lex)
            if found is None:
                continue
            hits, polarity, event_type = found
            k = token_at.get(sentence.start + start)
            if k is None:
                continue
            modality, _ = modality_for(view, k, k, lex, entry.kind)
            for sources, targets, pattern in hits:
                two_way = pattern in ("between", "relation-with", "both-ways")
                pairs = permutations(dict.fromkeys(sources), 2) if sources == targets else \
                    [(s, t) for s in sources for t in targets] + \
                    ([(t, s) for s in sources for t in targets] if two_way else [])
                for s, t in pairs:
                    if s != t:
                        out.append(Interaction(
                            source=s, target=t, event_type=event_type, polarity=polarity,
                            modality=modality, sentence=sentence.index, start=sentence.start + start,
                            end=sentence.start + end, trigger=text,
                            confidence=confidence_for(PATTERN_NAMES.get(pattern, pattern), modality)))
    doc.interactions = _dedupe(out)
    return doc


_PARSER: LinkParser | None = None


def _shared_parser() -> LinkParser:
    global _PARSER
    if _PARSER is None:
        _PARSER = LinkParser()
    return _PARSER


# --------------------------------------------------------------------------- the kg wrapper

def run_kg(argv: list[str], pure: bool) -> None:
    """The ``kg`` CLI with the baseline in place of ``extract_interactions``."""
    import graph.extract.interactions as interactions
    import graph.extract.stance as stance

    interactions.extract_interactions = lambda doc, lexicon=None: parser_interactions(doc, lexicon=lexicon)
    if pure:
        stance.interactions_from_claims = lambda doc: doc
    from graph.cli import main

    sys.argv = ["kg", *argv]
    main()


# --------------------------------------------------------------------------- measurements

SHARED = ROOT.parent / "shared"
CORPORA = ("seeds", "articles")


def _documents(corpus: str):
    """The corpus documents, read, split and actor-linked by our pipeline (not timed)."""
    from graph.actors import link_actors
    from graph.actors.kb import load_knowledge_base
    from graph.ingest import read_documents
    from graph.sentences import add_sentences

    kb = load_knowledge_base([])
    docs, _ = read_documents([SHARED / "corpus" / corpus / "docs"])
    for doc in docs:
        add_sentences(doc)
        link_actors(doc, kb)
    return docs


def _cpu(fn, repeats: int) -> float:
    """Least CPU seconds of this process over ``repeats`` runs of ``fn``."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        fn()
        best = min(best, time.process_time() - started)
    return best


def speed(repeats: int = 3) -> list[dict]:
    """Sentences per CPU second: the parser alone (every sentence), the baseline and our
    interaction extractor (each over every sentence of every document; both skip sentences
    with fewer than two actors by themselves)."""
    from graph.extract.interactions import extract_interactions

    parser = _shared_parser()
    rows = []
    for corpus in CORPORA:
        docs = _documents(corpus)
        sentences = [s.text for d in docs for s in d.sentences]
        words = sum(len(t.split()) for t in sentences)
        pairs = sum(1 for d in docs for s in d.sentences
                    if len({m.actor for m in d.mentions_in(s.index)}) >= 2)
        parser.timeouts = 0
        parses = []
        # the parser takes minutes: one run of it; our extractor the least of ``repeats``
        parse_all = _cpu(lambda: parses.extend(parser.parse(t) for t in sentences), 1)
        unparsed, timeouts = sum(1 for x in parses if x is None), parser.timeouts
        baseline = _cpu(lambda: [parser_interactions(d, parser) for d in docs], 1)
        ours = _cpu(lambda: [extract_interactions(d) for d in docs], repeats)
        rows.append({"corpus": corpus, "sentences": len(sentences), "words": words,
                     "two_actor_sentences": pairs, "cpu_parser_all": parse_all,
                     "unparsed": unparsed, "timeouts": timeouts,
                     "cpu_baseline": baseline, "cpu_ours": ours})
    return rows


def quality(variants: dict[str, str]) -> dict:
    """``score.py`` macro figures (and fact P/R) for each variant's ``--kg`` command."""
    out = {}
    for corpus in CORPORA:
        for name, kg in variants.items():
            with tempfile.TemporaryDirectory() as tmp:
                report = Path(tmp) / "score.json"
                subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"),
                                "--docs", str(SHARED / "corpus" / corpus / "docs"),
                                "--gold", str(SHARED / "corpus" / corpus / "gold"),
                                "--kg", kg, "--json", str(report)],
                               check=True, capture_output=True, text=True)
                data = json.loads(report.read_text())
            docs = data["docs"]
            macro = data["macro"]
            macro["fact_p"] = sum(d["factual"][0] for d in docs) / len(docs)
            macro["fact_r"] = sum(d["factual"][1] for d in docs) / len(docs)
            out[(corpus, name)] = macro
    return out


def variants() -> dict[str, str]:
    kg = str(Path(sys.executable).with_name("kg"))
    me = f"{shlex.quote(sys.executable)} {shlex.quote(str(Path(__file__).resolve()))}"
    return {"ours (sparse patterns)": shlex.quote(kg),
            "Link Grammar baseline": f"{me} kg",
            "Link Grammar baseline, no claim-derived": f"{me} kg-pure"}


def _fmt(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def print_quality(scores: dict) -> None:
    print("| corpus | extractor | factual P | factual R | factual F1 | all F1 | modality | blocs | claims |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (corpus, name), m in scores.items():
        print(f"| {corpus} | {name} | {_fmt(m['fact_p'])} | {_fmt(m['fact_r'])} | {_fmt(m['factual'])} "
              f"| {_fmt(m['all'])} | {_fmt(m['modality'])} | {_fmt(m['blocs'])} | {_fmt(m['claims'])} |")


def print_speed(rows: list[dict]) -> None:
    print("| corpus | sentences (with 2+ actors) | words | no linkage (timed out) | parser alone, "
          "every sentence | baseline extractor | our extractor |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        n = r["sentences"]
        rate = [n / max(r[k], 1e-9) for k in ("cpu_parser_all", "cpu_baseline", "cpu_ours")]
        print(f"| {r['corpus']} | {n} ({r['two_actor_sentences']}) | {r['words']} "
              f"| {r['unparsed']} ({r['timeouts']}) "
              f"| {rate[0]:,.0f} sent/CPU-s ({r['cpu_parser_all']:.2f} s) "
              f"| {rate[1]:,.0f} sent/CPU-s ({r['cpu_baseline']:.2f} s) "
              f"| {rate[2]:,.0f} sent/CPU-s ({r['cpu_ours']:.3f} s) |")


def main(argv: list[str]) -> None:
    command = argv[0] if argv else "run"
    if command in ("kg", "kg-pure"):
        run_kg(argv[1:], pure=command == "kg-pure")
        return
    if not (SHARED / "eval" / "score.py").exists() and command != "speed":
        raise SystemExit(f"needs the shared evaluation material at {SHARED}")
    load_link_grammar()
    from linkgrammar import clinkgrammar as clg

    print(f"{clg.linkgrammar_get_version()}, Python {sys.version.split()[0]}")
    if command in ("run", "quality"):
        print_quality(quality(variants()))
        print()
    if command in ("run", "speed"):
        print_speed(speed())


if __name__ == "__main__":
    main(sys.argv[1:])
