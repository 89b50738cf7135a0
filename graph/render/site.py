"""Write the explorer site of a build: render every page into a temporary folder, then move it in.

The site is static and offline: vis-network (from the pyvis package, which ships it) and our own
CSS/JS are copied into ``DIR/assets/``; no page loads anything from the network. Output is
deterministic: the same dataset gives byte-identical pages (no timestamps, sorted data, layouts
seeded and rounded).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from importlib import resources
from pathlib import Path

import jinja2

from . import pages
from .data import InteractionRow, SiteData, load

# No request may leave the page: scripts and styles from the site's own files only.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'none'")
TOP_PAGES = ("index.html", "camps.html", "claims.html", "timeline.html", "compare.html")
SUBDIRS = ("actor", "document", "assets")


def environment() -> jinja2.Environment:
    """The Jinja2 environment of the templates in package data, autoescaping everything."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("graph.render", "templates"),
        autoescape=True,  # every template is HTML: escape every value, always
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["mark_text"] = _mark_text
    env.globals["csp"] = CSP
    return env


def _mark_text(i: InteractionRow, site: SiteData) -> str:
    """One line about an interaction, for a title attribute (escaped by the template)."""
    sign = "+" if i.polarity > 0 else "−"
    return (f"{site.label(i.source)} → {site.label(i.target)}: {site.type_labels.get(i.event_type, i.event_type)} "
            f"({sign}), {i.modality}")


def render_site(out_dir: Path) -> list[Path]:
    """Render the explorer pages of the dataset in ``out_dir``, replacing the previous ones.

    Parameters
    ----------
    out_dir : path
        A folder built by ``kg build`` (it holds ``store/``).

    Returns
    -------
    list of Path
        Every file written, sorted.
    """
    out_dir = Path(out_dir)
    site = load(out_dir)
    tmp = Path(tempfile.mkdtemp(prefix=".site-new-", dir=out_dir))
    try:
        write_pages(site, tmp)
        return _move_into_place(tmp, out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_pages(site: SiteData, root: Path, *, node_limit: int = pages.NODE_LIMIT) -> None:
    """Write every page and asset of ``site`` under ``root``."""
    env = environment()

    def page(template: str, path: str, context: dict) -> None:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.get_template(template).render(context), encoding="utf-8")

    _copy_assets(root / "assets")
    page("index.html", "index.html", pages.index_context(site, node_limit))
    page("camps.html", "camps.html", pages.camps_context(site))
    page("claims.html", "claims.html", pages.claims_context(site))
    page("timeline.html", "timeline.html", pages.timeline_context(site))
    page("compare.html", "compare.html", pages.compare_context(site))
    affiliated = defaultdict(list)
    for a in site.actors.values():
        if a.affiliation:
            affiliated[a.affiliation].append(a)
    for actor in site.actors.values():
        page("actor.html", actor.page, pages.actor_context(site, actor, affiliated.get(actor.iri, [])))
    (root / "actor").mkdir(exist_ok=True)
    for doc in site.documents.values():
        page("document.html", doc.page, pages.document_context(site, doc))
    (root / "document").mkdir(exist_ok=True)


def vis_network_files() -> dict[str, bytes]:
    """vis-network's JS and CSS as shipped inside the pyvis package (newest version there)."""
    lib = resources.files("pyvis") / "templates" / "lib"
    versions = sorted((p for p in lib.iterdir() if p.name.startswith("vis-")),
                      key=lambda p: tuple(int(x) for x in p.name[4:].split(".") if x.isdigit()))
    if not versions:
        raise FileNotFoundError("vis-network is missing from the pyvis package")
    newest = versions[-1]
    return {"vis-network.min.js": (newest / "vis-network.min.js").read_bytes(),
            "vis-network.css": (newest / "vis-network.css").read_bytes()}


def _copy_assets(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in vis_network_files().items():
        (folder / name).write_bytes(data)
    static = resources.files("graph.render") / "static"
    for name in ("explorer.js", "explorer.css"):
        (folder / name).write_bytes((static / name).read_bytes())


def _move_into_place(tmp: Path, out_dir: Path) -> list[Path]:
    """Swap each page folder in whole (no stale pages survive), then rename each top page."""
    for name in SUBDIRS:
        new, final = tmp / name, out_dir / name
        old = out_dir / f".{name}-old-{os.getpid()}"
        if final.exists():
            os.replace(final, old)
        os.replace(new, final)
        shutil.rmtree(old, ignore_errors=True)
    for name in TOP_PAGES:
        os.replace(tmp / name, out_dir / name)
    written = [out_dir / n for n in TOP_PAGES]
    for name in SUBDIRS:
        written += sorted((out_dir / name).rglob("*.html" if name != "assets" else "*"))
    return sorted(written)
