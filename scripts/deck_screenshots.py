"""The README's two slides: the briefing deck built on the embedded data, converted by
LibreOffice and rendered with pdftoppm (poppler-utils) — the centre-against-counties slide
and the unemployment map.  ``python -m scripts.deck_screenshots``."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "static" / "readme"
SLIDES = {"centre_rest": "deck-centre.png", "map_unemployment": "deck-unemployment-map.png"}


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from briefing.context import build_context
    from briefing.deck import deck_spec
    from exports.deck import build_deck, deck_to_pdf
    from store.loading import load_dataset

    views = list(SLIDES)
    context = build_context(dataset=load_dataset())
    pdf = deck_to_pdf(build_deck(deck_spec(context, views, "fa"), "fa"))
    if pdf is None:
        print("LibreOffice is not installed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.pdf"
        path.write_bytes(pdf)
        for page, name in enumerate(SLIDES.values(), start=2):  # slide 1 is the title
            stem = Path(tmp) / f"p{page}"
            subprocess.run(["pdftoppm", "-r", "96", "-f", str(page), "-l", str(page),
                            "-singlefile", "-png", str(path), str(stem)], check=True)
            OUT.mkdir(parents=True, exist_ok=True)
            (OUT / name).write_bytes(stem.with_suffix(".png").read_bytes())
            print(OUT / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
