"""Property-based tests of every API endpoint against its OpenAPI spec (schemathesis over the ASGI app).

Generated inputs, valid and invalid, must never produce a 5xx; invalid ones must be rejected with a 4xx;
responses must match the documented status codes, content types and schemas. Examples are bounded so the
run takes about a minute. Not checked: that every schema-valid input is accepted: a cursor is opaque (any
string that is not a returned ``next_cursor`` is a 400) and a bbox's south <= north is not expressible.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import positive_data_acceptance

from herald.corpus.store import open_store
from herald.web import create_app


def _paths() -> list[str]:
    """Every API operation, read from the spec of an app over an empty store (the spec needs no data)."""
    with tempfile.TemporaryDirectory() as tmp:
        open_store(Path(tmp) / "empty.db").close()
        spec = create_app(Path(tmp) / "empty.db").openapi()
    return [f"{method.upper()} {path}" for path, ops in spec["paths"].items() for method in ops]


OPERATIONS = _paths()


def test_every_api_route_is_in_the_spec() -> None:
    assert len(OPERATIONS) >= 14
    assert all(op.split()[1].startswith("/api/v1/") for op in OPERATIONS)


@pytest.fixture(scope="module")
def api_schema(example_store: Path) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(example_store))


@pytest.mark.parametrize("label", OPERATIONS)
def test_api_conforms_to_its_spec(api_schema: Any, label: str) -> None:
    operation = api_schema.find_operation_by_label(label)

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def run(case: Any) -> None:
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    run()
