"""How every benchmark prints its verdicts: one wording for an aim met or
missed, and one line for a ratio with the pairs it came from."""

from __future__ import annotations

from collections.abc import Sequence


def verdict(met: bool | None) -> str:
    """'met', 'NOT met', or '-' where the aim does not apply."""
    return "-" if met is None else ("met" if met else "NOT met")


def ratio_line(
    name: str, what: str, ratio: float, pairs: Sequence[float], aim: str, met: bool
) -> str:
    """`sqlite      ratio ingest/baseline time 3.40x (per run: ...); aim <= 3x: met`"""
    runs = " ".join(f"{p:.2f}" for p in pairs)
    return f"{name:<11} ratio {what} {ratio:.2f}x (per run: {runs}); aim {aim}: {verdict(met)}"


def heading(header: str) -> list[str]:
    """A table's column header and its rule."""
    return [header, "-" * len(header)]
