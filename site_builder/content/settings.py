"""The site's settings: mkdocs.yml, read and checked like every content file.

Input: the project root. Output: `Settings` (None when mkdocs.yml cannot be used) and every
problem, located. What is checked is what the build relies on (publish/engine.py
`mkdocs_config` and `site_address`, exports/cite.py `site_url`), so that a mkdocs.yml `check`
passes never stops the build; the theme's own options are the theme's to check.
"""
from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from site_builder.content.yamlio import Located, parse_yaml, read_text
from site_builder.error_types import SETTINGS
from site_builder.errors import Loc, Problem, field_path

FILE = "mkdocs.yml"

# What the build writes into each language's configuration, whatever mkdocs.yml says: a value
# there would be silently replaced, so it is refused, saying by what.
SET_BY_BUILD: dict[Loc, str] = {
    ("nav",): "the menu of both languages",
    ("not_in_nav",): "the pages left out of the menu",
    ("docs_dir",): "the generated pages",
    ("site_dir",): "each language's output folder",
    ("theme", "language"): "each language's build",
    ("extra", "mb"): "the theme's values of each language",
}


@dataclass(frozen=True)
class Settings:
    """mkdocs.yml as plain data, with the digest of its bytes and what the build reads of it."""

    config: dict[str, Any] = field(default_factory=dict)
    digest: str = ""  # sha256 of the file's bytes, hex

    @property
    def site_url(self) -> str | None:
        """Where the site is published, without a trailing '/'; None while it is not set."""
        return _address(self.config.get("site_url"))

    @property
    def site_description(self) -> str:
        return str(self.config.get("site_description") or "")

    @property
    def repo_url(self) -> str | None:
        """The GitHub repository readers report errors to, without a trailing '/'; None while unset."""
        return _address(self.config.get("repo_url"))

    def mkdocs(self) -> dict[str, Any]:
        """A copy of the configuration the caller may change (each language's build does)."""
        return copy.deepcopy(self.config)


def _address(value: Any) -> str | None:
    return (value.strip().rstrip("/") or None) if isinstance(value, str) else None


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def load_settings(root: Path) -> tuple[Settings | None, list[Problem]]:
    """mkdocs.yml read and checked; None with the problems when the build could not use it."""
    path = root / FILE
    if not path.is_file():
        return None, [SETTINGS.at(FILE, 0, 0)]
    raw = path.read_bytes()
    text, problems = read_text(FILE, raw)
    if text is None:
        return None, problems
    doc, more = parse_yaml(FILE, text)
    problems += more
    if doc is None:
        return None, problems
    problems += tag_problems(FILE, text) + check_settings(doc, root)
    if any(p.severity.value == "error" for p in problems):
        return None, problems
    return Settings(config=doc.data, digest=hashlib.sha256(raw).hexdigest()), problems


# The tags a plain YAML reader (the build's, the theme's) knows; mkdocs' own (!ENV, !relative) and
# Python's (!!python/name:…, which Material's documentation suggests for emoji) are not read.
PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))


def tag_problems(path: str, text: str) -> list[Problem]:
    """A problem at every tag the build's plain YAML reading would stop at (read from the parser's events)."""
    if "!" not in text:
        return []
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    out = []
    try:
        for event in YAML(typ="rt").parse(text):
            tag = getattr(event, "tag", None)
            if tag and str(tag) not in PLAIN_TAGS:
                written = str(tag).replace("tag:yaml.org,2002:", "!!", 1)  # as the file writes it
                out.append(SETTINGS.at(path, event.start_mark.line + 1, event.start_mark.column + 1, variant="tag", tag=written))
    except YAMLError:  # parse_yaml has reported it
        pass
    return out


def check_settings(doc: Located, root: Path) -> list[Problem]:
    """Every problem of the parsed mkdocs.yml the build would stumble on, located."""
    config = doc.data
    if not isinstance(config, dict):
        return [SETTINGS.at(doc.path, 1, 1, variant="not-mapping", kind=_kind(config))]
    out: list[Problem] = []

    def wrong(loc: Loc, expected: str, value: Any) -> None:
        line, col = doc.value_position(loc)
        out.append(SETTINGS.at(doc.path, line, col, field_path(loc), variant="type", expected=expected, kind=_kind(value)))

    theme = config.get("theme")
    if not isinstance(theme, dict):
        if "theme" in config:
            wrong(("theme",), "a mapping (name, custom_dir, …)", theme)
        else:
            out.append(SETTINGS.at(doc.path, 1, 1, "theme", variant="missing"))
        theme = {}
    for key in ("name", "custom_dir"):
        if "theme" in config and isinstance(config["theme"], dict) and key not in theme:
            line, col = doc.position(("theme",))
            out.append(SETTINGS.at(doc.path, line, col, f"theme.{key}", variant="missing"))
        elif key in theme and not (isinstance(theme[key], str) and theme[key].strip()):
            wrong(("theme", key), "text", theme[key])
    name = theme.get("name")
    if isinstance(name, str) and name.strip() and name not in installed_themes():
        line, col = doc.value_position(("theme", "name"))
        out.append(SETTINGS.at(doc.path, line, col, "theme.name", variant="theme", value=name, known=", ".join(sorted(installed_themes()))))
    custom = theme.get("custom_dir")
    if isinstance(custom, str) and custom.strip() and not _folder_inside(root, custom):
        line, col = doc.value_position(("theme", "custom_dir"))
        out.append(SETTINGS.at(doc.path, line, col, "theme.custom_dir", variant="folder", value=custom))
    palette = theme.get("palette")
    if "palette" in theme and not isinstance(palette, list):
        wrong(("theme", "palette"), "a list of colour schemes (mappings)", palette)
    for i, scheme in enumerate(palette if isinstance(palette, list) else []):
        if not isinstance(scheme, dict):
            wrong(("theme", "palette", i), "a colour scheme (a mapping)", scheme)
        elif "toggle" in scheme and not isinstance(scheme["toggle"], dict):
            wrong(("theme", "palette", i, "toggle"), "a mapping (icon, name)", scheme["toggle"])
    for key in ("site_url", "repo_url"):
        value = config.get(key)
        if value is None or isinstance(value, str) and not value.strip():
            continue  # not set (the build reads an empty address as none)
        if not isinstance(value, str):
            wrong((key,), "a web address (text)", value)
        elif not _web_address(value):
            line, col = doc.value_position((key,))
            out.append(SETTINGS.at(doc.path, line, col, key, variant="url", value=value))
    for key in ("site_name", "site_description", "copyright"):
        if key in config and not isinstance(config[key], str):
            wrong((key,), "text", config[key])
    if "extra" in config and not isinstance(config["extra"], dict):
        wrong(("extra",), "a mapping", config["extra"])
    for loc, why in SET_BY_BUILD.items():
        parent = config.get(loc[0]) if len(loc) > 1 else config
        if isinstance(parent, dict) and loc[-1] in parent:
            line, col = doc.position(loc)
            out.append(SETTINGS.at(doc.path, line, col, field_path(loc), variant="set-by-build", why=why))
    return out


def installed_themes() -> set[str]:
    """The themes mkdocs can find: those installed packages declare (the `mkdocs.themes` entry points)."""
    return {entry.name for entry in entry_points(group="mkdocs.themes")}


def _web_address(value: str) -> bool:
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(ch.isspace() for ch in value.strip())


def _folder_inside(root: Path, folder: str) -> bool:
    """Whether `folder` names, relative to the project, a folder inside it (no link leading out)."""
    if Path(folder).is_absolute():
        return False
    target = (root / folder).resolve()
    return target.is_dir() and target.is_relative_to(root.resolve())
