"""Structures no real file has: nesting far deeper than the model's, and aliases that expand without bound.

Both are found before anything recursive reads the file. libyaml's constructor, ruamel.yaml's
scanner and composer, `yamlio._plain`, `yamlio.control_problems`, pydantic and `json.loads` all
recurse once per level, so a 1 kB file of 500 nested brackets (or `- - - …`) would end `check`
with a RecursionError. The scanners here walk the text in one pass with counters, never
recursing, and give the line and column where the nesting first goes past the limit.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

# The deepest shipped file nests 8 levels (a data package descriptor: resources[0].schema.fields[4]
# .constraints.enum, inside the document), a report 5, as `yaml_depth` counts them; a test measures
# every shipped file. 64 is eight times that, so no real file comes near it, and far below the
# depth at which the recursive readers above exhaust Python's default stack of 1000 frames
# (measured: 250 levels of flow brackets or `- - …` break the YAML readers, 1000 json.loads).
MAX_DEPTH = 64

# Aliases (`*name`) repeat what an anchor (`&name`) marks, without copying it in the file: ten
# nested lists of ten aliases each are a billion values from a few hundred bytes. The shipped
# files use no alias at all; an editor's occasional `name: *short` repeats a few values. What the
# aliases of a file add when written out is bounded by this many values (keys, items, texts), as
# many as a 1 MB file holds: a moment's work, never a machine's memory.
MAX_ALIASED = 100_000

_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$")
_DOUBLE_END = re.compile(r'(?:[^"\\]|\\.)*"')  # the rest of a double-quoted scalar, through its closing quote
_SINGLE_END = re.compile(r"(?:[^']|'')*'")
_KEY_OR_COMMENT = re.compile(r":(?:[ \t]|$)| #")  # where a plain scalar in block context ends
_PROPERTY = re.compile(r"[&!][^ \t]*[ \t]*")  # an anchor or tag before a value
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _place(levels: list[tuple[int, str]], column: int, kind: str) -> bool:
    """A block node of `kind` ("seq" for a '- ' item, "map" for a key) at `column`: whether it
    opens a collection (appended to `levels`) or belongs to one already open there."""
    if levels and levels[-1][0] == column:
        if levels[-1][1] == kind:
            return False
        if kind == "map" and levels[-1][1] == "seq":  # a key after a list written at its own key's indentation
            levels.pop()
            if levels and levels[-1] == (column, "map"):
                return False
    levels.append((column, kind))
    return True


def _yaml_openings(text: str) -> Iterator[tuple[int, int, int]]:
    """(depth, line, column) of every collection the text opens, depth counted from 1.

    A block collection opens at the column of its first key or '- ' (a list may sit at its
    key's indentation, compact items put several on one line); a flow one at each '[' or '{' of a
    flow context. Text that only looks like a key (a continuation line holding ': ') may count
    as a level, never the reverse: a test holds the count against the parser's on generated
    files of every style.
    """
    levels: list[tuple[int, str]] = []  # the open block collections: (column, "seq" or "map")
    flow = 0  # open flow brackets
    quote, quote_col = "", 0  # a quoted scalar still open, and where it started
    scalar_indent: int | None = None  # inside a block scalar (| or >) introduced on a line of this indentation
    base = 0  # the block depth where the current flow context started
    for n, line in enumerate(re.split("\r\n|[\r\n]", text), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if scalar_indent is not None:
            if not stripped or indent > scalar_indent:
                continue
            scalar_indent = None
        i = 0
        value_start = False
        if not flow and not quote:
            if not stripped or stripped.startswith(("#", "%")):
                continue
            if stripped.startswith(("---", "...")) and stripped[3:4] in ("", " ", "\t"):
                levels, i = [], indent + 3
            else:
                while levels and levels[-1][0] > indent:
                    levels.pop()
                i = indent
            value_start = True
        while i < len(line):
            if quote:  # inside a quoted scalar: find its end
                end = (_DOUBLE_END if quote == '"' else _SINGLE_END).match(line, i)
                if end is None:
                    i = len(line)
                    break
                i, quote = end.end(), ""
                if not flow:  # a quoted key ("a": …) or the value's end
                    after = _KEY_OR_COMMENT.search(line, i)
                    if after is None or after.group() == " #":
                        break
                    if _place(levels, quote_col, "map"):
                        yield len(levels), n, quote_col + 1
                    i, value_start = after.end(), True
                continue
            ch = line[i]
            if flow:
                if ch in "[{":
                    flow += 1
                    yield base + flow, n, i + 1
                elif ch in "]}":
                    flow -= 1
                    if flow == 0:
                        break  # what may follow a flow collection in block context is a comment
                elif ch in "\"'" and (i == 0 or line[:i].rstrip()[-1:] in ("", "[", "{", ",", ":")):
                    quote = ch
                elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
                    break
                i += 1
                continue
            if not value_start:
                break
            if ch in " \t":
                i += 1
            elif ch in "-?" and line[i + 1:i + 2] in ("", " ", "\t"):
                if _place(levels, i, "seq" if ch == "-" else "map"):
                    yield len(levels), n, i + 1
                i += 2
            elif ch in "&!":
                i = _PROPERTY.match(line, i).end()  # type: ignore[union-attr]  # always matches at & or !
            elif ch in "[{":
                base, flow = len(levels), 1
                yield base + flow, n, i + 1
                i += 1
            elif ch in "\"'":
                quote, quote_col = ch, i
                i += 1
            elif ch in "|>" and _BLOCK_SCALAR.match(line, i):
                scalar_indent = indent
                break
            elif ch == "#":
                break
            else:  # a plain scalar: a key, if ': ' follows, else the value to the end of the line
                after = _KEY_OR_COMMENT.search(line, i)
                if after is None or after.group() == " #":
                    break
                if _place(levels, i, "map"):
                    yield len(levels), n, i + 1
                i = after.end()


def yaml_depth(text: str) -> int:
    """How deep the text nests, as `_yaml_openings` counts (0 for a file of one scalar)."""
    return max((depth for depth, _, _ in _yaml_openings(text)), default=0)


def yaml_too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """(line, column) of the first collection nested deeper than `limit`, or None."""
    if _surely_shallow(text, limit):
        return None
    return next(((line, col) for depth, line, col in _yaml_openings(text) if depth > limit), None)


_LEADING = re.compile(r"^[ ?-]*", re.MULTILINE)  # the spaces and '- ', '? ' markers a line starts with
_ODD_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def _surely_shallow(text: str, limit: int) -> bool:
    """Whether the text cannot nest deeper than `limit`, told from two counts made in C: the scan
    line by line costs a quarter of parsing, and nearly every file is far from the limit.

    A block collection starts at the column of its first key or `- `, which only spaces and
    markers precede, so at most at the widest such run W. Along a chain of nested block
    collections the column grows at least every second step (a list may sit at its key's
    indentation, its items never), so they nest at most 2W + 2 deep; flow collections, inside
    which no block one opens, add at most one per bracket.
    """
    if _ODD_BREAK.search(text):  # a line break `^` does not see: scan
        return False
    brackets = text.count("[") + text.count("{")
    return brackets <= limit and 2 * max(map(len, _LEADING.findall(text)), default=0) + 2 + brackets <= limit


def _json_openings(text: str) -> Iterator[tuple[int, int]]:
    """(depth, offset) of every array and object the JSON text opens (strings skipped whole)."""
    depth = 0
    for token in _JSON_TOKEN.finditer(text):
        ch = token.group()[0]
        if ch in "[{":
            depth += 1
            yield depth, token.start()
        elif ch in "]}":
            depth -= 1


def json_depth(text: str) -> int:
    return max((depth for depth, _ in _json_openings(text)), default=0)


def json_too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """(line, column) of the first array or object nested deeper than `limit`, or None."""
    offset = next((start for depth, start in _json_openings(text) if depth > limit), None)
    if offset is None:
        return None
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return len(re.findall("\r\n|[\r\n]", text[:offset])) + 1, offset - line_start + 1


def alias_overflow(text: str, limit: int = MAX_ALIASED) -> tuple[int, int, bool] | None:
    """Where the aliases of a YAML text, written out, would repeat more than `limit` values.

    Read from the parser's events, before anything is built: each collection's size (itself and
    every value in it, aliases counted as what they name) is known when it closes, so an alias
    adds its anchor's size. Returns (line, column, False) at the alias whose repetition takes
    what the aliases add past `limit`, (line, column, True) at an alias inside the collection it
    names (an endless structure), or None, also for a text the parser refuses (the parse that
    follows reports that).
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, ScalarEvent

    sizes: dict[str, int] = {}  # anchor -> the size of what it marks
    open_: list[tuple[str | None, int]] = []  # the collections being read: (anchor, size so far)
    added = 0
    try:
        for event in YAML(typ="rt").parse(text):
            if isinstance(event, CollectionStartEvent):
                open_.append((event.anchor, 1))
                continue
            if isinstance(event, CollectionEndEvent):
                anchor, size = open_.pop()
            elif isinstance(event, ScalarEvent):
                anchor, size = event.anchor, 1
            elif isinstance(event, AliasEvent):
                mark = event.start_mark
                if any(name == event.anchor for name, _ in open_):
                    return mark.line + 1, mark.column + 1, True
                anchor, size = None, sizes.get(str(event.anchor), 1)
                added += size
                if added > limit:
                    return mark.line + 1, mark.column + 1, False
            else:
                continue
            if anchor:
                sizes[anchor] = size
            if open_:
                name, so_far = open_[-1]
                open_[-1] = (name, min(so_far + size, limit + 1))
    except YAMLError:
        return None
    return None
