"""Masks on a page image: the boxes of the words a layer masks, found by
following OCR's words, in reading order, through the leaf's normalised text.

The normalised text joins words broken at a line's end ("Soko-" and "lov"
make "Sokolov"), so a word is looked for as written, then without its
hyphen, a little ahead of where the last one was found. A masked stretch
none of whose words could be placed is not guessed at: the page cannot be
shown masked, and the caller refuses it.
"""

from __future__ import annotations

from collections.abc import Sequence

from looseleaf.ingest.scan import Word

#: How far ahead of the last word placed the next is looked for, in characters.
_AHEAD = 400
Box = tuple[int, int, int, int]


def placed(text: str, words: Sequence[Word]) -> list[tuple[int, int] | None]:
    """Each word's offsets in `text`, or None where it could not be placed."""
    found: list[tuple[int, int] | None] = []
    at = 0
    for word in words:
        written = word.text.strip()
        spot = None
        for form in (written, written.rstrip("-¬"), written.strip(".,;:()\"'“”")):
            if not form:
                continue
            index = text.find(form, at, at + _AHEAD + len(form))
            if index >= 0:
                spot = (index, index + len(form))
                break
        found.append(spot)
        if spot is not None:
            at = spot[1]
    return found


def masked_boxes(
    text: str, words: Sequence[Word], ranges: Sequence[tuple[int, int]]
) -> list[Box] | None:
    """The boxes (left, top, width, height) to black out for `ranges` of
    `text`; a word that could not be placed between two masked ones is
    masked too. None if some range has no word placed in it."""
    spots = placed(text, words)
    inside = [
        spot is not None and any(spot[0] < end and start < spot[1] for start, end in ranges)
        for spot in spots
    ]
    for index, spot in enumerate(spots):
        if spot is None:
            before = next((inside[i] for i in range(index - 1, -1, -1) if spots[i]), False)
            after = next((inside[i] for i in range(index + 1, len(spots)) if spots[i]), False)
            inside[index] = before or after
    for start, end in ranges:
        if not any(s is not None and s[0] < end and start < s[1] for s in spots):
            return None
    return [
        (w.left, w.top, w.width, w.height) for w, hide in zip(words, inside, strict=True) if hide
    ]
