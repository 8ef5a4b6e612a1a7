"""``lchd-assess release check|snapshot``: is the release coherent; freeze a release's data."""

from __future__ import annotations

import argparse

from . import add_format
from ...core.formatting import plural


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    c = sub.add_parser(
        "check",
        help="compare with the previous release: versions raised where content changed, changelogs, CITATION.cff and .zenodo.json",
        description="Compare the data with the previous release's snapshot (framework/releases/): list every element added, reworded, retired or removed; check that each changed part raised its version (a new MAJOR.MINOR when published elements changed), has a changelog entry, and that CITATION.cff and .zenodo.json agree. Exit 0 when coherent, 1 with findings, 2 when a file cannot be read.",
    )
    c.add_argument(
        "--previous",
        metavar="FILE",
        help="the previous release's snapshot (default: the newest older one in framework/releases/)",
    )
    c.add_argument("--root", metavar="DIR", help="the repository to check (default: this one)")
    add_format(c)
    s = sub.add_parser(
        "snapshot",
        help="freeze this release's data as framework/releases/VERSION.json (after publishing it)",
        description="Write framework/releases/VERSION.json: the data of this release, which the next release is compared with.",
    )
    s.add_argument("--root", metavar="DIR", help="the repository (default: this one)")
    s.add_argument(
        "--force",
        action="store_true",
        help="replace an existing snapshot of the same version (only one never published)",
    )


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from ...app.release import check_release, finding_count, format_changes, write_snapshot
    from ...core.outputs import dumps_json
    from ...core.paths import repo_root

    root = Path(args.root) if args.root else repo_root()
    if args.action == "snapshot":
        out = write_snapshot(root, args.force)
        print(f"wrote {out}")
        return 0
    result = check_release(root, Path(args.previous) if args.previous else None)
    if args.format == "json":
        sys.stdout.write(dumps_json(result.to_dict()))
        return int(result.report.exit_code)
    print(
        f"release {result.version} compared with {result.previous_version}: {plural(len(result.changes), 'element change')}"
    )
    for line in format_changes(result.changes):
        print(line)
    if result.report.ok:
        print(f"OK: the release is coherent ({len(result.report.checked)} files)")
    else:
        for f in result.report.sorted():
            print(f.format_text(), file=sys.stderr)
        print(f"{finding_count(result.report.findings)}: not ready to release", file=sys.stderr)
    return int(result.report.exit_code)
