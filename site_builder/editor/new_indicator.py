"""`site-builder new indicator`: content/indicators/<id>.yaml, asked for field by field or given by options.

Every question comes from the model (`model.Indicator`): one per scalar field, two (vi, en) per
bilingual text, `--formula NUMERATOR/DENOMINATOR` for a derived indicator and `--framework` with its
reference for one index it feeds. Each has an option, so the command can be scripted; run in a
terminal without a required one, it asks for every field no option gave, with the field's
Vietnamese description as the question (Enter leaves an optional one empty).

The file written holds every field with its comment, as `new report` writes them: the values given,
and an optional block that was not (a formula, the frameworks, any block the model gains) written
out as comment lines, ready to be uncommented. Fields the command has no question for, such as the
relations between indicators, are added by hand where the comments say.
"""
from __future__ import annotations

import sys
import textwrap
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from site_builder.content.model import Formula, FrameworkLink, Indicator, Text
from site_builder.editor.new import (
    ROOT_OPTION, VI_MODELS, NewError, _comment, check_new_id, describe, done, emit_field, existing_file, field_shape,
    is_id, need_of, refuse_existing, write_new,
)

# --------------------------------------------------------------------------- the questions

Kind = click.ParamType[Any, Any]


class Answer(click.ParamType[Any, Any]):
    """What a question accepts: `inner`'s values, or nothing for an optional field (an empty answer)."""

    name = "answer"

    def __init__(self, inner: Kind | None, required: bool) -> None:
        self.inner, self.required = inner, required
        if isinstance(inner, click.Choice):
            self.name = "|".join(str(c) for c in inner.choices)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = str(value).strip() if value is not None else ""
        if not text:
            if self.required:
                self.fail("a value is required", param, ctx)
            return None
        return self.inner.convert(text, param, ctx) if self.inner is not None else text


class IdType(click.ParamType[Any, Any]):
    """An indicator id (model.Id)."""

    name = "id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not is_id(str(value)):
            self.fail(f"'{value}' must be lower-case ASCII words joined by hyphens, e.g. dossiers-received", param, ctx)
        return str(value)


class FormulaType(click.ParamType[Any, Any]):
    """NUMERATOR/DENOMINATOR: two indicator ids."""

    name = "NUM/DEN"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        parts = [p.strip() for p in str(value).split("/")]
        if len(parts) != 2 or not all(is_id(p) for p in parts):
            self.fail(f"'{value}' must be two indicator ids, numerator/denominator, e.g. dossiers-received-online/dossiers-received", param, ctx)
        return {"numerator": parts[0], "denominator": parts[1]}


@dataclass(frozen=True)
class Question:
    """One field (or bilingual half of one) the command asks for."""

    path: str  # where the answer goes: 'name.vi', 'unit', 'formula', 'frameworks[].framework'
    flag: str  # its option, e.g. --name-vi
    required: bool
    kind: Kind | None  # None: any text
    help: str  # the English description (the option's --help)
    prompt: str  # the Vietnamese description (the question)
    after: str | None = None  # asked only when this path was answered

    @property
    def dest(self) -> str:
        """The keyword click passes the option's value as."""
        return self.flag.lstrip("-").replace("-", "_")

    def answer_type(self) -> Answer:
        return Answer(self.kind, self.required)

    def option_type(self) -> Answer:
        """As an option: an id is taken as it is, to be refused located (new-id) rather than as a usage error."""
        return Answer(None, self.required) if isinstance(self.kind, IdType) else self.answer_type()

    @property
    def metavar(self) -> str:
        if isinstance(self.kind, click.Choice):
            return "[" + "|".join(str(c) for c in self.kind.choices) + "]"
        if isinstance(self.kind, IdType):
            return "ID"
        return "NUM/DEN" if isinstance(self.kind, FormulaType) else "TEXT"


_BOOL = click.Choice(["true", "false"])


def _choices(annotation: Any) -> Kind | None:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return click.Choice([member.value for member in annotation])
    return None


def _scalar_kind(name: str, annotation: Any) -> Kind | None:
    args = [a for a in getattr(annotation, "__args__", (annotation,)) if a is not type(None)]
    base = args[0] if len(args) == 1 else annotation
    if base is bool:
        return _BOOL
    if name == "id":
        return IdType()
    return _choices(base)


def _is_scalar(annotation: Any) -> bool:
    """Text, a choice or true/false: what one answer gives."""
    args = [a for a in getattr(annotation, "__args__", (annotation,)) if a is not type(None)]
    base = args[0] if len(args) == 1 else None
    return base in (str, bool) or (isinstance(base, type) and issubclass(base, Enum))


def questions() -> list[Question]:
    """The questions of `new indicator`, in the model's field order."""
    out: list[Question] = []
    for name, info in Indicator.model_fields.items():
        sub, is_list = field_shape(info.annotation)
        english = info.description or ""
        flag = "--" + name.replace("_", "-")
        if sub is Text and not is_list:
            for lang, label in (("vi", "tiếng Việt"), ("en", "tiếng Anh")):
                out.append(Question(f"{name}.{lang}", f"{flag}-{lang}", info.is_required() and lang == "vi", None,
                                    f"{english} ({'Vietnamese' if lang == 'vi' else 'English'})", f"{describe(Indicator, name)} ({label})"))
        elif sub is Formula:
            out.append(Question(name, flag, False, FormulaType(), f"{english} As NUMERATOR/DENOMINATOR (two indicator ids).",
                                f"{describe(Indicator, name)} Ghi tử số/mẫu số, ví dụ dossiers-received-online/dossiers-received."))
        elif sub is FrameworkLink and is_list:
            link = FrameworkLink.model_fields
            out.append(Question(f"{name}[].framework", "--framework", False, _choices(link["framework"].annotation),
                                f"{english} One index (add more by hand): {link['framework'].description}",
                                f"{describe(Indicator, name)} {describe(FrameworkLink, 'framework')}"))
            for lang, label in (("vi", "tiếng Việt"), ("en", "tiếng Anh")):
                out.append(Question(f"{name}[].ref.{lang}", f"--framework-ref-{lang}", lang == "vi", None,
                                    f"{link['ref'].description} ({'Vietnamese' if lang == 'vi' else 'English'})",
                                    f"{describe(FrameworkLink, 'ref')} ({label})", after=f"{name}[].framework"))
        elif sub is None and not is_list and _is_scalar(info.annotation):
            out.append(Question(name, flag, info.is_required(), _scalar_kind(name, info.annotation), english, describe(Indicator, name)))
        # any other block (e.g. relations between indicators) has no question: it is written as comments
    return out


# --------------------------------------------------------------------------- the file


HEADER = (
    "Các trường có giá trị là những gì đã trả lời; khối «không bắt buộc» chưa dùng được ghi thành chú thích: "
    "bỏ dấu # để dùng. Kiểm tra bằng `site-builder check`."
)
# Where a section the command does not ask for goes, while the model has none: relations between
# indicators (identities) are declared by hand at the end of the file.
BY_HAND = (
    "Thêm bằng tay ở đây, cuối tệp, các khối mà lệnh không hỏi, ví dụ quan hệ với các chỉ tiêu khác "
    "(identities), theo bảng tham chiếu các trường trong CONTRIBUTING.md. / Add by hand here, at the end "
    "of the file, the sections the command does not ask for, such as identities."
)


def _answered(values: dict[str, Any], name: str) -> bool:
    return any(path == name or path.startswith((f"{name}.", f"{name}[]")) for path in values)


def indicator_yaml(values: dict[str, Any]) -> str:
    """The file: every field of Indicator with its comment; an optional block with no answer as comments."""
    out: list[str] = []
    _comment("", VI_MODELS["Indicator"], out)
    _comment("", HEADER, out)
    out.append("")
    asked = {q.path.split(".")[0].split("[")[0] for q in questions()}
    for name, info in Indicator.model_fields.items():
        sub, is_list = field_shape(info.annotation)
        block_or_unasked = (sub is not None and sub is not Text) or name not in asked
        if block_or_unasked and not info.is_required() and not _answered(values, name):
            block: list[str] = []
            emit_field(Indicator, name, {}, "", 0, block)
            comments = 0
            while comments < len(block) and block[comments].startswith("#"):
                comments += 1
            out += block[:comments] + ["# " + line for line in block[comments:]]
            continue
        if is_list and sub is None and not _answered(values, name):
            _comment("", f"{need_of(info)} {describe(Indicator, name)}", out)
            out.append(f"{name}: []")
            continue
        emit_field(Indicator, name, values, "", 0, out)
    if "identities" not in Indicator.model_fields:
        out.append("")
        _comment("", BY_HAND, out)
    return "\n".join(out) + "\n"


def _as_data(values: dict[str, Any]) -> dict[str, Any]:
    """The values by path as the data the file holds, for the model to check."""
    data: dict[str, Any] = {}
    for path, value in values.items():
        keys = path.split(".")
        node = data
        for key in keys[:-1]:
            if key.endswith("[]"):
                items = node.setdefault(key[:-2], [{}])
                node = items[0]
            else:
                node = node.setdefault(key, {})
        node[keys[-1]] = value
    return data


def _as_values(answers: dict[str, Any]) -> dict[str, Any]:
    """Answers by path -> the values the file shows, by path (a formula's two ids, booleans as such)."""
    values: dict[str, Any] = {}
    for path, value in answers.items():
        if value is None and not path.endswith(".en") and path != "higher_is_better":
            continue
        if isinstance(value, dict):  # the formula
            values.update({f"{path}.{k}": v for k, v in value.items()})
        elif path in _bool_paths() and value is not None:
            values[path] = value == "true"
        else:
            values[path] = value
    if values.get("frameworks[].framework") is None:
        values = {k: v for k, v in values.items() if not k.startswith("frameworks[]")}
    return values


def new_indicator(root: Path, answers: dict[str, Any]) -> Path:
    """Check the answers against the model and the catalogue, then write the file; return its path."""
    indicator_id = str(answers.get("id") or "")
    check_new_id(root, "indicators", indicator_id, "indicator id")
    refuse_existing(root, "indicators", indicator_id, "indicator")
    formula = answers.get("formula")
    if isinstance(formula, dict):
        for part in ("numerator", "denominator"):
            other = formula[part]
            if other == indicator_id:
                raise NewError(f"formula: the {part} of '{indicator_id}' cannot be the indicator itself")
            if existing_file(root, "indicators", other) is None:
                raise NewError(f"formula: {part} '{other}' not found: content/indicators/{other}.yaml does not exist (create it first with `site-builder new indicator`)")
    if answers.get("frameworks[].framework") is None and any(answers.get(f"frameworks[].ref.{lang}") for lang in ("vi", "en")):
        raise NewError("--framework-ref-vi and --framework-ref-en name what an index covers: give the index too, --framework")
    values = _as_values(answers)
    try:
        Indicator.model_validate(_as_data(values))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise NewError(f"{where}: {first['msg']}") from None
    return write_new(root, "indicators", indicator_id, indicator_yaml(values))


# --------------------------------------------------------------------------- command


def _bool_paths() -> set[str]:
    return {q.path for q in questions() if q.kind is _BOOL}


def ask(root: Path, asked: list[Question], given: dict[str, Any], interactive: bool | None) -> dict[str, Any]:
    """The answers: the options given, then, when asking, a question for each field no option gave."""
    missing = [q for q in asked if q.required and given.get(q.path) is None and (q.after is None or given.get(q.after) is not None)]
    if interactive is None:
        interactive = bool(missing) and sys.stdin.isatty()
    if not interactive:
        if missing:
            flags = ", ".join(q.flag for q in missing)
            raise NewError(f"missing {flags}: give every required field as an option, or run the command in a terminal to be asked")
        return given
    answers = dict(given)
    for q in asked:
        if q.path in given and given[q.path] is not None:
            continue
        if q.after is not None and answers.get(q.after) is None:
            continue
        need = "[bắt buộc]" if q.required else "[không bắt buộc]"
        click.echo("\n" + textwrap.fill(f"{need} {q.prompt}", width=100, break_on_hyphens=False), err=True)
        answers[q.path] = click.prompt(q.path + ("" if q.required else " (Enter: bỏ trống)"), default="" if not q.required else None,
                                       show_default=False, type=q.answer_type(), err=True)
        if q.path == "id":  # refused at once, before the other questions
            refuse_existing(root, "indicators", str(answers["id"]), "indicator")
    return answers


def _command() -> click.Command:
    asked = questions()

    def run(root: Path | None, interactive: bool | None, **options: Any) -> None:
        """Write content/indicators/<id>.yaml from the options, asking for the missing fields in a terminal."""
        project = (root or Path.cwd()).resolve()
        given = {q.path: options[q.dest] for q in asked}

        def make() -> Path:
            if given.get("id"):  # an id given as an option is refused before any question is asked
                check_new_id(project, "indicators", str(given["id"]), "indicator id")
                refuse_existing(project, "indicators", str(given["id"]), "indicator")
            return new_indicator(project, ask(project, asked, given, interactive))

        done(project, make)

    command: Any = run
    for q in reversed(asked):
        command = click.option(q.flag, q.dest, type=q.option_type(), default=None, metavar=q.metavar, help=q.help)(command)
    command = click.option("--interactive/--no-interactive", default=None,
                           help="Ask for every field no option gave (default: only in a terminal, and only when a required one is missing).")(command)
    command = ROOT_OPTION(command)
    return click.command(name="indicator")(command)


command = _command()

