"""Problems as data: every error and warning carries its file, line, column and field path."""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path


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


def field_path(loc: tuple) -> str:
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
