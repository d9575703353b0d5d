"""A page image as it is handed to one reader: scaled for the screen, with
the reader's name, the time and what allowed the read burned into the
pixels, across the page and in a band at its foot.

A watermark drawn by the browser over a clean image is gone the moment the
image is saved; this one is part of every copy of the picture, so a
photograph of the screen or a saved file still says who was shown it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

#: The widest facsimile served: wide enough to read a typescript zoomed in.
WIDEST = 1800
_FACES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def _face(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in _FACES:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def watermarked(
    data: bytes,
    mark: str,
    *,
    widest: int = WIDEST,
    masks: Sequence[tuple[int, int, int, int]] = (),
) -> bytes:
    """`data` (a page image) as a PNG at most `widest` pixels wide, `mark`
    burned in: repeated diagonally over the page, faint enough to read
    through, and once in full in a band under it. `masks` (left, top,
    width, height in the image's own pixels) are blacked out first, a
    little beyond the box, so no stroke of a masked word shows."""
    with Image.open(io.BytesIO(data)) as opened:
        page = opened.convert("RGB")
    if masks:
        pen = ImageDraw.Draw(page)
        for left, top, width, height in masks:
            pad = max(2, height // 5)
            pen.rectangle(
                (left - pad, top - pad, left + width + pad, top + height + pad), fill=(0, 0, 0)
            )
    if page.width > widest:
        page = page.resize(
            (widest, round(page.height * widest / page.width)), Image.Resampling.LANCZOS
        )
    size = max(14, page.width // 45)
    face = _face(size)
    # The diagonal: drawn on a square layer, turned, laid over the page.
    side = int((page.width**2 + page.height**2) ** 0.5)
    layer = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    step = size * 6
    line = f"{mark}   ·   "
    for row, y in enumerate(range(0, side, step)):
        draw.text((-(row % 3) * size * 4, y), line * 8, font=face, fill=(160, 20, 20, 70))
    layer = layer.rotate(30, resample=Image.Resampling.BICUBIC)
    left, top = (side - page.width) // 2, (side - page.height) // 2
    layer = layer.crop((left, top, left + page.width, top + page.height))
    page = Image.alpha_composite(page.convert("RGBA"), layer)
    # The band at the foot, in full.
    band = size * 2
    out = Image.new("RGBA", (page.width, page.height + band), (255, 255, 255, 255))
    out.paste(page, (0, 0))
    ImageDraw.Draw(out).text(
        (size // 2, page.height + size // 2), mark, font=face, fill=(120, 0, 0, 255)
    )
    buffer = io.BytesIO()
    out.convert("RGB").save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
