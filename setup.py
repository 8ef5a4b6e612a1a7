"""Build hook: put the repository's data folders inside the package when building a wheel.

The repository keeps framework/, assessments/, schemas/ and site_templates/ at the top level
(the product's design) and CITATION.cff beside them; an installed toolkit needs them inside the
package.  build_py copies them into lchd_assess/_data/ in the build folder only, so there is no
second committed copy.  Editable installs skip the copy: they read the checkout's own folders
(lchd_assess.core.paths decides).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

#: Top-level folders and files shipped in the wheel as lchd_assess/_data/<name>.
DATA = ("framework", "assessments", "schemas", "site_templates", "CITATION.cff")


class build_py_with_data(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        here = Path(__file__).resolve().parent
        target = Path(self.build_lib) / "lchd_assess" / "_data"
        if target.exists():
            shutil.rmtree(target)
        for name in DATA:
            src = here / name
            if src.is_dir():
                shutil.copytree(src, target / name, ignore=shutil.ignore_patterns(".*", "__pycache__"))
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, target / name)


setup(cmdclass={"build_py": build_py_with_data})
