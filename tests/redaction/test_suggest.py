"""What the suggester finds on text it was not written against (invented
here): names in the forms files write them, and what identifies a person
without a name; and what it leaves alone."""

from __future__ import annotations

from looseleaf.redaction.suggest import Known, suggest

CAST = [
    Known(1, ("Ivan Petrovich Sokolov",)),
    Known(2, ("Marta Kowalska",)),
    Known(3, ("Drossel",)),
]


def found(text: str) -> dict[str, tuple[str, int | None]]:
    return {s.text: (s.kind, s.person_id) for s in suggest(text, CAST)}


def test_a_record_is_found_in_its_cases_initials_and_short_forms() -> None:
    text = (
        "The report concerns Sokolovu, also written I. P. Sokolov and Sokolov I.P.; "
        "his friends call him Vanya. They met Kowalskiej at the station."
    )
    spans = found(text)
    for form in ("Sokolovu", "I. P. Sokolov", "Sokolov I.P.", "Vanya"):
        assert spans[form] == ("name", 1), form
    assert spans["Kowalskiej"] == ("name", 2)


def test_cover_names_ranks_and_unknown_names_are_found_without_their_titles() -> None:
    text = 'Informer "Drossel" met Lt. Brandauer, and the object "Kranich" left with Hedwig Sommer.'
    spans = found(text)
    assert spans["Drossel"] == ("name", 3)
    assert spans["Brandauer"][0] == "name"  # after a rank, the rank left out
    assert spans["Kranich"] == ("name", None)  # a name in quotes no record holds: private
    assert spans["Hedwig Sommer"] == ("name", None)
    assert "Lt. Brandauer" not in spans


def test_a_name_broken_at_a_line_end_is_one_span_and_is_found_again_later() -> None:
    text = "The flat of Kowal-\nska was searched. Kowalska was not at home."
    spans = suggest(text, CAST)
    assert [text[s.start : s.end] for s in spans if s.kind == "name"] == [
        "Kowal-\nska",
        "Kowalska",
    ]


def test_identifiers_are_found_by_the_words_before_them() -> None:
    text = (
        "Born 04.03.1921 in Tula, residing at 14 Lesnaya Street, apt. 9; passport No. "
        "IV-MA 553201; tel. 2-14-55. Case No. 4471/52 was opened on 3 May 1951."
    )
    kinds = {s.text: s.kind for s in suggest(text, [])}
    assert kinds["04.03.1921"] == "date_of_birth"
    assert kinds["14 Lesnaya Street, apt. 9"] == "address"
    assert kinds["IV-MA 553201"] == "id_number"
    assert kinds["2-14-55"] == "phone"
    assert "4471/52" not in " ".join(kinds)  # a file number names no person
    assert "3 May 1951" not in kinds  # the date of an event is no date of birth


def test_places_and_things_in_quotes_are_not_names() -> None:
    text = (
        'They were taken to "Cuatro Álamos". Operation "Zatoka" began; '
        'the newspaper "Tribuna" said so.'
    )
    names = [s.text for s in suggest(text, []) if s.kind == "name"]
    assert names == []


def test_a_name_and_an_address_run_together_belong_to_nobody() -> None:
    """Where a name and an identifier overlap, the merged span is no one
    record's: it counts as private for every class (the safe side)."""
    text = "Sokolov, 14 Lesnaya Street"
    spans = suggest(text, CAST)
    assert all(s.person_id is None for s in spans if s.kind != "name")


def test_a_register_typed_as_a_table_is_read_by_its_column_headings() -> None:
    text = (
        "Entry | Prisoner No. | Name | Born | Cell\n"
        "02.01.1950 | 3317 | NOWAK, Ewa | 11.09.1921 | 4/2\n"
        "03.01.1950 | 3318 | ZIELIŃSKI, Piotr | 1930 | 4/3\n"
        "\n"
        "3317 - released on 5 May.\n"
    )
    kinds = [(s.text, s.kind) for s in suggest(text, []) if s.kind != "name"]
    assert kinds == [
        ("3317", "id_number"),
        ("11.09.1921", "date_of_birth"),
        ("3318", "id_number"),
        ("1930", "date_of_birth"),
        ("3317", "id_number"),  # the number, wherever else the page writes it
    ]


def test_a_name_misread_by_ocr_is_still_the_records() -> None:
    cast = [Known(1, ("Tomasz Kaminski",)), Known(2, ("Jan Olszak",))]
    spans = {s.text: s.person_id for s in suggest("Tornasz Karninski met Capt. J. 0lszak.", cast)}
    assert spans == {"Tornasz Karninski": 1, "J. 0lszak": 2}


def test_an_address_after_a_date_of_birth_in_a_list_of_persons() -> None:
    text = "Observed: Jiří Malý, b. 13. 9. 1940, Brno 2, Kounicova 42; his wife."
    kinds = {s.text: s.kind for s in suggest(text, [])}
    assert kinds["Brno 2, Kounicova 42"] == "address"
