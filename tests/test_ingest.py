"""Tests of graph.ingest: inputs, bad files, cruft rules, metadata, Markdown and HTML."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.ingest import (
    IngestError,
    collect_inputs,
    iter_input_files,
    load_cruft_rules,
    parse_byline,
    parse_date,
    read_document,
    read_documents,
)

BODY = [
    "The foreign ministers of the two neighbours met in Vienna on Tuesday to discuss the disputed border crossing.",
    "Officials on both sides described the talks as difficult but said a second round would follow next month.",
    "A regional diplomat said the meeting had lowered tensions after weeks of military exercises near the frontier.",
]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def page(*lines: str) -> str:
    return "\n\n".join(lines)


# --- finding inputs ---------------------------------------------------------------------------


def test_collect_inputs_recursive_sorted_deduplicated(tmp_path):
    write(tmp_path, "b.txt", "x")
    write(tmp_path, "sub/a.MD", "x")
    write(tmp_path, "sub/c.htm", "x")
    write(tmp_path, "sub/skip.pdf", "x")
    write(tmp_path, ".hidden/d.txt", "x")
    write(tmp_path, "sub/.e.txt", "x")
    files, errors = collect_inputs([tmp_path, tmp_path / "b.txt", str(tmp_path / "sub")])
    assert errors == []
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["b.txt", "sub/a.MD", "sub/c.htm"]


def test_collect_inputs_reports_missing_and_unsupported(tmp_path):
    pdf = write(tmp_path, "report.pdf", "x")
    files, errors = collect_inputs([tmp_path / "missing", pdf])
    assert files == []
    assert [e.reason for e in errors] == ["no such file or directory", "unsupported file type '.pdf'"]
    with pytest.raises(IngestError):
        iter_input_files([tmp_path / "missing"])


def test_ingest_error_message():
    error = IngestError("data/x.bin", "binary file (NUL bytes)")
    assert str(error) == "data/x.bin: skipped: binary file (NUL bytes)"
    assert error.path == Path("data/x.bin") and error.reason == "binary file (NUL bytes)"


# --- bad input --------------------------------------------------------------------------------


def test_binary_file_rejected(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(IngestError, match=r"image\.txt: skipped: binary file \(NUL bytes\)"):
        read_document(path)


def test_control_character_file_rejected(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 8)) * 50)
    with pytest.raises(IngestError, match="binary file"):
        read_document(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_file_rejected(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match="empty file"):
        read_document(path)


def test_non_utf8_rejected_with_position(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Talks in Zürich ended.".encode("latin-1"))
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.path == path
    assert info.value.reason == "not valid UTF-8 (byte 0xfc at offset 10)"
    assert str(info.value).startswith(f"{path}: skipped: ")


def test_unreadable_path_is_reported(tmp_path):
    folder_named_like_file = tmp_path / "x.txt"
    folder_named_like_file.mkdir()
    with pytest.raises(IngestError, match="unreadable"):
        read_document(folder_named_like_file)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read mode-000 files")
def test_permission_denied_is_reported(tmp_path):
    path = write(tmp_path, "secret.txt", page(*BODY))
    path.chmod(0)
    try:
        with pytest.raises(IngestError, match="unreadable: Permission denied"):
            read_document(path)
    finally:
        path.chmod(0o644)


def test_read_documents_collects_errors_and_goes_on(tmp_path):
    write(tmp_path, "good.txt", page("Border talks resume", *BODY))
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    documents, errors = read_documents([tmp_path])
    assert [Path(d.source).name for d in documents] == ["good.txt"]
    assert [e.path.name for e in errors] == ["bad.txt"]


def test_utf8_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Border talks resume\r\n\r\n".encode() + BODY[0].encode())
    doc = read_document(path)
    assert doc.text == "Border talks resume\n\n" + BODY[0]


def test_html_like_text_inside_txt_stays_text(tmp_path):
    line = "Researchers found that a comment containing <img src=x onerror=alert(1)> was stored unescaped."
    doc = read_document(write(tmp_path, "xss.txt", page("Forum flaw found", line, *BODY)))
    assert "<img src=x onerror=alert(1)>" in doc.text


def test_nfc_and_zero_width_removed(tmp_path):
    doc = read_document(write(tmp_path, "n.txt", page("Envoys meet", "The envoy from Bogota\u0301 ar\u200brived late on Sunday evening after long delays.")))
    assert "Bogotá arrived" in doc.text


# --- cruft rules ------------------------------------------------------------------------------

CRUFT_LINES = [
    "Follow us on social",
    "Follow us",
    "Share this article",
    "Share on LinkedIn",
    "Share via Email",
    "Facebook Twitter WhatsApp Email",
    "Tweet",
    "keep reading",
    "Show less",
    "keep readingShow less",
    "Read more",
    "Continue reading the main story",
    "Advertisement",
    "Story continues below advertisement",
    "Subscribe now to our daily digest and get the best analysis delivered every morning.",
    "Sign up for our weekly newsletter",
    "Top photo credit: Soldiers march during a parade in a capital city (Agency photo)",
    "Photo: AFP",
    "image: Jane Roe via shutterstock.com",
    "Image source: Ministry of Defence press office",
    "Soldiers stand guard at a checkpoint near the border. (Photo by Jane Roe/Agency)",
    "Delegates arrive for the summit in Geneva. REUTERS/Jane Roe",
    "Stock_1234567890-scaled",
    "summit-photo.jpg",
    "Home",
    "Front Page",
    "Analysis | Europe",
    "News › World › Asia",
    "Latest News",
    "3",
    "RELATED: Another story about the same crisis",
    "AP",
    "AFP, GENEVA",
    "5 min read",
    "Back to top",
]


@pytest.mark.parametrize("line", CRUFT_LINES)
def test_cruft_line_is_dropped(line):
    assert load_cruft_rules().is_dropped(line)


@pytest.mark.parametrize("line", BODY + [
    "Border talks resume",
    "Image-conscious leaders rarely admit defeat in public, one analyst said.",
    "Published reports say the ceasefire has held for three days.",
    "Share prices fell sharply in Tokyo after the missile test.",
])
def test_body_lines_are_kept(line):
    assert not load_cruft_rules().is_dropped(line)


@pytest.mark.parametrize("marker", ["Related Articles", "Related stories", "Most Popular", "You might also like", "More from Example News", "Recommended"])
def test_tail_marker_cuts_teasers(tmp_path, marker):
    teaser = "Another capital announces a new partnership with a neighbouring state."
    doc = read_document(write(tmp_path, "t.txt", page("Border talks resume", *BODY, marker, "Teaser headline", teaser)))
    assert doc.text.endswith(BODY[-1])
    assert teaser not in doc.text


def test_tail_marker_near_top_does_not_swallow_article(tmp_path):
    doc = read_document(write(tmp_path, "t.txt", page("Border talks resume", "Related stories", *BODY)))
    assert BODY[-1] in doc.text


@pytest.mark.parametrize("closing", [
    "This commentary represents solely the personal opinions of its writer, not of any institution.",
    "The views expressed in this article are solely those of the author.",
    "© 2024 Example Media Group",
    "A version of this story appeared in print over the weekend.",
    "The Associated Press contributed to this report.",
])
def test_end_of_body_line_cuts_rest(tmp_path, closing):
    teaser = "A teaser paragraph about a different summit in a different region of the world entirely."
    doc = read_document(write(tmp_path, "e.txt", page("Border talks resume", *BODY, closing, "Some other headline", teaser)))
    assert doc.text.endswith(BODY[-1])


def test_header_cruft_before_title_is_removed(tmp_path):
    text = page("Follow us on social", "Stock_2222222222-scaled", "Main Menu", "Border talks resume",
                "A subtitle that sets the scene for the reader in one sentence.", "Analysis | Europe", *BODY,
                "Share this article")
    doc = read_document(write(tmp_path, "h.txt", text))
    paragraphs = doc.text.split("\n\n")
    assert doc.title == "Border talks resume"
    assert paragraphs[0] == "Border talks resume"
    assert paragraphs[1].startswith("A subtitle")
    assert paragraphs[2:] == BODY


# --- metadata of text files ---------------------------------------------------------------------


@pytest.mark.parametrize("line, iso", [
    ("Oct 8, 2021", "2021-10-08"),
    ("Wed, Oct 16, 2024", "2024-10-16"),
    ("2021-10-08", "2021-10-08"),
    ("October 8, 2021", "2021-10-08"),
    ("Posted 8 October 2021 10:05", "2021-10-08"),
    ("Updated: Sept. 30, 2020, 11:05 IST", "2020-09-30"),
    ("Feb 30, 2021", None),
])
def test_parse_date(line, iso):
    assert parse_date(line) == iso


@pytest.mark.parametrize("line, names", [
    ("By Jane Doe", "Jane Doe"),
    ("Author: Ann Lee, Bo Chan and Cy Diaz", "Ann Lee, Bo Chan and Cy Diaz"),
    ("By JANE DOE MARCH 3, 2019", "Jane Doe"),
    ("By Jane Doe and John Roe The Associated Press", "Jane Doe and John Roe"),
    ("By the end of the week, the talks had collapsed.", None),
])
def test_parse_byline(line, names):
    assert parse_byline(line) == names


def test_text_metadata_and_meta_lines_removed(tmp_path):
    text = page("Home", "Border talks resume after months of delay", "Author: Ann Lee, Bo Chan", "Oct 8, 2021", *BODY)
    doc = read_document(write(tmp_path, "m.txt", text))
    assert (doc.title, doc.creator, doc.date) == ("Border talks resume after months of delay", "Ann Lee, Bo Chan", "2021-10-08")
    assert doc.text == page("Border talks resume after months of delay", *BODY)


def test_repeated_headline_is_the_title_and_kept_once(tmp_path):
    title = "Neighbours agree to reopen the border crossing"
    doc = read_document(write(tmp_path, "r.txt", page("Site Name", "World", title, "Some Section", title, *BODY)))
    assert doc.title == title
    assert doc.text.count(title) == 1


def test_hard_wrapped_paragraph_is_joined(tmp_path):
    wrapped = ("The foreign ministers of the two neighbouring states met in\n"
               "Vienna on Tuesday to discuss the disputed crossing, and both\n"
               "described the talks as difficult but useful.")
    doc = read_document(write(tmp_path, "w.txt", page("Border talks resume", wrapped)))
    assert "met in Vienna on Tuesday" in doc.text


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_front_matter_and_markup(tmp_path):
    text = (
        "---\ntitle: Envoys meet in Doha\nauthor: Jane Doe\ndate: 2024-05-02\npublisher: Example Review\n"
        "url: https://example.org/envoys\n---\n\n"
        "# Envoys meet in Doha\n\n"
        "The **envoys** met in [Doha](https://example.org/doha) on *Thursday*\nand agreed to meet again.\n\n"
        "![a map](map.png)\n\n"
        "## What comes next\n\n"
        "- A second round in June\n- A joint statement\n\n"
        "Share this article\n"
    )
    doc = read_document(write(tmp_path, "a.md", text))
    assert (doc.title, doc.creator, doc.date, doc.publisher, doc.url) == (
        "Envoys meet in Doha", "Jane Doe", "2024-05-02", "Example Review", "https://example.org/envoys")
    assert doc.text == page(
        "Envoys meet in Doha",
        "The envoys met in Doha on Thursday and agreed to meet again.",
        "What comes next",
        "A second round in June",
        "A joint statement",
    )


# --- HTML -------------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Neighbours agree to reopen border crossing | Example Review</title>
<meta property="og:title" content="Neighbours agree to reopen border crossing">
<meta property="og:site_name" content="Example Review">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-06-14T09:30:00Z">
<link rel="canonical" href="https://example.org/world/border-crossing">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe to our newsletter today</a></nav></header>
<main><article>
<h1>Neighbours agree to reopen border crossing</h1>
<p class="byline">By Jane Doe</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<p>The foreign ministers of the two neighbouring states agreed on Tuesday to reopen the main border crossing, which has been closed since a skirmish in the spring.</p>
<p>Officials on both sides described the talks in Vienna as difficult but said a second round would follow next month to settle customs rules.</p>
<p>A regional diplomat said the agreement lowered tensions after weeks of military exercises held near the frontier by both armies.</p>
</article></main>
<footer><p>Copyright 2023 Example Review. All rights reserved.</p><p>Privacy policy and cookie settings for this website.</p></footer>
</body></html>
"""


def test_html_page_via_trafilatura(tmp_path):
    doc = read_document(write(tmp_path, "page.html", HTML_PAGE))
    assert doc.title == "Neighbours agree to reopen border crossing"
    assert doc.creator == "Jane Doe"
    assert doc.date == "2023-06-14"
    assert doc.publisher == "Example Review"
    assert doc.url == "https://example.org/world/border-crossing"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == doc.title
    assert any(p.startswith("The foreign ministers") for p in paragraphs)
    assert any(p.startswith("A regional diplomat") for p in paragraphs)
    for cruft in ("Subscribe to our newsletter", "Share on Facebook", "Copyright 2023", "Privacy policy"):
        assert cruft not in doc.text


def test_txt_holding_an_html_page_is_read_as_html(tmp_path):
    doc = read_document(write(tmp_path, "saved.txt", HTML_PAGE))
    assert doc.title == "Neighbours agree to reopen border crossing"
    assert "<p>" not in doc.text and "Privacy policy" not in doc.text


def test_html_without_main_text_falls_back_or_errors(tmp_path):
    path = write(tmp_path, "empty.html", "<html><body><nav>Home</nav></body></html>")
    with pytest.raises(IngestError, match="no main text"):
        read_document(path)


def test_teaser_headlines_inside_the_body_are_dropped(tmp_path):
    body1 = ("The two delegations met in Vienna on Tuesday and agreed to resume technical talks on "
             "the disputed water quotas before the summer harvest season begins.")
    body2 = ("Officials on both sides said the next round would take place in Geneva, although no "
             "date has been set and several questions about monitoring remain open.")
    text = "\n\n".join([
        "Water talks to resume", body1,
        "Storm leaves thousands without power in coastal towns",
        "Central bank signals another rate cut next month",
        "Football club appoints new coach after poor season",
        body2, "Next steps", "A short heading stays because it is short and ends nothing", body2 + " More."])
    doc = read_document(write(tmp_path, "t.txt", text))
    assert "Storm leaves" not in doc.text and "Central bank" not in doc.text
    assert "Football club" not in doc.text
    assert "Next steps" in doc.text and body1 in doc.text and body2 in doc.text
