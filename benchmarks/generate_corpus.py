"""Generate a seeded corpus of realistic foreign-policy articles for the scale benchmarks.

Sentences come from our own templates, filled with actors of the knowledge base
(``ontology/actors``): countries by name, adjective or capital; leaders with their titles
("Iranian President Ebrahim Raisi"); agencies ("the Pentagon", "Azerbaijan's Defence Ministry");
IGOs and armed groups. Every modality the extractor knows appears (asserted, reported, negated,
hypothetical, recommended), as do claims ("X said that ..."), dates, and neutral filler
sentences, grouped into paragraphs under a headline, byline and date line, as ``.txt``, ``.md``
and a few ``.html`` files. The same ``--seed`` gives the same bytes.

Run: ``.venv/bin/python benchmarks/generate_corpus.py OUT --documents 10000 [--sentences 32]``
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "ontology" / "actors"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
TITLES = {"president": "President", "prime-minister": "Prime Minister",
          "foreign-minister": "Foreign Minister", "defence-minister": "Defence Minister",
          "defense-minister": "Defense Minister", "secretary-general": "Secretary-General",
          "secretary-of-state": "Secretary of State", "chancellor": "Chancellor",
          "supreme-leader": "Supreme Leader"}

# {S} and {T}: actor phrases; {D}: a date phrase; {P}: a place; {N}: a number.
ASSERTED = [
    "{S} accused {T} of violating the ceasefire along the border.",
    "{S} condemned {T} for the drone strike on a fuel depot {D}.",
    "{S} signed a defence cooperation agreement with {T} {D}.",
    "{S} imposed new sanctions on {T} over its missile programme.",
    "{S} praised {T} for its role in the prisoner exchange.",
    "{S} met {T} in {P} to discuss the transit corridor.",
    "{S} threatened {T} with retaliation after the incident at sea.",
    "{S} expelled {N} diplomats from {T} {D}.",
    "{S} welcomed the decision by {T} to reopen its embassy.",
    "{S} criticised {T} for blocking the humanitarian convoy.",
    "{S} hosted {T} for two days of talks on energy and security.",
    "{S} backed {T} in its dispute over the maritime boundary.",
    "{S} warned {T} against any further troop deployments near the frontier.",
    "{S} negotiated with {T} over the release of detained sailors.",
    "{S} supplied {T} with air-defence systems, officials confirmed.",
    "{S} recalled its ambassador from {T} for consultations.",
]
REPORTED = [
    "According to {S}, {T} had moved artillery closer to the line of contact.",
    "{S} said that {T} had fired on a patrol {D}.",
    "{S} claimed that {T} was training militias across the border.",
    "Officials in {P} said {S} had offered {T} a loan of {N} million dollars.",
    "{S} alleged that {T} had jammed civilian flights over the region.",
]
NEGATED = [
    "{S} denied that it had supplied weapons to {T}.",
    "{S} did not condemn {T} after the shelling.",
    "{S} has never recognised {T} as a party to the talks.",
    "{S} rejected reports that it had attacked {T}.",
]
HYPOTHETICAL = [
    "{S} could impose sanctions on {T} if the talks collapse.",
    "{S} may recognise {T} before the end of the year.",
    "If the blockade continues, {S} would likely strike {T}.",
    "Analysts expect that {S} might mediate between {T} and its neighbours.",
]
RECOMMENDED = [
    "{S} should support {T} in the negotiations.",
    "{S} must pressure {T} to withdraw its forces.",
    "We urge {S} to engage {T} directly rather than through intermediaries.",
    "{S} ought to reassure {T} that the exercises are defensive.",
]
FILLER = [
    "The talks are expected to resume after the holidays.",
    "Trade through the port fell by {N} percent in the first quarter.",
    "Local residents described long queues at the checkpoints.",
    "The region has seen repeated flare-ups since the last war ended.",
    "Satellite images published {D} showed new construction near the base.",
    "Energy prices rose sharply after the announcement.",
    "The exercise involved some {N} troops and dozens of aircraft.",
    "Observers said the situation remained tense but calm.",
    "The pipeline carries gas to markets in southern Europe.",
    "Negotiators worked late into the night in {P}.",
]
HEADLINES = ["Tensions rise as {S} and {T} trade accusations", "{S} and {T} resume talks",
             "{S} warns {T} over border moves", "What the {S}-{T} spat means for the region",
             "{S} courts {T} amid regional rivalry"]
PLACES = ["Geneva", "Vienna", "Doha", "Istanbul", "Brussels", "Astana", "Muscat", "Oslo", "Sochi",
          "Tbilisi", "Cairo", "Riyadh"]
PUBLISHERS = ["Caspian Monitor", "Regional Affairs Review", "The Policy Desk", "Frontier Report"]
AUTHORS = ["Jane Roe", "Omar Haddad", "Lena Fischer", "Arman Petrosyan", "Maria Silva",
           "Kenji Sato", "Nadia Karimova"]


@dataclass
class Phrase:
    """How an actor can be named: full forms (first mention) and short forms (later ones)."""

    full: list[str]
    short: list[str]


def _load(name: str) -> list[dict]:
    with open(ACTORS / f"{name}.yaml", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []


def actor_phrases() -> list[Phrase]:
    """Surface forms of knowledge-base actors the templates can use, in a stable order."""
    phrases: list[Phrase] = []
    countries = {}
    for c in _load("countries"):
        adjectives = [a for a in c.get("adjectives") or [] if not a.endswith("s")]
        countries[c["id"]] = (c["name"], adjectives[0] if adjectives else None)
        full = [c["name"]] + [f"the {a} government" for a in adjectives[:1]]
        phrases.append(Phrase(full, full + list(c.get("capitals") or [])[:1]))
    for p in _load("people"):
        for role in p.get("roles") or []:
            title, of = TITLES.get(role.get("title")), role.get("of")
            if title and of in countries and countries[of][1]:
                surname = p["name"].split()[-1]
                phrases.append(Phrase([f"{countries[of][1]} {title} {p['name']}"], [surname]))
                break
    for a in _load("agencies"):
        names = [n for n in a.get("names") or [] if not n.lower().startswith("the ")][:2]
        if names:
            phrases.append(Phrase([f"the {names[0]}"], [f"the {n}" for n in names]))
    for o in _load("organizations") + _load("groups"):
        short = list(o.get("acronyms") or [])[:1] or [o["name"]]
        phrases.append(Phrase([o["name"]], short))
    return phrases


class Writer:
    """Writes one document at a time; everything random comes from one seeded generator."""

    def __init__(self, seed: int = 1):
        self.rnd = random.Random(seed)
        self.actors = actor_phrases()
        # A few crisis "theatres": each document draws most actors from one, as real coverage does.
        self.theatres = [self.rnd.sample(self.actors, 12) for _ in range(40)]

    def date(self) -> str:
        r = self.rnd
        return f"on {r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(2019, 2024)}"

    def sentence(self, pool: list[Phrase], seen: set[int]) -> str:
        r = self.rnd
        kind = r.random()
        if kind < 0.20:
            template = r.choice(FILLER)
        else:
            template = r.choice(ASSERTED if kind < 0.62 else REPORTED if kind < 0.74 else
                                NEGATED if kind < 0.82 else HYPOTHETICAL if kind < 0.91 else RECOMMENDED)
        s, t = r.sample(range(len(pool)), 2)
        fill = {"S": self.name(pool, s, seen), "T": self.name(pool, t, seen), "D": self.date(),
                "P": r.choice(PLACES), "N": str(r.randint(2, 400))}
        text = template.format(**fill)
        return text[0].upper() + text[1:]

    def name(self, pool: list[Phrase], i: int, seen: set[int]) -> str:
        forms = pool[i].short if i in seen else pool[i].full
        seen.add(i)
        return self.rnd.choice(forms)

    def document(self, n: int, sentences: int) -> tuple[str, str]:
        """File name and content of document ``n`` with about ``sentences`` sentences."""
        r = self.rnd
        theatre = r.choice(self.theatres)
        pool = theatre + r.sample(self.actors, 4)
        seen: set[int] = set()
        a, b = r.sample(theatre, 2)
        headline = r.choice(HEADLINES).format(S=a.full[0], T=b.full[0])
        headline = headline[0].upper() + headline[1:]
        count = max(3, int(r.gauss(sentences, sentences / 4)))
        body, paragraph = [], []
        for _ in range(count):
            paragraph.append(self.sentence(pool, seen))
            if len(paragraph) >= r.randint(2, 5):
                body.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            body.append(" ".join(paragraph))
        date = f"{r.randint(2019, 2024)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        author, publisher = r.choice(AUTHORS), r.choice(PUBLISHERS)
        kind = r.random()
        stem = f"doc-{n:06d}"
        if kind < 0.1:
            paras = "\n".join(f"<p>{p}</p>" for p in body)
            html = (f"<!DOCTYPE html><html><head><title>{headline}</title>"
                    f'<meta name="author" content="{author}"><meta name="date" content="{date}">'
                    f"</head><body><nav>Home | World</nav><article><h1>{headline}</h1>{paras}"
                    f"</article><footer>Copyright {publisher}</footer></body></html>\n")
            return f"{stem}.html", html
        if kind < 0.35:
            front = f"---\ntitle: {headline}\nauthor: {author}\ndate: {date}\npublisher: {publisher}\n---\n"
            return f"{stem}.md", front + f"# {headline}\n\n" + "\n\n".join(body) + "\n"
        return f"{stem}.txt", f"{headline}\n\nBy {author}\n\n{date}\n\n" + "\n\n".join(body) + "\n"


def generate(out: Path, documents: int, sentences: int = 32, seed: int = 1,
             per_folder: int = 1000) -> int:
    """Write ``documents`` files under ``out`` (in sub-folders of ``per_folder``).

    Returns the number of files written.
    """
    writer = Writer(seed)
    for n in range(documents):
        name, text = writer.document(n, sentences)
        folder = out / f"part-{n // per_folder:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return documents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--sentences", type=int, default=32, help="mean sentences per document")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out, args.documents, args.sentences, args.seed)
    print(f"wrote {args.documents} documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
