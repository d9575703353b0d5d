"""Normalised text undoes print and OCR damage; the original is never its input's loss."""

from __future__ import annotations

from looseleaf.ingest.normalise import double_spaced, normalise


def test_not_sign_hyphenation_is_undone() -> None:
    assert normalise("the harbour office of the port ad¬ \nministration") == (
        "the harbour office of the port administration"
    )


def test_hyphen_between_lower_case_letters_is_undone() -> None:
    assert normalise("the registra-\ntion of seamen") == "the registration of seamen"


def test_real_compounds_keep_their_hyphen() -> None:
    assert normalise("the Austro-\nHungarian river fleet") == "the Austro-Hungarian river fleet"
    assert normalise("the Orlov-\nBrandt file") == "the Orlov-Brandt file"


def test_wrapped_lines_join_and_paragraphs_stay() -> None:
    text = "The steamer left\nBraila at dawn.\n\nA new paragraph\nstarts here."
    assert normalise(text) == "The steamer left Braila at dawn.\n\nA new paragraph starts here."


def test_markdown_blocks_are_not_joined() -> None:
    text = "# Heading\nIntro line\n- item one\n- item two\n1. first\n> quoted"
    assert normalise(text) == "# Heading\n\nIntro line\n- item one\n- item two\n1. first\n> quoted"


def test_double_spaced_ocr_joins_across_blank_lines() -> None:
    text = (
        "In the spring of that year, at Galati, the boatswain \n\n"
        "Lupu signed on with the river line, a post he \n\n"
        "held through three seasons and a change of the \n\n"
        "harbour master. \n\n"
        "His papers were stamped at every port of the \n\n"
        "upper river and checked twice at the border. \n\n"
        "The clerk who kept the register noted each call \n\n"
        "in a small hand and without comment, as was the \n\n"
        "custom of that office."
    )
    assert double_spaced(text)
    out = normalise(text, soft_blank_lines=True)
    assert "change of the harbour master." in out
    assert "the boatswain Lupu signed on" in out
    assert "harbour master.\n\nHis papers" in out


def test_headings_in_double_spaced_text_stay_apart() -> None:
    out = normalise("EDITOR’S FOREWORD \n\nIn the spring of that year,", soft_blank_lines=True)
    assert out == "EDITOR’S FOREWORD\n\nIn the spring of that year,"


def test_spaces_and_line_endings_are_tidied() -> None:
    assert normalise("  a\t\t b  \r\n\r\n\r\n\r\nc  ") == "a b\n\nc"


def test_normal_prose_is_not_double_spaced() -> None:
    assert not double_spaced("One paragraph.\n\nAnother paragraph.\n\nA third one.\n")
