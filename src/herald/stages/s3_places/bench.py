"""Time the places stage against bare spaCy: ``python -m herald.stages.s3_places.bench [N]``.

Runs the spaCy model alone over the first N (default 150) LGL DEV article texts, then the places stage alone
over the resulting Docs (gazetteer already open), and prints both times. Needs ../shared/data/lgl.
"""

from __future__ import annotations

import sys
import time

import spacy

from ...config import settings
from ...eval import default_data_root
from .extract import extract_places
from .store import store


def main(n: int = 150) -> str:
    from ...eval.datasets._lgl_format import read

    root = default_data_root()
    if root is None:
        return "no ../shared/data folder: nothing to time"
    texts = [a.text for a in read(root / "lgl")][:n]
    t = time.perf_counter()
    store()
    t_open = time.perf_counter() - t
    bare = spacy.load(settings().model)
    t = time.perf_counter()
    docs = list(bare.pipe(texts, batch_size=16))
    t_bare = time.perf_counter() - t
    tokens = sum(len(d) for d in docs)
    t = time.perf_counter()
    found = sum(len(extract_places(d)) for d in docs)
    t_places = time.perf_counter() - t
    return (
        f"{len(texts)} articles, {tokens} tokens, {found} places; gazetteer open {t_open:.2f}s; "
        f"bare spaCy {t_bare:.2f}s ({tokens / t_bare:.0f} tokens/s); places stage {t_places:.3f}s "
        f"= {100 * t_places / t_bare:.1f}% of the spaCy time"
    )


if __name__ == "__main__":
    print(main(int(sys.argv[1]) if len(sys.argv) > 1 else 150))
