"""`extract` on the own-words corpus (extract_corpus/): recall of (indicator, value, period) and wrong values.

The corpus is made of short fictional reports written for issue 23 to cover the phrasing, word
order, number formats and OCR damage met in real bulletins (see extract_corpus/README.md). Its
`unseen/` third is set aside: the phrase rules must not be tuned on it.

Run with `pytest -s` to see the table per split.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from site_builder.content import periods
from site_builder.content.qualifiers import Qualifier
from site_builder.editor import extract as ex
from site_builder.editor.extract_score import NEW_PREFIX, Expected, Score, left_out, read_expected, score

ROOT = Path(__file__).resolve().parents[3]
CORPUS = Path(__file__).resolve().parent / "extract_corpus"
SPLITS = ("seen", "unseen")
TARGET_RECALL = {"seen": 0.95, "unseen": 0.90}
# The third set aside now was put in place on 2026-12-07 (fifth session) and measured once, then: 59.6% recall,
# 16 wrong values. The one before it (now seen/ 50–63) went 71.3% → 77.0% → 80.3% (9 wrong) before it was opened;
# the first (seen/ 25–37) was at 80.5%, 4 wrong. See extract_corpus/README.md.
UNSEEN_SHORT = "the set-aside third is below the issue's target (52.1% recall, 25 wrong values when measured)"
BREAKDOWN = re.compile(r"([a-z_]+=[a-z0-9_-]+(;[a-z_]+=[a-z0-9_-]+)*)?")

# Numbers a text may write as words; the check below reads them independently of `extract`.
# "khong": the worded zero of a text without diacritics ("khong co HS tre han").
WORDS = {"không": 0, "khong": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
         "chín": 9, "mười": 10, "mười lăm": 15}
ZERO_CUES = ("không có", "khong co", "0")


@pytest.fixture(scope="module")
def catalogue() -> ex.Catalogue:
    return ex.load_catalogue(ROOT / "content" / "indicators")


def texts(split: str) -> list[Path]:
    return sorted((CORPUS / split).glob("*.txt"))


def printed_values(text: str) -> set[float]:
    """Every value the text prints: numerals in either decimal convention, "x tỷ", words for small numbers."""
    found: set[float] = set()
    for m in re.finditer(r"\d+(?:[.,]\d+)*", text):
        token = m.group()
        found.add(float(token.replace(".", "").replace(",", ".")))  # 7.447 / 72,3
        if re.fullmatch(r"\d+\.\d{1,2}", token):
            found.add(float(token))  # 78.4 from a software export
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+", token):
            found.add(float(token.replace(",", "")))  # 9,214 and 97.8 in an English edition
        after = text[m.end():m.end() + 8].lower()
        number = float(token.replace(".", "").replace(",", "."))
        for word, factors in (("tỷ", (1e9, 1e3)), ("ty", (1e9, 1e3)), ("triệu", (1e6,)), ("ngàn", (1e3,)),
                              ("nghìn", (1e3,)), ("ngan", (1e3,)), ("nghin", (1e3,))):
            if re.match(rf"\s*{word}\b", after):
                found |= {round(number * f, 3) for f in factors}  # "4,5 ngàn" is 4500; "6,6 tỷ" 6,6e9 đồng or 6600 million
    folded = text.lower()
    for word, number in WORDS.items():
        if re.search(rf"\b{word}\b", folded):
            found.add(float(number))
    digits = {w: n for w, n in WORDS.items() if 1 <= n <= 9}
    units = {**digits, "mốt": 1, "lăm": 5}
    for m in re.finditer(r"\bmười (\w+)", folded):  # "mười một" is 11
        if m[1] in units:
            found.add(float(10 + units[m[1]]))
    for m in re.finditer(r"\b(\w+) mươi(?: (\w+))?", folded):  # "hai mươi mốt" is 21
        if m[1] in digits:
            found.add(float(10 * digits[m[1]]))
            if m[2] in units:
                found.add(float(10 * digits[m[1]] + units[m[2]]))
    return found


@pytest.fixture(scope="module")
def drafts(catalogue: ex.Catalogue) -> dict[Path, ex.Extraction]:
    """`extract_all` on every text of both splits, once for the module's tests."""
    return {path: ex.extract_all(path.read_text(encoding="utf-8"), catalogue, report=path.stem)
            for split in SPLITS for path in texts(split)}


def corpus_scores(drafts: dict[Path, ex.Extraction], with_period: bool = True) -> dict[str, tuple[Score, list[tuple[str, Score]]]]:
    out: dict[str, tuple[Score, list[tuple[str, Score]]]] = {}
    for split in SPLITS:
        per_text = []
        total = Score(0, 0, 0)
        for path in texts(split):
            s = score(read_expected(path.with_suffix(".csv")), drafts[path].rows, with_period=with_period)
            per_text.append((path.stem, s))
            total = total + s
        out[split] = (total, per_text)
    return out


def hidden(drafts: dict[Path, ex.Extraction], split: str) -> tuple[int, list[tuple[str, Expected]]]:
    """(rows missed, the missed rows an editor is shown nowhere: no proposal's value, no number listed unread)."""
    missed, out = 0, []
    for path in texts(split):
        expected = read_expected(path.with_suffix(".csv"))
        missed += len(score(expected, drafts[path].rows).missed)
        out += [(path.stem, e) for e in left_out(expected, drafts[path].rows, drafts[path].unread)]
    return missed, out


@pytest.fixture(scope="module")
def scores(drafts: dict[Path, ex.Extraction]) -> dict[str, tuple[Score, list[tuple[str, Score]]]]:
    result = corpus_scores(drafts)
    loose = corpus_scores(drafts, with_period=False)
    print("\nextract on the own-words corpus: recall of (indicator, value, period); (i,v) columns without the period")
    print(f"{'split':8} {'texts':>5} {'expected':>8} {'found':>6} {'recall':>7} {'proposed':>8} {'precision':>9} "
          f"{'wrong':>5} {'period':>6} {'extra':>5} {'recall(i,v)':>11} {'wrong(i,v)':>10}")
    for split, (total, per_text) in result.items():
        print(f"{split:8} {len(per_text):5d} {total.expected:8d} {total.found:6d} {total.recall:7.1%} {total.proposed:8d} "
              f"{total.precision:9.1%} {len(total.wrong):5d} {len(total.other_period):6d} {len(total.extra):5d} "
              f"{loose[split][0].recall:11.1%} {len(loose[split][0].wrong):10d}")
    print("missed rows an editor still sees (a proposal with the value, or the number listed as unread):")
    for split in SPLITS:
        missed, out = hidden(drafts, split)
        listed = sum(len(drafts[p].unread) for p in texts(split))
        print(f"  {split:8} {missed - len(out)} of {missed} missed rows shown; {listed} numbers listed unread")
    for split, (_, per_text) in result.items():
        if split == "unseen":
            continue  # only its aggregate: a text's misses would tell whoever changes the rules what to tune
        for name, s in per_text:
            print(f"  {split}/{name}: {s.found}/{s.expected} recall {s.recall:.0%}, wrong {len(s.wrong)}, "
                  f"other period {len(s.other_period)}, extra {len(s.extra)}")
    return result


# --------------------------------------------------------------------------- the corpus itself


def test_corpus_size_and_split() -> None:
    counts = {split: (len(texts(split)), sum(len(read_expected(p.with_suffix(".csv"))) for p in texts(split)))
              for split in SPLITS}
    n_texts = sum(t for t, _ in counts.values())
    n_rows = sum(r for _, r in counts.values())
    assert n_texts >= 30 and n_rows >= 250, counts
    share_unseen = counts["unseen"][1] / n_rows
    assert 0.25 <= share_unseen <= 0.4, counts  # about a third set aside


@pytest.mark.parametrize("split", SPLITS)
def test_every_expected_row_fits_the_figures_schema(split: str, catalogue: ex.Catalogue) -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for path in texts(split):
        text = path.read_text(encoding="utf-8")
        assert text == unicodedata.normalize("NFC", text), path
        expected = read_expected(path.with_suffix(".csv"))
        assert expected, path
        printed = printed_values(text)
        for e in expected:
            where = f"{path.name}: {e}"
            if e.indicator.startswith(NEW_PREFIX):
                assert f"`{e.catalogue_id}`" in readme, f"{where}: proposed indicator not defined in README.md"
                assert e.catalogue_id not in catalogue, f"{where}: the catalogue has it now; drop `new:`"
            else:
                assert e.indicator in catalogue, where
            code = periods.parse(e.period)
            assert code is not None, where
            assert BREAKDOWN.fullmatch(e.breakdown), where
            keys = [part.split("=")[0] for part in e.breakdown.split(";") if part]
            assert keys == sorted(set(keys)), where
            Qualifier(e.qualifier)
            if e.value == 0:
                assert any(cue in text.lower() for cue in ZERO_CUES), where
            else:
                assert e.value in printed, f"{where}: value not printed in the text"


def test_no_text_is_in_both_splits() -> None:
    seen = {p.read_text(encoding="utf-8") for p in texts("seen")}
    assert not seen & {p.read_text(encoding="utf-8") for p in texts("unseen")}
    assert all(p.with_suffix(".csv").exists() for split in SPLITS for p in texts(split))


# --------------------------------------------------------------------------- extract on it


@pytest.mark.parametrize("split", SPLITS)
def test_extract_never_proposes_a_number_its_quote_does_not_print(split: str, drafts: dict[Path, ex.Extraction]) -> None:
    for path in texts(split):
        text = path.read_text(encoding="utf-8")
        squashed = ex.squash(text)
        for row in drafts[path].rows:
            assert row.quote and ex.squash(row.quote) in squashed, row
            if row.status == "reported":
                assert float(row.value) in printed_values(row.quote), row


@pytest.mark.parametrize("split", [
    "seen",
    # Measured without reading the texts (UNSEEN_SHORT). Strict: when the rules reach the target this fails, and
    # the mark is to be removed.
    pytest.param("unseen", marks=pytest.mark.xfail(reason=UNSEEN_SHORT, strict=True)),
])
def test_recall_target(split: str, scores: dict[str, tuple[Score, list[tuple[str, Score]]]]) -> None:
    total, _ = scores[split]
    missed = [(e.indicator, e.value, e.period, e.breakdown) for e in total.missed]
    assert total.recall >= TARGET_RECALL[split], missed[:20] if split == "seen" else f"{total.recall:.1%}"


@pytest.mark.parametrize("split", [
    "seen", pytest.param("unseen", marks=pytest.mark.xfail(reason=UNSEEN_SHORT, strict=True))])
def test_no_wrong_value(split: str, scores: dict[str, tuple[Score, list[tuple[str, Score]]]]) -> None:
    total, _ = scores[split]
    assert not total.wrong, [why for _, why in total.wrong][:20] if split == "seen" else len(total.wrong)


def test_every_figure_missed_on_seen_texts_is_shown_to_the_editor(drafts: dict[Path, ex.Extraction]) -> None:
    """What `extract` does not propose it lists as unread: on seen/ no expected row is lost from the editor's view.
    (On unseen/ the share is printed with the table, not asserted: it is measured, not tuned.)"""
    missed, out = hidden(drafts, "seen")
    assert missed > 0  # the check means something only while some rows are missed
    assert not out, [(name, e.indicator, e.value) for name, e in out]


def test_unread_numbers_are_printed_in_their_quote(drafts: dict[Path, ex.Extraction]) -> None:
    """Every number listed as unread is in the text, on its line, inside the words quoted with it."""
    for path in texts("seen"):
        lines = path.read_text(encoding="utf-8").split("\n")
        for u in drafts[path].unread:
            assert u.printed in ex.squash(u.quote) and u.printed in lines[u.line - 1], (path.name, u)
            assert float(u.value) in printed_values(u.printed + " " + u.quote), (path.name, u)


def test_scores_are_measured(scores: dict[str, tuple[Score, list[tuple[str, Score]]]]) -> None:
    """The harness itself: it read every text and counted every expected row."""
    for split in SPLITS:
        total, per_text = scores[split]
        assert len(per_text) == len(texts(split))
        assert total.expected == sum(len(read_expected(p.with_suffix(".csv"))) for p in texts(split))
        assert 0 <= total.found <= total.expected
        assert total.found + len(total.missed) == total.expected


def test_score_counts_found_wrong_and_period() -> None:
    """`score` on a hand-made case: one found, one wrong value, one wrong indicator, one period not read."""
    def row(indicator: str, value: str, period: str, breakdown: str = "") -> ex.FigureRow:
        return ex.FigureRow(id="t", report="t", unit="", indicator=indicator, period=period, period_start="", period_end="",
                            breakdown=breakdown, value=value, qualifier="", status="reported", locator="", quote="")
    expected = [Expected("dossiers-received", "2021", "", 100.0), Expected("dossiers-resolved-on-time", "2021", "", 90.0),
                Expected("new:dossiers-due", "2021", "", 95.0), Expected("dossiers-resolved", "2021", "", 98.0)]
    s = score(expected, [row("dossiers-received", "100", "2021"), row("dossiers-resolved-early", "90", "2021"),
                         row("dossiers-resolved", "97", "2021"), row("dossiers-due", "95", "")])
    assert (s.expected, s.proposed, s.found) == (4, 4, 1)
    assert len(s.wrong) == 2 and len(s.other_period) == 1 and not s.extra
    assert s.recall == 0.25


def test_score_compares_periods_by_their_days_and_one_figure_under_its_two_names() -> None:
    def row(indicator: str, value: str, period: str, breakdown: str = "") -> ex.FigureRow:
        return ex.FigureRow(id="t", report="t", unit="", indicator=indicator, period=period, period_start="", period_end="",
                            breakdown=breakdown, value=value, qualifier="", status="reported", locator="", quote="")
    expected = [Expected("dossiers-received", "2024-9M", "", 100.0), Expected("share-rating", "2024", "rating=dissatisfied", 1.5),
                Expected("dossiers-resolved", "2024-Q1", "", 80.0)]
    s = score(expected, [row("dossiers-received", "100", "2024-01-01/2024-09-30"), row("dissatisfaction-rate", "1.5", "2024"),
                         row("dossiers-resolved", "80", "2024-01-01/2024-03-30")])
    assert s.found == 2 and len(s.other_period) == 1  # a day short of the quarter is another period
