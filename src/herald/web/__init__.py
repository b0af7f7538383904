"""``herald serve``: the HTTP API and the web explorer over a corpus store (read-only)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
