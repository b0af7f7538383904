"""``herald explain`` for a stored article, as JSON (runs the pipeline again on the article's text)."""

from __future__ import annotations

import functools
from typing import Any

from spacy.language import Language


@functools.lru_cache(maxsize=1)
def _nlp() -> Language:
    import herald

    return herald.load()


def explain_article(art: dict[str, Any]) -> dict[str, Any]:
    """Why each event of ``art`` (a :func:`herald.corpus.browse.article` dict) was coded.

    The pipeline runs again on the stored text: when Herald's rules changed since the article was ingested
    the explanation may differ from the stored records (``same_as_stored`` says whether it matches).
    """
    from ..stages.s5_events.explain import explain

    items = explain(art["text"], published=art.get("published"), nlp=_nlp())
    stored = {(e["id"].split(":")[-1], e["type"]) for e in art["events"]}
    out = []
    for x in items:
        out.append(
            {
                "event": x.event.id,
                "uid": f"{art['key']}:{x.event.id}",
                "type": x.event.type,
                "mode": x.event.mode,
                "definition": x.definition,
                "rule": x.pattern,
                "lexicon_entry": x.entry,
                "kind": x.kind,
                "trigger": x.trigger,
                "sentence": x.sentence,
                "embedded_action": x.embedded_action,
                "embedded_type": x.embedded_type,
                "actors": [{"id": i, "name": n, "how": h} for i, n, h in x.actors],
                "recipients": [{"id": i, "name": n, "how": h} for i, n, h in x.recipients],
                "date": x.date,
                "date_from": x.date_from,
                "date_how": x.date_how,
                "place": x.place,
                "place_how": x.place_how,
                "cues": x.cues,
                "notes": x.notes,
                "confidence": x.event.confidence,
                "confidence_parts": [{"part": p, "weight": w} for p, w in x.confidence_parts],
            }
        )
    current = {(o["event"], o["type"]) for o in out}
    return {"article": art["key"], "events": out, "same_as_stored": current == stored}
