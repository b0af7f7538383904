"""The places stage: place mentions geocoded offline (see docs/places.md)."""

from .extract import extract_places, place_for

__all__ = ["extract_places", "place_for"]
