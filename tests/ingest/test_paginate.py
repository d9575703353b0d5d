"""Pagination never loses, adds or changes a byte, and keeps passages bounded."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from looseleaf.ingest.paginate import paginate

TEXT = st.lists(
    st.sampled_from([*"ab cd.\n\t\fЖ¬-", "[page 7]\n", "\r\n", "\n\n", "word "]),
    min_size=1,
    max_size=600,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, limit=st.integers(min_value=20, max_value=400))
def test_leaves_concatenate_to_the_text(text: str, limit: int) -> None:
    pieces = paginate(text, limit)
    assert "".join(piece.text for piece in pieces) == text
    if text.strip():
        assert all(piece.text.strip() for piece in pieces)


@settings(max_examples=200, deadline=None)
@given(
    paragraphs=st.lists(
        st.text(alphabet="abc de.", min_size=1, max_size=120), min_size=1, max_size=60
    ),
    limit=st.integers(min_value=40, max_value=500),
)
def test_passages_are_bounded(paragraphs: list[str], limit: int) -> None:
    text = "\n\n".join(p for p in paragraphs if p.strip()) or "x"
    pieces = paginate(text, limit)
    for piece in pieces[:-1]:
        assert len(piece.text.rstrip()) <= limit
    assert "".join(piece.text for piece in pieces) == text


def test_passages_break_at_paragraphs_when_they_can() -> None:
    text = ("A" * 50 + ".\n\n") * 10
    pieces = paginate(text, 120)
    assert all(piece.text.endswith(".\n\n") for piece in pieces)
    assert len(pieces) == 5


def test_a_long_paragraph_is_cut_at_a_sentence_end() -> None:
    text = "One sentence here. " * 40
    pieces = paginate(text, 100)
    assert all(piece.text.endswith(". ") for piece in pieces[:-1])


def test_explicit_page_markers_label_the_leaves() -> None:
    text = "Title line\n\n[Page 1]\nfirst\n--- page 2 ---\nsecond\n<!-- page iii -->\nthird\n"
    pieces = paginate(text, 3000)
    assert [p.label for p in pieces] == [None, "1", "2", "iii"]
    assert pieces[1].text[pieces[1].body :] == "\nfirst\n"


def test_form_feeds_cut_the_pages_and_blank_pages_join_a_neighbour() -> None:
    pieces = paginate("\fone\f\f  \ftwo", 3000)
    assert [p.label for p in pieces] == [None, None]  # no number counted past hidden pages
    assert "".join(p.text for p in pieces) == "\fone\f\f  \ftwo"
