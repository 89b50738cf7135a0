"""The dataset on disk: ``graph.trig`` (the whole dataset) and ``store/`` (pyoxigraph).

Writes are atomic: the new TriG file and the new store are written beside the old ones and
renamed into place only when complete, so a build that fails or is killed half-way leaves the
previous dataset intact. Queries open the store read-only, with the union of all named graphs
as the default graph (``GRAPH ?g`` still addresses each one).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from graph.iris import PREFIXES

TRIG = "graph.trig"
STORE = "store"


class StoreMissing(FileNotFoundError):
    """DIR holds no dataset built by ``kg build``."""


def _sort_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def serialize_trig(quads: Iterable[ox.Quad]) -> bytes:
    """TriG of ``quads``, sorted, with the project's prefixes: identical input, identical bytes."""
    return _trig(sorted(set(quads), key=_sort_key))


def _trig(ordered: list[ox.Quad]) -> bytes:
    return ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=PREFIXES) or b""


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_dataset(out_dir: Path, quads: Iterable[ox.Quad]) -> int:
    """Replace the dataset in ``out_dir`` by ``quads``; returns the number of quads written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    quads = sorted(set(quads), key=_sort_key)
    new_store = Path(tempfile.mkdtemp(prefix=".store-new-", dir=out_dir))
    try:
        store = ox.Store(str(new_store))
        store.bulk_extend(quads)
        store.flush()
        store.optimize()
        del store
        atomic_write(out_dir / TRIG, _trig(quads))
        _swap_in(new_store, out_dir / STORE)
    except BaseException:
        shutil.rmtree(new_store, ignore_errors=True)
        raise
    return len(quads)


def _swap_in(new: Path, final: Path) -> None:
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}-old-{os.getpid()}")
        os.replace(final, old)
    os.replace(new, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def has_dataset(out_dir: Path) -> bool:
    return (Path(out_dir) / STORE).is_dir() and (Path(out_dir) / TRIG).is_file()


def open_store(out_dir: Path, *, writable: bool = False) -> ox.Store:
    """The pyoxigraph store of a build (read-only unless ``writable``)."""
    path = Path(out_dir) / STORE
    if not path.is_dir():
        raise StoreMissing(f"{out_dir}: no dataset here (run `kg build ... --out {out_dir}` first)")
    return ox.Store(str(path)) if writable else ox.Store.read_only(str(path))


def all_quads(out_dir: Path) -> list[ox.Quad]:
    store = open_store(out_dir)
    return list(store.quads_for_pattern(None, None, None, None))


def replace_graph(out_dir: Path, graph_iri: str, quads: Iterable[ox.Quad]) -> int:
    """Swap the named graph ``graph_iri`` for ``quads``, rewriting store and TriG atomically."""
    g = ox.NamedNode(graph_iri)
    kept = [q for q in all_quads(out_dir) if q.graph_name != g]
    return write_dataset(out_dir, kept + [ox.Quad(q.subject, q.predicate, q.object, g) for q in quads])


def query(out_dir_or_store, sparql: str, **kwargs):
    """Run ``sparql`` over a build (a folder or an open store), default graph = union of graphs."""
    store = out_dir_or_store if isinstance(out_dir_or_store, ox.Store) else open_store(out_dir_or_store)
    return store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES, **kwargs)


def select_rows(out_dir_or_store, sparql: str, **kwargs) -> list[dict[str, str]]:
    """SELECT results as plain dicts of strings (variable name -> value), for Python callers."""
    results = query(out_dir_or_store, sparql, **kwargs)
    names = [v.value for v in results.variables]
    rows = []
    for solution in results:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = term.value
        rows.append(row)
    return rows
