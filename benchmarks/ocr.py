"""OCR at ingest against bare Tesseract, on pages typed at run time.

Pages in English, Russian, German and Polish are typed from the text below
(`looseleaf.demo.typewriter`: a monospaced face at 300 dpi, askew, specked),
then read twice in the same run: by `looseleaf ingest` (a registry on
SQLite, one PNG file a page, one call a language, the right languages
given), and by the bare `tesseract` command on the same files, a language's
pages at a time, as many at once as there are cores.

Printed: character error rate (edit distance over the typed text's length,
whitespace folded) and pages per second for each, and their ratios. Aim
(issue 16): CER within 1.1x of bare Tesseract, throughput at least 0.8x.

    .venv/bin/python benchmarks/ocr.py [--pages-per-language 3] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from looseleaf.demo.typewriter import png, typed_page
from looseleaf.model import Actor
from looseleaf.registry import Registry
from looseleaf.settings import Settings

ACTOR = Actor.operator("benchmark")

# Invented for this benchmark: office prose of the kinds the archives hold.
TEXTS = {
    "eng": [
        "MEMORANDUM. On 12 March 1951 the informer reported that the engineer\n"
        "Tomas Brandauer met two visitors at the railway hotel in Linz.\n"
        "They spoke of the shipment of machine parts and of a payment\n"
        "of 4,000 schillings, to be made through the consulate.",
        "The case officer asks that the correspondence of Brandauer be\n"
        "watched for three months and that copies be sent to department II.\n"
        "No action is to be taken against the visitors without approval.",
        "Minutes of the meeting of 2 April. Present: the deputy head,\n"
        "two operatives, the translator. The deputy head read the report\n"
        "aloud and the operatives gave their account of the surveillance.",
    ],
    "rus": [
        "СПРАВКА. 14 мая 1937 года источник сообщил, что инженер завода\n"
        "Павел Горелов встречался с двумя неизвестными у вокзала.\n"
        "Разговор шёл о поставке станков и о деньгах для типографии.",
        "Начальник отделения просит установить наблюдение за Гореловым\n"
        "сроком на три месяца и доложить о результатах к первому июля.\n"
        "Переписку Горелова направлять в копиях во второй отдел.",
        "Протокол допроса свидетеля. Свидетель показал, что видел\n"
        "обвиняемого в городе Харькове в ночь на третье октября\n"
        "и что обвиняемый был один и ни с кем не разговаривал.",
    ],
    "deu": [
        "VERMERK. Am 3. Juni 1961 berichtete der Informant, dass der Lehrer\n"
        "Günter Wollweber in der Gaststätte am Markt zwei Besucher traf.\n"
        "Es ging um Bücher aus dem Westen und um eine Reise nach Prag.",
        "Der Leiter der Abteilung bittet, die Post von Wollweber für drei\n"
        "Monate zu kontrollieren und die Ergebnisse bis zum Monatsende\n"
        "schriftlich vorzulegen. Maßnahmen nur nach Rücksprache.",
        "Aus dem Protokoll der Sitzung vom 5. September: Anwesend waren\n"
        "der Stellvertreter, zwei Mitarbeiter und die Schreibkraft.\n"
        "Der Bericht wurde verlesen und die Beobachtung besprochen.",
    ],
    "pol": [
        "NOTATKA SŁUŻBOWA. Dnia 9 listopada 1952 roku źródło doniosło, że\n"
        "inżynier Zdzisław Wróblewski spotkał się z dwoma nieznajomymi.\n"
        "Rozmowa dotyczyła maszyn drukarskich i pieniędzy z zagranicy.",
        "Naczelnik wydziału prosi o obserwację Wróblewskiego przez trzy\n"
        "miesiące i o przesłanie wyników do końca grudnia. Korespondencję\n"
        "należy kierować w odpisach do wydziału drugiego.",
        "Protokół przesłuchania świadka. Świadek zeznał, że widział\n"
        "podejrzanego w Łodzi w nocy z trzeciego na czwartego maja\n"
        "i że podejrzany był sam i z nikim nie rozmawiał.",
    ],
}


def folded(text: str) -> str:
    return " ".join(text.split())


def cer(read: str, truth: str) -> float:
    return Levenshtein.distance(folded(read), folded(truth)) / max(1, len(folded(truth)))


def pages(per_language: int, directory: Path) -> list[tuple[str, Path, str]]:
    """(language, PNG file, typed text) of every page, typed now."""
    made = []
    for language, texts in TEXTS.items():
        for n, text in enumerate(texts[:per_language]):
            path = directory / f"{language}-{n}.png"
            path.write_bytes(png(typed_page(text, seed=n + 17 * len(language))))
            made.append((language, path, text))
    return made


def bare(made: list[tuple[str, Path, str]]) -> tuple[float, list[float]]:
    """Bare `tesseract FILE stdout -l LANG` over every page, a page per core,
    a language's pages at a time (as `ingest` is given them: one call a
    language)."""

    def one(page: tuple[str, Path, str]) -> float:
        language, path, text = page
        read = subprocess.run(
            ["tesseract", str(path), "stdout", "-l", language],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        ).stdout
        return cer(read, text)

    start = time.perf_counter()
    rates = []
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for language in TEXTS:
            rates += list(pool.map(one, [page for page in made if page[0] == language]))
    return time.perf_counter() - start, rates


def ours(made: list[tuple[str, Path, str]], directory: Path) -> tuple[float, list[float]]:
    """`ingest` of each language's pages as one call, in that language."""
    settings = Settings(registry=str(directory / "registry.db"), proposals="off", ner="off")
    rates = []
    elapsed = 0.0
    with Registry.init(settings, ACTOR) as registry:
        for language in TEXTS:
            mine = [(path, text) for lang, path, text in made if lang == language]
            start = time.perf_counter()
            results = registry.ingest(
                ACTOR, [path for path, _ in mine], dossier=f"Scans {language}", ocr_lang=language
            )
            elapsed += time.perf_counter() - start
            _, reports = registry.dossier(ACTOR, f"Scans {language}")
            by_report = {report.id: report.leaves for report in reports}
            for result, (_, text) in zip(results, mine, strict=True):
                assert result.status == "ingested", result
                assert result.report_id is not None
                [leaf] = by_report[result.report_id]
                rates.append(cer(registry.read(ACTOR, leaf.id).original, text))
    return elapsed, rates


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--pages-per-language", type=int, default=3, choices=(1, 2, 3))
    parser.add_argument("--repeat", type=int, default=1, help="runs timed (%(default)s)")
    args = parser.parse_args()
    if shutil.which("tesseract") is None:
        sys.exit("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-rus ...)")
    bare_times, our_times = [], []
    bare_rates: list[float] = []
    our_rates: list[float] = []
    with tempfile.TemporaryDirectory(prefix="looseleaf-ocr-") as tmp:
        made = pages(args.pages_per_language, Path(tmp))
        for run in range(args.repeat):
            took, bare_rates = bare(made)
            bare_times.append(took)
            folder = Path(tmp) / f"run{run}"
            folder.mkdir()
            took, our_rates = ours(made, folder)
            our_times.append(took)
    count = len(made)
    bare_pps = count / statistics.median(bare_times)
    our_pps = count / statistics.median(our_times)
    bare_cer, our_cer = statistics.mean(bare_rates), statistics.mean(our_rates)
    print(
        f"{count} pages ({', '.join(TEXTS)}), 300 dpi, {os.cpu_count()} cores, "
        f"median of {args.repeat}"
    )
    print(f"{'':28} {'CER':>7} {'pages/s':>8}")
    print(f"{'bare tesseract (all cores)':28} {bare_cer:7.4f} {bare_pps:8.2f}")
    print(f"{'looseleaf ingest':28} {our_cer:7.4f} {our_pps:8.2f}")
    print(
        f"{'ratio (looseleaf / bare)':28} {our_cer / max(bare_cer, 1e-9):7.2f} "
        f"{our_pps / bare_pps:8.2f}"
    )
    for language in TEXTS:
        picked = [i for i, (lang, _, _) in enumerate(made) if lang == language]
        print(
            f"  {language}: CER bare {statistics.mean(bare_rates[i] for i in picked):.4f}, "
            f"looseleaf {statistics.mean(our_rates[i] for i in picked):.4f}"
        )


if __name__ == "__main__":
    main()
