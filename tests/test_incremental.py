"""Incremental builds: add, change, unchanged, keep, prune; and builds killed half-way.

The articles are short texts written for these tests.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import pipeline, store
from graph.pipeline import build

ANKARA = ("Ankara pledged to deepen defence cooperation with Baku after the talks. "
          "Turkey praised Azerbaijan for its restraint on the border.\n")
MOSCOW = ("Moscow accused Kyiv of shelling a power station near the front line. "
          "Ukraine condemned Russia for the strike on the grain port.\n")
WARSAW = ("Ukraine thanked Poland for the air-defence systems delivered last week. "
          "Warsaw promised further military aid to Kyiv.\n")
BEIJING = ("Beijing praised Islamabad for its help with a new rail link. "
           "China pledged more loans to Pakistan.\n")

DOCS = "SELECT ?src ?key WHERE { ?d a kgo:Document ; dcterms:source ?src ; dcterms:identifier ?key } ORDER BY ?src"
PAIRS = ("SELECT ?s ?t ?type WHERE { ?i a kgo:Interaction ; kgo:source ?s ; kgo:target ?t ; "
         "kgo:eventType ?type } ORDER BY ?s ?t ?type")


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _sources(out: Path) -> list[str]:
    return [Path(r["src"]).name for r in store.select_rows(out, DOCS)]


def _counting(monkeypatch) -> list[str]:
    """Count the documents that go through extraction."""
    calls: list[str] = []
    real = pipeline.process_document

    def counted(doc, kb=None):
        calls.append(Path(doc.source).name)
        return real(doc, kb)

    monkeypatch.setattr(pipeline, "process_document", counted)
    return calls


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    _write(folder, "ankara.txt", ANKARA)
    _write(folder, "moscow.txt", MOSCOW)
    return folder


def _fresh(tmp_path: Path, name: str, paths) -> bytes:
    out = tmp_path / name
    assert build(paths, out, pages=False).ok
    return (out / "graph.trig").read_bytes()


def test_unchanged_files_are_reused_without_extraction(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, pages=False)
    before = (out / "graph.trig").read_bytes()
    calls = _counting(monkeypatch)
    report = build([corpus], out, pages=False)
    assert calls == []
    assert report.ok and sorted(Path(p).name for p in report.unchanged) == ["ankara.txt", "moscow.txt"]
    assert report.added == report.changed == report.removed == []
    assert (out / "graph.trig").read_bytes() == before
    assert report.interactions > 0 and report.actors > 0


def test_new_file_is_added_and_only_it_is_processed(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, pages=False)
    _write(corpus, "beijing.txt", BEIJING)
    calls = _counting(monkeypatch)
    report = build([corpus], out, pages=False)
    assert calls == ["beijing.txt"]
    assert [Path(p).name for p in report.added] == ["beijing.txt"]
    assert sorted(Path(p).name for p in report.unchanged) == ["ankara.txt", "moscow.txt"]
    assert _sources(out) == ["ankara.txt", "beijing.txt", "moscow.txt"]
    # the same dataset, byte for byte, as a build from scratch
    assert (out / "graph.trig").read_bytes() == _fresh(tmp_path, "scratch", [corpus])


def test_changed_file_replaces_its_document(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, pages=False)
    old_key = {Path(r["src"]).name: r["key"] for r in store.select_rows(out, DOCS)}["moscow.txt"]
    _write(corpus, "moscow.txt", WARSAW)
    calls = _counting(monkeypatch)
    report = build([corpus], out, pages=False)
    assert calls == ["moscow.txt"]
    assert [Path(p).name for p in report.changed] == ["moscow.txt"]
    keys = {Path(r["src"]).name: r["key"] for r in store.select_rows(out, DOCS)}
    assert keys["moscow.txt"] != old_key and len(keys) == 2
    assert old_key not in (out / "graph.trig").read_text(encoding="utf-8")
    pairs = {(r["s"].rsplit("/", 1)[-1], r["t"].rsplit("/", 1)[-1]) for r in store.select_rows(out, PAIRS)}
    assert ("POL", "UKR") in pairs and ("RUS", "UKR") not in pairs
    assert (out / "graph.trig").read_bytes() == _fresh(tmp_path, "scratch", [corpus])


def test_missing_inputs_are_kept_unless_pruned(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out, pages=False)
    calls = _counting(monkeypatch)
    report = build([corpus / "ankara.txt"], out, pages=False)
    assert calls == []
    assert [Path(p).name for p in report.kept] == ["moscow.txt"]
    assert _sources(out) == ["ankara.txt", "moscow.txt"]

    report = build([corpus / "ankara.txt"], out, pages=False, prune=True)
    assert [Path(p).name for p in report.removed] == ["moscow.txt"] and report.kept == []
    assert _sources(out) == ["ankara.txt"]
    # actors only the pruned article named are gone from the actor graph too
    actors = {r["k"] for r in store.select_rows(out, "SELECT ?k WHERE { ?a kgo:key ?k }")}
    assert "RUS" not in actors and "TUR" in actors
    assert (out / "graph.trig").read_bytes() == _fresh(tmp_path, "scratch", [corpus / "ankara.txt"])


def test_unreadable_new_version_keeps_the_previous_one(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out, pages=False)
    (corpus / "moscow.txt").write_bytes(b"\x00\x01binary\x00")
    report = build([corpus], out, pages=False)
    assert any("moscow.txt" in s for s in report.skipped)
    assert any("kept the previous version" in w for w in report.warnings)
    assert _sources(out) == ["ankara.txt", "moscow.txt"]


def test_cli_prune(corpus, tmp_path):
    out = tmp_path / "out"
    run = [sys.executable, "-m", "graph", "build", "--no-pages", "--out", str(out)]
    subprocess.run([*run, str(corpus)], check=True, capture_output=True)
    done = subprocess.run([*run, "--prune", str(corpus / "moscow.txt")], check=True,
                          capture_output=True, text=True)
    assert "built 1 document(s)" in done.stdout
    assert _sources(out) == ["moscow.txt"]


def test_old_layout_is_migrated(corpus, tmp_path):
    """A folder with a plain graph.trig and store/ (the layout before versions) is upgraded."""
    out = tmp_path / "out"
    build([corpus / "ankara.txt"], out, pages=False)
    trig = (out / "graph.trig").read_bytes()
    for name in ("graph.trig", "store", ".dataset"):
        os.unlink(out / name)
    for version in out.glob(".dataset-*"):
        (version / "graph.trig").rename(out / "graph.trig")
        (version / "store").rename(out / "store")
        version.rmdir()
    assert not (out / "store").is_symlink() and (out / "graph.trig").read_bytes() == trig
    report = build([corpus], out, pages=False)
    assert [Path(p).name for p in report.unchanged] == ["ankara.txt"]
    assert (out / "store").is_symlink() and _sources(out) == ["ankara.txt", "moscow.txt"]
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".dataset", _version(out)]


# --------------------------------------------------------------------------- killed builds


def _version(out: Path) -> str:
    return os.readlink(out / ".dataset")


def _snapshot(out: Path) -> tuple[bytes, list, list, bytes | None]:
    page = out / "index.html"
    return ((out / "graph.trig").read_bytes(), store.select_rows(out, DOCS),
            store.select_rows(out, PAIRS), page.read_bytes() if page.exists() else None)


def _kg_build(args, env_extra=None, **kwargs):
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.Popen([sys.executable, "-m", "graph", "build", *map(str, args)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)


@pytest.mark.parametrize("point", ["processed", "store-written", "trig-written"])
def test_build_killed_half_way_leaves_the_old_dataset(corpus, tmp_path, point):
    out = tmp_path / "out"
    build([corpus / "ankara.txt"], out)
    before = _snapshot(out)
    version = _version(out)
    proc = _kg_build([corpus, "--out", out], {"KG_TEST_KILL_AT": point})
    assert proc.wait(timeout=120) == -signal.SIGKILL
    assert _snapshot(out) == before
    assert _version(out) == version
    # the next build succeeds and removes what the killed one left behind
    report = build([corpus], out, pages=False)
    assert report.ok and _sources(out) == ["ankara.txt", "moscow.txt"]
    assert [p.name for p in out.glob(".dataset-*")] == [_version(out)]


def test_build_killed_after_commit_has_the_new_dataset(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus / "ankara.txt"], out, pages=False)
    old = _version(out)
    proc = _kg_build([corpus, "--out", out, "--no-pages"], {"KG_TEST_KILL_AT": "committed"})
    assert proc.wait(timeout=120) == -signal.SIGKILL
    assert _version(out) != old and _sources(out) == ["ankara.txt", "moscow.txt"]
    assert (out / old).exists()  # left behind by the kill ...
    build([corpus], out, pages=False)
    assert not (out / old).exists()  # ... and removed by the next write


def test_build_killed_at_any_moment_is_old_or_new(corpus, tmp_path):
    """SIGKILL from outside at some moments: the dataset is wholly old or wholly new."""
    out = tmp_path / "out"
    build([corpus / "ankara.txt"], out, pages=False)
    old = _snapshot(out)[:3]
    new_out = tmp_path / "new"
    started = time.monotonic()
    assert _kg_build([corpus, "--out", new_out, "--no-pages"]).wait(timeout=120) == 0
    duration = time.monotonic() - started
    new = _snapshot(new_out)[:3]
    for fraction in (0.75, 0.95):  # the writes happen at the end of a build
        proc = _kg_build([corpus, "--out", out, "--no-pages"])
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        assert _snapshot(out)[:3] in (old, new)


def test_without_symlinks_the_files_are_renamed_into_place(corpus, tmp_path, monkeypatch):
    """Where links cannot be made, graph.trig and store/ are plain and still replaced whole."""
    def no_links(*args, **kwargs):
        raise OSError("symbolic links are not supported here")

    monkeypatch.setattr(os, "symlink", no_links)
    out = tmp_path / "out"
    build([corpus / "ankara.txt"], out, pages=False)
    assert not (out / "store").is_symlink() and (out / "store").is_dir()
    report = build([corpus], out, pages=False)
    assert [Path(p).name for p in report.added] == ["moscow.txt"]
    assert _sources(out) == ["ankara.txt", "moscow.txt"]
    assert sorted(p.name for p in out.iterdir()) == ["graph.trig", "store"]
