"""The explorer pages in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Skipped, with the reason, when Chromium or Playwright is missing (``.ci/run`` installs both).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.pipeline import build
from graph.store import select_rows

from test_pages_corpus import write_corpus

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium chromium-driver)"),
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package")
    profile = tmp_path_factory.mktemp("chromium-profile")  # a new, empty user-data-dir
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=ARGS, headless=True,
            viewport={"width": 1280, "height": 860})
        yield context
        context.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "out"
    report = build([SEEDS], out)
    assert report.ok and not any("pages failed" in w for w in report.warnings), report.warnings
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    out = root / "out"
    assert build(write_corpus(root / "docs"), out).ok
    return out


class Watch:
    """Console errors, page errors, dialogs and any request that is not file://."""

    def __init__(self, page):
        self.errors, self.outside, self.dialogs = [], [], []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith("file://") else self.outside.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))


def _open(browser, path: Path):
    page = browser.new_page()
    watch = Watch(page)
    page.goto(path.as_uri())
    return page, watch


def _wait_drawn(page):
    page.wait_for_selector("#network[data-drawn]", state="attached", timeout=20000)


def test_index_loads_offline_and_draws_every_actor(browser, demo):
    page, watch = _open(browser, demo / "index.html")
    _wait_drawn(page)
    drawn = page.evaluate("kgExplorer.nodes.get({filter: n => !n.hidden}).length")
    actors = select_rows(demo, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kgo:Actor }")[0]["n"]
    assert drawn == int(actors)
    assert page.evaluate("kgExplorer.edges.length") > 0
    assert watch.errors == [] and watch.outside == []
    page.close()


def test_clicking_a_node_opens_its_actor_page(browser, demo):
    page, watch = _open(browser, demo / "index.html")
    _wait_drawn(page)
    # the best-connected node that no other node covers, at its place on the screen
    target = page.evaluate("""() => {
        const d = kgExplorer.data, net = kgExplorer.network;
        const free = i => net.getNodeAt(net.canvasToDOM(net.getPositions([i])[i])) === i;
        let best = -1;
        d.nodes.forEach((n, i) => {
            if ((best < 0 || n.degree > d.nodes[best].degree) && free(i)) best = i; });
        const p = net.canvasToDOM(net.getPositions([best])[best]);
        return {x: p.x, y: p.y, page: d.nodes[best].page, label: d.nodes[best].label};
    }""")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + target["x"], box["y"] + target["y"])
    page.wait_for_url("**/" + target["page"], timeout=10000)
    assert page.locator("h1").inner_text() == target["label"]
    _wait_drawn(page)  # the ego network draws too
    assert watch.errors == [] and watch.outside == []
    page.close()


def test_search_finds_an_actor(browser, demo):
    page, watch = _open(browser, demo / "index.html")
    _wait_drawn(page)
    page.fill("#actor-search", "azerb")
    page.press("#actor-search", "Enter")
    links = page.locator("#search-results a")
    assert "Azerbaijan" in links.all_inner_texts()
    selected = page.evaluate("kgExplorer.network.getSelectedNodes().map(i => kgExplorer.data.nodes[i].label)")
    assert selected and "Azerbaijan" in selected[0]
    links.filter(has_text="Azerbaijan").first.click()
    page.wait_for_url("**/actor/*.html")
    assert watch.errors == [] and watch.outside == []
    page.close()


def test_filters_and_lift_change_the_edges(browser, demo):
    page, _ = _open(browser, demo / "index.html")
    _wait_drawn(page)
    before = page.evaluate("kgExplorer.edges.length")
    page.select_option("#filter-modality", label="Negated")
    assert page.evaluate("kgExplorer.edges.length") < before
    page.select_option("#filter-modality", value="")
    page.check("#lift-persons")
    assert page.evaluate("kgExplorer.nodes.get({filter: n => !n.hidden}).length") < page.evaluate(
        "kgExplorer.data.nodes.length")
    page.close()


def test_hostile_document_executes_nothing(browser, hostile):
    docs = [p for p in hostile.glob("document/*.html") if "Aras" in p.read_text(encoding="utf-8")]
    for path in docs + [hostile / "index.html"]:
        page, watch = _open(browser, path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert watch.dialogs == [] and watch.outside == [] and watch.errors == []
        if path in docs:
            text = page.locator(".doctext").inner_text()
            assert "<img src=x onerror=alert(1)>" in text
            assert "</script><script>window.__pwned = 2</script>" in text
            assert page.locator(".doctext img").count() == 0
            assert page.locator("a[href^='javascript:']").count() == 0
        page.close()


def test_other_pages_load_cleanly(browser, demo):
    for name in ("camps.html", "claims.html", "timeline.html", "compare.html"):
        page, watch = _open(browser, demo / name)
        page.wait_for_load_state("load")
        assert watch.errors == [] and watch.outside == [], name
        page.close()

