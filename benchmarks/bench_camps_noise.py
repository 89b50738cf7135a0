"""How well the camps survive extraction noise: gold relations, degraded like an extractor's.

For every gold file with ``blocs`` (the format of ``../shared/corpus/FORMAT.md``), the gold
relations are turned into interaction records (persons lifted by their gold affiliation),
then degraded at random, seeded: each relation is kept with probability ``--keep`` (recall),
a factual one is mis-moded as hypothetical or recommended with probability ``--irrealis``,
and its polarity is flipped with probability ``--flip``. The camps of each degraded network
are scored like ``score.py`` scores blocs (pairs of gold-bloc countries on the right side; a
country outside every camp counts wrong). Several settings of the analysis are compared:
weak ties off/on and the ``split_share`` of the k criterion.

Run: ``.venv/bin/python benchmarks/bench_camps_noise.py ../shared/corpus/*/gold``
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.analysis.balance import adversary_camps  # noqa: E402
from graph.analysis.network import WEAK_MODALITY_WEIGHTS, signed_network  # noqa: E402
from graph.analysis.records import InteractionRecord  # noqa: E402

SETTINGS = {
    "strict factual, split_share 0": ({}, 0.0),
    "strict factual, split_share 0.05": ({}, 0.05),
    "weak ties, split_share 0": (WEAK_MODALITY_WEIGHTS, 0.0),
    "weak ties, split_share 0.05 (default)": (WEAK_MODALITY_WEIGHTS, 0.05),
}


def degraded_records(gold: dict, rng: random.Random, keep: float, irrealis: float, flip: float):
    aff = {a["id"]: a.get("affiliation") for a in gold["actors"]}
    out = []
    for i, r in enumerate(gold["relations"]):
        if rng.random() > keep:
            continue
        mod = r["modality"].capitalize()
        if mod in ("Asserted", "Reported") and rng.random() < irrealis:
            mod = rng.choice(["Hypothetical", "Recommended"])
        pol = (1 if r["polarity"] > 0 else -1) * (-1 if rng.random() < flip else 1)
        ends = [(r["s"], r["t"]), (r["t"], r["s"])] if r.get("symmetric") else [(r["s"], r["t"])]
        for s, t in ends:
            out.append(InteractionRecord(f"r{i}-{s}-{t}", aff.get(s) or s, aff.get(t) or t, "",
                                         pol, mod, rng.choice([0.5, 0.7, 0.8])))
    return out


def bloc_accuracy(camps, blocs) -> float:
    camp = {n: i for i, c in enumerate(camps) for n in c}
    right = total = 0
    for i, bi in enumerate(blocs):
        pairs = [(x, y, True) for k, x in enumerate(bi) for y in bi[k + 1:]]
        pairs += [(x, y, False) for bj in blocs[i + 1:] for x in bi for y in bj]
        for x, y, together in pairs:
            total += 1
            right += x in camp and y in camp and (camp[x] == camp[y]) == together
    return right / total if total else 1.0


def main() -> None:
    import yaml

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dirs", nargs="+", type=Path)
    ap.add_argument("--keep", type=float, default=0.5)
    ap.add_argument("--irrealis", type=float, default=0.2)
    ap.add_argument("--flip", type=float, default=0.1)
    ap.add_argument("--trials", type=int, default=60)
    args = ap.parse_args()
    golds = [g for d in args.gold_dirs for f in sorted(d.glob("*.yaml"))
             if (g := yaml.safe_load(f.read_text())).get("blocs")]
    print(f"{len(golds)} gold documents with blocs; keep {args.keep}, irrealis {args.irrealis}, "
          f"flip {args.flip}, {args.trials} trials")
    for name, (weak, share) in SETTINGS.items():
        scores = []
        for trial in range(args.trials):
            rng = random.Random(trial)
            for gold in golds:
                G = signed_network(degraded_records(gold, rng, args.keep, args.irrealis, args.flip),
                                   weak_weights=weak)
                scores.append(bloc_accuracy(adversary_camps(G, split_share=share).camps, gold["blocs"]))
        print(f"{name:<40} mean bloc accuracy {sum(scores) / len(scores):.3f}")


if __name__ == "__main__":
    main()
