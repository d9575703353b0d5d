"""Typed pages as a scanner sees them: text set in a typewriter-like face at
300 dpi, a little askew, with the specks and unevenness of a carbon copy.

The demo builds its scans from its own text with this, and so do the OCR
tests and the OCR benchmark: the text a page was made from is known, so
what OCR reads of it can be measured.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

#: Monospaced faces Debian ships, the nearest to a typewriter first.
FACES = (
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
)
DPI = 300
#: An A4 page at 300 dpi.
WIDTH, HEIGHT = 2480, 3508


def _face(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FACES:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def typed_page(
    text: str,
    *,
    seed: int = 0,
    skew: float | None = None,
    noise: float = 0.004,
    size: int = 42,
    height: int | None = None,
) -> Image.Image:
    """One page of `text` (lines as given), grey, askew by `skew` degrees
    (else a small random angle), with `noise` of its pixels specked."""
    rng = random.Random(seed)  # noqa: S311 -- specks on a page, not a secret
    lines = text.splitlines() or [""]
    step = int(size * 1.55)
    tall = height or max(1200, min(HEIGHT, 300 + step * len(lines)))
    page = Image.new("L", (WIDTH, tall), 250)
    draw = ImageDraw.Draw(page)
    face = _face(size)
    y = 180
    for line in lines:
        # A typewriter's uneven strike: each line a little darker or lighter.
        draw.text((220 + rng.randint(-3, 3), y), line, font=face, fill=rng.randint(15, 60))
        y += step
    angle = rng.uniform(-0.8, 0.8) if skew is None else skew
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=250)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    pixels = page.load()
    assert pixels is not None
    for _ in range(int(page.width * page.height * noise)):
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        pixels[x, y] = rng.choice((0, 90, 255))
    return page


def png(page: Image.Image) -> bytes:
    out = io.BytesIO()
    page.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


def jpeg(page: Image.Image) -> bytes:
    out = io.BytesIO()
    page.save(out, format="JPEG", quality=85, dpi=(DPI, DPI))
    return out.getvalue()


def tiff(pages: Sequence[Image.Image]) -> bytes:
    """A multi-page TIFF, as a document scanner writes a stack of pages."""
    out = io.BytesIO()
    first, *rest = pages
    first.save(out, format="TIFF", save_all=True, append_images=rest, compression="tiff_deflate")
    return out.getvalue()


def scanned_pdf(pages: Sequence[Image.Image]) -> bytes:
    """An image-only PDF: each page one scanned image, no text layer."""
    out = io.BytesIO()
    first, *rest = pages
    first.save(out, format="PDF", save_all=True, append_images=rest, resolution=DPI)
    return out.getvalue()
