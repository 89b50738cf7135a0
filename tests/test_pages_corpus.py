"""Small documents written for the page tests (our own sentences, one of them hostile); no tests here."""

from __future__ import annotations

from pathlib import Path

HOSTILE_MARKERS = ("<img src=x onerror=alert(1)>", "</script><script>window.__pwned = 2</script>",
                   "javascript:window.__pwned=3")

DOCS = {
    "gulf-talks.txt": (
        "Oman Hosts Quiet Talks as Iran and Saudi Arabia Trade Warnings\n\n"
        "Published 2022-03-14 by the Harbour Ledger.\n\n"
        "Iran accused Saudi Arabia of funding hostile broadcasters during a tense week in March. "
        "Riyadh rejected the charge and said it wanted calm shipping lanes. "
        "Oman offered to host a new round of talks between the two governments. "
        "Qatar praised the Omani initiative and pledged to support the mediators.\n"
    ),
    "caspian-note.md": (
        "# Baku and Moscow Sign a Grain Corridor Memorandum\n\n"
        "Azerbaijan and Russia signed a memorandum on grain transit across the Caspian on Tuesday. "
        "Turkey welcomed the agreement, while Iran criticised Azerbaijan for excluding its ports. "
        "Analysts said Russia would probably not challenge the arrangement.\n"
    ),
    "hostile-markup.txt": (
        "Border Notes <img src=x onerror=alert(1)> From the Aras\n\n"
        "Iran condemned Azerbaijan after a patrol crossed the river near the old bridge. "
        "A local blog pasted this into its report: <img src=x onerror=alert(1)> and nothing more. "
        "Another page carried </script><script>window.__pwned = 2</script> in its caption. "
        "Readers were told to [click here](javascript:window.__pwned=3) for the full statement. "
        "Azerbaijan denied that any patrol had crossed.\n"
    ),
}


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in DOCS.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
