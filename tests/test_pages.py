"""The explorer pages without a browser: HTML parses, text is escaped, nothing is external,
output is deterministic, empty parts of the dataset say so."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from graph.pipeline import build
from graph.render import render_site
from graph.render.data import actor_page, load
from graph.render.layout import spring_layout
from graph.render.network import json_for_html
from graph.render.site import write_pages

from test_pages_corpus import write_corpus


class _Collect(HTMLParser):
    """Tags with their attributes, plus the raw script bodies."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _parse(path: Path) -> _Collect:
    p = _Collect()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("pages")
    out = root / "out"
    report = build(write_corpus(root / "docs"), out)
    assert report.ok, report.skipped
    return out


def _pages(out: Path) -> list[Path]:
    return sorted(out.glob("*.html")) + sorted(out.glob("actor/*.html")) + sorted(out.glob("document/*.html"))


def test_build_writes_every_page(site):
    for name in ("index.html", "camps.html", "claims.html", "timeline.html", "compare.html"):
        assert (site / name).is_file(), name
    assert list(site.glob("actor/*.html")) and len(list(site.glob("document/*.html"))) == 3
    for asset in ("vis-network.min.js", "vis-network.css", "explorer.js", "explorer.css"):
        assert (site / "assets" / asset).stat().st_size > 0


def test_no_external_scripts_links_or_styles(site):
    for page in _pages(site):
        parsed = _parse(page)
        for tag, attrs in parsed.tags:
            for attr in ("src", "href"):
                value = (attrs.get(attr) or "").strip().lower()
                if tag in ("script", "link", "img", "iframe", "style"):
                    assert not value.startswith(("http://", "https://", "//")), (page, tag, value)
                assert not value.startswith("javascript:"), (page, tag, value)
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", text), page
        assert "@import" not in text


def test_hostile_document_is_shown_as_text(site):
    page = next(p for p in site.glob("document/*.html") if "Aras" in p.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    parsed = _parse(page)
    assert not any(tag == "img" for tag, _ in parsed.tags)
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned = 2&lt;/script&gt;" in text
    assert "javascript:window.__pwned=3" in text  # as text, never as a link
    # the only scripts are our own files and the JSON block
    for tag, attrs in parsed.tags:
        if tag == "script":
            assert attrs.get("src", "").startswith("../assets/") or attrs.get("type") == "application/json"
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)


def test_embedded_json_cannot_close_its_script(site):
    for page in [site / "index.html", *site.glob("actor/*.html")]:
        for body in _parse(page).scripts:
            assert "</" not in body and "<!--" not in body
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "onerror" in index  # the hostile title is in the data ...
    assert "<img" not in index  # ... but never as markup


def test_json_for_html_escapes_markup():
    text = json_for_html({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    import json

    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_same_dataset_same_bytes(site):
    def digest():
        return {p.relative_to(site): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(site.rglob("*")) if p.is_file() and "store" not in p.parts}

    first = digest()
    render_site(site)
    assert digest() == first


def test_render_replaces_stale_pages(site):
    stale = site / "actor" / "gone-00000000.html"
    stale.write_text("old", encoding="utf-8")
    written = render_site(site)
    assert not stale.exists()
    assert all(p.exists() for p in written)
    assert not list(site.glob(".site-new-*"))


def test_actor_page_names_are_safe():
    names = [actor_page(k) for k in ("person/../../etc/passwd", "A/B", "a/b", "<script>", "\u0637\u0647\u0631\u0627\u0646")]
    assert len(set(names)) == len(names)
    for name in names:
        assert re.fullmatch(r"actor/[a-z0-9-]+\.html", name), name


def test_empty_analysis_claims_and_events(site, tmp_path):
    data = dataclasses.replace(load(site), claims=[], events=[], blocs=[], runs={})
    write_pages(data, tmp_path)
    assert "No camps computed" in (tmp_path / "camps.html").read_text(encoding="utf-8")
    assert "No claims extracted" in (tmp_path / "claims.html").read_text(encoding="utf-8")
    assert "no camps computed" in (tmp_path / "index.html").read_text(encoding="utf-8")
    for page in tmp_path.glob("actor/*.html"):
        assert "no camps computed" in page.read_text(encoding="utf-8")


def test_node_limit_says_so(site, tmp_path):
    write_pages(load(site), tmp_path, node_limit=3)
    text = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert re.search(r"the 3 with most interactions of \d+ actors", text)


def test_layout_is_deterministic():
    import networkx as nx

    g = nx.gnm_random_graph(120, 200, seed=3)
    g.add_nodes_from(range(120, 130))  # unconnected ones go in a grid
    first = spring_layout(g)
    assert first == spring_layout(nx.relabel_nodes(g, {}, copy=True))
    assert len(set(first.values())) == len(first)


def test_kg_render_command(site):
    from typer.testing import CliRunner

    import graph.commands  # noqa: F401  (registers `render`)
    from graph.cli import app

    result = CliRunner().invoke(app, ["render", str(site)])
    assert result.exit_code == 0, result.output
    assert "index.html" in result.output
    missing = CliRunner().invoke(app, ["render", str(site / "nowhere")])
    assert missing.exit_code == 1
