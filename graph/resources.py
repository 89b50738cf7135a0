"""Where the package data lives: ontology/, lexicons, the knowledge base, named queries.

In a wheel, ``ontology/`` is shipped inside the package as ``graph/ontology``; in a source
checkout (editable install, tests) it is the top-level ``ontology/`` folder beside ``graph/``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def ontology_dir() -> Path:
    """The folder that holds kgo.ttl, event-types.ttl, shapes.ttl, actors/ and lexicon/."""
    for candidate in (_PACKAGE / "ontology", _PACKAGE.parent / "ontology"):
        if (candidate / "actors").is_dir():
            return candidate
    raise FileNotFoundError("kg-explorer's ontology/ folder is missing from this installation")


def lexicon_path(name: str) -> Path:
    return ontology_dir() / "lexicon" / name


def queries_dir() -> Path:
    return _PACKAGE / "queries"


def templates_dir() -> Path:
    return _PACKAGE / "render" / "templates"


@lru_cache(maxsize=None)
def load_yaml(path: Path):
    """Parse a YAML data file once per process."""
    import yaml

    # libyaml's C loader is ~10x faster on the knowledge base; the pure-Python one is the fallback
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader
