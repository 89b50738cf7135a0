"""Where a whole build spends the main process's CPU and memory, stage by stage (not a test).

Runs :func:`graph.pipeline.build` in this process (no pages) and prints, for each stage of
``--timings`` (documents, store, analysis, statistics, trig), the CPU seconds of this process
and the largest resident memory (RSS) this process reached while the stage ran, sampled every
0.1 s; then the peak RSS of this process and of the whole process tree (workers included),
and the CPU seconds of the worker processes. On a machine shared with other jobs, the CPU
seconds are the figures to compare; the wall seconds are printed for completeness.

``--objects`` also prints, at the end of each stage, the Python object types that hold the
most instances (``gc.get_objects``), to find what grows with the corpus.

Run: ``.venv/bin/python benchmarks/bench_build_stages.py FOLDER... --out OUT [-j 2]``
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class Sampler(threading.Thread):
    """The RSS of this process and of its process tree, every ``interval`` seconds."""

    def __init__(self, interval: float = 0.1):
        super().__init__(daemon=True)
        self.interval = interval
        self.proc = psutil.Process()
        self.stage = "start"
        self.peak_by_stage: dict[str, int] = {}
        self.peak_tree = 0
        self.stopping = threading.Event()
        self.cpu = 0.0  # its own CPU seconds (psutil's scans of /proc are not free)

    def run(self) -> None:
        try:
            self._sample()
        finally:
            self.cpu = time.thread_time()

    def _sample(self) -> None:
        while not self.stopping.is_set():
            try:
                own = self.proc.memory_info().rss
                tree = own + sum(c.memory_info().rss for c in self.proc.children(recursive=True))
            except psutil.Error:
                continue
            self.peak_by_stage[self.stage] = max(self.peak_by_stage.get(self.stage, 0), own)
            self.peak_tree = max(self.peak_tree, tree)
            time.sleep(self.interval)


def _object_counts(limit: int = 8) -> str:
    counts = Counter(type(o).__name__ for o in gc.get_objects())
    return ", ".join(f"{name} {n:,}" for name, n in counts.most_common(limit))


def _watch_stages(sampler: Sampler, objects: bool) -> None:
    """Tell the sampler which stage runs (the stage clock's laps and the documents stage)."""
    from graph import pipeline, store

    lap = store._StageClock.lap

    def traced_lap(self, stage):
        lap(self, stage)
        rss = psutil.Process().memory_info().rss / 2**20
        extra = f"; {_object_counts()}" if objects else ""
        print(f"  end of {stage}: RSS {rss:,.0f} MB{extra}", flush=True)
        sampler.stage = "after " + stage

    store._StageClock.lap = traced_lap
    collect = pipeline._collect

    def traced_collect(*args, **kwargs):
        sampler.stage = "documents"
        try:
            return collect(*args, **kwargs)
        finally:
            sampler.stage = "after documents"
            rss = psutil.Process().memory_info().rss / 2**20
            extra = f"; {_object_counts()}" if objects else ""
            print(f"  end of documents: RSS {rss:,.0f} MB{extra}", flush=True)

    pipeline._collect = traced_collect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--objects", action="store_true", help="print object counts per stage")
    args = parser.parse_args()

    from graph.pipeline import build

    sampler = Sampler()
    _watch_stages(sampler, args.objects)
    load = os.getloadavg()
    sampler.start()
    wall = time.perf_counter()
    report = build(args.paths, args.out, pages=False, jobs=args.jobs)
    wall = time.perf_counter() - wall
    sampler.stopping.set()
    sampler.join()
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"{len(report.documents)} documents, {report.quads:,} quads, -j {args.jobs}, "
          f"load average {load[0]:.1f} at start, {os.getloadavg()[0]:.1f} at end")
    print(f"{'stage':<12}{'wall s':>9}{'CPU s':>9}")
    for stage in ("documents", "store", "analysis", "statistics", "trig"):
        print(f"{stage:<12}{report.timings.get(stage, 0):>9.1f}{report.cpu.get(stage, 0):>9.1f}")
    print(f"main process: CPU {own.ru_utime + own.ru_stime - sampler.cpu:.1f} s "
          f"(without the {sampler.cpu:.1f} s of this benchmark's memory sampling), peak RSS {own.ru_maxrss / 1024:,.0f} MB; "
          f"workers: CPU {children.ru_utime + children.ru_stime:.1f} s; process tree peak RSS "
          f"{sampler.peak_tree / 2**20:,.0f} MB; wall {wall:.0f} s")
    # "after X" is the time from the end of stage X to the end of the next one
    print("peak RSS of this process (MB):", {k: round(v / 2**20) for k, v in sampler.peak_by_stage.items()})


if __name__ == "__main__":
    main()
