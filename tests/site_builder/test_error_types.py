"""The catalogue of error types (site_builder/error_types.py) and its use across site_builder.

The bad-input catalogue of tests/site_builder/content/test_check.py runs a case for every entry and
wording through the CLI; here: the entries themselves, and a scan of the source proving every
problem is made through them.
"""
from __future__ import annotations

import ast
import dataclasses
import unicodedata
from pathlib import Path

import pytest
from ruamel.yaml.error import YAMLError

from site_builder import error_types
from site_builder.content import yamlio
from site_builder.content.model import Unit
from site_builder.editor import fmt
from site_builder.editor.fmt import vietnamese
from site_builder.error_types import CATALOGUE, ENCODING, SCHEMA_FAMILY, TRANSLATION_MISSING, UNKNOWN_ID, lookup
from site_builder.errors import RESERVED_FIELDS, ErrorType, Severity, template_fields

PACKAGE = Path(__file__).resolve().parents[2] / "site_builder"

# Every code `check --format json`, the GitHub annotations and editors' notes already show: the
# catalogue keeps them exactly (a family stands for its prefix plus the library's error type).
PUBLISHED_CODES = {
    "count-integer", "csv-column-order", "csv-control", "csv-delimiter", "csv-extra-column", "csv-missing-column",
    "csv-quote", "duplicate-id", "empty", "encoding", "figure-id", "flag-note", "fmt-order", "frictionless-",
    "id-filename", "map-layout", "missing-file", "package", "path-escape", "percent-range", "period-mismatch", "period-order",
    "qualifier-value", "quote-not-in-source", "schema", "schema-", "status-value", "symlink", "too-large", "translation-missing",
    "unicode-nfc", "unit-cycle", "unit-tree", "unknown-breakdown", "unknown-file", "unknown-folder", "unknown-id",
    "unlisted-file", "value-range", "yaml-control", "yaml-duplicate-key", "yaml-line-separator", "yaml-syntax", "yaml-tab",
    "too-deep", "yaml-alias", "json-syntax", "json-duplicate-key", "settings", "release", "package-unsupported",
    "figures-disagree", "identity-broken", "share-formula", "flag-unexplained", "identity-self",
    "new-exists", "new-id",  # the refusals of `site-builder new`
    "web-source",
    "breakdown-form",  # issue 22: several breakdowns per figure
    "reading-differs", "reading-missing", "reading-unused",  # readings of OCR quotes (issue 22)
}

ENTRIES = {name: value for name, value in vars(error_types).items() if isinstance(value, ErrorType)}
WORDINGS = [(entry, variant) for entry in CATALOGUE for variant in entry.templates()]


def _id(entry: ErrorType, variant: str | None) -> str:
    return entry.code + (f"/{variant}" if variant else "")


# --------------------------------------------------------------------------- the entries


def test_codes_are_the_published_ones_and_unique() -> None:
    codes = [entry.code for entry in CATALOGUE]
    assert len(codes) == len(set(codes)), "a code is in the catalogue twice"
    assert set(codes) == PUBLISHED_CODES


def test_the_catalogue_is_every_entry_of_the_module_and_names_follow_codes() -> None:
    assert list(ENTRIES.values()) == list(CATALOGUE)
    for name, entry in ENTRIES.items():
        expected = entry.code.rstrip("-").upper().replace("-", "_") + ("_FAMILY" if entry.family else "")
        assert name == expected, f"{entry.code} is named {name}, not {expected}"


def test_families_are_prefixes_with_the_detail_as_message() -> None:
    families = [entry for entry in CATALOGUE if entry.family]
    assert {entry.code for entry in families} == {"schema-", "frictionless-"}
    for entry in CATALOGUE:
        assert entry.code.endswith("-") == entry.family, f"{entry.code}: only a family's code ends with '-'"
        assert not any(other.matches(entry.code) for other in families if other is not entry), f"{entry.code} is also a member of a family"
    for entry in families:
        assert entry.template == "{detail}" and not entry.variants
    assert SCHEMA_FAMILY.matches("schema-missing") and not SCHEMA_FAMILY.matches("schema-") and not SCHEMA_FAMILY.matches("schema")


def test_lookup_finds_the_entry_or_the_family_of_a_code() -> None:
    assert lookup("schema") is error_types.SCHEMA
    assert lookup("schema-extra_forbidden") is SCHEMA_FAMILY
    assert lookup("frictionless-type-error") is error_types.FRICTIONLESS_FAMILY
    assert lookup("unknown-id") is UNKNOWN_ID
    assert lookup("unknown") is None and lookup("yaml") is None


def test_only_the_listed_findings_are_warnings() -> None:
    # the site builds with each and shows it sensibly: the Vietnamese marked untranslated; the raw
    # OCR without its reading; a contradiction the report itself makes, published as it stands.
    # `check --strict` fails on every one of them until it is dealt with
    disagree = {"figures-disagree", "identity-broken", "share-formula", "flag-unexplained"}
    warnings = {"translation-missing", "reading-missing", "reading-unused"} | disagree
    assert {entry.code for entry in CATALOGUE if entry.severity is Severity.warning} == warnings
    assert TRANSLATION_MISSING.at("a.yaml", 1, 1).severity is Severity.warning
    assert UNKNOWN_ID.at("a.yaml", 1, 1, kind="unit", id="x").severity is Severity.error


@pytest.mark.parametrize(("entry", "variant"), WORDINGS, ids=[_id(e, v) for e, v in WORDINGS])
def test_each_template_formats_with_exactly_its_fields(entry: ErrorType, variant: str | None) -> None:
    fields = template_fields(entry.template_for(variant))  # ValueError for anything but plain named fields
    assert not set(fields) & RESERVED_FIELDS, f"{_id(entry, variant)}: a field named like a parameter of ErrorType.at"
    suffix = {"suffix": "x"} if entry.family else {}
    values = {name: 1234 for name in fields}  # a number: the format specs (:, and :04X) take one, plain fields too
    text = entry.message(variant=variant, **suffix, **values).text  # type: ignore[arg-type]
    assert text and "{" not in text and "}" not in text and "\n" not in text
    for name in fields:
        with pytest.raises(TypeError, match=f"missing: {name}"):
            entry.message(variant=variant, **suffix, **{k: v for k, v in values.items() if k != name})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unexpected: surplus"):
        entry.message(variant=variant, **suffix, surplus=1, **values)  # type: ignore[arg-type]


def test_templates_refuse_fields_the_reference_could_not_document() -> None:
    assert template_fields("{a} and {b:,} then {a}") == ("a", "b")
    for bad in ("{}", "{0}", "{a.b}", "{a[0]}", "{a!r}", "{a:{w}}"):
        with pytest.raises(ValueError, match="not a plain named field"):
            template_fields(bad)


def test_the_suffix_belongs_to_families_and_variants_are_checked() -> None:
    assert SCHEMA_FAMILY.at("a.yaml", 2, 3, "id", suffix="missing", detail="required field is missing").code == "schema-missing"
    with pytest.raises(TypeError, match="needs the suffix"):
        SCHEMA_FAMILY.message(detail="x")
    with pytest.raises(TypeError, match="only a family"):
        UNKNOWN_ID.message(suffix="x", kind="unit", id="x")
    with pytest.raises(ValueError, match="no message variant 'utf8' .known: bom, utf16"):
        ENCODING.message(variant="utf8")


def test_a_message_is_placed_later_exactly_as_at_places_it() -> None:
    message = UNKNOWN_ID.message(variant="csv", kind="unit", id="huyen-q", folder="units")
    assert message.text == "unknown unit 'huyen-q' (no content/units/huyen-q.yaml)"
    placed = message.at("data/a.csv", 2, 21, "unit")
    assert placed == UNKNOWN_ID.at("data/a.csv", 2, 21, "unit", variant="csv", kind="unit", id="huyen-q", folder="units")
    assert placed.text() == "data/a.csv:2:21: unit: unknown unit 'huyen-q' (no content/units/huyen-q.yaml)"


def test_entries_cannot_be_changed() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ENCODING.code = "charset"  # type: ignore[misc]
    with pytest.raises(TypeError):
        ENCODING.variants["bom"] = "changed"  # type: ignore[index]


@pytest.mark.parametrize("entry", CATALOGUE, ids=[e.code for e in CATALOGUE])
def test_each_entry_is_documented_in_both_languages(entry: ErrorType) -> None:
    for name in ("title_en", "title_vi", "hint_en", "hint_vi"):
        text = getattr(entry, name)
        assert text.strip() and "\n" not in text and text == text.strip(), f"{entry.code}: {name} is empty or not one line"
        assert unicodedata.is_normalized("NFC", text), f"{entry.code}: {name} is not NFC"
    for name in ("title_vi", "hint_vi"):
        text = getattr(entry, name)
        assert vietnamese(text) == text, f"{entry.code}: {name} uses the new tone style; `fmt` writes {vietnamese(text)!r}"
        assert any(unicodedata.decomposition(ch) for ch in text), f"{entry.code}: {name} has no Vietnamese letter"
    assert entry.title_vi != entry.title_en and entry.hint_vi != entry.hint_en


# --------------------------------------------------------------------------- the wordings no input reaches


def test_a_yaml_error_without_a_position_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def load(self, text: str) -> None:
            raise YAMLError("stream closed")

    monkeypatch.setattr(yamlio, "round_trip_yaml", lambda: Broken())
    doc, problems = yamlio.parse_yaml("content/units/x.yaml", "id: !!str x\n")  # a tag: the round-trip parser reads it
    assert doc is None
    assert [(p.text(), p.code) for p in problems] == [("content/units/x.yaml:0:0: YAML error: stream closed", "yaml-syntax")]


def test_fmt_reports_a_file_the_parser_refuses_without_saying_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt, "parse_yaml", lambda path, text: (None, []))
    result = fmt.format_yaml("content/units/x.yaml", "id: x\n", Unit)
    assert result.after == result.before
    assert [(p.text(), p.code) for p in result.problems] == [("content/units/x.yaml:0:0: cannot be parsed", "yaml-syntax")]


# --------------------------------------------------------------------------- the source, scanned

CODES = {entry.code for entry in CATALOGUE if not entry.family}
PREFIXES = tuple(entry.code for entry in CATALOGUE if entry.family)


def _strings(node: ast.AST) -> list[str]:
    """The str constants in `node`, the fixed parts of f-strings included."""
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _is_code(text: str) -> bool:
    return text in CODES or text.startswith(PREFIXES)


def violations(source: str, makes_problems: bool = False) -> list[str]:
    """Where `source` makes a Problem itself or writes a code out instead of taking it from the catalogue.

    A code written out is: a hyphenated code or a family prefix anywhere as a string (codes such
    as `schema` or `package` are also ordinary words, so those only where a code goes), a code
    compared with a `.code`, or a `code=` argument given as a string.
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name == "Problem" and not makes_problems:
                found.append(f"line {node.lineno}: Problem(...) made directly; use an entry of site_builder/error_types.py")
            for keyword in node.keywords:
                if keyword.arg == "code" and _strings(keyword.value):
                    found.append(f"line {node.lineno}: code= given as a string; use ENTRY.code")
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(side, ast.Attribute) and side.attr == "code" for side in sides):
                found += [f"line {node.lineno}: .code compared with {text!r}; use ENTRY.code or ENTRY.matches"
                          for side in sides for text in _strings(side) if _is_code(text)]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _is_code(node.value) and ("-" in node.value):
                found.append(f"line {node.lineno}: the code {node.value!r} written out; use ENTRY.code")
    return found


def emissions(source: str) -> list[tuple[str, str | None, set[str], int]]:
    """(entry name, variant, field names given, line) of every `ENTRY.at(…)` and `ENTRY.message(…)` in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("at", "message")):
            continue
        target = node.func.value
        name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else ""
        if name not in ENTRIES:
            continue
        given = {kw.arg or "**" for kw in node.keywords} - {"variant", "suffix"}
        variant = next((kw.value for kw in node.keywords if kw.arg == "variant"), None)
        for chosen in _strings(variant) if variant is not None else [None]:  # `"a" if … else "b"`: both
            found.append((name, chosen, given, node.lineno))
    return found


def _modules() -> dict[str, str]:
    return {path.relative_to(PACKAGE.parent).as_posix(): path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py"))}


def test_the_scan_finds_each_kind_of_violation() -> None:
    """The scan itself: a module doing each forbidden thing is caught, one written the catalogue's way is not."""
    bad = (
        "from site_builder.errors import Problem\n"
        "a = Problem('p', 1, 1, '', 'unknown unit', 'unknown-id')\n"
        "b = [p for p in problems if p.code == 'schema']\n"
        "c = f'schema-{kind}'\n"
        "d = make(code='package')\n"
        "e = errors.Problem('p', 1, 1, '', 'm', code)\n"
    )
    found = violations(bad)
    assert [line.split(":")[0] for line in found].count("line 2") == 2  # the call, and the code written out
    assert any(v.startswith("line 3: .code compared with 'schema'") for v in found)
    assert any(v.startswith("line 4: the code 'schema-'") for v in found)
    assert any(v.startswith("line 5: code= given as a string") for v in found)
    assert any(v.startswith("line 6: Problem(...)") for v in found)
    good = "x = [p for p in problems if p.code != UNICODE_NFC.code]\ny = res.get('schema')\nz = lang.code == 'en'\n"
    assert violations(good) == []
    assert emissions("UNKNOWN_ID.at(p, 1, 1, 'f', variant='csv' if a else None, kind=k, id=i, folder=f)\nerror_types.EMPTY.message()\n") == [
        ("UNKNOWN_ID", "csv", {"kind", "id", "folder"}, 1), ("EMPTY", None, set(), 2)]


def test_no_problem_is_made_outside_the_catalogue() -> None:
    found = []
    for path, source in _modules().items():
        if path == "site_builder/error_types.py":  # where the codes are written, once
            continue
        found += [f"{path}: {v}" for v in violations(source, makes_problems=path == "site_builder/errors.py")]
    assert found == []


def test_every_entry_and_wording_is_raised_with_its_fields() -> None:
    """No dead entry or variant, no unknown variant, and every call gives the template's fields, all and only them."""
    used: set[tuple[str, str | None]] = set()
    for path, source in _modules().items():
        for name, variant, given, line in emissions(source):
            entry = ENTRIES[name]
            where = f"{path}:{line}: {name}" + (f" ({variant})" if variant else "")
            assert variant is None or variant in entry.variants, f"{where}: no such variant"
            assert "**" not in given, f"{where}: fields passed as **mapping cannot be checked; name them"
            assert given == set(entry.fields(variant)), f"{where}: gives {sorted(given)}, the template needs {sorted(entry.fields(variant))}"
            used.add((name, variant))
    for name, entry in ENTRIES.items():
        for variant in entry.templates():
            assert (name, variant) in used, f"{_id(entry, variant)} is never raised in site_builder/: remove it or raise it"
