"""``kg actors TEXT``: which actors the knowledge base knows, by any of their names."""

from __future__ import annotations

from graph.actors.kb import Entry, load_knowledge_base


def find_actors(text: str | None, *, extra_files=(), limit: int = 50) -> list[Entry]:
    """Entries whose key, label or any surface form contains ``text`` (case-insensitive).

    >>> [e.key for e in find_actors("Kremlin")]
    ['RUS', 'RUS/kremlin']
    """
    kb = load_knowledge_base(list(extra_files))
    needle = (text or "").casefold()
    exact, partial = [], []
    for entry in kb:
        forms = [entry.key, entry.actor.label, *entry.actor.alt_labels]
        folded = [f.casefold() for f in forms]
        if needle in folded:
            exact.append(entry)
        elif any(needle in f for f in folded):
            partial.append(entry)
    found = sorted(exact, key=lambda e: e.key) + sorted(partial, key=lambda e: e.key)
    return found[:limit]


def print_actors(text: str | None, *, extra_files=(), limit: int = 50) -> int:
    """Print matching actors as a table; returns how many matched."""
    from rich.console import Console
    from rich.table import Table

    found = find_actors(text, extra_files=extra_files, limit=limit)
    table = Table("key", "type", "label", "aliases", "affiliation", "wikidata")
    for e in found:
        aliases = ", ".join(e.actor.alt_labels[:12]) + (" …" if len(e.actor.alt_labels) > 12 else "")
        table.add_row(e.key, e.actor.type, e.actor.label, aliases, e.actor.affiliation or "",
                      e.actor.qid or "")
    Console(width=200).print(table)
    print(f"{len(found)} actor(s)")
    return len(found)
