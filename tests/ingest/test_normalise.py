"""Normalised text undoes print and OCR damage; the original is never its input's loss."""

from __future__ import annotations

from looseleaf.ingest.normalise import double_spaced, normalise


def test_not_sign_hyphenation_is_undone() -> None:
    assert normalise("terror on the part of the gov¬ \nernment") == (
        "terror on the part of the government"
    )


def test_hyphen_between_lower_case_letters_is_undone() -> None:
    assert normalise("the imprison-\nment of") == "the imprisonment of"


def test_real_compounds_keep_their_hyphen() -> None:
    assert normalise("all White-\nGuard terrorists") == "all White-Guard terrorists"
    assert normalise("the Zinoviev-\nKamenev trial") == "the Zinoviev-Kamenev trial"


def test_wrapped_lines_join_and_paragraphs_stay() -> None:
    text = "A young Communist\nnamed N. shot him.\n\nA new paragraph\nstarts here."
    assert normalise(text) == "A young Communist named N. shot him.\n\nA new paragraph starts here."


def test_markdown_blocks_are_not_joined() -> None:
    text = "# Heading\nIntro line\n- item one\n- item two\n1. first\n> quoted"
    assert normalise(text) == "# Heading\n\nIntro line\n- item one\n- item two\n1. first\n> quoted"


def test_double_spaced_ocr_joins_across_blank_lines() -> None:
    text = (
        "On December 1, in Leningrad, a young Communist \n\n"
        "named N. shot and killed K., member of \n\n"
        "the Politburo and one of the outstanding figures of the \n\nSoviet regime. \n\n"
        "The shot proved to be fatal not only to him but \n\nalso to the country as a whole. \n\n"
        "It gave rise to a new wave of terror on the part of the \n\ngovernment and the party. \n\n"
        "These simple facts are clear enough, but what has \n\nmystified the world is the trial."
    )
    assert double_spaced(text)
    out = normalise(text, soft_blank_lines=True)
    assert "figures of the Soviet regime." in out
    assert "member of the Politburo" in out
    assert "Soviet regime.\n\nThe shot" in out


def test_headings_in_double_spaced_text_stay_apart() -> None:
    out = normalise("TRANSLATOR’S PREFACE \n\nOn December 1, in Leningrad,", soft_blank_lines=True)
    assert out == "TRANSLATOR’S PREFACE\n\nOn December 1, in Leningrad,"


def test_spaces_and_line_endings_are_tidied() -> None:
    assert normalise("  a\t\t b  \r\n\r\n\r\n\r\nc  ") == "a b\n\nc"


def test_normal_prose_is_not_double_spaced() -> None:
    assert not double_spaced("One paragraph.\n\nAnother paragraph.\n\nA third one.\n")
