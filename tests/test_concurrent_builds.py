"""Builds clean up only what dead builds left behind: a running build's folders are its own."""

from __future__ import annotations

import os

import pytest

from graph import store

fcntl = pytest.importorskip("fcntl")  # file locks: POSIX


def _held_by_another_build(folder):
    """Lock ``folder`` as a running build in another process would (a separate open file)."""
    folder.mkdir()
    fh = open(folder / store.IN_USE, "wb")
    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fh


def _left_by_a_killed_build(folder):
    folder.mkdir()
    (folder / store.IN_USE).write_bytes(b"")  # its lock went with the process
    (folder / "part.trig").write_bytes(b"")


def test_spill_folders_of_running_builds_are_kept(tmp_path):
    running = _held_by_another_build(tmp_path / ".build-running")
    _left_by_a_killed_build(tmp_path / ".build-killed")
    mine = store.new_spill_folder(tmp_path)
    try:
        assert (tmp_path / ".build-running").is_dir()
        assert not (tmp_path / ".build-killed").exists()
        assert (mine / store.IN_USE).exists()
        running.close()  # that build ends (or dies): the next build may clear its leftovers
        again = store.new_spill_folder(tmp_path)
        assert not (tmp_path / ".build-running").exists()
        assert mine.is_dir()  # still held by this process
        store.remove_spill_folder(again)
    finally:
        store.remove_spill_folder(mine)
    assert not mine.exists() and list(tmp_path.iterdir()) == []


def test_versions_of_running_builds_are_kept(tmp_path):
    running = _held_by_another_build(tmp_path / ".dataset-running")
    _left_by_a_killed_build(tmp_path / ".dataset-killed")
    old = tmp_path / ".dataset-oldcode"  # no lock file: left by a build of older code
    old.mkdir()
    try:
        n = store.write_dataset(tmp_path, [])
        assert n >= 0
        names = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".dataset-"))
        assert ".dataset-running" in names and ".dataset-killed" not in names
        assert ".dataset-oldcode" not in names
        current = os.readlink(tmp_path / ".dataset")
        assert not (tmp_path / current / store.IN_USE).exists()  # released once switched
    finally:
        running.close()
