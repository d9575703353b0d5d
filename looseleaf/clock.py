"""Time as the registry records it: UTC, ISO 8601, microseconds, a `Z`.

One fixed format on both backends, so timestamps compare as strings in SQL
and a test can hand the registry its own clock (expiry is tested that way).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
