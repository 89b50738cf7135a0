"""Adversary camps on constructed signed networks: weak ties, the k criterion, tie-breaking
when a further camp opens, and the exact k-camp search."""

import itertools
import random

import networkx as nx
import pytest

from graph.analysis import balance
from graph.analysis.balance import adversary_camps, exact_camps, frustration, min_frustration_partition
from graph.analysis.network import WEAK_MODALITY_WEIGHTS, signed_network
from graph.analysis.records import InteractionRecord as R


def signed(edges):
    G = nx.Graph()
    G.add_weighted_edges_from(edges)
    return G


def as_sets(camps):
    return sorted(sorted(c) for c in camps)


# --------------------------------------------------------------------------- weak ties


def courted_rivals():
    """Two rivals whose only hostile tie is a hypothetical threat; a third power courts both."""
    return [R("i1", "CHN", "IND", "VISIT", 1, "Asserted", 0.8),
            R("i2", "CHN", "PAK", "AID", 1, "Asserted", 0.9),
            R("i3", "PAK", "CHN", "PRAISE", 1, "Reported", 0.7),
            R("i4", "IND", "CHN", "MEET", 1, "Asserted", 0.7),
            R("i5", "IND", "PAK", "THREATEN", -1, "Hypothetical", 0.6)]


def test_a_hypothetical_threat_separates_rivals_when_weak_ties_are_on():
    G = signed_network(courted_rivals(), weak_weights=WEAK_MODALITY_WEIGHTS)
    assert G["IND"]["PAK"]["weak"] and G["IND"]["PAK"]["weight"] == pytest.approx(-0.15)
    result = adversary_camps(G)
    assert as_sets(result.camps) == [["IND"], ["PAK"]]
    assert result.mediators == {"CHN"}


def test_by_default_the_rivals_share_one_camp():
    result = adversary_camps(signed_network(courted_rivals()))
    assert as_sets(result.camps) == [["CHN", "IND", "PAK"]]


def test_weak_records_never_outweigh_a_factual_tie():
    recs = [R("i1", "USA", "PHL", "EXERCISE", 1, "Asserted", 0.5)]
    recs += [R(f"w{i}", "USA", "PHL", "ATTACK", -1, "Hypothetical", 1.0) for i in range(6)]
    recs += [R("r1", "PHL", "USA", "SANCTION", -1, "Recommended", 1.0)]
    for directed in (False, True):
        G = signed_network(recs, directed=directed, weak_weights=WEAK_MODALITY_WEIGHTS)
        assert G["USA"]["PHL"]["weight"] == pytest.approx(0.5)
        assert not G["USA"]["PHL"]["weak"] and G["USA"]["PHL"]["count"] == 1
        if directed:  # the reverse direction has only weak records, but the pair is known
            assert not G.has_edge("PHL", "USA")


def test_negated_records_are_no_tie_and_advocacy_has_no_weak_ties():
    recs = [R("i1", "FRA", "MLI", "ATTACK", -1, "Negated", 1.0),
            R("i2", "FRA", "NER", "AID", 1, "Recommended", 1.0),
            R("i3", "FRA", "TCD", "SANCTION", -1, "Hypothetical", 1.0)]
    G = signed_network(recs, weak_weights=WEAK_MODALITY_WEIGHTS)
    assert not G.has_edge("FRA", "MLI") and G["FRA"]["NER"]["weak"]
    assert not signed_network(recs).has_edge("FRA", "NER")  # strict by default
    advocacy = signed_network(recs, view="advocacy")
    assert advocacy["FRA"]["NER"]["weight"] == 1.0 and not advocacy["FRA"]["NER"]["weak"]
    assert not advocacy.has_edge("FRA", "TCD")


# --------------------------------------------------------------------------- k criterion


def two_blocs_with_a_faint_loner():
    """Two solid hostile blocs; X is faintly hostile to one member of each."""
    edges = [("P1", "P2", 1), ("P2", "P3", 1), ("P1", "P3", 1), ("Q1", "Q2", 1), ("Q2", "Q3", 1),
             ("Q1", "Q3", 1), ("P1", "Q1", -1), ("P2", "Q2", -1), ("P3", "Q3", -1),
             ("X", "P1", -0.1), ("X", "Q1", -0.1)]
    return signed(edges)


def test_a_faint_tie_does_not_open_a_third_camp():
    G = two_blocs_with_a_faint_loner()
    # a third camp would remove all the frustration (0.1), but that is 1 % of the network
    assert min_frustration_partition(G, 3)[1] == 0.0
    result = adversary_camps(G)
    assert result.k == 2 and len(result.camps) == 2
    assert result.frustration == pytest.approx(0.1)
    # the share condition is what keeps it at two
    assert adversary_camps(G, split_share=0.0).k == 3


def test_a_real_third_party_opens_a_third_camp():
    G = two_blocs_with_a_faint_loner()
    G["X"]["P1"]["weight"] = G["X"]["Q1"]["weight"] = -1.5
    result = adversary_camps(G)
    assert result.k == 3
    assert as_sets(result.camps) == [["P1", "P2", "P3"], ["Q1", "Q2", "Q3"], ["X"]]


def test_k_parameters_are_reported():
    params = adversary_camps(two_blocs_with_a_faint_loner()).parameters
    assert params["split_gain"] == 0.5 and params["split_share"] == 0.05 and params["max_k"] == 4


# --------------------------------------------------------------------------- tie-breaking


def third_camp_network():
    """A and a large B camp; ZC is hostile to both (it needs a camp of its own); X is hostile
    to A only, so with B or with ZC costs the same once ZC has its own camp."""
    return signed([("A1", "A2", 1), ("B1", "B2", 1), ("B2", "B3", 1), ("B3", "B4", 1),
                   ("A1", "B1", -1), ("A2", "B2", -1), ("X", "A2", -1), ("ZC", "A1", -0.5),
                   ("ZC", "B1", -0.4)])


def test_a_new_camp_takes_only_the_actors_that_need_it():
    result = adversary_camps(third_camp_network())
    assert result.k == 3 and result.frustration == 0
    assert as_sets(result.camps) == [["A1", "A2"], ["B1", "B2", "B3", "B4", "X"], ["ZC"]]


def test_without_the_tie_break_the_bystander_would_move(monkeypatch):
    monkeypatch.setattr(balance, "NEAR_COST", 0.0)
    result = adversary_camps(third_camp_network())
    assert result.frustration == 0
    assert ["X", "ZC"] in as_sets(result.camps)


# --------------------------------------------------------------------------- exact k camps


def random_signed(n, p, seed):
    rng = random.Random(seed)
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for i, j in itertools.combinations(range(n), 2):
        if rng.random() < p:
            G.add_edge(i, j, weight=rng.choice((-1, 1)) * round(rng.uniform(0.1, 1.0), 2))
    return G


def brute_force(G, k):
    nodes = sorted(G)
    return min(frustration(G, dict(zip(nodes, labels)))
               for labels in itertools.product(range(k), repeat=len(nodes)))


@pytest.mark.parametrize("k", [3, 4])
def test_exact_k_camps_match_brute_force(k):
    for seed in range(5):
        G = random_signed(9 - k, 0.7, 100 + seed)
        G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
        assert frustration(G, exact_camps(G, k=k)) == pytest.approx(brute_force(G, k))


@pytest.mark.parametrize("k", [3, 4])
def test_branch_and_bound_matches_exhaustive_search(monkeypatch, k):
    for seed in range(6):
        G = random_signed(9, 0.6, 200 + seed)
        G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
        listed = frustration(G, exact_camps(G, k=k))  # every labeling, checked above
        with monkeypatch.context() as m:
            m.setattr(balance, "EXACT_LABELINGS", 0)  # too many to list: branch and bound
            camps, value, exact = min_frustration_partition(G, k)
        assert exact and value == pytest.approx(listed)


def test_three_camps_over_twenty_actors_are_exact():
    # three hostile blocs of seven with a few frustrated ties: 3**20 labelings, too many to list
    rng = random.Random(5)
    blocs = [[f"{b}{i}" for i in range(7)] for b in "PQR"]
    G = nx.Graph()
    for bloc in blocs:
        for u, v in zip(bloc, bloc[1:]):
            G.add_edge(u, v, weight=1.0)
    for a, b in itertools.combinations(range(3), 2):
        for _ in range(4):
            G.add_edge(rng.choice(blocs[a]), rng.choice(blocs[b]), weight=-1.0)
    G.add_edge("P0", "Q0", weight=0.3)  # one friendly tie across
    camps, value, exact = min_frustration_partition(G, 3)
    assert exact and value == pytest.approx(0.3)
    assert as_sets(camps) == sorted(sorted(b) for b in blocs)
