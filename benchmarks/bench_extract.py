"""Extraction speed on a folder of documents: sentences per CPU second, with an optional profile.

Not a test. The documents are read first; only :func:`graph.pipeline.process_document`
(sentences, actors, extraction, dates) is timed, on one core, as CPU seconds (the fair measure
on a shared machine) and wall seconds. ``--repeat`` runs the same documents several times and
keeps the fastest pass.

Run::

    .venv/bin/python benchmarks/generate_corpus.py /tmp/speed-corpus --documents 500
    .venv/bin/python benchmarks/bench_extract.py /tmp/speed-corpus [--limit 300] [--repeat 3]
    .venv/bin/python benchmarks/bench_extract.py ../shared/corpus/articles/docs --profile 40
    .venv/bin/python benchmarks/bench_extract.py --long 100000   # one long sentence full of actors
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def read_documents(folders: list[str | Path], limit: int | None) -> list:
    """The documents under ``folders`` (read and cleaned, not yet processed)."""
    from graph.ingest import IngestError, collect_inputs, read_document

    files, _ = collect_inputs([Path(f) for f in folders])
    docs = []
    for path in files[:limit]:
        try:
            docs.append(read_document(path))
        except IngestError:
            pass
    return docs


def long_sentence(characters: int) -> list:
    """One document holding a single sentence of ``characters`` characters with many actors."""
    from graph.model import Document

    unit = ("Iran accused Azerbaijan of provocations, and then the talks went on without any result "
            "while observers waited in the rain and the night fell over the long border road ")
    text = (unit * (characters // len(unit) + 1))[:characters]
    return [Document("long-sentence", text)]


def one_pass(docs, kb) -> tuple[int, float, float]:
    """Process every document once: (sentences, CPU seconds, wall seconds)."""
    from graph.model import Document
    from graph.pipeline import process_document

    sentences = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for d in docs:
        done = process_document(Document(d.source, d.text, title=d.title, date=d.date), kb)
        sentences += len(done.sentences)
    return sentences, time.process_time() - cpu, time.perf_counter() - wall


def traced_steps(docs, kb) -> int:
    """The number of trace events (calls, lines, returns) of one pass over ``docs``."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        one_pass(docs, kb)
    finally:
        sys.settrace(None)
    return count


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--repeat", type=int, default=1, help="passes; the fastest is reported")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="profile one pass and print the N costliest functions (cumulative "
                             "and own time)")
    parser.add_argument("--steps", action="store_true",
                        help="count traced Python steps (calls, lines, returns) of one pass "
                             "instead of timing it: a measure of the work that a loaded "
                             "machine does not distort (C code inside a step is not counted)")
    parser.add_argument("--long", type=int, default=0, metavar="CHARS",
                        help="time one sentence of CHARS characters instead of folders")
    args = parser.parse_args(argv)

    from graph.actors.kb import load_knowledge_base
    from graph.model import Document
    from graph.pipeline import process_document

    kb = load_knowledge_base([])
    process_document(Document("warm-up", "Iran accused Azerbaijan of provocations."), kb)
    docs = long_sentence(args.long) if args.long else read_documents(args.folders, args.limit)

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        one_pass(docs, kb)
        profiler.disable()
        stats = pstats.Stats(profiler).strip_dirs()
        stats.sort_stats("cumulative").print_stats(args.profile)
        stats.sort_stats("tottime").print_stats(args.profile)
        return

    if args.steps:
        steps = traced_steps(docs, kb)
        print(f"{len(docs)} documents: {steps:,} traced Python steps")
        return

    best = None
    for _ in range(args.repeat):
        sentences, cpu, wall = one_pass(docs, kb)
        if best is None or cpu < best[1]:
            best = (sentences, cpu, wall)
    sentences, cpu, wall = best
    print(f"{len(docs)} documents, {sentences} sentences: {cpu:.2f} CPU s, {wall:.2f} wall s, "
          f"{sentences / cpu:,.0f} sentences per CPU second")


if __name__ == "__main__":
    main()
