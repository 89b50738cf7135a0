"""`kg compare`: what one source urges is set against what another reports."""

from graph.analysis.commands import compare_sources
from graph.pipeline import build


def test_a_recommendation_meets_a_report_of_the_opposite(tmp_path):
    (tmp_path / "report.txt").write_text(
        "Caucasus diary\n\nWashington and Tehran have been working in the same direction on the "
        "Caucasus file this autumn. Washington condemned Azerbaijan's attacks on Armenia.\n",
        encoding="utf-8")
    (tmp_path / "brief.txt").write_text(
        "A policy brief\n\nThe United States should deny Iran the funds it wants. Washington should "
        "sanction Tehran until the shelling stops.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build([tmp_path / "report.txt", tmp_path / "brief.txt"], out, pages=False).ok
    comparison = compare_sources(out)
    pairs = {(d.kind, frozenset((d.a.rsplit("/", 1)[-1], d.b.rsplit("/", 1)[-1]))): d
             for d in comparison.disagreements}
    found = pairs[("relation", frozenset(("IRN", "USA")))]
    titles = [comparison.documents[s] for s in found.sources]
    assert titles[0].endswith("(reports)") and titles[1].endswith("(urges)")
    assert found.values[0] > 0 > found.values[1]
    assert found.evidence[0] and found.evidence[1]


def test_what_a_source_imagines_meets_a_report_of_the_opposite(tmp_path):
    (tmp_path / "report.txt").write_text(
        "Caucasus diary\n\nWashington condemned Azerbaijan's attacks on Armenia.\n", encoding="utf-8")
    (tmp_path / "brief.txt").write_text(
        "Options paper\n\nThe United States could send advisers to help Azerbaijan guard its "
        "coast.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build([tmp_path / "report.txt", tmp_path / "brief.txt"], out, pages=False).ok
    comparison = compare_sources(out)
    found = next(d for d in comparison.disagreements if d.kind == "relation"
                 and {d.a.rsplit("/", 1)[-1], d.b.rsplit("/", 1)[-1]} == {"AZE", "USA"})
    titles = [comparison.documents[s] for s in found.sources]
    assert titles[0].endswith("(imagines)") and titles[1].endswith("(reports)")
    assert found.values[0] > 0 > found.values[1]
    assert "could send advisers" in found.evidence[0][0].text
    assert "condemned" in found.evidence[1][0].text
