"""The compiled-template cache in the user's cache folder stays bounded (render/templating.py)."""

from __future__ import annotations

import os

from lchd_assess.core.paths import keep_newest
from lchd_assess.render import templating


def _fill(folder, n):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        f = folder / f"__jinja2_{i:040x}.cache"
        f.write_bytes(b"old")
        os.utime(f, ns=(i * 10**9, i * 10**9))


def test_a_compile_prunes_the_template_cache_to_its_bound_keeping_the_newest(monkeypatch, tmp_path):
    monkeypatch.setenv("LCHD_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "jinja"
    _fill(folder, templating.KEEP_COMPILED + 10)
    # a template no earlier run compiled: Jinja compiles it and writes its entry
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "new.html").write_text("<p>{{ x }}</p>", encoding="utf-8")
    env = templating.environment([tmp_path / "t"])
    assert env.get_template("new.html").render(x="a & b") == "<p>a &amp; b</p>"
    left = sorted(p.name for p in folder.iterdir())
    assert len(left) == templating.KEEP_COMPILED
    assert f"__jinja2_{0:040x}.cache" not in left  # the oldest went
    assert f"__jinja2_{templating.KEEP_COMPILED + 9:040x}.cache" in left  # the newest old ones stay
    made = {f"__jinja2_{i:040x}.cache" for i in range(templating.KEEP_COMPILED + 10)}
    assert len(set(left) - made) == 1  # and the entry just written


def test_keep_newest_leaves_a_small_cache_and_other_files_alone(tmp_path):
    _fill(tmp_path, 3)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    keep_newest(tmp_path, "__jinja2_*.cache", 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"__jinja2_{1:040x}.cache",
        f"__jinja2_{2:040x}.cache",
        "notes.txt",
    ]
    keep_newest(tmp_path, "__jinja2_*.cache", 5)  # under the bound: nothing removed
    assert len(list(tmp_path.iterdir())) == 3
