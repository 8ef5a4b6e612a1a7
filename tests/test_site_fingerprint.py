"""The fingerprint that lets an up-to-date `site build` skip generation is the same whether the
docs folder is read from disk or taken from the files a forced build has just written."""

from __future__ import annotations

from lchd_assess.app.site_build import fingerprint
from lchd_assess.core.paths import citation_file, framework_dir
from lchd_assess.site.build import write_site
from lchd_assess.site.generate import Site


def test_the_fingerprint_of_written_docs_equals_the_one_read_back_from_disk(tmp_path):
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    files = {
        ".lchd-generated": "marker\n",
        "index.md": "# Home\n",
        "a-b.md": "sorted by path parts, not as one string\n",
        "a/b.md": "nested\n",
        "a/c/d.md": "deeper\n",
        "downloads/figure.png": b"\x89PNG binary",
    }
    site = Site(files=files, config="site_name: x\n", pages=[], nav=[])
    write_site(site, docs, config)
    fw, cff = framework_dir(), citation_file()
    from_disk = fingerprint(fw, docs, config, cff)
    assert fingerprint(fw, docs, config, cff, docs=files) == from_disk
    changed = dict(files, **{"a/b.md": "edited\n"})
    assert fingerprint(fw, docs, config, cff, docs=changed) != from_disk
