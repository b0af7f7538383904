"""Terminal rendering of Extractions with rich (used by ``--format table`` and the main job)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .schema import Extraction


def _actor_names(x: Extraction, ids: Iterable[str]) -> str:
    names = {a.id: a.name for a in x.actors}
    return ", ".join(names.get(i, i) for i in ids) or "-"


def _flags(*pairs: tuple[bool, str]) -> str:
    return " ".join(label for on, label in pairs if on)


def extraction_panel(x: Extraction) -> Panel:
    """One article as a panel of tables: events, statements, figures, then counts of the rest."""
    title = x.article.title or x.article.id
    parts: list[object] = []
    header = Text()
    header.append(f"published {x.article.published or 'unknown'}", style="dim")
    header.append(f"  ·  {x.article.chars:,} chars  ·  status {x.status}", style="dim")
    parts.append(header)
    for note in x.notes:
        parts.append(Text(f"note [{note.code}]: {note.message}", style="yellow"))
    times = {t.id: t for t in x.times}
    places = {p.id: p for p in x.places}
    if x.events:
        t = Table(title="events", show_lines=False, expand=True)
        for col in ("type", "mode", "actors", "recipients", "date", "place", "flags", "evidence"):
            t.add_column(col, overflow="fold")
        for e in x.events:
            date = times[e.date].value if e.date in times else e.date
            place = places[e.place].name if e.place in places else e.place
            flags = _flags(
                (e.historical, "historical"),
                (e.negated, "negated"),
                (e.future, "future"),
                (e.hypothetical, "hypothetical"),
                (e.reported_by is not None, f"via {e.reported_by}"),
            )
            t.add_row(
                e.type,
                e.mode or "",
                _actor_names(x, e.actors),
                _actor_names(x, e.recipients),
                str(date or ""),
                str(place or ""),
                flags,
                (e.trigger.text if e.trigger else e.evidence.text[:60]),
            )
        parts.append(t)
    if x.statements:
        t = Table(title="statements", expand=True)
        for col in ("speaker", "cue", "kind", "content"):
            t.add_column(col, overflow="fold")
        for s in x.statements:
            who = _actor_names(x, [s.speaker]) if s.speaker else (s.speaker_text or "?")
            content = s.content.text if len(s.content.text) <= 120 else s.content.text[:117] + "..."
            t.add_row(who, s.cue or "", s.kind, content)
        parts.append(t)
    if x.figures:
        t = Table(title="figures", expand=True)
        for col in ("value", "qualifier", "counts", "source", "hedges", "evidence"):
            t.add_column(col, overflow="fold")
        for f in x.figures:
            value = (
                "?"
                if f.value is None
                else f"{f.value:,.0f}"
                if float(f.value).is_integer()
                else f"{f.value:,}"
            )
            source = _actor_names(x, [f.source]) if f.source else (f.source_text or "unsourced")
            t.add_row(
                value, f.qualifier or "", f.counts or "", source, ", ".join(f.hedges), f.evidence.text[:60]
            )
        parts.append(t)
    parts.append(
        Text(
            f"{len(x.actors)} actors · {len(x.events)} events · {len(x.statements)} statements · "
            f"{len(x.figures)} figures · {len(x.times)} times · {len(x.places)} places",
            style="bold",
        )
    )
    return Panel(Group(*parts), title=title, title_align="left")  # type: ignore[arg-type]


def print_extraction(x: Extraction, console: Console | None = None) -> None:
    (console or Console()).print(extraction_panel(x))
