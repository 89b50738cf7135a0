"""kg-explorer: articles in, a signed actor knowledge graph with sentence provenance out.

The package is a library first; the ``kg`` command is a thin layer over it. The pipeline
stages are modules of their own, each taking and returning :class:`graph.model.Document`:

ingest -> sentences -> actors -> extract -> rdf/store -> analysis -> render/serve

Importing :mod:`graph` is cheap: heavy libraries are imported by the stage that needs them.
"""

__version__ = "0.1.0"

__all__ = ["Build", "__version__"]

# Names importable from ``graph`` but loaded on first use, so ``import graph`` stays cheap.
_LAZY = {"Build": "graph.api"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
