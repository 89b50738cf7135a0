"""A hostile corpus builds: each bad file is reported by name with a reason, the rest is built,
the dataset is valid and the pages are safe.

Small cases are committed in ``tests/hostile/`` (binary, empty, legacy encodings, malformed
HTML, bidi and zero-width marks, actors whose names break IRIs, Turtle and HTML); large ones
are generated here, in the test's temporary folder: a 50 MB text, a 100,000-character
sentence, deeply nested HTML, and file names with characters that break IRIs, Turtle or HTML.

Decision on the 50 MB file: a document above :data:`graph.ingest.MAX_FILE_BYTES` is reported
("too large") without being read, so it costs nothing; extracting 50 MB of prose would take many
minutes and is not what a folder of articles holds.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.pipeline import build

HOSTILE = Path(__file__).resolve().parent / "hostile"
ACTORS = HOSTILE / "actors.yaml"

# file name -> what its skip message must say
BAD = {
    "boilerplate-only.html": "no main text",
    "control-chars.md": "binary file",
    "cp1252.txt": "not valid UTF-8",
    "empty.txt": "empty file",
    "latin1.txt": "not valid UTF-8",
    "photo.txt": "binary file",
    "shift_jis.txt": "not valid UTF-8",
    "utf16-no-bom.txt": "binary file",
    "whitespace-only.md": "empty file",
    "huge.txt": "too large",
}
NASTY_NAMES = ['a b<c>"d\'&{e}#f%g?.txt', "line\nbreak.txt", "tab\there.md", "ünï-مرحبا-\u202eevil.txt",
               "back\\slash.txt", "<script>alert(1)<\\script>.html", "zero\u200bwidth\u200f.txt"]
ARTICLE = ("Envoys meet\n\nRussia condemned Ukraine for the strike on the port ({n}). "
           "Poland backed Ukraine in the dispute.\n")
FILLER = "the talks went on and on without any result while observers waited in the rain "


def _generate(folder: Path) -> None:
    """The large and oddly named cases, written at test time."""
    chunk = ("Iran accused Azerbaijan of provocations near the border. " * 64 + "\n\n").encode()
    with open(folder / "huge.txt", "wb") as fh:
        for _ in range(50 * 2**20 // len(chunk) + 1):
            fh.write(chunk)
    sentence = (FILLER * (100_000 // len(FILLER) + 1))[:100_000]
    (folder / "long-sentence.txt").write_text(f"One long sentence\n\n{sentence}\n\nIran accused Azerbaijan of spying.\n")
    body = "<p>Iran accused Azerbaijan of provocations near the border. Turkey backed Azerbaijan.</p>"
    (folder / "deep.html").write_text("<html><body>" + "<div><span>" * 5000 + body + "</span></div>" * 5000)
    (folder / "deep-unclosed.html").write_text("<html><body>" + "<div><b><i>" * 20000 + body.replace("Turkey", "Russia"))
    for n, name in enumerate(NASTY_NAMES):
        (folder / name).write_text(ARTICLE.format(n=n), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    inputs = root / "in"
    shutil.copytree(HOSTILE, inputs, ignore=shutil.ignore_patterns("actors.yaml"))
    _generate(inputs)
    out = root / "out"
    report = build([inputs], out, actor_files=[ACTORS])
    return inputs, out, report


def test_each_bad_file_is_reported_by_name(hostile):
    inputs, _, report = hostile
    messages = {Path(m.split(": skipped: ")[0]).name: m for m in report.skipped}
    assert set(messages) == set(BAD)
    for name, reason in BAD.items():
        assert messages[name].startswith(f"{inputs / name}: skipped: ")
        assert reason in messages[name]


def test_the_rest_is_built(hostile):
    inputs, _, report = hostile
    built = {Path(p).name for p in report.documents}
    good = {p.name for p in inputs.iterdir()} - set(BAD)
    assert built == good
    assert report.interactions > 10


def test_dataset_is_valid_and_round_trips(hostile):
    _, out, _ = hostile
    data = (out / "graph.trig").read_bytes()
    quads = list(ox.parse(data, format=ox.RdfFormat.TRIG))
    again = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert set(ox.parse(again, format=ox.RdfFormat.N_QUADS)) == set(quads)
    labels = {q.object.value for q in quads if q.predicate.value.endswith("#label")}
    assert {'<script>alert("x")</script> Front', 'Quote " Brace } Hash # Movement',
            "Triple ''' \"\"\" Quotes Council"} <= labels
    sources = {q.object.value for q in quads if q.predicate.value == "http://purl.org/dc/terms/source"}
    assert {Path(s).name for s in sources} >= set(NASTY_NAMES)


def test_kg_validate_is_clean(hostile):
    validate = pytest.importorskip("graph.validate")
    _, out, _ = hostile
    result = validate.validate(out)
    assert result.conforms, validate.format_report(result)


def test_pages_parse_and_escape_everything(hostile):
    _, out, report = hostile
    pages = [p for p in out.rglob("*.html") if ".dataset" not in str(p)]
    if not pages:
        pytest.skip("graph.render is not available")
    assert not [w for w in report.warnings if w.startswith("pages failed")]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = HTMLParser()
        parser.feed(html)
        parser.close()
        assert "<html" in html
        # Raw markup of actor names and file names must never reach a page unescaped.
        assert '<script>alert("x")' not in html and "<script>alert(1)" not in html, page
        assert "<b>Bold</b>" not in html, page


def test_exit_code(tmp_path):
    from typer.testing import CliRunner

    from graph.cli import app

    bad = tmp_path / "bad"
    bad.mkdir()
    for name in ("empty.txt", "photo.txt", "latin1.txt"):
        shutil.copy(HOSTILE / name, bad)
    result = CliRunner().invoke(app, ["build", str(bad), "--out", str(tmp_path / "none"), "--no-pages"])
    assert result.exit_code == 1
    assert "latin1.txt: skipped: not valid UTF-8" in result.output
    good = tmp_path / "good"
    shutil.copytree(bad, good)
    (good / "ok.txt").write_text(ARTICLE.format(n=0))
    result = CliRunner().invoke(app, ["build", str(good), "--out", str(tmp_path / "some"), "--no-pages"])
    assert result.exit_code == 0, result.output
    assert "built 1 document(s)" in result.output


_UNIT = ("Iran accused Azerbaijan of provocations, and then the talks went on without any result "
         "while observers waited in the rain and the night fell over the long border road ")


def _long_sentence(characters: int) -> str:
    """One sentence of ``characters`` characters (no full stop) with an actor every ~80."""
    return (_UNIT * (characters // len(_UNIT) + 1))[:characters]


def _traced_steps(text: str) -> int:
    """How many Python trace events processing ``text`` takes: a count of the work done that,
    unlike a time, does not depend on the machine or its load."""
    import sys

    from graph.pipeline import process_text

    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        process_text(text)
    finally:
        sys.settrace(previous)
    return count


def test_extraction_work_grows_linearly_with_sentence_length():
    """Twice as long a sentence full of actors costs about twice the work, not four times: no
    step of the extraction scans the whole sentence once per actor, trigger or claim."""
    from graph.pipeline import process_text

    process_text(_long_sentence(1_000))    # load the knowledge base and the lexicons first
    short, long = _traced_steps(_long_sentence(4_000)), _traced_steps(_long_sentence(8_000))
    assert long / short < 2.3, (short, long)


def test_a_long_sentence_full_of_actors_is_extracted():
    """A 100,000-character sentence with an actor every 80 characters is read whole: every
    actor is linked, and its accusations are found (the same one, once)."""
    from graph.pipeline import process_text

    text = _long_sentence(100_000)
    doc = process_text(text)
    assert len(doc.sentences) == 1
    assert len(doc.mentions) == 2 * text.count("Iran accused Azerbaijan")
    assert [(i.source, i.target, i.event_type) for i in doc.interactions] == [("IRN", "AZE", "ACCUSE")]
    assert [c.claimant for c in doc.claims] == ["IRN"] and "AZE" in doc.claims[0].about
