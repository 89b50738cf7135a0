"""The actor knowledge base: YAML files in ``ontology/actors`` plus the user's own.

The files are data (see ``ontology/actors/README.md``); this module loads them into a
:class:`KnowledgeBase` that the linker queries by surface form, and that the RDF stage turns
into the actor graph. ISO 3166 codes and official names come from pycountry, so a country the
curated files forget is still known by its ISO name.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.model import Actor
from graph.resources import ontology_dir

_FILE_TYPES = {
    "countries": "Country",
    "organizations": "Organization",
    "agencies": "Organization",
    "groups": "Group",
    "people": "Person",
}


class KnowledgeBaseError(ValueError):
    """A knowledge-base file that cannot be used; the message names the file."""


@dataclass
class Role:
    """A dated office: ``title`` of ``of`` between ``start`` and ``end`` (ISO dates)."""

    title: str
    of: str
    start: str | None = None
    end: str | None = None

    def holds_on(self, date: str | None) -> bool:
        """True when the office was held on ``date`` (``None``: currently held)."""
        if date is None:
            return self.end is None
        day = date[:10]
        if self.start and _pad(self.start, low=True) > day:
            return False
        return not (self.end and _pad(self.end, low=False) < day)


def _pad(value: str, *, low: bool) -> str:
    """Turn a year or year-month into a comparable full date (start or end of the period)."""
    value = str(value)
    if len(value) == 4:
        return value + ("-01-01" if low else "-12-31")
    if len(value) == 7:
        return value + ("-01" if low else "-31")
    return value[:10]


@dataclass
class Entry:
    """One actor of the knowledge base with every surface form it can take."""

    actor: Actor
    names: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    generic: list[str] = field(default_factory=list)
    ambiguous: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)
    source: str = ""
    given: frozenset | None = None      # fields the file spelt out (a merge overrides only these)

    @property
    def key(self) -> str:
        return self.actor.id

    def surfaces(self):
        """(surface, via) pairs, the preferred label first."""
        yield self.actor.label, "name"
        for name in self.names:
            yield name, "alias"
        for name in self.acronyms:
            yield name, "acronym"
        for name in self.adjectives:
            yield name, "adjective"
        for name in self.capitals:
            yield name, "capital"


class KnowledgeBase:
    """Actors by key, and an index from surface form to the actors it may name.

    Examples
    --------
    >>> kb = load_knowledge_base()
    >>> kb["IRN"].actor.label
    'Iran'
    >>> ("IRN", "capital") in kb.lookup("Tehran")
    True
    """

    def __init__(self, entries: list[Entry]):
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        """Add ``entry``, or merge it over an existing entry with the same key."""
        old = self.entries.get(entry.key)
        if old is not None:
            entry = _merge(old, entry)
        self.entries[entry.key] = entry
        self.__dict__.pop("_index", None)

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __iter__(self):
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def index(self) -> dict[str, list[tuple[str, str]]]:
        """surface form -> [(actor key, via)], built once."""
        if "_index" not in self.__dict__:
            index: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for entry in self.entries.values():
                for surface, via in entry.surfaces():
                    if surface and (entry.key, via) not in index[surface]:
                        index[surface].append((entry.key, via))
            self.__dict__["_index"] = dict(index)
        return self.__dict__["_index"]

    def lookup(self, surface: str) -> list[tuple[str, str]]:
        return self.index.get(surface, [])

    def is_ambiguous(self, key: str, surface: str) -> bool:
        entry = self.entries.get(key)
        return bool(entry and surface in entry.ambiguous)

    def generic_agencies(self) -> dict[str, list[str]]:
        """Generic agency names ("Foreign Ministry") -> the agency keys that carry them."""
        out: dict[str, list[str]] = defaultdict(list)
        for entry in self.entries.values():
            for name in entry.generic:
                out[name].append(entry.key)
        return dict(out)

    def office_holders(self, title: str, of: str | None, date: str | None) -> list[str]:
        """Keys of people who held ``title`` (of ``of``) on ``date`` (today when unknown)."""
        day = date or _dt.date.today().isoformat()
        found = []
        for entry in self.entries.values():
            for role in entry.roles:
                if role.title == title and (of is None or role.of == of) and role.holds_on(day):
                    found.append(entry.key)
                    break
        return found

    def people_by_surname(self) -> dict[str, list[str]]:
        """Last name -> person keys, for "President Trump" style references."""
        if "_surnames" not in self.__dict__:
            out: dict[str, list[str]] = defaultdict(list)
            for entry in self.entries.values():
                if entry.actor.type != "Person":
                    continue
                family_first = entry.actor.affiliation in _FAMILY_NAME_FIRST
                for name in [entry.actor.label, *entry.names]:
                    parts = name.replace(".", ". ").split()
                    if len(parts) < 2:
                        continue
                    surname = parts[0] if family_first else parts[-1]
                    if surname in _NOT_SURNAMES:
                        continue
                    if (len(surname) >= 3 or family_first) and entry.key not in out[surname]:
                        out[surname].append(entry.key)
            self.__dict__["_surnames"] = dict(out)
        return self.__dict__["_surnames"]


# Titles that knowledge-base name variants start with ("President Xi") are never surnames.
_NOT_SURNAMES = {"President", "Prime", "Premier", "Minister", "King", "Queen", "Prince", "Emir",
                 "Sheikh", "General", "Gen.", "Secretary", "Chairman", "Chancellor", "Ayatollah",
                 "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Lord", "Crown", "Supreme", "Leader"}

# States whose leaders' names are written family name first in English news ("Xi Jinping").
_FAMILY_NAME_FIRST = {"CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "MNG"}


def _merge(old: Entry, new: Entry) -> Entry:
    """A user's entry overrides scalar fields and adds surface forms."""
    actor = old.actor
    given = new.given if new.given is not None else frozenset(
        {"label", "type", "iso3", "affiliation", "qid", "description"})
    for attr in ("label", "iso3", "affiliation", "qid", "description"):
        value = getattr(new.actor, attr)
        if value and attr in given:
            setattr(actor, attr, value)
    if "type" in given:
        actor.type = new.actor.type
    merged = Entry(actor=actor, source=new.source or old.source)
    for attr in ("names", "acronyms", "adjectives", "capitals", "generic"):
        values = list(getattr(old, attr))
        values += [v for v in getattr(new, attr) if v not in values]
        setattr(merged, attr, values)
    merged.ambiguous = old.ambiguous | new.ambiguous
    merged.roles = old.roles + [r for r in new.roles if r not in old.roles]
    actor.alt_labels = _alt_labels(merged)
    return merged


def _alt_labels(entry: Entry) -> list[str]:
    seen = {entry.actor.label}
    out = []
    for name in entry.names + entry.acronyms + entry.adjectives + entry.capitals:
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v is not None]


def parse_entry(raw: dict, *, default_type: str, source: str) -> Entry:
    """Build an :class:`Entry` from one YAML mapping; raises KnowledgeBaseError if unusable."""
    if not isinstance(raw, dict) or not raw.get("id"):
        raise KnowledgeBaseError(f"{source}: an entry without an id: {raw!r:.80}")
    key = str(raw["id"])
    actor_type = str(raw.get("type") or default_type)
    if actor_type not in ("Country", "Organization", "Person", "Group"):
        raise KnowledgeBaseError(f"{source}: {key}: unknown type {actor_type!r}")
    label = str(raw.get("name") or raw.get("label") or key)
    iso3 = key if actor_type == "Country" and len(key) == 3 and key.isalpha() else raw.get("iso3")
    roles = []
    for r in raw.get("roles") or []:
        if isinstance(r, dict) and r.get("title"):
            roles.append(Role(str(r["title"]), str(r.get("of") or raw.get("affiliation") or ""),
                              _date_str(r.get("start")), _date_str(r.get("end"))))
    affiliation = raw.get("affiliation")
    if not affiliation and roles:
        affiliation = roles[-1].of or None
    entry = Entry(
        actor=Actor(id=key, type=actor_type, label=label, iso3=iso3,
                    affiliation=str(affiliation) if affiliation else None,
                    qid=str(raw["qid"]) if raw.get("qid") else None,
                    description=raw.get("description")),
        names=_as_list(raw.get("names")),
        acronyms=_as_list(raw.get("acronyms")),
        adjectives=_as_list(raw.get("adjectives")),
        capitals=_as_list(raw.get("capitals")),
        generic=_as_list(raw.get("generic")),
        ambiguous=set(_as_list(raw.get("ambiguous"))),
        roles=roles,
        source=source,
        given=frozenset(({"label"} if raw.get("name") or raw.get("label") else set())
                        | ({"type"} if raw.get("type") else set())
                        | {f for f in ("iso3", "affiliation", "qid", "description") if raw.get(f)}),
    )
    entry.actor.alt_labels = _alt_labels(entry)
    return entry


def _date_str(value) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, (_dt.date, _dt.datetime)) else str(value)


def read_entries(path: Path, default_type: str | None = None) -> list[Entry]:
    """Entries of one YAML (or Turtle) file."""
    path = Path(path)
    if path.suffix.lower() in (".ttl", ".turtle"):
        from graph.actors.turtle import entries_from_turtle

        return entries_from_turtle(path)
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"{path}: cannot read actors: {exc}") from exc
    if data is None:
        return []
    if isinstance(data, dict):  # {actors: [...]} is accepted too
        data = data.get("actors", [])
    if not isinstance(data, list):
        raise KnowledgeBaseError(f"{path}: expected a list of actors")
    kind = default_type or _FILE_TYPES.get(path.stem, "Organization")
    return [parse_entry(raw, default_type=kind, source=str(path)) for raw in data]


def _pycountry_entries() -> list[Entry]:
    """Every ISO 3166 country, by its ISO short and official names."""
    import pycountry

    out = []
    for c in pycountry.countries:
        names = [n for n in (getattr(c, "common_name", None), getattr(c, "official_name", None))
                 if n and n != c.name]
        out.append(Entry(actor=Actor(id=c.alpha_3, type="Country", label=c.name, iso3=c.alpha_3),
                         names=names, source="pycountry"))
    return out


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> KnowledgeBase:
    entries: list[Entry] = []
    folder = ontology_dir() / "actors"
    curated_countries = {}
    for path in sorted(folder.glob("*.yaml")):
        for entry in read_entries(path):
            if entry.actor.type == "Country":
                curated_countries[entry.key] = entry
            entries.append(entry)
    kb = KnowledgeBase([])
    # pycountry first, so the curated entries refine it (their label wins).
    for entry in _pycountry_entries():
        if entry.key in curated_countries:
            iso_names = [entry.actor.label, *entry.names]
            curated = curated_countries[entry.key]
            curated.names += [n for n in iso_names if n not in curated.names and n != curated.actor.label]
            curated.actor.alt_labels = _alt_labels(curated)
        else:
            kb.add(entry)
    for entry in entries:
        kb.add(entry)
    for path in extra:
        for entry in read_entries(Path(path)):
            kb.add(entry)
    return kb


def load_knowledge_base(extra_files: list[str | Path] | tuple = ()) -> KnowledgeBase:
    """The built-in knowledge base, with the user's ``extra_files`` merged over it.

    Parameters
    ----------
    extra_files : list of path
        YAML (the same form as ``ontology/actors/*.yaml``) or Turtle files of actors. An entry
        whose id exists already adds its names to it and overrides its label, type, QID and
        affiliation.
    """
    return _load(tuple(str(Path(p).resolve()) for p in extra_files))
