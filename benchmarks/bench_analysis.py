"""Benchmark of the balance analysis on a large synthetic network (not a timed test).

A seeded network of 2,000 actors in 2 hidden blocs (``--blocs`` for more) and 20,000 interactions: ties inside a
bloc are cooperative and ties between blocs hostile, each with 15% noise; modalities and
confidences are drawn like an extractor's. The full analysis is timed stage by stage:
network build, alignment clusters (Louvain), adversary camps (spectral + local moves; the
exact search only runs on small components), frustration index, roles.

Run: ``.venv/bin/python benchmarks/bench_analysis.py [--actors 2000] [--interactions 20000]``
Target: under 10 s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.analysis.balance import adversary_camps  # noqa: E402
from graph.analysis.clusters import alignment_clusters  # noqa: E402
from graph.analysis.network import signed_network  # noqa: E402
from graph.analysis.records import InteractionRecord  # noqa: E402
from graph.analysis.roles import brokers, camp_stance, targets  # noqa: E402

MODALITIES = ["Asserted"] * 6 + ["Reported"] * 2 + ["Negated", "Hypothetical", "Recommended"]


def synthetic(n_actors: int, n_interactions: int, blocs: int = 2, noise: float = 0.15, seed: int = 0):
    rng = random.Random(seed)
    actors = [f"https://w3id.org/kg-explorer/resource/actor/A{i:05d}" for i in range(n_actors)]
    bloc = {a: rng.randrange(blocs) for a in actors}
    records = []
    for i in range(n_interactions):
        s, t = rng.sample(actors, 2)
        pol = 1 if bloc[s] == bloc[t] else -1
        if rng.random() < noise:
            pol = -pol
        records.append(InteractionRecord(
            iri=f"https://w3id.org/kg-explorer/resource/interaction/{i}", source=s, target=t,
            event_type="ACCUSE" if pol < 0 else "COOPERATE", polarity=pol,
            modality=rng.choice(MODALITIES), confidence=round(rng.uniform(0.3, 1.0), 2),
            date=f"2024-{rng.randint(1, 12):02d}-01", document=f"doc{i % 50}",
            text="synthetic sentence"))
    return records, bloc


def main(argv=None) -> float:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=2000)
    ap.add_argument("--interactions", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--blocs", type=int, default=2)
    args = ap.parse_args(argv)
    records, bloc = synthetic(args.actors, args.interactions, blocs=args.blocs, seed=args.seed)
    timings = {}
    t0 = time.perf_counter()
    G = signed_network(records)
    timings["network"] = time.perf_counter() - t0
    t = time.perf_counter()
    clusters = alignment_clusters(G, seed=args.seed)
    timings["clusters"] = time.perf_counter() - t
    t = time.perf_counter()
    result = adversary_camps(G, seed=args.seed)
    timings["camps+index"] = time.perf_counter() - t
    t = time.perf_counter()
    br = brokers(G, seed=args.seed)
    tg = targets(G)
    camp_stance(G, result.camps)
    timings["roles"] = time.perf_counter() - t
    total = time.perf_counter() - t0
    ties = sum(1 for *_, d in G.edges(data=True) if d["weight"] != 0)
    print(f"network: {G.number_of_nodes()} actors, {ties} non-cancelling ties from {len(records)} interactions")
    for k, v in timings.items():
        print(f"  {k:<12} {v:6.2f} s")
    print(f"  {'total':<12} {total:6.2f} s  (target < 10 s)")
    placed = [a for c in result.camps for a in c]
    print(f"camps: {len(result.camps)} (sizes {sorted((len(c) for c in result.camps), reverse=True)[:8]}), "
          f"k={result.k}, outside {len(result.outside)}, mediators {len(result.mediators)}, "
          f"exact={result.exact}")
    print(f"frustration {result.frustration:.1f} (normalised {result.normalised_frustration:.3f}); "
          f"index {result.frustration_index:.1f} ({result.normalised_frustration_index:.3f}); "
          f"triangle balance {result.balance_ratio:.3f}")
    print(f"alignment clusters: {len(clusters)}; top broker betweenness {br[0][1]:.4f}; "
          f"top target negative weight {tg[0][1]:.2f}")
    # agreement of camps with the hidden blocs (pairwise, on a sample)
    rng = random.Random(1)
    camp_of = {a: i for i, c in enumerate(result.camps) for a in c}
    pairs = [rng.sample(placed, 2) for _ in range(20000)]
    agree = sum((camp_of[a] == camp_of[b]) == (bloc[a] == bloc[b]) for a, b in pairs) / len(pairs)
    print(f"pairwise agreement with the hidden blocs: {agree:.3f}")
    return total


if __name__ == "__main__":
    main()
