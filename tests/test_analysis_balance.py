"""Structural balance on constructed signed graphs with known optimal partitions."""

import itertools
import random

import networkx as nx
import pytest

from graph.analysis.balance import (
    adversary_camps,
    exact_camps,
    frustrated_edges,
    frustration,
    heuristic_camps,
    min_frustration_partition,
    triangle_balance_ratio,
)
from graph.analysis.clusters import alignment_clusters
from graph.analysis.roles import brokers, camp_stance


def signed(edges):
    G = nx.Graph()
    G.add_weighted_edges_from(edges)
    return G


def brute_force(G, k=2):
    nodes = sorted(G)
    return min(frustration(G, dict(zip(nodes, labels)))
               for labels in itertools.product(range(k), repeat=len(nodes)))


def random_signed(n, p, seed):
    rng = random.Random(seed)
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for i, j in itertools.combinations(range(n), 2):
        if rng.random() < p:
            G.add_edge(i, j, weight=rng.choice((-1, 1)) * round(rng.uniform(0.1, 1.0), 2))
    return G


def as_sets(camps):
    return sorted(sorted(c) for c in camps)


def test_balanced_graph_has_zero_frustration_and_the_two_blocs():
    G = signed([("AZE", "ISR", 1), ("AZE", "TUR", 1), ("TUR", "PAK", 1), ("AZE", "IRN", -1),
                ("IRN", "ISR", -1), ("IRN", "TUR", -0.5), ("IRN", "ARM", 1), ("ARM", "AZE", -1)])
    camps = exact_camps(G)
    assert as_sets(camps) == [["ARM", "IRN"], ["AZE", "ISR", "PAK", "TUR"]]
    assert frustration(G, camps) == 0
    assert triangle_balance_ratio(G) == 1.0
    assert frustrated_edges(G, camps) == []


def test_unbalanced_triangle_frustration_is_exactly_one_weight():
    G = signed([("A", "B", 1), ("B", "C", 1), ("A", "C", -1)])
    camps, value, exact = min_frustration_partition(G)
    assert exact and value == 1.0
    assert frustration(G, exact_camps(G)) == 1.0
    assert triangle_balance_ratio(G) == 0.0
    assert len(frustrated_edges(G, camps)) == 1


def test_weighted_case_cuts_the_cheapest_tie():
    # A-B strongly friendly, B-C weakly friendly, A-C hostile: cut B-C (0.3) rather than
    # keep the hostile tie (0.8) inside or cut A-B (2.0)
    G = signed([("A", "B", 2.0), ("B", "C", 0.3), ("A", "C", -0.8)])
    camps = exact_camps(G)
    assert as_sets(camps) == [["A", "B"], ["C"]]
    assert frustration(G, camps) == pytest.approx(0.3)
    [e] = frustrated_edges(G, camps)
    assert (e.u, e.v, e.kind) == ("B", "C", "positive across")


def test_weighted_four_node_case_matches_brute_force():
    G = signed([("A", "B", 1.5), ("C", "D", 1.0), ("A", "C", -1.0), ("B", "D", -2.0),
                ("A", "D", 0.4), ("B", "C", 0.7)])
    camps = exact_camps(G)
    assert frustration(G, camps) == pytest.approx(1.1)
    assert frustration(G, camps) == pytest.approx(brute_force(G))


def test_all_negative_triangle_needs_three_camps():
    G = signed([("A", "B", -1), ("B", "C", -1), ("A", "C", -1)])
    assert min_frustration_partition(G, 2)[1] == 1.0
    assert min_frustration_partition(G, 3)[1] == 0.0
    result = adversary_camps(G)
    assert result.k == 3 and as_sets(result.camps) == [["A"], ["B"], ["C"]]
    assert result.frustration == 0


def test_one_contested_tie_does_not_split_a_camp():
    G = signed([("A", "B", 1), ("B", "C", 1), ("A", "C", 1), ("C", "D", -1), ("A", "D", -1),
                ("B", "D", -1), ("A", "E", 1), ("B", "E", 1), ("C", "E", -0.3)])
    result = adversary_camps(G)
    assert result.k == 2
    assert as_sets(result.camps) == [["A", "B", "C", "E"], ["D"]]


@pytest.mark.parametrize("k", [2, 3])
def test_exact_equals_brute_force_on_random_graphs(k):
    for seed in range(6):
        G = random_signed(7, 0.6, seed)
        G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
        assert frustration(G, exact_camps(G, k=k)) == pytest.approx(brute_force(G, k))


def test_heuristic_within_five_percent_of_exact():
    for seed in range(30):
        n = 8 + seed % 13  # up to 20 nodes
        G = random_signed(n, (0.25, 0.45, 0.7)[seed % 3], seed)
        best = frustration(G, exact_camps(G))
        found = frustration(G, heuristic_camps(G, seed=seed))
        assert found >= best - 1e-9
        assert found <= 1.05 * best + 1e-9, (seed, found, best)


def test_exact_search_handles_22_actors():
    G = random_signed(22, 0.3, 7)
    camps, value, exact = min_frustration_partition(G)
    assert exact
    assert value <= frustration(G, heuristic_camps(G)) + 1e-9


def test_isolated_and_cancelling_actors_stay_outside():
    G = signed([("A", "B", -1), ("B", "C", 1)])
    G.add_node("LONE")
    G.add_edge("X", "A", weight=0.0)  # cooperation and hostility that cancel
    result = adversary_camps(G)
    assert result.outside == {"LONE", "X"}
    assert as_sets(result.camps) == [["A"], ["B", "C"]]


def test_mediator_friendly_with_both_sides_stays_out():
    # India and Pakistan clash; China courts both: it is in neither camp
    G = signed([("IND", "PAK", -1), ("CHN", "IND", 3), ("CHN", "PAK", 2.5), ("USA", "IND", 1)])
    result = adversary_camps(G)
    assert as_sets(result.camps) == [["IND", "USA"], ["PAK"]]
    assert result.mediators == {"CHN"}
    assert result.frustration == 0 and result.frustration_index == 1.0
    # without the mediator rule, balance alone keeps everybody together
    plain = adversary_camps(G, mediators=False)
    assert as_sets(plain.camps) == [["CHN", "IND", "PAK", "USA"]]
    assert plain.frustration == 1.0


def test_positive_only_friends_of_friends_join_the_camp():
    G = signed([("PHL", "CHN", -2), ("USA", "PHL", 2), ("AUS", "PHL", 1), ("JPN", "AUS", 1),
                ("RUS", "CHN", 1)])
    result = adversary_camps(G)
    assert as_sets(result.camps) == [["AUS", "JPN", "PHL", "USA"], ["CHN", "RUS"]]


def test_tie_goes_to_hostility():
    # EGY cooperates with ISR exactly as much as it opposes USA: hostility decides
    G = signed([("USA", "ISR", 2), ("PSE", "ISR", -1), ("PSE", "USA", -1), ("EGY", "ISR", 1),
                ("EGY", "USA", -1), ("EGY", "PSE", 0.5)])
    result = adversary_camps(G)
    assert as_sets(result.camps) == [["EGY", "PSE"], ["ISR", "USA"]]


def test_components_are_not_merged():
    G = signed([("A", "B", -1), ("C", "D", -1)])
    assert len(adversary_camps(G).camps) == 4


def test_camps_are_deterministic_and_sorted():
    G = random_signed(15, 0.4, 3)
    a, b = adversary_camps(G), adversary_camps(G.copy())
    assert a.camps == b.camps
    keys = [min(c) for c in a.camps]
    assert keys == sorted(keys)


def test_alignment_clusters_and_roles():
    G = signed([("A", "B", 2), ("B", "C", 2), ("A", "C", 2), ("D", "E", 2), ("E", "F", 2),
                ("D", "F", 2), ("C", "D", 0.2), ("A", "F", -1)])
    assert as_sets(alignment_clusters(G)) == [["A", "B", "C"], ["D", "E", "F"]]
    top = [n for n, _ in brokers(G)[:2]]
    assert sorted(top) == ["C", "D"]
    stance = camp_stance(G, [{"A", "B", "C"}, {"D", "E", "F"}])
    assert stance["A"] == [4, -1]
