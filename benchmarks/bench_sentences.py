"""Benchmark of the sentence splitter (not a timed test).

Two measures: throughput on many short paragraphs full of abbreviations, quotations and
numbers, and the time for one paragraph of about 11,000 words (a splitter that rescans the
paragraph per sentence is quadratic there).

Run: ``.venv/bin/python benchmarks/bench_sentences.py``
Targets: at least 20,000 sentences/s; the long paragraph well under a second.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.sentences import split_sentences  # noqa: E402

PARAGRAPH = ("Gen. Ortiz met U.S. envoys on Oct. 8. “We will respond,” she said. "
             "Aid of $1.5 billion was pledged. The talks ended at 5 p.m. on Friday.")
LONG = ("Officials from both capitals met again on Tuesday and agreed to continue the talks "
        "next week. ") * 700


def _timed(text: str, repeats: int = 5) -> tuple[int, float]:
    times, count = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        count = len(split_sentences(text))
        times.append(time.perf_counter() - started)
    return count, statistics.median(times)


def main() -> None:
    count, seconds = _timed("\n\n".join([PARAGRAPH] * 2000))
    print(f"short paragraphs: {count} sentences in {seconds:.3f} s = {count / seconds:,.0f} sentences/s (target 20,000)")
    count, seconds = _timed(LONG.strip())
    print(f"one long paragraph: {count} sentences, {len(LONG.split()):,} words in {seconds:.3f} s (target < 1 s)")


if __name__ == "__main__":
    main()
