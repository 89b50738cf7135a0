"""The actors stage: knowledge base, linking of names in text, and short-form references.

>>> from graph.model import Document
>>> from graph.sentences import add_sentences
>>> from graph.actors import link_actors
>>> doc = link_actors(add_sentences(Document("x.txt", "Tehran accused Baku of meddling.")))
>>> [(m.text, m.actor) for m in doc.mentions]
[('Tehran', 'IRN'), ('Baku', 'AZE')]
"""

from __future__ import annotations


def link_actors(doc, kb=None):
    """Find every actor mention in ``doc`` (see :class:`graph.actors.linker.Linker`)."""
    from graph.actors.linker import get_linker

    return get_linker(kb).link(doc)


__all__ = ["link_actors"]
