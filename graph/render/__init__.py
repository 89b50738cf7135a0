"""The explorer pages: a static, offline site written beside a build's dataset.

``render_site(out_dir)`` reads the dataset from the store with SPARQL (:mod:`.data`), lays the
actor network out in Python (:mod:`.layout`), builds vis-network's data (:mod:`.network`), and
renders Jinja2 templates with autoescape (:mod:`.pages`, ``templates/``) into ``out_dir``:

``index.html`` (actor graph), ``actor/*.html``, ``document/*.html``, ``camps.html``,
``claims.html``, ``timeline.html``, ``compare.html`` and ``assets/``.
"""

from .site import render_site

__all__ = ["render_site"]
