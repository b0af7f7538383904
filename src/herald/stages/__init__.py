"""Herald's pipeline stages, in the order they run.

Each stage is a folder ``sN_<name>/`` holding pure functions from a spaCy ``Doc`` (plus the records of
earlier stages) to typed records, and a ``component.py`` that registers a thin spaCy component. A component
writes only its own ``Doc`` extension, ``doc._.herald_<name>``, and reads those of earlier stages.

1. ``s1_times``      times normalised against the publication date -> ``doc._.herald_times``
2. ``s2_actors``     mentions resolved to canonical actors        -> ``doc._.herald_actors``
3. ``s3_places``     place mentions geocoded                      -> ``doc._.herald_places``
4. ``s4_statements`` who said what                                -> ``doc._.herald_statements``
5. ``s5_events``     PLOVER events with modality, date and place  -> ``doc._.herald_events``
6. ``s6_figures``    numeric claims with qualifier and source     -> ``doc._.herald_figures``
"""

from __future__ import annotations

STAGES: tuple[str, ...] = (
    "herald_times_v1",
    "herald_actors_v1",
    "herald_places_v1",
    "herald_statements_v1",
    "herald_events_v1",
    "herald_figures_v1",
)


def register_all() -> None:
    """Import every stage so its spaCy factory is registered."""
    from .s1_times import component as _t  # noqa: F401
    from .s2_actors import component as _a  # noqa: F401
    from .s3_places import component as _p  # noqa: F401
    from .s4_statements import component as _s  # noqa: F401
    from .s5_events import component as _e  # noqa: F401
    from .s6_figures import component as _f  # noqa: F401
