"""Scale benchmark of ``kg build`` on a generated corpus, with spaCy side by side (not a test).

Measured, for each corpus size (documents ``0..N-1`` of one seeded corpus from
``generate_corpus.py``, so the sizes are nested):

* extraction alone, one process: documents already read, ``process_document`` timed (sentences
  per wall second and per CPU second) -- and, on the same texts in the same run, spaCy's
  ``sentencizer`` + ``entity_ruler`` with patterns made from our knowledge base;
* the whole ``kg build`` (subprocess) with ``-j 1`` and ``-j 2``: documents/s, peak memory
  (the largest process, and the sum over the process tree sampled every 0.2 s), dataset size;
* the build's own stage timings (``kg build --timings``: documents = reading, extraction and
  RDF; store loading; analysis; TriG writing), and the page generation, timed in this process.

Run: ``.venv/bin/python benchmarks/bench_build.py --sizes 1000 5000 10000 [--jobs 1 2]``
Results are printed as a table and written as JSON (``--json``). The corpus is generated under
``--root`` once and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate_corpus  # noqa: E402
from bench_extract import read_documents  # noqa: E402

KG = Path(sys.executable).with_name("kg")
PER_FOLDER = 1000


def corpus(root: Path, documents: int) -> list[Path]:
    """Folders holding documents ``0..documents-1`` (generated once, for the largest size)."""
    folder = root / "corpus"
    marker = folder / f".complete-{documents}"
    have = sorted(folder.glob(".complete-*"))
    if not marker.exists() and not any(int(m.name.split("-")[1]) >= documents for m in have):
        shutil.rmtree(folder, ignore_errors=True)
        generate_corpus.generate(folder, documents, per_folder=PER_FOLDER)
        marker.touch()
    return [folder / f"part-{k:03d}" for k in range((documents + PER_FOLDER - 1) // PER_FOLDER)]


def first_files(folders: list[Path], n: int) -> list[Path]:
    from graph.ingest import collect_inputs

    return collect_inputs(folders)[0][:n]


def machine() -> dict:
    model = ""
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        if line.startswith("Model name"):
            model = line.split(":", 1)[1].strip()
    return {"cpu": model, "cores": os.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "load_avg_at_start": os.getloadavg()}


# ---------------------------------------------------------------------------------------------
# Extraction alone, and spaCy on the same texts
# ---------------------------------------------------------------------------------------------


def bench_extraction(docs) -> dict:
    from graph.actors.kb import load_knowledge_base
    from graph.model import Document
    from graph.pipeline import process_document

    kb = load_knowledge_base([])
    process_document(Document("warm-up", "Iran accused Azerbaijan of provocations."), kb)
    wall, cpu = time.perf_counter(), time.process_time()
    sentences = interactions = 0
    for d in docs:
        d = process_document(Document(d.source, d.text, title=d.title, date=d.date), kb)
        sentences += len(d.sentences)
        interactions += len(d.interactions)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"documents": len(docs), "sentences": sentences, "interactions": interactions,
            "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "sentences_per_s": round(sentences / wall), "sentences_per_cpu_s": round(sentences / cpu)}


def spacy_patterns() -> list[dict]:
    """Entity-ruler patterns from every surface form of our knowledge base."""
    from graph.actors.kb import load_knowledge_base

    patterns = []
    for entry in load_knowledge_base([]):
        label = entry.actor.type.upper()
        for text in sorted({surface for surface, _via in entry.surfaces() if surface}):
            patterns.append({"label": label, "pattern": text, "id": entry.key})
    return patterns


def bench_spacy(docs) -> dict | None:
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    patterns = spacy_patterns()
    t = time.perf_counter()
    ruler.add_patterns(patterns)
    setup = time.perf_counter() - t
    texts = [d.text for d in docs]
    list(nlp.pipe(texts[:5]))
    wall, cpu = time.perf_counter(), time.process_time()
    sentences = entities = 0
    for doc in nlp.pipe(texts, batch_size=64):
        sentences += sum(1 for _ in doc.sents)
        entities += len(doc.ents)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"spacy": spacy.__version__, "patterns": len(patterns), "setup_s": round(setup, 2),
            "documents": len(docs), "sentences": sentences, "entities": entities,
            "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "sentences_per_s": round(sentences / wall), "sentences_per_cpu_s": round(sentences / cpu)}


# ---------------------------------------------------------------------------------------------
# The whole build
# ---------------------------------------------------------------------------------------------


class TreeMemory(threading.Thread):
    """Samples the resident memory of a process and its children: the peak of the sum and of
    the largest single process."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.peak_sum = self.peak_one = 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                rss = [p.memory_info().rss for p in procs if p.is_running()]
            except psutil.Error:
                rss = []
            if rss:
                self.peak_sum = max(self.peak_sum, sum(rss))
                self.peak_one = max(self.peak_one, max(rss))
            self.stop.wait(0.2)


def _size(path: Path) -> int:
    path = path.resolve()
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench_build(folders: list[Path], out: Path, jobs: int, documents: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [str(KG), "build", *map(str, folders), "--out", str(out), "--no-pages", "--timings"]
    if jobs != 1:
        cmd += ["-j", str(jobs)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    mem = TreeMemory(proc.pid)
    mem.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t
    mem.stop.set()
    mem.join()
    if proc.returncode:
        raise RuntimeError(f"{cmd} failed: {stderr[-2000:]}")
    stages = {}
    for line in stdout.splitlines():
        if line.startswith("timings: "):
            for part in line[len("timings: "):].split(", "):
                name, seconds, _unit = part.split(" ")
                stages[name + "_s"] = float(seconds)
    quads = next((int(w) for w, nxt in zip(stdout.split(), stdout.split()[1:]) if nxt == "quads"), None)
    return {"jobs": jobs, "quads": quads, **stages, "documents": documents, "wall_s": round(wall, 1),
            "documents_per_s": round(documents / wall, 1),
            "peak_rss_largest_mb": round(mem.peak_one / 2**20), "peak_rss_tree_mb": round(mem.peak_sum / 2**20),
            "trig_mb": round(_size(out / "graph.trig") / 2**20, 1),
            "store_mb": round(_size(out / "store") / 2**20, 1), "summary": stdout.strip()}


def bench_pages(out: Path) -> dict:
    """Time the pages of a built dataset (the analysis is timed inside the build)."""
    result = {}
    try:
        from graph.render import render_site
    except ImportError:
        return result
    t = time.perf_counter()
    pages = render_site(out)
    result["pages_s"] = round(time.perf_counter() - t, 1)
    result["pages"] = len(pages)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--root", type=Path, default=Path("/tmp/kg-bench-build"))
    parser.add_argument("--extraction-docs", type=int, default=1000,
                        help="documents for the one-core extraction and spaCy figures")
    parser.add_argument("--skip-extraction", action="store_true")
    parser.add_argument("--pages-max", type=int, default=1000,
                        help="time the pages only up to this many documents (they are slow)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)

    results: dict = {"machine": machine(), "builds": [], "stages": []}
    folders = corpus(args.root, max(args.sizes))
    if not args.skip_extraction:
        docs = read_documents(folders, args.extraction_docs)
        results["extraction"] = bench_extraction(docs)
        print("extraction", json.dumps(results["extraction"]), flush=True)
        results["spacy"] = bench_spacy(docs)
        print("spacy", json.dumps(results["spacy"]), flush=True)
        del docs
    for n in args.sizes:
        # whole folders where the size allows, else the first n files (sizes are nested)
        parts = folders[: n // PER_FOLDER] if n % PER_FOLDER == 0 else first_files(folders, n)
        for jobs in args.jobs:
            out = args.root / f"build-{n}-j{jobs}"
            row = bench_build(parts, out, jobs, n)
            results["builds"].append(row)
            print("build", json.dumps(row), flush=True)
        if n <= args.pages_max:
            stages = {"documents": n, **bench_pages(out)}
            results["stages"].append(stages)
            print("pages", json.dumps(stages), flush=True)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2))
    results["machine"]["load_avg_at_end"] = os.getloadavg()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
