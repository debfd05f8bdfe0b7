"""Where a figure stands in its document, in either language.

The locator ("Phụ lục 03, dòng 1.2, cột Năm 2015") is written in Vietnamese: the pages give it in
English, and `site-builder translations` lists those English cannot name, from here.
"""
from __future__ import annotations

import re


# A figure's locator ("Phụ lục 03, dòng 1.2, cột Năm 2015") is written in Vietnamese, the language
# of the document it points into. Its structural words translate one to one; a quoted heading
# stays as printed, since it names the place in the Vietnamese original. Longest phrases first.
LOCATOR_TERMS = (
    ("OCR đặt xen giữa bảng PAPI", "placed by the OCR inside the PAPI table"),
    ("cho số hồ sơ quá hạn", "on late dossiers"),
    ("gạch đầu dòng", "bullet"),
    ("phần tiếp theo", "continued"),
    ("cột Năm", "column"),
    ("Phụ lục", "Appendix"),
    ("Chú thích", "Footnote"),
    ("Tính đến", "as of"),
    ("giá trị", "value"),
    ("tử số", "numerator"),
    ("mẫu số", "denominator"),
    ("in là", "printed as"),
    ("Mục", "Section"),
    ("đoạn", "paragraph"),
    ("câu", "sentence"),
    ("dòng", "row"),
    ("cột", "column"),
    ("Năm", "year"),
    ("phần", "part"),
    ("bảng", "table"),
    ("ý", "point"),
)
# Editors write a word capitalised or not ("Đoạn 2", "mục 3"): matched in any case, and given in
# English with the first letter's case of what was written when that differs from the term's.
_LOCATOR_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(vi) for vi, _ in LOCATOR_TERMS) + r")(?!\w)", re.IGNORECASE)
_LOCATOR_EN = {vi.casefold(): (vi, en) for vi, en in LOCATOR_TERMS}


def _english(match: re.Match[str]) -> str:
    written = match.group()
    vi, en = _LOCATOR_EN[written.casefold()]
    if written == vi or written[0].isupper() == vi[0].isupper():
        return en
    return (en[0].upper() if written[0].isupper() else en[0].lower()) + en[1:]


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def locator(text: str, lang: str) -> str | None:
    """Where a figure stands in its document, in `lang`; None when English cannot be given.

    None means a Vietnamese word outside the quoted headings is left over (a table row named in
    words, say): the caller shows the Vietnamese with the untranslated mark rather than a mix.
    """
    if lang == "vi":
        return text
    out = _LOCATOR_RE.sub(_english, text)
    residue = _QUOTED.sub("", out)
    return None if any(ord(c) > 127 and c.isalpha() for c in residue) else out
