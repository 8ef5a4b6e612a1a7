"""The house rules of CONTRIBUTING.md that the import contracts cannot see: small modules, short
functions (or a reason in the docstring), and no import inside a function outside cli/ without
a comment saying why.

What is still over a limit is listed below, literally, each with its reason; an entry that is no
longer needed fails too, so the lists only shrink.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "lchd_assess"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
#: How a docstring says why its function is long: a sentence starting "Long because" (or one
#: that says why it runs "past 60 lines").
REASON = re.compile(r"\blong because\b|\bpast 60 lines\b", re.IGNORECASE)

#: Modules allowed over MAX_MODULE_LINES, each with its reason.
LONG_MODULES: dict[str, str] = {
    "core/catalogue.py": "one literal table of every finding code (a registry is a literal table, never filled by imports); split, the codes would be looked up in several places",
}

#: Functions over MAX_FUNCTION_LINES whose docstring does not (yet) say why, each with the reason
#: they are still here.  Keyed "module path:qualified name".
LONG_FUNCTIONS: dict[str, str] = {}

#: Modules (outside cli/) that still import inside functions without a comment saying why,
#: each with the reason.
SILENT_LAZY_IMPORTS: dict[str, str] = {}


def _modules() -> list[tuple[str, str]]:
    return [(p.relative_to(PACKAGE).as_posix(), p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))]


def long_modules(modules: list[tuple[str, str]]) -> dict[str, int]:
    """Module → line count, for modules over the limit."""
    return {rel: n for rel, src in modules if (n := len(src.splitlines())) > MAX_MODULE_LINES}


def long_functions(modules: list[tuple[str, str]]) -> dict[str, int]:
    """ "module:qualname" → lines, for functions over the limit whose docstring gives no reason."""
    out: dict[str, int] = {}

    def visit(node: ast.AST, rel: str, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = prefix + child.name
                if not isinstance(child, ast.ClassDef):
                    lines = child.end_lineno - child.lineno + 1  # type: ignore[operator]
                    if lines > MAX_FUNCTION_LINES and not REASON.search(ast.get_docstring(child) or ""):
                        out[f"{rel}:{name}"] = lines
                visit(child, rel, name + ".")

    for rel, src in modules:
        visit(ast.parse(src), rel, "")
    return out


def _commented(lines: list[str], lineno: int) -> bool:
    """A comment on the import's line, or on the lines of imports and comments directly above."""
    i = lineno - 1
    while i >= 0:
        text = lines[i].strip()
        if "#" in text:
            return True
        if not (text.startswith(("import ", "from ")) or text.startswith(")") or text.endswith(",")):
            return False
        i -= 1
    return False


def _lazy_imports(node: ast.AST, in_function: bool = False) -> list[int]:
    """Lines of the import statements inside functions under ``node``."""
    found = []
    for child in ast.iter_child_nodes(node):
        if in_function and isinstance(child, (ast.Import, ast.ImportFrom)):
            found.append(child.lineno)
        found += _lazy_imports(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)))
    return found


def silent_lazy_imports(modules: list[tuple[str, str]]) -> dict[str, list[int]]:
    """Module → lines of imports inside functions that no comment explains (cli/ is exempt:
    its imports wait for start-up speed, as cli/main.py says)."""
    out: dict[str, list[int]] = {}
    for rel, src in modules:
        if rel.startswith("cli/"):
            continue
        lines = src.splitlines()
        silent = [n for n in _lazy_imports(ast.parse(src)) if not _commented(lines, n)]
        if silent:
            out[rel] = sorted(silent)
    return out


def test_no_module_is_over_400_lines_unless_listed_with_its_reason():
    over = {rel: n for rel, n in long_modules(_modules()).items() if rel not in LONG_MODULES}
    assert not over, f"modules over {MAX_MODULE_LINES} lines: {over}; split them by what they do (CONTRIBUTING.md)"


def test_no_function_is_over_60_lines_without_a_reason_in_its_docstring():
    over = {key: n for key, n in long_functions(_modules()).items() if key not in LONG_FUNCTIONS}
    assert not over, (
        f"functions over {MAX_FUNCTION_LINES} lines: {over}; split them, or say why in the docstring "
        "with a sentence starting 'Long because'"
    )


def test_no_import_inside_a_function_outside_cli_without_a_comment_saying_why():
    silent = {rel: lines for rel, lines in silent_lazy_imports(_modules()).items() if rel not in SILENT_LAZY_IMPORTS}
    assert not silent, (
        f"imports inside functions: {silent}; move them to the top of the module, or say on the import "
        "why it must wait (start-up speed, an optional dependency)"
    )


def test_the_lists_name_only_what_still_breaks_a_rule():
    modules = _modules()
    stale = (
        set(LONG_MODULES) - set(long_modules(modules))
        | set(LONG_FUNCTIONS) - set(long_functions(modules))
        | set(SILENT_LAZY_IMPORTS) - set(silent_lazy_imports(modules))
    )
    assert not stale, f"no longer needed in tests/test_house_rules.py (remove them): {sorted(stale)}"


def test_the_checks_catch_a_long_module_a_long_function_and_a_silent_import():
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    long_fn = f'def f():\n    """Does things."""\n{body}\n'
    explained = f'def g():\n    """Does things.\n\n    Long because it is a table.\n    """\n{body}\n'
    lazy = "def h():\n    import json\n\n    return json\n\n\ndef k():\n    import csv  # start-up: why\n\n    return csv\n"
    modules = [("big.py", "x = 1\n" * (MAX_MODULE_LINES + 1)), ("fn.py", long_fn + explained), ("lazy.py", lazy)]
    assert long_modules(modules) == {"big.py": MAX_MODULE_LINES + 1}
    assert long_functions(modules) == {"fn.py:f": MAX_FUNCTION_LINES + 2}
    assert silent_lazy_imports(modules) == {"lazy.py": [2]}
