"""The dating stage: which date an event word takes."""

from __future__ import annotations

from tests.evidence.stages.conftest import hits


def test_an_entry_is_dated_by_the_date_it_opens_with() -> None:
    assert ("V. K. Lenski", "died", "1938-03", None) in hits("Mar. 1938 - death of V. K. Lenski.")


def test_a_sentence_takes_the_day_of_the_verdict_before_it() -> None:
    text = (
        "Two days later, on 22 June 1938, the court pronounced its verdict. "
        "The court sentenced Pavel Gromov to the supreme measure of punishment."
    )
    assert any(
        s == "Pavel Gromov" and p == "sentenced" and d == "1938-06-22" for s, p, d, _ in hits(text)
    )


def test_dates_respectively_go_one_to_each() -> None:
    text = (
        "Alois Kubicek and Jiri Dvorak were arrested on 14 March 1951 and 15 March 1951 "
        "respectively."
    )
    assert {("Alois Kubicek", "1951-03-14"), ("Jiri Dvorak", "1951-03-15")} == {
        (s, d) for s, p, d, _ in hits(text) if p == "arrested"
    }


def test_a_date_in_a_range_split_by_and_is_still_the_clauses() -> None:
    text = "Alois Kubicek and Jiri Dvorak were arrested on 14 March 1951 and 15 March 1951."
    assert {d for _, p, d, _ in hits(text) if p == "arrested"} == {"1951-03-14/1951-03-15"}


def test_shortly_afterwards_is_not_the_day_named_before() -> None:
    found = hits("Kharlamov was sentenced to death on 24 June 1938 and shot shortly afterwards.")
    assert {(p, d) for _, p, d, _ in found} == {("sentenced", "1938-06-24")}


def test_a_birth_in_brackets_after_the_name() -> None:
    found = hits("1930 - G. I. Kharlamov (b. 1896, Kharkiv) joins the works as deputy engineer.")
    assert ("G. I. Kharlamov", "born", "1896", None) in found
    assert ("G. I. Kharlamov", "appointed", "1930", "deputy engineer") in found


def test_figures_as_ocr_misreads_them() -> None:
    found = hits("Joachim Kästner was arrested on 1O.4.1968 and sentenced on l2.9.1968.")
    assert {(p, d) for _, p, d, _ in found} >= {
        ("arrested", "1968-04-10"),
        ("sentenced", "1968-09-12"),
    }
