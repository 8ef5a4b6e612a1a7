"""``lchd-assess site build|serve|check``: the documentation site."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any
from ...core.formatting import plural


def add_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    b = sub.add_parser(
        "build",
        help="generate docs/ and mkdocs.yml from the framework, then run `mkdocs build --strict` into the site folder",
    )
    b.add_argument("--out", default="site", metavar="DIR", help="where to write the HTML site (default: site/)")
    b.add_argument(
        "--file-urls",
        action="store_true",
        help="link pages as page.html, for reading the site from disk (file://) without a server",
    )
    b.add_argument(
        "--framework",
        metavar="DIR",
        help="framework folder (default: the repository's framework/); another folder's pages are generated beside the output, leaving docs/ alone",
    )
    b.add_argument(
        "--force",
        action="store_true",
        help="regenerate the pages even when no input changed since the last build, and build into an --out folder that an earlier `site build` did not make (only files of the same names are replaced; nothing else is removed)",
    )
    s = sub.add_parser("serve", help="build the site, then serve it on http://127.0.0.1:PORT/ until Ctrl-C")
    s.add_argument("--out", default="site", metavar="DIR", help="where to write the HTML site (default: site/)")
    s.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")
    s.add_argument("--framework", metavar="DIR", help="framework folder (default: the repository's framework/)")
    pub = sub.add_parser(
        "publish",
        help="build this release into DEST/<version>/ beside earlier ones, with latest/ and the version selector's versions.json",
        description="Build the site for this release into DEST/1.0/ (the framework's MAJOR.MINOR), frozen: a published release is never rebuilt. DEST/latest/ becomes a copy of the newest release, DEST/versions.json lists the releases for the version selector, DEST/index.html sends visitors to latest/. Deploy DEST as it is.",
    )
    pub.add_argument("dest", metavar="DEST", help="the folder holding every published release")
    pub.add_argument("--framework", metavar="DIR", help="framework folder (default: the repository's framework/)")
    pub.add_argument(
        "--force", action="store_true", help="rebuild a release folder that exists (only one never announced)"
    )
    c = sub.add_parser(
        "check", help="write nothing; exit 1 if docs/ or mkdocs.yml differ from what the framework generates"
    )
    c.add_argument("--framework", metavar="DIR", help="framework folder (default: the repository's framework/)")


def _make_inputs(framework_dir: Path, cff: dict) -> Any:
    # imported only when the cached inputs do not match the files: a build the cache answers
    # loads no scorer, file writer or Pillow (start-up speed, measured in benchmarks/site.py)
    from ...app.site_prepare import make_inputs

    return make_inputs(framework_dir, cff)


def _generate(framework_dir: Path, directory_urls: bool) -> Any:
    # imported only when pages are generated: an up-to-date build loads no page generator
    # (start-up speed, measured in benchmarks/site.py)
    from ...app.site_inputs import generate_from_inputs

    return generate_from_inputs(framework_dir, directory_urls, _make_inputs)


def _build(args: argparse.Namespace, file_urls: bool = False) -> int:
    import time

    # imported when the command runs, not at start-up: `lchd-assess --help` stays fast; and the
    # build alone, which loads no page generator, so an up-to-date build is MkDocs alone
    from ...app.site_build import build_site

    start = time.perf_counter()
    site, changed, result = build_site(
        Path(args.out), _generate, framework=args.framework, file_urls=file_urls, force=getattr(args, "force", False)
    )
    for line in result.warnings:
        print(line)
    if not result.ok:
        print(
            f"lchd-assess: site build failed: mkdocs exited {result.returncode} with {plural(len(result.warnings), 'warning')}; the log is above"
        )
        return 1
    pages = (
        "pages up to date, generation skipped"
        if site is None
        else f"{plural(len(site.pages), 'page')} generated, {plural(len(changed), 'file')} changed"
    )
    from ...core.safe_output import shown

    print(
        f"built the site into {shown(args.out)}/ in {time.perf_counter() - start:.1f} s ({pages}); mkdocs: no warnings"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    if args.action == "build":
        return _build(args, file_urls=args.file_urls)
    if args.action == "publish":
        from ...app.site import publish_site

        target, releases = publish_site(Path(args.dest), args.framework, force=args.force)
        print(
            f"published release {target.name} into {target}/; releases: {', '.join(releases)}; latest/ is {releases[-1]}"
        )
        return 0
    if args.action == "check":
        from ...app.site import stale_pages  # at run time, not start-up (see _build)
        from ...core.errors import UsageError
        from ...core.findings import Finding
        from ...core.paths import source_tree

        root = source_tree()
        if root is None:
            raise UsageError(
                "site check compares a source checkout's docs/ with the framework; run it in a clone of the repository (an installed toolkit has no docs/: use `lchd-assess site build --out DIR`)"
            )
        stale = stale_pages(args.framework, root)
        for rel in stale:
            print(
                Finding(
                    "site-stale", "differs from what the framework generates; run `lchd-assess site build`", file=rel
                ).format_text()
            )
        return 1 if stale else 0
    # serve
    code = _build(args)
    if code:
        return code
    import functools
    import http.server

    from ...core.safe_output import shown

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=args.out)
    try:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as exc:
        from ...core.errors import UsageError

        raise UsageError(
            f"cannot serve on 127.0.0.1:{args.port}: {exc.strerror}; choose another port with --port"
        ) from None
    with httpd:
        print(f"serving {shown(args.out)}/ at http://127.0.0.1:{httpd.server_address[1]}/ (Ctrl-C to stop)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0
