"""A page before it is stamped: request, body and bookkeeping; the source adds time and headers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..base import Request

T = TypeVar("T")


@dataclass
class PageDraft:
    """One response to emit, with what it counts for in `FetchStats`."""

    request: Request
    body: Any  # JSON-able; serialized once, when the page is emitted
    url: str  # without query string; the source appends the encoded params
    stats_key: str
    fetched: int = 0
    new: int = 0
    cursor: tuple[str, str] | None = None
    refreshed_by_account: dict[str, int] = field(default_factory=dict)
    posts: list[Any] = field(default_factory=list)  # the generated posts behind the records
    faults: dict[str, int] = field(default_factory=dict)  # malformed records injected, by kind


def chunks(items: Sequence[T], size: int) -> Iterator[list[T]]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield list(items[start:start + size])
