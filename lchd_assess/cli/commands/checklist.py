"""``lchd-assess checklist new|check|render|template``: the reporting standard's author tools."""

from __future__ import annotations

import argparse
import sys

from . import add_force, add_format


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    actions = (_new_parser(sub), _check_parser(sub), _render_parser(sub), _template_parser(sub))
    for q in actions:
        q.add_argument(
            "--framework",
            metavar="DIR",
            help="framework folder holding the standard (default: the repository's framework/)",
        )


def _new_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    new = sub.add_parser(
        "new",
        help="write a blank checklist (YAML) to fill in",
        description="Write a blank checklist for the current version of the reporting standard, with each item's number, title and text as comments.",
    )
    new.add_argument(
        "--out", required=True, metavar="FILE", help="file to write (.yaml); not overwritten unless --force"
    )
    add_force(new, "a FILE")
    new.add_argument(
        "--core",
        action="store_true",
        help="core items only: the minimum for a first report or a funder (extended items can be added later)",
    )
    return new


def _check_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    check = sub.add_parser(
        "check",
        help="list what is missing or wrong in a filled checklist",
        description="Check a filled checklist against the reporting standard: items neither reported nor explained, 'not applicable' where it is not allowed, unknown IDs, another version. Exit 0 when complete, 1 with findings, 2 when the file cannot be read. No score is computed.",
    )
    check.add_argument("file", metavar="FILE", help="the checklist (.yaml)")
    add_format(check)
    check.add_argument(
        "--all",
        action="store_true",
        help="list every finding on its own line (by default one line per kind of problem, with a count and the first places)",
    )
    return check


def _render_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    render = sub.add_parser(
        "render",
        help="write the completed checklist as HTML, PDF and Markdown, or Word",
        description="Write checklist.html, checklist.pdf and checklist.md into DIR (or checklist.docx with --format docx), with the standard's version and citation, ready to attach at submission. --as squire writes the same answers as a SQUIRE 2.0 checklist (squire-checklist.*), through the standard's crosswalk. An incomplete checklist is refused (exit 1, with its findings) unless --draft, which renders it marked as a draft on every page.",
    )
    render.add_argument("file", metavar="FILE", help="the checklist (.yaml)")
    render.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    render.add_argument(
        "--draft", action="store_true", help="render an incomplete checklist, clearly marked as a draft"
    )
    render.add_argument(
        "--format",
        action="append",
        choices=("html", "pdf", "md", "docx"),
        metavar="FORMAT",
        help="html, pdf, md or docx (Word); repeat for several (default: html, pdf and md)",
    )
    render.add_argument(
        "--as",
        dest="view",
        choices=("lchd", "squire"),
        default="lchd",
        help="lchd: the standard's own checklist (default); squire: the same answers as a SQUIRE 2.0 checklist, elements not covered in full marked 'check'",
    )
    add_force(render, "files in DIR")
    return render


def _template_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    tpl = sub.add_parser(
        "template",
        help="write a structured write-up template (Markdown)",
        description="Write a Markdown template with the standard's sections, items and prompts. With --partnership, pre-fill composition and the self-assessment summary from that partnership's folder.",
    )
    tpl.add_argument("--out", required=True, metavar="FILE", help="file to write (.md); not overwritten unless --force")
    tpl.add_argument("--partnership", metavar="DIR", help="a partnership folder (partnership.yaml, responses/*.csv)")
    add_force(tpl, "a FILE")
    return tpl


def _new(args: argparse.Namespace) -> int:
    from ...app.checklist import new_checklist
    from ...core.safe_output import shown

    done = new_checklist(args.out, framework=args.framework, core=args.core, force=args.force)
    std = done.standard
    what = f"{done.items} core items of {done.total}" if args.core else f"{done.items} items"
    print(
        f"wrote {shown(done.path)}: blank checklist for {std.model.short_title} {std.version} ({what}); fill it, then run `lchd-assess checklist check {shown(done.path)}`"
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    from ...app.checklist import check_checklist
    from ...core.outputs import dumps_json

    report = check_checklist(args.file, framework=args.framework)
    if args.format == "json":
        sys.stdout.write(dumps_json(report.to_dict()))
    else:
        print(report.format_text(full=args.all), file=sys.stdout if report.ok else sys.stderr)
    return int(report.exit_code)


def _render(args: argparse.Namespace) -> int:
    # only `render` loads the Word and PDF renderers
    from ...app.checklist_render import BLOCKING_CODES, render_checklist
    from ...core.safe_output import shown

    result = render_checklist(
        args.file,
        args.out,
        framework=args.framework,
        draft=args.draft,
        formats=args.format,
        view=args.view,
        force=args.force,
    )
    if not result.written:
        print(result.report.format_text(), file=sys.stderr)
        if result.report.exit_code == 1:
            hint = (
                "fix these, or add --draft to render a marked draft"
                if not BLOCKING_CODES & set(result.report.codes())
                else "a checklist for another version or standard cannot be rendered"
            )
            print(f"not rendered: {hint}", file=sys.stderr)
        return int(result.report.exit_code) or 1
    if result.report.findings:
        print(result.report.format_text(), file=sys.stderr)
    for p in result.written:
        print(f"wrote {shown(p)}")
    return 0


def _template(args: argparse.Namespace) -> int:
    from ...app.checklist import write_template
    from ...core.safe_output import shown

    notes = write_template(args.out, framework=args.framework, partnership=args.partnership, force=args.force)
    for n in notes:
        print(n, file=sys.stderr)
    print(f"wrote {shown(args.out)}")
    return 0


# The library is imported inside each action, not at the top: start-up speed (`lchd-assess
# --help` imports this module and must load no use case, pydantic or Jinja).
ACTIONS = {"new": _new, "check": _check, "render": _render, "template": _template}


def run(args: argparse.Namespace) -> int:
    return ACTIONS[args.action](args)
