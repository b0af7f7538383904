"""One JSON error shape for every 4xx/5xx of the API (and an HTML page for the explorer's pages).

``{"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}``
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class BadRequest(Exception):
    """A parameter that passed type validation but makes no sense (malformed cursor or bbox...)."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] = []


class ErrorBody(BaseModel):
    error: ErrorDetail


CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


def body(status: int, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return ErrorBody(
        error=ErrorDetail(
            status=status, code=CODES.get(status, "error"), message=message, details=details or []
        )
    ).model_dump()


# Documented on every API route, so clients (and schemathesis) know the error shape.
RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter is malformed (cursor, bbox...)."},
    404: {"model": ErrorBody, "description": "No such record."},
    422: {"model": ErrorBody, "description": "A parameter failed validation."},
    500: {"model": ErrorBody, "description": "Server error."},
}
