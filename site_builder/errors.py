"""Problems as data: every error and warning carries its file, line, column and field path.

`Problem` is the located finding editors read. It is made only here, through an `ErrorType`
(the catalogue of them is `site_builder.error_types`): the type owns the code, the wording and
the severity, so a message reads the same wherever it is raised and every code is documented.
"""
from __future__ import annotations

import json
import os
import string
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from types import MappingProxyType


class Severity(str, Enum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One located finding. `line` and `column` are 1-based; 0 means the whole file."""

    path: str
    line: int
    column: int
    field: str
    message: str
    code: str
    severity: Severity = Severity.error

    def text(self) -> str:
        """`path:line:column: field.path: message` (the format editors read)."""
        where = f"{self.path}:{self.line}:{self.column}"
        prefix = "" if self.severity is Severity.error else "warning: "
        fld = f"{self.field}: " if self.field else ""
        return f"{where}: {prefix}{fld}{self.message}"

    def github(self) -> str:
        """The same finding as a GitHub Actions workflow command, so it lands on the PR diff."""
        msg = (f"{self.field}: " if self.field else "") + self.message
        msg = msg.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        kind = "error" if self.severity is Severity.error else "warning"
        return f"::{kind} file={self.path},line={max(self.line, 1)},col={max(self.column, 1)},title={self.code}::{msg}"


# The parameters of `ErrorType.at` and `message`: a template field of the same name could not be filled.
RESERVED_FIELDS = frozenset({"path", "line", "column", "field", "variant", "suffix", "self"})


@cache
def template_fields(template: str) -> tuple[str, ...]:
    """The named fields of a str.format template, in order of first use.

    A catalogue template names every field plainly: ValueError for a positional field ("{}",
    "{0}"), attribute or index access ("{a.b}", "{a[0]}"), a conversion ("{a!r}") or a field
    nested in a format spec ("{a:{width}}"), which the reference could not document.
    """
    names: list[str] = []
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or conversion is not None or "{" in (spec or ""):
            raise ValueError(f"template field {{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}} is not a plain named field: {template!r}")
        if name not in names:
            names.append(name)
    return tuple(names)


@dataclass(frozen=True)
class Message:
    """What a finding says (code, text, severity) before it is placed in a file."""

    code: str
    text: str
    severity: Severity

    def at(self, path: str, line: int, column: int, field: str = "") -> Problem:
        """The finding at `path:line:column`, on `field` (a field path such as 'sections[0].points'; '' for none)."""
        return Problem(path, line, column, field, self.text, self.code, self.severity)


@dataclass(frozen=True, kw_only=True)
class ErrorType:
    """One kind of problem, as frictionless has its error classes: code, names, wording, severity, advice.

    `template` is the message: a str.format template with named fields. `variants` are the other
    wordings of the same code, by name, for a code raised in more than one shape (an `encoding`
    problem is a BOM, UTF-16, or bytes that are not UTF-8). A `family` stands for an open set of
    codes: its `code` is a prefix ("schema-") and each finding appends a suffix (the pydantic or
    frictionless error type), with the message built elsewhere and passed as `{detail}`.
    """

    code: str
    title_en: str
    title_vi: str
    template: str
    hint_en: str  # what an editor does about it
    hint_vi: str
    severity: Severity = Severity.error
    variants: Mapping[str, str] = field(default_factory=dict, hash=False)
    family: bool = False

    def __post_init__(self) -> None:
        # read-only: one catalogue entry is shared by every module that raises it
        object.__setattr__(self, "variants", MappingProxyType(dict(self.variants)))

    def templates(self) -> dict[str | None, str]:
        """Every wording: None for `template`, then the variants by name."""
        out: dict[str | None, str] = {None: self.template}
        out.update(self.variants)
        return out

    def template_for(self, variant: str | None = None) -> str:
        """The template of `variant` (None: the main one); ValueError naming the known ones otherwise."""
        if variant is None:
            return self.template
        if variant not in self.variants:
            raise ValueError(f"{self.code}: no message variant {variant!r} (known: {', '.join(self.variants) or 'none'})")
        return self.variants[variant]

    def fields(self, variant: str | None = None) -> tuple[str, ...]:
        """The named fields the template of `variant` needs."""
        return template_fields(self.template_for(variant))

    def message(self, *, variant: str | None = None, suffix: str | None = None, **values: object) -> Message:
        """The finding's code and text, not yet located: `values` fill the template's fields, all of them and no other.

        A family needs `suffix` (its code is the prefix plus the suffix); no other type takes one.
        TypeError for a missing or unexpected field or suffix: a mistake at the call site, not in the content.
        """
        if self.family and not suffix:
            raise TypeError(f"{self.code}: a family of codes needs the suffix of the code")
        if not self.family and suffix is not None:
            raise TypeError(f"{self.code}: only a family of codes takes a suffix")
        template = self.template_for(variant)
        wanted = template_fields(template)
        if set(values) != set(wanted):
            missing = ", ".join(sorted(set(wanted) - set(values))) or "none"
            unexpected = ", ".join(sorted(set(values) - set(wanted))) or "none"
            name = self.code + (f" ({variant})" if variant else "")
            raise TypeError(f"{name}: template fields missing: {missing}; unexpected: {unexpected}")
        return Message(self.code + (suffix or ""), template.format(**values), self.severity)

    def at(self, path: str, line: int, column: int, field: str = "", *, variant: str | None = None,
           suffix: str | None = None, **values: object) -> Problem:
        """A located finding of this type (see `message` for `variant`, `suffix` and `values`)."""
        return self.message(variant=variant, suffix=suffix, **values).at(path, line, column, field)

    def matches(self, code: str) -> bool:
        """Whether a problem's `code` is of this type; a family matches its prefix plus any suffix."""
        if self.family:
            return code.startswith(self.code) and len(code) > len(self.code)
        return code == self.code


@dataclass
class Findings:
    """Collects every problem instead of stopping at the first."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: "list[Problem] | Findings") -> None:
        self.problems.extend(problems.problems if isinstance(problems, Findings) else problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.warning]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))

    def render(self, fmt: str = "text") -> str:
        items = self.sorted()
        if fmt == "json":
            return json.dumps([asdict(p) | {"severity": p.severity.value} for p in items], ensure_ascii=False, indent=2)
        if fmt == "github":
            return "\n".join(p.github() for p in items)
        return "\n".join(p.text() for p in items)


Loc = tuple[str | int, ...]  # where a value sits in a parsed file: ('sections', 0, 'points', 2, 'en')


def field_path(loc: Loc) -> str:
    """('sections', 0, 'points', 2, 'en') -> 'sections[0].points[2].en'."""
    out = ""
    for key in loc:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def rel(path: Path, root: Path) -> str:
    """Path as shown to editors: relative to the project root, with forward slashes."""
    try:
        return Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root))).as_posix()
    except ValueError:
        return path.as_posix()
