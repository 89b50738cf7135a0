"""Signed structural-balance analysis of the actor network (issue 6).

Functions are grouped by topic, networkx style; every algorithm takes the graph first.

==============  ==============================================================
module          contents
==============  ==============================================================
records         :class:`InteractionRecord`, :func:`load_records`, :func:`load_actors`, :func:`lift`
network         :func:`signed_network` (weights, lifting, filters)
balance         :func:`frustration`, :func:`exact_camps`, :func:`heuristic_camps`,
                :func:`adversary_camps`, :func:`triangle_balance_ratio`, :func:`frustrated_edges`
clusters        :func:`alignment_clusters` (Louvain on the positive subgraph)
roles           :func:`brokers`, :func:`targets`, :func:`camp_stance`
perspectives    :func:`analyze_network`, :func:`by_document`, :func:`by_publisher`, :func:`compare`
temporal        :func:`window_of`, :func:`by_window`, :func:`shifts`
rdf             :func:`analysis_quads`
commands        :func:`analyze`, :func:`compare_sources` and their JSON / rich renderings
==============  ==============================================================

Importing this package is cheap: the submodules (and networkx, numpy, pyoxigraph) load on
first attribute access.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "InteractionRecord": "records",
    "ActorInfo": "records",
    "load_records": "records",
    "load_actors": "records",
    "lift": "records",
    "DEFAULT_MODALITY_WEIGHTS": "network",
    "ADVOCACY_MODALITY_WEIGHTS": "network",
    "signed_network": "network",
    "frustration": "balance",
    "exact_camps": "balance",
    "heuristic_camps": "balance",
    "min_frustration_partition": "balance",
    "adversary_camps": "balance",
    "triangle_balance_ratio": "balance",
    "frustrated_edges": "balance",
    "CampResult": "balance",
    "alignment_clusters": "clusters",
    "brokers": "roles",
    "targets": "roles",
    "camp_stance": "roles",
    "analyze_network": "perspectives",
    "NetworkAnalysis": "perspectives",
    "by_document": "perspectives",
    "by_publisher": "perspectives",
    "compare": "perspectives",
    "window_of": "temporal",
    "by_window": "temporal",
    "shifts": "temporal",
    "analysis_quads": "rdf",
    "analyze": "commands",
    "compare_sources": "commands",
    "report_to_json": "commands",
    "print_report": "commands",
    "comparison_to_json": "commands",
    "print_comparison": "commands",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
