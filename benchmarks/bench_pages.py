"""Benchmark of the explorer pages on a synthetic 2,000-actor dataset (not a timed test).

A seeded dataset is written straight as quads (no extraction): ``--actors`` actors (countries,
organisations, persons affiliated to them, groups), ``--interactions`` interactions spread over
``--documents`` documents, each interaction with its own sentence. The pages are rendered with
:func:`graph.render.render_site` (the analysis is run first, as ``kg build`` does, so nodes are
coloured by camp) and the index is opened from file:// in headless Chromium; "first draw" is the
time from navigation start to vis-network's first ``afterDrawing`` event.

Run: ``.venv/bin/python benchmarks/bench_pages.py [--actors 2000] [--interactions 6000] [--runs 3]``
Target: first draw under 5 s (needs /usr/bin/chromium and playwright).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph import rdf, store  # noqa: E402
from graph.model import ACTOR_TYPES, MODALITIES, Actor, Document, Interaction, Sentence  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TYPES = [("SUPPORT", 1), ("AGREE", 1), ("NEGOTIATE", 1), ("ACCUSE", -1), ("THREATEN", -1), ("SANCTION", -1)]


def synthetic_dataset(out: Path, n_actors: int, n_interactions: int, n_docs: int, seed: int = 7) -> int:
    """Write a seeded dataset into ``out``; returns the number of quads."""
    rnd = random.Random(seed)
    actors = []
    for i in range(n_actors):
        kind = ACTOR_TYPES[i % len(ACTOR_TYPES)]
        aff = actors[rnd.randrange(len(actors))].id if kind == "Person" and actors else None
        actors.append(Actor(id=f"SYN/{kind.lower()}-{i:05d}", type=kind, label=f"{kind} {i}", affiliation=aff))
    bloc = {a.id: rnd.randrange(2) for a in actors}
    # preferential attachment: a few hubs, many small actors, as in real coverage
    weights = [1.0 / (1 + i) ** 0.6 for i in range(n_actors)]
    docs = []
    per_doc = n_interactions // n_docs
    for d in range(n_docs):
        sentences, interactions, parts, pos = [], [], [], 0
        for k in range(per_doc):
            s, t = rnd.choices(actors, weights, k=2)
            if s.id == t.id:
                continue
            name, pol = rnd.choice([x for x in TYPES if (x[1] > 0) == (bloc[s.id] == bloc[t.id])]
                                   if rnd.random() > 0.15 else TYPES)
            text = f"{s.label} and {t.label} were reported in item {d}-{k} ({name.lower()})."
            sentences.append(Sentence(len(sentences), pos, pos + len(text), text))
            interactions.append(Interaction(s.id, t.id, name, pol, rnd.choice(list(MODALITIES[:2]) * 3 + list(MODALITIES)),
                                            len(sentences) - 1, pos, pos + 3, name.lower()))
            parts.append(text)
            pos += len(text) + 1
        doc = Document(source=f"synthetic-{d}.txt", text=" ".join(parts), title=f"Synthetic report {d}",
                       date=f"2023-{1 + d % 12:02d}-01")
        doc.sentences, doc.interactions = sentences, interactions
        docs.append(doc)
    quads = [q for doc in docs for q in rdf.document_quads(doc)] + list(rdf.actor_quads(actors))
    return store.write_dataset(out, quads)


def first_draw(index: Path, runs: int) -> list[float]:
    """Seconds from navigation start to the first drawing of the network, per run."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as profile:
                ctx = p.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium",
                                                           args=ARGS, headless=True,
                                                           viewport={"width": 1400, "height": 900})
                page = ctx.new_page()
                page.goto(index.as_uri())
                page.wait_for_selector("#network[data-drawn]", state="attached", timeout=120000)
                times.append(page.evaluate("window.kgFirstDraw") / 1000)
                ctx.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=2000)
    ap.add_argument("--interactions", type=int, default=6000)
    ap.add_argument("--documents", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", type=Path, help="keep the site here (default: a temporary folder)")
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-pages-"))
    t = time.perf_counter()
    quads = synthetic_dataset(out, args.actors, args.interactions, args.documents)
    print(f"dataset: {args.actors} actors, ~{args.interactions} interactions, {quads} quads "
          f"in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    try:
        from graph.analysis.commands import analyze

        analyze(out, write=True)
        print(f"analysis: {time.perf_counter() - t:.1f} s")
    except Exception as exc:  # the pages stand without camps
        print(f"analysis skipped: {type(exc).__name__}: {exc}")
    from graph.render import render_site

    t = time.perf_counter()
    written = render_site(out)
    size = (out / "index.html").stat().st_size / 1e6
    print(f"render: {len(written)} files in {time.perf_counter() - t:.1f} s (index.html {size:.1f} MB)")
    if not Path("/usr/bin/chromium").exists():
        print("first draw: skipped (no /usr/bin/chromium)")
        return
    times = first_draw(out / "index.html", args.runs)
    print(f"first draw of the index in headless Chromium: median {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{x:.2f}' for x in times)}) — target < 5 s")


if __name__ == "__main__":
    main()
