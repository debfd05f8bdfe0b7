"""The package shows the way through: no module imports from a step that comes after its own."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "site_builder"

# Each part may import itself and the parts listed for it (lazy imports inside functions count too).
BASE = {"errors", "error_types", "files"}
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "content": {"base"},
    "compute": {"base", "content"},
    "exports": {"base", "content", "compute"},
    "publish": {"base", "content", "compute", "exports"},
    "editor": {"base", "content"},
    "cli": {"base", "content", "compute", "exports", "publish", "editor"},
}


def part_of(module: str) -> str:
    """'site_builder.content.load' -> 'content'; the top-level helpers are 'base'."""
    parts = module.split(".")
    if len(parts) == 1:
        return "cli"  # site_builder/__init__.py
    head = parts[1]
    if head in BASE:
        return "base"
    if head in ("cli", "__main__", "__init__"):
        return "cli"
    return head


def imported(source: str, module: str) -> list[tuple[int, str]]:
    """(line, module) of every site_builder module imported by `source`."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{module}:{node.lineno}: relative import; write site_builder.… in full"
            if node.module and node.module.split(".")[0] == "site_builder":
                if node.module == "site_builder" or len(node.module.split(".")) == 2 and node.module.split(".")[1] in ALLOWED:
                    out += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]  # from site_builder.x import module
                else:
                    out.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "site_builder"]
    return out


def violations(source: str, module: str) -> list[str]:
    mine = part_of(module)
    return [f"{module}:{line}: {mine} imports {target} ({part_of(target)})"
            for line, target in imported(source, module)
            if part_of(target) != mine and part_of(target) not in ALLOWED[mine]]


def modules() -> list[tuple[str, str]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(p for p in rel.parts if p != "__init__") if rel.name == "__init__" else ".".join(rel.parts)
        out.append((name, path.read_text(encoding="utf-8")))
    return out


def test_every_module_belongs_to_a_known_part() -> None:
    unknown = sorted({part_of(name) for name, _ in modules()} - set(ALLOWED))
    assert unknown == [], f"new top-level module(s) {unknown}: place them in a part of ALLOWED"


def test_no_module_imports_from_a_later_step() -> None:
    found = [v for name, source in modules() for v in violations(source, name)]
    assert found == []


def test_the_check_catches_a_step_backwards() -> None:
    assert violations("from site_builder.publish.i18n import t\n", "site_builder.content.load") == [
        "site_builder.content.load:1: content imports site_builder.publish.i18n (publish)"]
    assert violations("def f():\n    from site_builder.publish import build\n", "site_builder.exports.api") == [
        "site_builder.exports.api:2: exports imports site_builder.publish.build (publish)"]
    assert violations("from site_builder.content.corpus import Corpus\n", "site_builder.editor.fmt") == []
