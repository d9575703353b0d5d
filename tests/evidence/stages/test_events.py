"""The events stage: an event word read into a claim with its value."""

from __future__ import annotations

from tests.evidence.stages.conftest import hits


def test_the_post_the_term_and_the_new_name() -> None:
    found = hits(
        "In 1932 Pavel Gromov was appointed chief engineer of the Kiev works. "
        "On 22 June 1938 Gromov was sentenced to ten years in a labour camp. "
        "In 1936 the Gromov Works was renamed the Kiev Compressor Works."
    )
    assert ("Pavel Gromov", "appointed", "1932", "chief engineer of the Kiev works") in found
    assert ("Pavel Gromov", "sentenced", "1938-06-22", "ten years in a labour camp") in found
    assert ("Gromov Works", "renamed", "1936", "Kiev Compressor Works") in found


def test_one_verb_for_several_sentences() -> None:
    found = hits(
        "On 10 October 1951 Frantisek Hanak was sentenced to death, Alois Kubicek to fourteen "
        "years and Jiri Dvorak to twenty years."
    )
    assert {(s, v) for s, p, _, v in found if p == "sentenced"} == {
        ("Frantisek Hanak", "death"),
        ("Alois Kubicek", "fourteen years"),
        ("Jiri Dvorak", "twenty years"),
    }


def test_taking_up_a_post_and_a_hospital_stay() -> None:
    found = hits(
        "In 1946 Jiri Dvorak joined the village school as a teacher. "
        "From 6 September 1950 to 19 September 1950 Alois Kubicek was a patient of "
        "St. Anne's Hospital in Brno."
    )
    assert ("Jiri Dvorak", "appointed", "1946", "a teacher") in found
    assert any(s == "Alois Kubicek" and p == "located-at" for s, p, _, _ in found)


def test_a_course_or_a_hospital_puts_a_person_in_a_town() -> None:
    found = hits(
        "From 4 to 16 September 1950 Jiri Dvorak was at a course in Olomouc. "
        "In March 1951 Pavel Gromov was in hospital in Brno."
    )
    assert {(s, p, d) for s, p, d, _ in found} >= {
        ("Jiri Dvorak", "located-at", "1950-09-04/1950-09-16"),
        ("Pavel Gromov", "located-at", "1951-03"),
    }


def test_a_work_assignment_is_a_stay_across_two_months() -> None:
    found = hits("28.III.–5.IV.1968 – Joachim Kästner on a work assignment at Rostock.")
    assert ("Joachim Kästner", "located-at", "1968-03-28/1968-04-05", None) in found
