"""Herald on Apache Spark: the same pipeline, through :func:`herald.extract_many`, on many machines.

Install with the ``spark`` extra (``pip install 'herald[spark]'``); see docs/spark.md.
"""

from __future__ import annotations

from .job import Summary, main, run, session

__all__ = ["Summary", "main", "run", "session"]
