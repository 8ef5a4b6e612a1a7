"""The framework bundle: one JSON document of the whole framework, with a header.

The bundle is what the site offers for download and what other tools can read without YAML.
Its content hash covers everything but the header itself, so two bundles with the same hash
hold the same framework.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..core.outputs import dumps_json
from ..load.framework import Framework
from ..load.kinds import KINDS

BUNDLE_FORMAT = "lchd-framework-bundle/1"


def bundle_content(fw: Framework) -> dict[str, Any]:
    """The framework's files, by kind, as plain JSON-ready data (kinds and lists sorted)."""
    content: dict[str, Any] = {}
    for kind in sorted(KINDS):
        if KINDS[kind].family != "framework" and not fw.files(kind):
            continue
        files = [m.model_dump(mode="json", exclude_defaults=False) for m in fw.files(kind)]
        for f in files:
            f.pop("kind", None)
        if kind == "framework":
            content["framework"] = files[0]
        elif kind == "crosswalk":
            content["crosswalks"] = sorted(files, key=lambda c: c["id"])
        else:
            content[kind] = files[0] if len(files) == 1 else files
    return content


def bundle(fw: Framework) -> dict[str, Any]:
    content = bundle_content(fw)
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    header = {
        "format": BUNDLE_FORMAT,
        "framework_id": fw.meta.id,
        "framework_version": fw.meta.version,
        "schema_version": fw.meta.schema_version,
        "release_date": fw.meta.release_date,
        "content_hash": "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        "source_publication_doi": fw.meta.source_publication.doi,
    }
    return {"header": header, **content}


def bundle_json(fw: Framework) -> str:
    return dumps_json(bundle(fw))
