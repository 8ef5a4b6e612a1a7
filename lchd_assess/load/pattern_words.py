"""Every pattern a schema field uses, said in words for the people who fill the files.

A coordinator who writes a roster sector as ``health care`` must read "lowercase words joined by
hyphens, e.g. health-care", never the regular expression the field is checked with. The table
is literal so a test can prove that every ``pattern`` in every generated schema has its words
(a new pattern without words fails that test, not a user).
"""

from __future__ import annotations

PATTERN_WORDS: dict[str, str] = {
    # codes: roster sectors, instrument sectors, answer scales, standard sections
    r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$": "lowercase words joined by hyphens, e.g. health-care",
    r"^[a-z][a-z0-9-]*$": "lowercase letters, digits and hyphens, starting with a letter, e.g. lchd-readiness",
    # local codes of the organisations in a roster
    r"^[a-z0-9][a-z0-9-]*$": "lowercase letters, digits and hyphens, e.g. org-01",
    r"^[1-9][0-9]*[a-z]?$": "a number, optionally followed by one lowercase letter, e.g. 8 or 8b",
    r"^https://\S+$": "a web address starting with https:// and without spaces",
    r"^https://\S+/$": "a web address starting with https://, without spaces, ending with /",
    r"^PMC\d+$": "a PubMed Central ID: PMC followed by digits, e.g. PMC9549524",
    r"^10\.\d{4,9}/\S+$": "a DOI without the https://doi.org/ prefix, e.g. 10.1542/peds.2021-053509O",
    r"^[A-Z]{2}$": "two capital letters, e.g. SA",
    r"^[a-z]{2,3}(-[A-Z]{2})?$": "a language code: two or three lowercase letters, optionally a hyphen and a region in capitals, e.g. es or es-MX",
    # a wave's file in a partnership's responses/ folder
    r"^[^/\\]+\.([cC][sS][vV]|[xX][lL][sS][xX])$": "a file name ending in .csv or .xlsx (in any case), without folders, e.g. 2026-spring.csv",
    r"^\d{4}-\d{2}-\d{2}$": "a date in the form YYYY-MM-DD, e.g. 2026-03-31",
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$": "a version MAJOR.MINOR.PATCH, e.g. 1.0.0",
}


def pattern_in_words(pattern: str) -> str:
    """The rule a ``pattern`` stands for, in words; a neutral phrase for one not yet described."""
    return PATTERN_WORDS.get(pattern, "the form shown in the file's documentation")
