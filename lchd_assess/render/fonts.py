"""The one font family of every PDF the toolkit writes, shipped inside the package.

A PDF embeds subsets of the font files it was drawn with, so a report rendered with whatever
fonts a machine happens to have differs, byte for byte and in looks, from machine to machine.
Every PDF therefore draws its text with Lato 2.0 (SIL Open Font License 1.1; regular, bold,
italic, bold italic; Latin, Latin Extended, Greek and Cyrillic, so Spanish and French render),
copied unchanged from Debian's ``fonts-lato`` package into ``assets/fonts/`` (licence and
provenance in ``assets/fonts/README.txt``).

:func:`font_face_css` declares the files with ``@font-face`` under the CSS name
:data:`FAMILY` (a name no system font has, so fontconfig can never substitute a system copy of
Lato of another version); the PDF wrapper adds it to every document, and the files are fetched
through its restricted fetcher like any other asset.  HTML pages name the same family first and
fall back to system fonts, since a browser does not load the PDF's @font-face.
"""

from __future__ import annotations

from pathlib import Path

#: The CSS family name of the shipped fonts.
FAMILY = "LCHD Text"
#: The font-family list for stylesheets and SVG charts: the shipped family first (PDFs), then
#: what a browser is likely to have for an HTML report opened elsewhere.
#: Single quotes, so it also fits in an SVG attribute written in double quotes.
STACK = f"'{FAMILY}', Lato, 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"
#: (file, CSS font-weight, CSS font-style)
FACES: tuple[tuple[str, int, str], ...] = (
    ("Lato-Regular.ttf", 400, "normal"),
    ("Lato-Bold.ttf", 700, "normal"),
    ("Lato-Italic.ttf", 400, "italic"),
    ("Lato-BoldItalic.ttf", 700, "italic"),
)


def fonts_dir(assets: Path) -> Path:
    return assets / "fonts"


def font_face_css(assets: Path) -> str:
    """``@font-face`` rules for the shipped files, and the rule that every PDF text uses them.

    Monospaced elements (``<code>``) would otherwise fall back to a system monospace font.
    """
    rules = [
        f'@font-face {{ font-family: "{FAMILY}"; src: url("{(fonts_dir(assets) / name).as_uri()}"); font-weight: {weight}; font-style: {style}; }}'
        for name, weight, style in FACES
    ]
    rules.append(f'code, kbd, pre, samp, tt {{ font-family: "{FAMILY}"; }}')
    return "\n".join(rules) + "\n"
