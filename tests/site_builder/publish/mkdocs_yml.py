"""mkdocs.yml as plain data, for tests that make a theme configuration in a folder without the
project around it (validation's content.settings would refuse a theme folder that is not there)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML


def mkdocs_yml(root: Path) -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    return data
