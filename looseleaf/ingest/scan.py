"""Scans: the page image is the original, its text what Tesseract reads.

A page image is kept as it came (a JPEG or PNG file byte for byte, the image
a scanned PDF page holds as the PDF holds it, a TIFF frame losslessly as
PNG) and read by Debian's Tesseract in the languages asked for. What the
reading cannot vouch for is said, never passed over: a page whose words
Tesseract is unsure of, and a page written in a script none of the asked
languages is written in (Russian read as English gives confident nonsense,
which no confidence figure shows; Tesseract's script detection does).

Pure like the rest of ingest: bytes in, pages out, nothing stored.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache

from PIL import Image, ImageSequence, UnidentifiedImageError

from looseleaf.errors import BadInput

#: Image files ingest takes, by suffix.
IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}
#: The most pixels one page may have: an A3 page at 600 dpi is 70 million.
#: Beyond it Pillow's decompression-bomb check refuses the file unread.
MAX_PIXELS = 90_000_000
#: The most pages one file may bring (a TIFF's frames, a PDF's scanned pages).
MAX_PAGES = 2_000
#: Below this mean word confidence (0-100) a page is reported as unsure.
LOW_CONFIDENCE = 60.0
#: At or above it a page was read in its own script: a page in another
#: script than the languages read reads far below it (Russian as English: 60).
SURE = 85.0
#: The script each language pack reads.
SCRIPTS = {
    "eng": "Latin",
    "deu": "Latin",
    "pol": "Latin",
    "fra": "Latin",
    "rus": "Cyrillic",
    "ukr": "Cyrillic",
    "bel": "Cyrillic",
}
_LANGS = re.compile(r"^[a-z]{3}(?:_[a-z]+)?(?:\+[a-z]{3}(?:_[a-z]+)?)*$")

Image.MAX_IMAGE_PIXELS = MAX_PIXELS


@dataclass(frozen=True)
class PageImage:
    """One page as an image: `data` in `media_type`, kept as it came."""

    media_type: str
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float


@dataclass(frozen=True)
class Reading:
    """What Tesseract made of a page: its text, each word with its box and
    confidence, the mean confidence, the script it saw, and what to warn of."""

    text: str
    languages: str
    confidence: float | None
    words: tuple[Word, ...] = ()
    script: str | None = None
    warnings: tuple[str, ...] = field(default=())


def available() -> str | None:
    """Why OCR cannot run here, or None when it can."""
    if shutil.which("tesseract") is None:
        return "Tesseract is not installed (Debian: apt-get install tesseract-ocr)"
    return None


@cache
def installed_languages() -> frozenset[str]:
    import pytesseract

    return frozenset(pytesseract.get_languages(config=""))


def check_languages(languages: str, what: str = "--ocr-lang") -> str:
    """`languages` as Tesseract takes them (rus+deu), each one installed."""
    wanted = languages.strip()
    if not _LANGS.match(wanted):
        raise BadInput(f"{what} {languages!r}", "is language codes joined by '+' (rus+deu)")
    missing = available()
    if missing is not None:
        raise BadInput(what, missing)
    unknown = [code for code in wanted.split("+") if code not in installed_languages()]
    if unknown:
        have = "+".join(sorted(installed_languages() - {"osd"}))
        raise BadInput(
            f"{what} {wanted!r}",
            f"no Tesseract language pack for {', '.join(unknown)} (installed: {have})",
        )
    return wanted


def images_of(what: str, data: bytes, media_type: str) -> list[PageImage]:
    """The pages of an image file: one for a PNG or a JPEG (the file itself),
    one per frame of a TIFF (each kept losslessly as PNG)."""
    image = _opened(what, data)
    with image:
        frames = getattr(image, "n_frames", 1)
        if frames > MAX_PAGES:
            raise BadInput(what, f"{frames:,} pages is over the {MAX_PAGES:,}-page limit")
        if media_type != "image/tiff" and frames == 1:
            _decoded(what, image)
            return [PageImage(media_type, data, image.width, image.height)]
        pages = []
        for frame in ImageSequence.Iterator(image):
            pages.append(as_png(what, frame))
        return pages


def image_of_pdf_page(what: str, data: bytes, name: str) -> PageImage:
    """A scanned PDF page's image (as the PDF holds it: a JPEG stays the
    JPEG it is; other encodings are kept losslessly as PNG)."""
    image = _opened(what, data)
    with image:
        if image.format == "JPEG":
            _decoded(what, image)
            return PageImage("image/jpeg", data, image.width, image.height)
        return as_png(what, image)


def as_png(what: str, image: Image.Image) -> PageImage:
    _decoded(what, image)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return PageImage("image/png", out.getvalue(), image.width, image.height)


def _opened(what: str, data: bytes) -> Image.Image:
    if not data:
        raise BadInput(what, "empty image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BadInput(
            what, f"image is over the {MAX_PIXELS:,}-pixel limit (a decompression bomb?)"
        ) from None
    except UnidentifiedImageError:
        raise BadInput(what, "corrupt image (not a PNG, JPEG or TIFF Pillow can read)") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise BadInput(what, f"corrupt image ({exc})") from None


def _decoded(what: str, image: Image.Image) -> None:
    """Decode the pixels now, so a truncated or corrupt file is refused at
    ingest and not when a reader opens the page."""
    if image.width * image.height > MAX_PIXELS:
        raise BadInput(what, f"image is over the {MAX_PIXELS:,}-pixel limit")
    try:
        image.load()
    except (OSError, ValueError, SyntaxError) as exc:
        raise BadInput(what, f"corrupt image ({exc})") from None


def read_pages(what: str, pages: Sequence[PageImage], languages: str) -> list[Reading]:
    """Each page read by Tesseract, as many at once as there are cores (each
    Tesseract on one thread: the pages, not the threads of one page, are
    what runs side by side)."""
    missing = available()
    if missing is not None:
        raise BadInput(what, f"a scan needs OCR: {missing}")
    workers = max(1, min(len(pages), os.cpu_count() or 1))
    if workers == 1:
        return [read_page(what, page, languages) for page in pages]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda page: read_page(what, page, languages), pages))


def read_page(what: str, page: PageImage, languages: str) -> Reading:
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    suffix = ".jpg" if page.media_type == "image/jpeg" else ".png"
    # Tesseract is handed the image's own bytes as a file: nothing decoded
    # or encoded again on the way.
    with tempfile.NamedTemporaryFile(suffix=suffix, prefix="looseleaf-page-") as file:
        file.write(page.data)
        file.flush()
        try:
            data = pytesseract.image_to_data(
                file.name, lang=languages, config="--psm 3", output_type=pytesseract.Output.DICT
            )
        except pytesseract.TesseractError as exc:
            message = exc.message.strip()
            raise BadInput(what, f"Tesseract could not read a page ({message})") from None
    words = tuple(
        Word(text, int(left), int(top), int(width), int(height), float(conf))
        for text, left, top, width, height, conf in zip(
            data["text"],
            data["left"],
            data["top"],
            data["width"],
            data["height"],
            data["conf"],
            strict=True,
        )
        if str(text).strip() and float(conf) >= 0
    )
    text = _text_of(data)
    confidence = round(sum(w.confidence for w in words) / len(words), 1) if words else None
    # A page read in its own script is read surely; only an unsure reading is
    # worth the second pass that tells the script (it costs as much again).
    script = _script(page) if confidence is None or confidence < SURE else None
    return Reading(
        text,
        languages,
        confidence,
        words,
        script,
        tuple(_warnings(languages, confidence, script, text)),
    )


def _text_of(data: dict[str, list[object]]) -> str:
    """The words in reading order: a line per Tesseract line, a blank line
    between its paragraphs and blocks."""
    lines: list[str] = []
    current: list[str] = []
    place: tuple[object, object, object] | None = None
    block: tuple[object, object] | None = None
    for level, text, b, p, ln in zip(
        data["level"],
        data["text"],
        data["block_num"],
        data["par_num"],
        data["line_num"],
        strict=True,
    ):
        if level != 5 or not str(text).strip():
            continue
        if (b, p, ln) != place:
            if current:
                lines.append(" ".join(current))
            if block is not None and (b, p) != block:
                lines.append("")
            current, place, block = [], (b, p, ln), (b, p)
        current.append(str(text))
    if current:
        lines.append(" ".join(current))
    return "\n".join(lines) + ("\n" if lines else "")


def _script(page: PageImage) -> str | None:
    """The script Tesseract's orientation and script detection sees, or None
    where the page has too little text to tell."""
    import pytesseract

    if "osd" not in installed_languages():
        return None
    with Image.open(io.BytesIO(page.data)) as image:
        image.load()
        gray = image.convert("L")
    try:
        found = pytesseract.image_to_osd(
            gray, config="--psm 0", output_type=pytesseract.Output.DICT
        )
    except pytesseract.TesseractError:
        return None
    script, sure = found.get("script"), float(found.get("script_conf", 0) or 0)
    return str(script) if script and sure >= 1.0 else None


def _warnings(languages: str, confidence: float | None, script: str | None, text: str) -> list[str]:
    said = []
    asked = {SCRIPTS.get(code.split("_")[0]) for code in languages.split("+")}
    if script is not None and script in set(SCRIPTS.values()) and script not in asked:
        said.append(
            f"the page is written in {script} script, which none of {languages!r} is: "
            f"read it again with the right languages (leaf reocr --ocr-lang)"
        )
    if not text.strip():
        said.append("no text was found on the page")
    elif confidence is not None and confidence < LOW_CONFIDENCE:
        said.append(f"OCR confidence {confidence:.1f} is low (under {LOW_CONFIDENCE:.0f})")
    return said
