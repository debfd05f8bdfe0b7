"""Reading YAML with positions: every key and list item keeps its line and column."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import Problem

MAX_BYTES = 2_000_000  # a report is ~60 kB; anything this large is a mistake, not content


@dataclass(frozen=True)
class Located:
    """A parsed YAML document: plain Python data plus the round-trip tree for positions."""

    path: str
    data: Any
    tree: Any

    def position(self, loc: tuple[str | int, ...]) -> tuple[int, int]:
        """1-based (line, column) of the deepest node of `loc` that exists in the file."""
        node = self.tree
        line, col = 1, 1
        if isinstance(node, (CommentedMap, CommentedSeq)):
            line, col = node.lc.line + 1, node.lc.col + 1
        for key in loc:
            if isinstance(node, CommentedMap) and key in node:
                kl, kc = node.lc.key(key)
                line, col = kl + 1, kc + 1
                node = node[key]
            elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
                il, ic = node.lc.item(key)
                line, col = il + 1, ic + 1
                node = node[key]
            else:
                break
        return line, col

    def value_position(self, loc: tuple[str | int, ...]) -> tuple[int, int]:
        """Position of the value at `loc` (falls back to the key's position)."""
        if not loc:
            return self.position(loc)
        parent_loc, last = loc[:-1], loc[-1]
        node = self.tree
        for key in parent_loc:
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                return self.position(loc)
        if isinstance(node, CommentedMap) and last in node:
            vl, vc = node.lc.value(last)
            return vl + 1, vc + 1
        return self.position(loc)


def _plain(node: Any) -> Any:
    if isinstance(node, CommentedMap):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, CommentedSeq):
        return [_plain(v) for v in node]
    if isinstance(node, dt.datetime):
        return node  # kept: pydantic reports a datetime where a date is expected
    if isinstance(node, str):
        return str(node)
    return node


class _Constructor(RoundTripConstructor):
    """Dates stay strings: the model parses them, so 2023-02-31 is a located error, not a crash."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node))


def round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    return yaml


def nfc_problems(path: str, text: str) -> list[Problem]:
    """One problem per line whose text is not Unicode NFC (e.g. decomposed diacritics)."""
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if unicodedata.normalize("NFC", line) != line:
            col = next(
                (i + 1 for i, ch in enumerate(line) if unicodedata.normalize("NFC", line[: i + 1]) != line[: i + 1]),
                1,
            )
            out.append(Problem(path, n, col, "", "text is not Unicode NFC (decomposed diacritics); run `site-builder fmt`", "unicode-nfc"))
    return out


def read_text(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Decode a content file: UTF-8 without BOM, within the size limit."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(path, 0, 0, "", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}", "too-large")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(path, 1, 1, "", "file starts with a byte-order mark; save it as UTF-8 without BOM", "encoding")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(path, line, col, "", "file is not valid UTF-8; save it as UTF-8", "encoding")]


def _first_definition(text: str, key: str, line: int, col: int) -> str:
    pattern = re.compile(r"^" + " " * (col - 1) + r"(?:- )?" + re.escape(key) + r"\s*:")
    for n, src in enumerate(text.splitlines()[: line - 1], start=1):
        if pattern.match(src):
            return f" (first defined on line {n})"
    return ""


def parse_yaml(path: str, text: str) -> tuple[Located | None, list[Problem]]:
    """Parse YAML text; a syntax error becomes a located problem, never an exception."""
    problems = nfc_problems(path, text)
    for n, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            problems.append(Problem(path, n, len(line) - len(stripped) + 1, "", "tab used for indentation; indent with spaces", "yaml-tab"))
    if any(p.code == "yaml-tab" for p in problems):
        return None, problems
    try:
        tree = round_trip_yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = (exc.problem or str(exc)).strip()
        if type(exc).__name__ == "DuplicateKeyError":
            key = what.split('"')[1] if '"' in what else "?"
            msg = f'duplicate key "{key}"' + _first_definition(text, key, line, col)
            return None, problems + [Problem(path, line, col, key, msg, "yaml-duplicate-key")]
        return None, problems + [Problem(path, line, col, "", f"YAML syntax error: {what}", "yaml-syntax")]
    except YAMLError as exc:
        return None, problems + [Problem(path, 0, 0, "", f"YAML error: {exc}", "yaml-syntax")]
    if tree is None:
        return None, problems + [Problem(path, 1, 1, "", "file is empty", "empty")]
    return Located(path, _plain(tree), tree), problems
