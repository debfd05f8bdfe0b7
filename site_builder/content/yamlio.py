"""Reading YAML and JSON with positions: every key and list item keeps its line and column."""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
import unicodedata
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from site_builder.content.limits import MAX_ALIASED, MAX_DEPTH, alias_overflow, json_too_deep, yaml_too_deep
from site_builder.error_types import (
    EMPTY, ENCODING, JSON_DUPLICATE_KEY, JSON_SYNTAX, TOO_DEEP, TOO_LARGE, UNICODE_NFC, YAML_ALIAS, YAML_CONTROL,
    YAML_DUPLICATE_KEY, YAML_LINE_SEPARATOR, YAML_SYNTAX, YAML_TAB,
)
from site_builder.errors import Loc, Problem, field_path

log = logging.getLogger(__name__)

MAX_BYTES = 2_000_000  # a report is ~60 kB; anything this large is a mistake, not content


class Located:
    """A parsed YAML document: plain Python data plus the round-trip tree for positions.

    The tree is parsed when first asked for: most files are valid, and their positions are
    never needed (see parse_yaml).
    """

    __slots__ = ("path", "data", "_tree", "_text")

    def __init__(self, path: str, data: Any, tree: Any = None, text: str | None = None):
        self.path, self.data, self._tree, self._text = path, data, tree, text

    @property
    def tree(self) -> Any:
        if self._tree is None and self._text is not None:
            try:
                self._tree = round_trip_yaml().load(self._text)
            except YAMLError:  # libyaml read what ruamel refuses: no positions, but no crash either
                log.warning("%s: read by libyaml but not by ruamel.yaml; problems are placed at line 1", self.path)
                self._tree = {}
        return self._tree

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


LINE_BREAK = re.compile("\r\n|[\r\n]")
# Line breaks for ruamel.yaml (YAML 1.1) but not for editors, GitHub or the csv module: every
# position after one would point at the wrong line, so they are refused before parsing.
ODD_LINE_BREAK = re.compile("[\x85\u2028\u2029]")


def yaml_lines(text: str) -> list[str]:
    """Lines as editors count them (str.splitlines() also breaks at form feeds and other separators)."""
    return LINE_BREAK.split(text)


def nfc_problems(path: str, lines: list[str]) -> list[Problem]:
    """One problem per line whose text is not Unicode NFC (e.g. decomposed diacritics)."""
    out = []
    for n, line in enumerate(lines, start=1):
        if unicodedata.normalize("NFC", line) != line:
            col = next(
                (i + 1 for i, ch in enumerate(line) if unicodedata.normalize("NFC", line[: i + 1]) != line[: i + 1]),
                1,
            )
            out.append(UNICODE_NFC.at(path, n, col))
    return out


def read_text(path: str, raw: bytes, limit: int | None = MAX_BYTES) -> tuple[str | None, list[Problem]]:
    """Decode a content file: UTF-8 without BOM, within the size limit (None: none, for files a
    tool writes and that grow with the data, such as release manifests)."""
    if limit is not None and len(raw) > limit:
        return None, [TOO_LARGE.at(path, 0, 0, size=len(raw), limit=limit)]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [ENCODING.at(path, 1, 1, variant="bom")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [ENCODING.at(path, line, col)]


def _first_definition(text: str, key: str, line: int, col: int) -> int | None:
    """The line where `key` was first defined at the same indentation, if a line starts with it."""
    pattern = re.compile(r"^" + " " * (col - 1) + r"(?:- )?" + re.escape(key) + r"\s*:")
    for n, src in enumerate(yaml_lines(text)[: line - 1], start=1):
        if pattern.match(src):
            return n
    return None


# The fast path: libyaml (PyYAML's C parser, installed with mkdocs) reads a file in about 1 ms,
# ruamel's round-trip parser in about 20; a national corpus has thousands of files. It resolves
# plain scalars with ruamel's YAML 1.2 rules, so both give the same data (a test parses every
# shipped file both ways). Anything it is not sure of (a duplicate key, a leading-zero number,
# an anchor or tag, any error) goes to the round-trip parser, which gives the located message.
def _fast_loader() -> Any:
    import yaml
    from ruamel.yaml.resolver import implicit_resolvers

    base = getattr(yaml, "CSafeLoader", None)
    if base is None:
        return None

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    Loader.yaml_implicit_resolvers = {}
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions and not tag.endswith((":timestamp", ":merge", ":value", ":yaml")):
            Loader.add_implicit_resolver(tag, regexp, first)

    def mapping(loader: Any, node: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str) or key in out:
                raise _NotSure
            out[key] = loader.construct_object(value_node, deep=True)
        return out

    def integer(loader: Any, node: Any) -> int:
        text = str(node.value).lstrip("+-")
        if len(text) > 1 and text[0] == "0" or "_" in text or text[:2] in ("0b", "0o", "0x"):
            raise _NotSure  # octal, binary, hex and 1_000: ruamel's own reading decides
        return int(node.value)

    def refuse(loader: Any, node: Any) -> Any:
        raise _NotSure

    Loader.add_constructor("tag:yaml.org,2002:map", mapping)
    Loader.add_constructor("tag:yaml.org,2002:int", integer)
    def real(loader: Any, node: Any) -> float:
        text = str(node.value)
        if "_" in text or text.lstrip("+-").startswith("."):
            raise _NotSure  # 1_000.5, .5 and .inf / .nan: ruamel's own reading decides
        return float(text)

    Loader.add_constructor("tag:yaml.org,2002:float", real)
    for tag in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:set", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"):
        Loader.add_constructor(tag, refuse)
    Loader.add_constructor(None, refuse)
    return Loader


class _NotSure(Exception):
    pass


FAST_LOADER = _fast_loader()  # built once, at import: a class, never changed afterwards


def _fast_load(text: str) -> Any:
    """Plain data, or None when the round-trip parser should read this file."""
    loader = FAST_LOADER
    # a tab where ruamel expects a token ("key:\t") is accepted by libyaml: ruamel decides and locates
    if loader is None or "&" in text and "*" in text or "!!" in text or "\t" in text:
        return None
    import yaml

    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader, C)
    except Exception:  # noqa: BLE001 (any doubt: the round-trip parser decides and locates)
        return None
    return data if isinstance(data, dict) else None


def parse_yaml(path: str, text: str) -> tuple[Located | None, list[Problem]]:
    """Parse YAML text; a syntax error becomes a located problem, never an exception.

    Nesting deeper than MAX_DEPTH, and aliases that would repeat more than MAX_ALIASED values,
    are refused before any parser builds the data (content/limits.py).
    """
    try:
        return _parse_yaml(path, text)
    except RecursionError:  # a structure limits.yaml_too_deep did not see as deep: still located, never a traceback
        return None, [TOO_DEEP.at(path, 0, 0, limit=MAX_DEPTH)]


def _parse_yaml(path: str, text: str) -> tuple[Located | None, list[Problem]]:
    lines = yaml_lines(text)
    problems = nfc_problems(path, lines)
    for n, text_line in enumerate(lines, start=1):
        stripped = text_line.lstrip(" ")
        if stripped.startswith("\t"):
            problems.append(YAML_TAB.at(path, n, len(text_line) - len(stripped) + 1))
        if odd := ODD_LINE_BREAK.search(text_line):
            problems.append(YAML_LINE_SEPARATOR.at(path, n, odd.start() + 1, codepoint=ord(odd.group())))
    if any(p.code in (YAML_TAB.code, YAML_LINE_SEPARATOR.code) for p in problems):
        return None, problems
    if deep := yaml_too_deep(text):
        return None, problems + [TOO_DEEP.at(path, *deep, limit=MAX_DEPTH)]
    if "&" in text and "*" in text and (overflow := alias_overflow(text)):  # no anchor, no alias
        line, col, endless = overflow
        if endless:
            return None, problems + [YAML_ALIAS.at(path, line, col, variant="cycle")]
        return None, problems + [YAML_ALIAS.at(path, line, col, limit=MAX_ALIASED)]
    if not problems:
        fast = _fast_load(text)
        if fast is not None:
            doc = Located(path, fast, text=text)
            return doc, problems + control_problems(doc, fast)  # the tree is parsed only to locate one
    try:
        tree = round_trip_yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = (exc.problem or str(exc)).strip()
        if type(exc).__name__ == "DuplicateKeyError":
            key = what.split('"')[1] if '"' in what else "?"
            first = _first_definition(text, key, line, col)
            if first is None:  # the first one is not at the start of a line (a flow mapping)
                return None, problems + [YAML_DUPLICATE_KEY.at(path, line, col, key, variant="unplaced", key=key)]
            return None, problems + [YAML_DUPLICATE_KEY.at(path, line, col, key, key=key, first_line=first)]
        if "found character '\\t'" in what:  # "level:\tdistrict": a tab YAML does not take as a separator
            return None, problems + [YAML_TAB.at(path, line, col, variant="after-key")]
        return None, problems + [YAML_SYNTAX.at(path, line, col, problem=what)]
    except ReaderError as exc:  # a character YAML refuses, e.g. a form feed pasted from pdftotext
        before = yaml_lines(text[: exc.position])
        return None, problems + [YAML_CONTROL.at(path, len(before), len(before[-1]) + 1, codepoint=exc.character)]
    except YAMLError as exc:
        return None, problems + [YAML_SYNTAX.at(path, 0, 0, variant="other", error=exc)]
    if tree is None:
        return None, problems + [EMPTY.at(path, 1, 1)]
    doc = Located(path, _plain(tree), tree)
    return doc, problems + control_problems(doc, doc.data)


class _DuplicateKey(Exception):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def parse_json(path: str, text: str) -> tuple[Located | None, list[Problem]]:
    """Parse JSON text (a datapackage.json, a release manifest) as parse_yaml parses YAML.

    The data is json.loads's, a duplicate key refused; positions come from the same Located
    interface, ruamel.yaml reading the JSON as the YAML it also is (parsed only when a problem
    needs placing). Tabs, which JSON allows around its tokens and YAML's block context does not,
    are read as spaces: one character for one, so every column stays where it was.
    """
    problems = nfc_problems(path, yaml_lines(text))
    if deep := json_too_deep(text):
        return None, problems + [TOO_DEEP.at(path, *deep, limit=MAX_DEPTH)]
    as_yaml = text.replace("\t", " ")
    try:
        data = json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        return None, problems + [JSON_SYNTAX.at(path, exc.lineno, exc.colno, problem=exc.msg)]
    except _DuplicateKey as exc:
        line, col = _duplicate_position(as_yaml)
        return None, problems + [JSON_DUPLICATE_KEY.at(path, line, col, exc.key, key=exc.key)]
    except RecursionError:  # as in parse_yaml: never a traceback
        return None, problems + [TOO_DEEP.at(path, 0, 0, limit=MAX_DEPTH)]
    doc = Located(path, data, text=as_yaml)
    return doc, problems + control_problems(doc, data)


def _duplicate_position(text: str) -> tuple[int, int]:
    """Where ruamel.yaml, which refuses duplicate keys too, places the second one; (0, 0) if it cannot."""
    try:
        round_trip_yaml().load(text)
    except MarkedYAMLError as exc:
        if type(exc).__name__ == "DuplicateKeyError" and exc.problem_mark:
            return exc.problem_mark.line + 1, exc.problem_mark.column + 1
    except YAMLError:
        pass
    return 0, 0


# What YAML escapes ("\f", "\x01", "\e") can still put into a string: C0 controls other than tab and
# line feed. Spreadsheets refuse them and pages would carry them invisibly.
CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def control_problems(doc: Located, node: Any, loc: Loc = ()) -> list[Problem]:
    """A located problem for every string value holding a control character."""
    out: list[Problem] = []
    if isinstance(node, str):
        if bad := CONTROL_IN_TEXT.search(node):
            line, col = doc.value_position(loc)
            out.append(YAML_CONTROL.at(doc.path, line, col, field_path(loc), variant="in-text", codepoint=ord(bad.group())))
    elif isinstance(node, dict):
        for key, value in node.items():
            out += control_problems(doc, value, loc + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += control_problems(doc, value, loc + (i,))
    return out
