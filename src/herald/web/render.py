"""Jinja2 templates: autoescape on for every template; data is never marked safe."""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined


def _url(path: str, params: list[tuple[str, str]] | dict[str, Any] | None = None) -> str:
    """A URL with its query string (both encoded); used for every link carrying filters."""
    items = list(params.items()) if isinstance(params, dict) else list(params or [])
    items = [(k, str(v)) for k, v in items if v not in (None, "", False)]
    return path + ("?" + urlencode(items) if items else "")


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("herald.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["url"] = _url
    env.filters["seg"] = lambda value: quote(str(value), safe="")  # one URL path segment
    env.globals["QUADS"] = {
        1: "verbal cooperation",
        2: "material cooperation",
        3: "verbal conflict",
        4: "material conflict",
    }
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
