"""The survey-platform pages stay true to the commands: every command they show parses, and every
platform format the toolkit reads or writes has its page."""

from __future__ import annotations

import re
import shlex

from lchd_assess.app.interop import EXPORT_FORMATS, IMPORT_FORMATS
from lchd_assess.cli.main import build_parser
from lchd_assess.site.platforms import FOLDER, GUIDES


def test_every_command_on_the_platform_pages_parses(root):
    parser = build_parser()
    shown = 0
    for g in GUIDES:
        page = (root / "docs" / FOLDER / f"{g.slug}.md").read_text(encoding="utf-8")
        for block in re.findall(r"```sh\n(.*?)```", page, flags=re.S):
            for line in block.strip().splitlines():
                words = shlex.split(line)
                assert words[0] == "lchd-assess"
                parser.parse_args(words[1:])  # exits (fails the test) on a wrong command or option
                shown += 1
    assert shown == 2 * len(GUIDES)


def test_every_export_and_import_format_has_a_page():
    assert {g.export_format for g in GUIDES} == set(EXPORT_FORMATS)
    assert {g.import_format for g in GUIDES} == set(IMPORT_FORMATS)
