"""Fixtures shared by the test modules: small corpora written from dicts of our own texts."""

from __future__ import annotations

from pathlib import Path

import pytest


def write_texts(folder: Path, texts: dict[str, str]) -> Path:
    """Write each ``name: text`` of ``texts`` as a UTF-8 file in ``folder``; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def texts_folder(tmp_path_factory):
    """``texts_folder(texts, name)``: a fresh folder holding ``texts`` (see :func:`write_texts`)."""
    def make(texts: dict[str, str], name: str = "texts") -> Path:
        return write_texts(tmp_path_factory.mktemp(name), texts)

    return make


@pytest.fixture(scope="session")
def built_texts(texts_folder, tmp_path_factory):
    """``built_texts(texts, name)``: ``(out, report)`` of ``kg build`` (no pages) over ``texts``."""
    def make(texts: dict[str, str], name: str = "texts"):
        from graph.pipeline import build

        out = tmp_path_factory.mktemp(name + "-build")
        return out, build([texts_folder(texts, name)], out, pages=False)

    return make
