"""Shapes shared by every router: errors, pages, and text fields the database can store."""

import re
from datetime import date
from typing import Annotated, Generic, TypeVar

from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

T = TypeVar("T")

# No NUL characters (PostgreSQL refuses them in text) and never longer than the column.
NO_NUL = r"^[^\x00]*$"


def Text(max_length: int, *, min_length: int = 0):  # noqa: N802  (a type factory)
    return Annotated[
        str,
        StringConstraints(max_length=max_length, min_length=min_length, pattern=NO_NUL),
    ]


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date_only(value):
    """Dates only as YYYY-MM-DD: pydantic would also take a number (seconds since 1970)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise PydanticCustomError("date_parsing", "Send a date as YYYY-MM-DD.")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date_only)]


class Input(Schema):
    """Request bodies: a field the API does not know is an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class FieldError(Schema):
    field: str = Field(description="The field, as a dotted path (for example `title`).")
    location: str = Field(description="Where it was sent: body, query or path.")
    message: str


class Error(Schema):
    """Every error answer: a Dutch message, a stable code and, for bad input, per field."""

    detail: str = Field(description="What went wrong, in Dutch.")
    code: str = Field(description="A stable code for programs.")
    errors: list[FieldError] = Field(default_factory=list)
    current_version: int | None = Field(
        None, description="On a 409 for a changed row or revision: the version it has now."
    )


class PageParams(Schema):
    limit: int = Field(50, ge=1, le=200, description="Rows per page (at most 200).")
    offset: int = Field(0, ge=0, le=1_000_000, description="Rows to skip.")


class Page(Schema, Generic[T]):
    count: int = Field(description="Rows matching the filters, on every page together.")
    limit: int
    offset: int
    items: list[T]


def page_of(rows, params: PageParams, convert) -> dict:
    """One page of a query set or list (stable order is the caller's), converted per row."""
    count = len(rows) if isinstance(rows, list) else rows.count()
    chosen = rows[params.offset : params.offset + params.limit] if count > params.offset else []
    return {
        "count": count,
        "limit": params.limit,
        "offset": params.offset,
        "items": [convert(row) for row in chosen],
    }


# What every operation may answer besides its success.
ERRORS = {400: Error, 401: Error, 404: Error, 422: Error, 429: Error}
PUBLIC_ERRORS = {400: Error, 404: Error, 422: Error, 429: Error}
WRITE_ERRORS = {**ERRORS, 403: Error, 409: Error}
