"""Whether a restored reading says the same as the OCR text it restores.

A report whose source came from OCR keeps each figure's quote as the OCR printed it (checked
against content/sources/), and gives beside it a reading in correct Vietnamese
(content/sources/<name>.readings.yaml). The reading may put back what the OCR lost — diacritics,
letters it misread — and nothing else: every digit the same and in the same order, and every
word the same once diacritics are folded and the OCR's known misreadings below are allowed.

The misreadings are those the shipped OCR texts show (Bình Sơn 2023 and Đắk Nông Q3 2021 lost
almost every diacritic; Lộc Ninh and Tuy Phong have scattered damage). Each is written as what
the OCR printed → what it stands for, on text folded to lower case without diacritics (đ is d).
`same_text` answers None when the reading is the same text, else the first word that differs.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# A vowel that carries a diacritic in the reading (ấ, ộ, ư, ơ, …) is where the OCR went wrong
# most: it may print it as another vowel ("quén" for quản), as one or two of the characters
# below ("chirc" for chức, "gitta" for giữa, "clia" for của), or lose it inside a word ("S Noi
# vu" for Sở Nội vụ, "can b" for cán bộ). A vowel without any mark, a consonant and a digit are
# never read this loosely: they must match exactly or through one of the pairs in MISREAD.
ACCENTED_VOWEL_AS = {
    "a", "e", "i", "o", "u", "y",  # another vowel: "quén" quản, "thyc" thực, "tha tuc" thủ tục
    "b",  # "Hb so" Hồ sơ, "dbi" đối, "cbng" công, "cbt can" cốt cán
    "c",  # "tricu" triệu, "phcfn" phần
    "d",  # "hd so" hồ sơ, "thudc" thuộc, "tdm" tâm, "bdi dudng" bồi dưỡng
    "f",  # "phcfn" phần, "bﬁng" bằng (the ﬁ ligature is f + i once unfolded)
    "g",  # "hgp" hợp, "lugt" lượt, "Thgc" Thực
    "j",  # "don vj" đơn vị, "dja ban" địa bàn
    "k",  # "xik Iy" xử lý
    "l",  # "clu" cầu, "clia" của, "gidly" giấy
    "r",  # "chirc" chức, "cir" cử, "xr" xử, "tr" từ
    "t",  # "gitta" giữa, "Mitc" Mức, "tmg" ứng
    "v",  # "chive" chức
    "w",  # "tw" tư, "Trung wong" Trung ương, "nguwoi" người, "dwoce" được
    "&",  # "co s&" cơ sở, "x&" xã, "d& xuit" đề xuất, "V& viéc" Về việc
    "¢",  # "nhi¢m" nhiệm, "l¢" lệ, "¢6" có
    "§",  # "t§ chirc" tổ chức, "d§" độ
    "€",  # "1€ phi" lệ phí, "hi€u" hiệu
    "@",  # "chuy@n" chuyên
}
ACCENTED_VOWEL_WIDTH = 2  # at most this many characters for one accented vowel

# Other misreadings: (what the OCR printed, what the reading has), folded. The reading side may
# hold "*" for one accented vowel of the reading.
MISREAD: tuple[tuple[str, str], ...] = (
    ("p", "d"),  # Đ read as P: "Pai hoc" Đại học, "Pén nay" Đến nay, "Péu tu" Đầu tư
    ("b", "d"),  # Đ read as B: "Ba tiép nhan" Đã tiếp nhận
    # A digit the OCR printed for a letter stands only for the letter it resembles, so that a
    # reading cannot drop or change a number by calling its digits letters.
    ("0", "o"),  # ơ, ờ read as zero: "Tra 101" Trả lời, "ho s0" hồ sơ
    ("1", "l"),  # l read as one: "xu 1y" xử lý, "Tra 101" Trả lời, "1ap" lập
    ("1", "t"),  # t read as one: "1y l¢" tỷ lệ
    ("1", "i"),  # i read as one: "Tra 101" Trả lời
    ("3", "a"),  # ã read as three: "x3" xã, "d3" đã
    ("4", "a"),  # ã, á read as four: "x4" xã, "d4" đã, "4n tich" án tích
    ("4", "o"),  # ớ read as four: "v4i" với
    ("5", "o"),  # ỗ, ờ read as five: "15i" lỗi, "151" lời
    ("5", "s"),  # s read as five: "ho 50" hồ sơ
    ("6", "o"),  # ố, ó, ộ, ò read as six: "s6" số, "c6" có, "d6" độ, "16ng" lòng
    ("6", "e"),  # ệ read as six: "ty 16" tỷ lệ
    ("8", "e"),  # ệ read as eight: "ty 18" tỷ lệ
    ("¢", "c"),  # c read as ¢: "¢6ng chiic" công chức
    ("i", "l"),  # l read as I (folded to i): "Iinh vue" lĩnh vực, "Iy lich" lý lịch
    ("l", "i"),  # i read as l: "nhleu" nhiều, "tlep" tiếp
    ("z", "i"),  # i read as z: "tzep" tiếp
    (":", "i"),  # i read as a colon: "ch:em" chiếm
    ("e", "c"),  # final c read as e: "cude" cuộc, "vue" vực, "thue" thực
    ("mg", "ng"),  # ng read as mg: "timg" từng, "tmg dung" ứng dụng, "chimg" chứng
    ("a", "%"),  # the percent sign read as A: "99 04 A" 99,04%
    ("€", "c"),  # c read as the euro sign: "€O s6" có số
    ("@", "d*"),  # "độ" read as one @: "mirc @ mot phan" mức độ một phần
    ("¢f", "t"),  # t read as ¢f: "¢frong do" trong đó
    ("o6", "o"),  # ó, ộ read as o6: "Trong do6" Trong đó, "che do6" chế độ
    ("61", "d*i"),  # "đổi" read as 61: "stra 61" sửa đổi
    ("od", "*a"),  # "hoá" read as hod, restored in the traditional spelling hóa
    ("ur", "*u"),  # "ưu" read as ur: "tham mur" tham mưu
    ("l?", "b"),  # b read as l?: "dién l?iér}" diễn biến
    ("r}", "n"),  # n read as r}: "dién l?iér}" diễn biến
    ("loffce", "ioffice"),  # the software's name iOffice, read as loffce
    ("kiost", "kiosk"),  # "kiosk" read as kiost (Tuy Phong)
    ("<i>", ""),  # the italic tags the PDF conversion left in the tables (Tuy Phong)
    ("</i>", ""),
    ("e", "g"),  # g read as ệ (Lộc Ninh): "nệành" ngành
    ("ay", "co"),  # "cơ" read as ạy (Lộc Ninh): "cac ạyquan" các cơ quan
    ("'e", ""),  # a stray 'ẻ before a word (Lộc Ninh): "2008'ẻtai" 2008 tại
)

# Marks the OCR adds or drops between words, skipped on either side: a space, punctuation
# that is neither a digit's separator that matters nor a sign of a quantity ("%").
SKIPPED = set(" \t\n.,;:!?()[]{}\"'“”‘’«»-–—/\\|…*_<>")


@dataclass(frozen=True)
class _Char:
    folded: str  # lower case, no diacritics, đ as d
    accented: bool  # a vowel carrying a diacritic (or đ)
    at: int  # index in the text as written


def _fold(text: str) -> list[_Char]:
    """`text` (NFC) a character at a time; a ligature (ﬁ) unfolds into its letters."""
    out = []
    for at, ch in enumerate(text):
        marked = any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", ch))
        for part in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(part):
                continue
            low = part.lower()
            out.append(_Char("d" if low == "đ" else low, low == "đ" or (marked and low in "aeiouy"), at))
    return out


def _word_at(text: str, at: int) -> str:
    """The word (run of characters between spaces) of `text` around index `at`."""
    at = min(max(at, 0), max(len(text) - 1, 0))
    start = text.rfind(" ", 0, at) + 1
    end = text.find(" ", at)
    return text[start:end if end >= 0 else len(text)].strip(".,;:()") or text[start:end if end >= 0 else len(text)]


def same_text(ocr: str, reading: str) -> str | None:
    """None when `reading` is `ocr` restored, else why not: the first reading word that differs
    and the OCR's word at that place."""
    ocr, reading = unicodedata.normalize("NFC", ocr), unicodedata.normalize("NFC", reading)
    o, r = _fold(ocr), _fold(reading)
    n, m = len(o), len(r)
    walk = _Walk(o, r)
    seen = {(0, 0)}
    todo = [(0, 0)]
    best = (0, 0)  # furthest reading position reached, with the furthest OCR position there
    while todo:
        i, j = todo.pop()
        if (j, i) > (best[1], best[0]):
            best = (i, j)
        if i == n and j == m:
            return None
        for nxt in walk.moves(i, j):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    i, j = best
    if j >= m:
        left = ocr[o[i].at:] if i < n else ""
        return f"the OCR goes on with '{left.strip()[:40]}' where the reading ends"
    word = _word_at(reading, r[j].at)
    there = _word_at(ocr, o[i].at) if i < n else ""
    return f"'{word}' is not in the OCR text here" + (f" (the OCR has '{there}')" if there else " (the OCR has ended)")


class _Walk:
    """The steps from a place in the OCR text (i) and the reading (j) to the next places that a
    misreading, a lost mark or a skipped space can reach."""

    def __init__(self, o: list[_Char], r: list[_Char]) -> None:
        self.o, self.r = o, r
        self.ocr = "".join(c.folded for c in o)
        self.reading = "".join(c.folded for c in r)
        self.misread: dict[str, list[tuple[str, str]]] = {}  # by the first character the OCR printed
        for printed, meant in MISREAD:
            self.misread.setdefault(printed[:1], []).append((printed, meant))

    def moves(self, i: int, j: int) -> list[tuple[int, int]]:
        o, r, out = self.ocr, self.reading, []
        n, m = len(o), len(r)
        if i < n and o[i] in SKIPPED:
            out.append((i + 1, j))
        if j < m and r[j] in SKIPPED:
            out.append((i, j + 1))
        if i < n and j < m and o[i] == r[j]:
            out.append((i + 1, j + 1))
        if j < m and self.r[j].accented and r[j] != "d":
            if j > 0 and r[j - 1].isalpha():
                out.append((i, j + 1))  # lost inside a word
            k = i
            while k < n and k - i < ACCENTED_VOWEL_WIDTH and o[k] in ACCENTED_VOWEL_AS:
                k += 1
                out.append((k, j + 1))
        for printed, meant in self.misread.get(o[i:i + 1], ()):
            if o.startswith(printed, i) and _matches(self.r, j, meant):
                out.append((i + len(printed), j + len(meant)))
        return out


def _matches(r: list[_Char], j: int, meant: str) -> bool:
    if j + len(meant) > len(r):
        return False
    for k, want in enumerate(meant):
        ch = r[j + k]
        if not (ch.accented and ch.folded != "d" if want == "*" else ch.folded == want):
            return False
    return True
