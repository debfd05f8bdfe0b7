"""The phrase table of `site-builder extract`: which words around a number name which indicator.

Phrases are written the way an editor would type them without diacritics ("ho so truc
tuyen") and compiled by `phrase()` into regular expressions over *folded* text (see
`fold`) that also accept the OCR damage seen in scanned reports: "hd so" and "hé so" for
"hồ sơ", "ty 1€" for "tỷ lệ", "trudc han" for "trước hạn", "chzem" for "chiếm".

The phrase language:

- a word of letters is a Vietnamese syllable: its consonants must match (with a few OCR
  look-alikes, Đ read as P or B), each vowel may be one or two characters from the set of
  glyphs OCR turns that vowel into (ô → o, d, b, 6, é …);
- a space is an optional separator (OCR sometimes glues words together) that never crosses
  a comma, colon, semicolon or bracket;
- ``~`` skips up to 40 characters inside the clause, ``~~`` up to 100;
- ``( | ) ?`` group, alternate and make optional, as in a regular expression;
- text between backticks is raw regular expression over folded text, for the few cases the
  syllable rules cannot express (`` `r[ua]t` `` for "rút", which OCR reads as "rat");
- digits and other characters stand for themselves.

Nothing here is specific to one document: a rule is a phrase that any CCHC report uses.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

# --------------------------------------------------------------------------- folding

# Digits that OCR puts inside words for letters ("s6" số, "x4" xã, "1y" lý, "16ng" lòng).
_DIGIT_AS_LETTER = str.maketrans({"0": "o", "1": "l", "3": "a", "4": "a", "5": "s", "6": "o", "8": "e"})
_DIGITS_IN_WORD = re.compile(r"(?<=[a-z])[0-9]+|[0-9]+(?=[a-z])")
_SPECIAL = {"đ": "d", "Đ": "d", "€": "e", "ð": "d"}


def _fold_char(ch: str) -> str:
    """One character without diacritics, lower-cased: '' for a lone combining mark."""
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base.lower()[:1]


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """`fold(text)` plus, for each folded character, the offset it came from in `text`.

    The list has one extra entry, len(text), so that a folded end offset maps back too.
    """
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        if folded:
            chars.append(folded)
            where.append(i)
    where.append(len(text))
    joined = _DIGITS_IN_WORD.sub(lambda m: m.group().translate(_DIGIT_AS_LETTER), "".join(chars))
    return joined, where


def fold(text: str) -> str:
    """Text without diacritics, lower-cased, đ → d, € → e, OCR digits inside words read as letters.

    Only used to *match* phrases: numbers and quotes are always taken from the original text.
    """
    return fold_with_map(text)[0]


# --------------------------------------------------------------------------- phrase compiler

_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
           "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x")
_CODAS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")
_ONSET_RE = {"d": "[dpb]", "l": "[l1i|]", "s": "[s$5]", "c": "[c¢]", "t": "[tl1]", "qu": "q[uw]", "ngh": "ngh?"}
# What OCR makes of each vowel once diacritics are folded away (ă/â → i, d, e; ô/ơ → d, b, 6, g; ư → i, r, w …).
_VOWEL_RE = {
    "a": "[a4@ide3]",
    "e": "[e€¢86c3&]",
    "i": "[i1l!z:y|]",
    "o": "[o0db6egq]",
    "u": "[uiwyrev]",
    "y": "[yi1]",
}
_CODA_RE = {"c": "(?:ce|c|e)", "n": "[nm]", "m": "[mn]", "ng": "[nm][gq]?", "nh": "nh?"}
_TOKEN = re.compile(r"`[^`]*`|~~|~|[a-z]+|[0-9]+|\s+|[()|?]|.")
SEP = r"[^\w,;:()]{0,3}"  # spaces, hyphens, stray marks; never a clause boundary


@lru_cache(maxsize=None)
def syllable(word: str) -> str:
    """Regex for one folded syllable, tolerant of OCR; acronyms (no parsable vowel) stay literal."""
    onset = next((o for o in _ONSETS if word.startswith(o) and len(word) > len(o)), "")
    rest = word[len(onset):]
    nucleus = re.match(r"[aeiouy]+", rest)
    coda = rest[nucleus.end():] if nucleus else rest
    if not nucleus or (coda and coda not in _CODAS):
        return re.escape(word)
    vowels = "".join(_VOWEL_RE[v] + "{1,2}" for v in nucleus.group())
    return _ONSET_RE.get(onset, onset) + vowels + _CODA_RE.get(coda, coda)


# "hạn" after a verdict is also written in full, "thời hạn" ("trả trước thời hạn", "giải quyết đúng thời hạn",
# "quá thời hạn"): every phrase that spells the short form accepts the long one.
_VERDICTS = frozenset({"truoc", "dung", "qua", "tre", "cham", "som", "den", "con", "trong"})
_DEADLINE_WORDS = frozenset({"han", "hen"})


def _group_edges(tokens: list[str], n: int) -> tuple[int, int]:
    """Where a word stands for what is around it: itself, or, when it opens or closes an alternative of a group,
    that group ("va" in "dung (va|,) truoc": the group's "(" and its ")", or the "?" after it)."""
    first = last = n
    while first >= 1 and tokens[first - 1] in "(|":
        depth, k = 0, first - 1
        while k >= 0 and not (tokens[k] == "(" and depth == 0):
            depth += tokens[k] == ")"
            depth -= tokens[k] == "(" and depth > 0
            k -= 1
        if k < 0:
            break
        first = k
    while last + 1 < len(tokens) and tokens[last + 1] in ")|":
        depth, k = 0, last + 1
        while k < len(tokens) and not (tokens[k] == ")" and depth == 0):
            depth += tokens[k] == "("
            depth -= tokens[k] == ")" and depth > 0
            k += 1
        if k >= len(tokens):
            break
        last = k + 1 if k + 1 < len(tokens) and tokens[k + 1] == "?" else k
    return first, last


@lru_cache(maxsize=None)
def phrase(spec: str) -> re.Pattern[str]:
    """Compile a phrase of the language described in the module docstring."""
    out: list[str] = []
    tokens = _TOKEN.findall(spec)
    for n, tok in enumerate(tokens):
        if tok.startswith("`"):
            out.append(f"(?:{tok[1:-1]})")
        elif tok == "~":
            out.append(r"[^;]{0,40}?")
        elif tok == "~~":
            out.append(r"[^;]{0,100}?")
        elif tok.isalpha():
            # Between two words of a phrase OCR may drop the space ("dunghan", "h6so"): a syllable that
            # follows a word or precedes one is not required to stand alone on that side.
            # A word next to a group is glued to the group's words too ("dungvatruochan" for "đúng (và|,) trước hạn").
            first, last = _group_edges(tokens, n)
            glued_before = first >= 2 and tokens[first - 1].isspace() and (tokens[first - 2].isalpha() or tokens[first - 2] in ")?")
            glued_after = last + 2 < len(tokens) and tokens[last + 1].isspace() and (tokens[last + 2].isalpha() or tokens[last + 2] == "(")
            if tok in _DEADLINE_WORDS and glued_before and tokens[n - 2] in _VERDICTS:
                out.append(f"(?:{syllable('thoi')}{SEP})?")  # "trước thời hạn", "quá thời hạn": the deadline in full
            out.append(("" if glued_before else "(?<![a-z])") + syllable(tok) + ("" if glued_after else "(?![a-z])"))
        elif tok.isspace():
            out.append(SEP)
        elif tok == "(":
            out.append("(?:")
        elif tok in ")|?":
            out.append(tok)
        else:
            out.append(re.escape(tok))
    return re.compile("".join(out))


# --------------------------------------------------------------------------- nouns

# The thing counted, as it follows the number ("7.447 hồ sơ", "02 nhiệm vụ").
# English editions: "13,188 applications", "3,511 administrative procedure records".
DOSSIER_EN = "(?:applications?|records?|dossiers?|documents?|files?)"
DOSSIER = ("(ho so|bo ho so|`h\\s?/\\s?s\\w*`|`hs(?![a-z])`|`(?<![a-z])bo(?![a-z])(?!\\W{0,3}nganh)`"  # "57.689 bộ hồ sơ", "59.010 bộ", "186 HS"; not "14 bộ, ngành"
           "|`(?:(?:administrative|procedure|online|new|incoming) )*" + DOSSIER_EN + "`)")
TASK = "nhiem vu"
PROCEDURE = "(thu tuc|tthc)"
PERSON = "(luot )?(`can b\\w?`|cong chuc|nguoi|nhan vien|truong hop|bien che|cbcc|hoa giai vien)"
FEEDBACK = "(luot )?(noi dung )?(kien nghi|phan anh|pakn)"
# "số hóa", but not "số hồ sơ" (OCR "s6 hod so").
DIGITISED = "so hoa`(?!\\W{0,3}[s$5][o0db6eg]{1,2}(?![a-z]))`"

# Submitted online, in the words reports use for it: "trực tuyến", "qua mạng", "qua Cổng dịch vụ công".
ONLINE = "(truc tuyen|qua mang|(qua|tren) moi truong mang|(qua|tren) cong (dich vu cong|dvc)( ~ )?)"
# A count that names its own channel right after its noun ("2.044 hồ sơ trực tiếp", "64 hồ sơ qua bưu chính"):
# it takes no indicator from a sibling or a total; two channels at once ("30.127 hồ sơ trực tiếp và bưu chính")
# name no channel the catalogue counts apart, so such a count gets no indicator at all.
CHANNEL = "(truc tiep|truc tuyen|qua mang|(dich vu )?buu (chinh|dien)( cong ich)?|bcci)"
OWN_CHANNEL = f"{DOSSIER} ((duoc )?(nop|tiep nhan|gui) )?(qua )?{CHANNEL}"
TWO_CHANNELS = f"{OWN_CHANNEL} (va|,|hoac|/) (qua )?{CHANNEL}"
# Results handed back by a channel the catalogue does not count apart ("61.204 hồ sơ được trả trực tiếp tại Trung tâm",
# "27.930 hồ sơ trả qua Hệ thống thông tin"): a part of the dossiers resolved that has no indicator (by post is one, below).
RETURNED_BY = f"{DOSSIER} (duoc )?tra( ket qua)? (truc tiep|qua (he thong|phan mem|cong|mang|email|thu dien tu))"
# The modifiers of a dossier that is still open, in either order after "đang giải quyết": not yet due, or overdue.
PENDING = "(dang|con dang|chua) (giai quyet|xu ly)"
# ("đang giải quyết trong hạn" alone is how reports say the open ones are all still in time: the open count)
WITHIN_DEADLINE = "(chua den han|con han)"
OVERDUE = "(da )?(qua|tre) (han|hen)"

# Noun classes decide which earlier figure a breakdown ("trong đó: 23 cuộc …") belongs to.
NOUN_CLASSES: dict[str, str] = {
    "dossier": DOSSIER,
    "task": TASK,
    "procedure": PROCEDURE + "|dvctt|dvc|dich vu cong",
    "feedback": FEEDBACK,
    "form": "(phieu|`reviews?|forms?|ratings?|votes?`)",
    "question": "cau",
    "person": PERSON,
    "contact": "luot",
    "meeting": "cuoc",
    "document": "van ban",
    "result": "ket qua",
    "apology": "(thu|van ban) xin loi",  # "Số thư xin lỗi: 0": a label may name the letters and print the bare count
}

# --------------------------------------------------------------------------- prose rules

# One count in any order: on time with early included ("đúng hạn và trước hạn", "trả trước và đúng hạn").
ON_TIME_WITH_EARLY = ("((dung han|dung hen) (va|,) (truoc han|truoc hen|som han|som hen|som)|(truoc han|truoc hen|som|tra truoc|giai quyet truoc) (va|,) (dung han|dung hen)"
                      "|dung (va|hoac|,) truoc (han|hen)|(truoc|som) (va|hoac|,) dung (han|hen))")  # "đúng, trước hạn": the first "hạn" left out
# Early, and late, in the words reports use: "trước hạn", "trước hẹn", "sớm hạn"; "trễ hạn", "quá hạn", "chậm hạn".
# (Flat alternations: two syllables side by side may be glued by OCR, "truochan", only when the phrase spells both.)
EARLY = "(truoc han|truoc hen|som han)"
LATE = "(tre han|qua han|cham han|tre hen|qua hen|cham hen|cham muon|tre muon|cham tre)"  # "chậm muộn 6 HS"
# The verb a resolution cue may carry between the noun and the cue: "3.870 HS giải quyết sớm và đúng hạn".
TON = "`(?<![a-z])ton(?![a-z])`"  # "tồn" (carried over), spelled exactly
RESOLVED_VERB = "((da )?(duoc )?(giai quyet|tra ket qua|tra|xu ly) )?"

# Who sends a dossier, as the agent of a passive verb ("được người dân nộp", "do tổ chức, cá nhân gửi").
AGENT = "(nguoi dan|cong dan|nguoi nop|to chuc( ,| va) (ca nhan|cong dan)|ca nhan|doanh nghiep)"
# The people a survey asked, counted in its place of forms ("180 người dân", "64 người", "27 ý kiến").
SURVEYED = "(nguoi( dan)?|y kien|luot( danh gia| y kien)?)"
# What a rating named before the number counts besides forms: presses of a rating machine ("hài lòng 968 lượt").
RATED_PRESSES = "luot( danh gia| binh chon)?"
# What stands between such a count and its verdict: its share in brackets, a verb of feeling.
VERDICT_LEAD = "`(?:\\W*\\(\\W*(?:chiem\\W*)?[\\d.,]+\\W*%\\W*\\))?`( cam thay| danh gia| tra loi)? "

# English verdicts after a bare number: "3,604 of them were on time", "7 were resolved ahead of schedule".
_OF_THEM_EN = "(?:of them |of which |dossiers |applications |records )?(?:were |was |are )?(?:resolved |processed |settled |handled |returned )?"
_ON_TIME_EN = "(?:on time|within the (?:deadline|time limit|term))"
_EARLY_EN = "(?:ahead of (?:schedule|time|the deadline)|early|before (?:the )?deadline)"

Shape = Literal["count", "percent", "ratio"]
Mode = Literal["actual", "target", "any"]


@dataclass(frozen=True)
class Rule:
    """One phrase pattern that names the indicator(s) of a number in a sentence.

    A number matches when every given condition holds: `noun` right after the number,
    `left` in the clause before it, `right` in the clause after it, `sentence` anywhere in
    the sentence, `unless` nowhere in it. Among matching rules the lowest `tier` wins, then
    the cue nearest to the number, then the earlier rule.
    """

    ids: tuple[str, ...]  # indicators that receive the value; a ratio "a/b" gives (numerator, denominator)
    shape: Shape = "count"  # count (also amounts of money), percent, or ratio a/b
    noun: str | None = None
    left: str | None = None
    right: str | None = None
    sentence: str | None = None
    unless: str | None = None
    mode: Mode = "actual"  # actual figures, targets (goal sentences), or both
    tier: int = 1  # 0 = topic-specific rule that beats generic ones at any distance
    breakdown: str = ""
    left_max: int = 60  # how far before the number a left cue may end
    right_max: int = 80  # how far after the number a right cue may start
    under: str | None = None  # only inside the parenthesis of a figure of this indicator
    breakdowns: tuple[str, ...] = ()  # one breakdown per id when they differ (a ratio's part and its whole)


def _r(ids: str | tuple[str, ...], shape: Shape = "count", **kw: object) -> Rule:
    return Rule((ids,) if isinstance(ids, str) else ids, shape, **kw)  # type: ignore[arg-type]


RULES: tuple[Rule, ...] = (
    # --- goals: numbers in sentences that set a target ("mục tiêu", "ít nhất", "trở lên")
    _r("procedures-decentralisation-target-share", "percent", noun=PROCEDURE, left="phan cap ~", mode="target", tier=0),
    _r("e-documents-exchanged-target-share", "percent", noun="van ban", right="(dien tu|moi truong mang)", mode="target", tier=0, right_max=120),
    _r("satisfaction-survey-coverage-required", "percent", left="quy dinh", sentence="phieu", mode="any", tier=0, left_max=3),
    # --- satisfaction surveys
    _r(("survey-forms-satisfied", "satisfaction-survey-forms"), "ratio", noun="phieu", right="hai long", tier=0),
    _r(("satisfaction-survey-forms", "satisfaction-survey-forms"), "ratio", noun="(phieu|luot danh gia)",
       right="(danh gia )?(o muc )?rat hai long`(?! ?(?:va|,) ?hai long)`",
       breakdowns=("rating=very_satisfied", ""), tier=0, right_max=30),  # "rất hài lòng và hài lòng" is both: satisfied
    _r("satisfaction-survey-forms", noun="phieu", right="rat hai long", breakdown="rating=very_satisfied", tier=0, right_max=20),
    _r("satisfaction-survey-forms", noun="phieu", right="hai long", breakdown="rating=satisfied", tier=0, right_max=20),
    _r("satisfaction-survey-forms", noun="phieu", right="(y kien )?tot", breakdown="rating=good", tier=0, right_max=20),
    _r("satisfaction-survey-forms", noun="phieu", right="binh thuong", breakdown="rating=average", tier=0, right_max=20),
    _r("survey-forms-issued", noun="phieu", left="(phat ra|phat|in|gui)( tong)?( so)?", tier=0, left_max=5),
    # the rating named before the number: "rất hài lòng 150 phiếu, hài lòng 140 phiếu, không hài lòng 6 phiếu",
    # "mức rất hài lòng là 17.390 lượt" (a rating machine's presses)
    *(_r("satisfaction-survey-forms", noun=noun, left=f"{rating}( la| co)?", breakdown=f"rating={value}", tier=0, left_max=3)
      for noun in ("phieu", RATED_PRESSES)
      for rating, value in (("rat hai long", "very_satisfied"), ("(khong|chua) hai long", "dissatisfied"),
                            ("hai long", "satisfied"), ("binh thuong", "average"))),
    _r("satisfaction-survey-forms", noun="phieu", sentence="(khao sat|danh gia)", tier=0),
    _r("satisfaction-survey-forms", noun="phieu", left="(thu|nhan) (ve|lai|duoc)", tier=0, left_max=5),  # "thu về", "nhận lại 288 phiếu"
    _r("satisfaction-survey-forms", noun="phieu", right="khong hai long", breakdown="rating=dissatisfied", tier=0, right_max=20),
    # a survey told by the people asked, each of whom filled one form: "khảo sát 180 người dân", "64 người (chiếm
    # 35,6%) rất hài lòng", "6 người không hài lòng" (the nearest verdict wins: "rất hài lòng" over "hài lòng")
    _r("satisfaction-survey-forms", noun=SURVEYED, left="(khao sat|phong van|lay y kien)( duoc)?( tong so)?( cua)?", tier=0, left_max=3),
    _r("satisfaction-survey-forms", noun=SURVEYED, right=f"{VERDICT_LEAD}rat hai long", breakdown="rating=very_satisfied", tier=0,
       right_max=30),
    _r("satisfaction-survey-forms", noun=SURVEYED, right=f"{VERDICT_LEAD}hai long", breakdown="rating=satisfied", tier=0,
       right_max=30),
    _r("satisfaction-survey-forms", noun=SURVEYED, right=f"{VERDICT_LEAD}binh thuong", breakdown="rating=average", tier=0,
       right_max=30),
    _r("satisfaction-survey-forms", noun=SURVEYED, right=f"{VERDICT_LEAD}(khong|chua) hai long", breakdown="rating=dissatisfied", tier=0,
       right_max=30),
    _r("dissatisfaction-rate", "percent", right="khong hai long", tier=0, right_max=5),
    # ("94 lượt không hài lòng, tỷ lệ 0,51%": the dissatisfied ones' share, not the satisfied)
    _r("satisfaction-rate", "percent", left="`(?<!khong )(?<!chua )`hai long ~", tier=0, left_max=30),
    # "tỷ lệ hài lòng của người dân đối với Trung tâm … phường đạt 97,25%": the rate's name, its object, then its verb
    _r("satisfaction-rate", "percent", left="ty le ( nguoi dan)? hai long`[^;:()]{0,80}?`(dat|la)", tier=0, left_max=3,
       unless="khong hai long"),
    # the share first, its people and their verdict after: "86,12% người dân, tổ chức hài lòng với …"
    _r("satisfaction-rate", "percent", right="(nguoi dan|to chuc|ca nhan|doanh nghiep|nguoi)( ,| va)? ~ hai long", tier=0,
       right_max=3, unless="khong hai long"),
    # --- digitisation and online payment
    _r("results-digitised", noun=DOSSIER, left=DIGITISED + " ket qua ~", tier=0),
    _r("results-digitised", noun="ket qua", left=DIGITISED + " ~", tier=0),
    _r("results-digitised", "ratio", left="ket qua ~ " + DIGITISED + "`[^,;:]{0,10}`:", tier=0),
    _r("dossiers-digitised", "ratio", left="ho so ~ " + DIGITISED + "`[^,;:]{0,10}`:", tier=0),
    _r("dossiers-digitised", noun=DOSSIER, left=DIGITISED + " ~", tier=0),
    # the noun first, its digitising after: "412.560 hồ sơ được số hóa thành phần", "371.090 trên 545.320 hồ sơ đã giải
    # quyết có kết quả được số hóa" (the results of the dossiers resolved; a ratio's whole is the dossiers named)
    _r(("results-digitised", "dossiers-resolved"), "ratio", noun=DOSSIER, right=f"ket qua (da )?(duoc )?{DIGITISED}", tier=0, right_max=40),
    _r(("dossiers-digitised", "dossiers-received"), "ratio", noun=DOSSIER, right=f"(da )?(duoc )?{DIGITISED}", tier=0, right_max=30,
       unless=f"ket qua (da )?(duoc )?{DIGITISED}"),
    _r("results-digitised", noun="ket qua", right=f"(da )?(duoc )?{DIGITISED}", tier=0, right_max=12),
    _r("dossiers-digitised", noun=DOSSIER, right=f"(da )?(duoc )?{DIGITISED}", tier=0, right_max=12),
    _r("digitisation-share", "percent", left=DIGITISED + " ket qua ~", tier=0, left_max=40, breakdown="object=result"),
    _r("digitisation-share", "percent", left="ket qua (da )?(duoc )?" + DIGITISED + " ~", tier=0, left_max=40, breakdown="object=result"),
    _r("digitisation-share", "percent", left=DIGITISED + " ~", tier=0, left_max=40, breakdown="object=dossier"),
    # "tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 71,2%": of both, named at length (no object)
    _r("digitisation-share", "percent", left="ty le " + DIGITISED + " ho so, ket qua ~~", tier=0, left_max=80),
    # the part digitised of the whole it was taken from: results of the dossiers resolved, dossiers of those received
    _r(("results-digitised", "dossiers-resolved"), "ratio", left=DIGITISED + " ket qua ~~", tier=0, left_max=80),
    _r(("dossiers-digitised", "dossiers-received"), "ratio", left=DIGITISED + " ~~", tier=0, left_max=80),
    _r("online-payment-transactions", noun="luot", left="thanh toan truc tuyen ~~", tier=0, left_max=90),
    # "thanh toán trực tuyến 418 hồ sơ", "đã thanh toán trực tuyến cho 96 hồ sơ": the dossiers paid for, one payment each
    _r("online-payment-transactions", noun=DOSSIER, left="thanh toan ( phi, le phi)? truc tuyen( cho| duoc)?", tier=0, left_max=3),
    _r("online-payment-amount", left="so tien", tier=0, left_max=5),
    # "thanh toán trực tuyến chiếm 31,7%": the payments' share (nearer than "trực tuyến chiếm", a submission's share)
    _r("online-payment-share", "percent", left="thanh toan ( phi, le phi)? truc tuyen (chiem|dat|la)( ty le)?", tier=0, left_max=5),
    _r("online-payment-share", "percent", left="ty le ( ho so)? thanh toan ( phi, le phi)? truc tuyen ~", tier=0, left_max=30),
    # "tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến đạt 38,5%"
    _r("online-payment-share", "percent", left="ty le ~ (duoc )?thanh toan truc tuyen ~", tier=0, left_max=30),
    _r("online-payment-amount", left="((so )?tien|gia tri|tong (so )?tien) thanh toan( phi, le phi)? truc tuyen( la| dat)?", tier=0, left_max=5),
    # --- budget and public investment (money: the unit word after the number must fit the indicator)
    _r(("public-investment-disbursed", "public-investment-plan"), "ratio", left="giai ngan ~", tier=0),
    _r("public-investment-disbursed", left="giai ngan ~", tier=0),
    _r("budget-expenditure", left="chi ngan sach ~", tier=0),
    _r("budget-revenue", left="thu (ngan sach|theo) ~", tier=0),
    _r("share-online", "percent", left=f"ty le ho so ~ {ONLINE} ~", tier=0, left_max=40),
    # the denominator named between the share and its value: "tỷ lệ hồ sơ trực tuyến toàn trình trên tổng hồ sơ … đạt 41,27%"
    _r("share-online", "percent", left=f"ty le ho so ~ {ONLINE} ~ tren tong`[^;,:()]{{0,100}}`", tier=0,
       left_max=40),
    # --- the reform plan and tasks assigned from above
    _r(("reform-plan-tasks-completed", "reform-plan-tasks"), "ratio", noun=TASK, left="hoan thanh", tier=0),
    _r("reform-plan-tasks", noun=TASK, left="de ra", sentence="ke hoach", tier=0),
    _r("assigned-tasks", noun=TASK, right="giao", right_max=60),
    _r("assigned-tasks-in-progress", noun=TASK, left="dang trong han ( giai quyet)?"),
    _r("assigned-tasks-completed-on-time", noun=TASK, left="dung han"),
    _r("assigned-tasks-completed-late", noun=TASK, left="(tre|qua) (han|hen)"),
    _r("assigned-tasks-completed", noun=TASK, left="(giai quyet|hoan thanh)( la)?"),
    # --- staff
    _r(("officials-in-post", "officials-quota"), "ratio", noun=PERSON, left="bo tri ( du)?", tier=0),
    _r("officials-quota", noun=PERSON, left="bo tri", tier=0, left_max=3),
    _r("commune-administrative-class", left="don vi hanh chinh loai", tier=0, left_max=2),
    _r("officials-below-qualification-standard", noun=PERSON, right="chua (dat|dam bao) ~ trinh do", tier=0),
    _r("part-time-workers", noun=PERSON, left="nguoi hoat dong (kct|khong chuyen trach) ~", tier=0),
    _r("labour-contracts-terminated", noun=PERSON, left="cham dut hop dong ~", tier=0),
    _r("personnel-actions", noun=PERSON, left="(thuyen chuyen|dieu dong|luan chuyen|chuyen ngach|nang bac|chuyen doi vi tri|tang cuong|bo nhiem) ~", tier=0, left_max=45),
    _r("training-participants", noun=PERSON, right="(tham gia ~ |(lop|khoa) )(boi duong|dao tao|tap huan)", tier=0),
    # --- legal work
    _r("legal-documents-reviewed", noun="van ban (quy pham|qppl)", left="(kiem tra|ra soat)", tier=0),
    _r("legal-education-events", noun="(dot|hoi nghi|buoi)", sentence="(phap luat|luat|hoa giai)", tier=0),
    _r("legal-education-participants", noun=PERSON, right="tham gia", sentence="(phap luat|luat|hoa giai)", tier=0),
    # --- procedures
    _r("procedures-processing-time-cut", noun=PROCEDURE, left="cat giam ~", tier=0),
    _r("procedures-simplification-proposed", noun=PROCEDURE, left="don gian hoa", sentence="de xuat", tier=0),
    _r("procedures-simplified", noun=PROCEDURE, sentence="(rut ngan thoi gian|don gian hoa)", tier=0),
    _r("procedures-reviewed", noun=PROCEDURE, left="(ra soat|danh gia)", tier=0),
    _r("procedures-not-received-at-one-stop", noun=PROCEDURE, right="khong (thuc hien )?tiep nhan", tier=0),
    _r("procedures-online-level-3-4", noun=PROCEDURE, right="truc tuyen muc do 3", tier=0),
    _r("procedures-online-services", noun=PROCEDURE, sentence="cung cap (dich vu cong|dvc) truc tuyen ~ (mot phan|toan trinh)", tier=0),
    _r("online-services-integrated-national-portal", noun="(dvc|dich vu cong)", left="tich hop", tier=0),
    _r("interconnected-procedure-bundles", noun="nhom (tthc|thu tuc)", right="lien thong", tier=0),
    _r("procedures-disclosed-online-share", "percent", noun=PROCEDURE, right="cong khai ~ (cong|trang) thong tin dien tu", tier=0),
    _r("procedures-publicly-listed-share", "percent", noun=PROCEDURE, left="cong khai", tier=0),
    _r("one-stop-implementation-share", "percent", left="mot cua ~ trien khai ~", tier=0),
    # --- e-government
    _r("e-documents-share", "percent", noun="van ban", right="(dien tu|moi truong mang)", tier=0, right_max=120),
    _r("digital-certificate-staff-share", "percent", noun=PERSON, right="(chung thu|chu ky)( so)?", tier=0, right_max=120),
    _r("computer-equipped-staff-share", "percent", noun=PERSON, right="may (vi )?tinh", tier=0),
    _r("document-management-personal-accounts", noun="tai khoan ca nhan", tier=0),
    _r("document-management-unit-accounts", noun="(co quan, )?don vi", left="tai khoan ~", tier=0),
    _r("digital-signature-devices-personal", noun="thiet bi ( chu)? ky so", tier=0),
    _r("digital-certificates-organisation", noun="chung thu so (co quan|to chuc)", tier=0),
    _r("digital-signature-certificates-issued", noun="(chu ky so|chung thu so)", tier=0),
    _r("iso-systems-certified", noun="he thong (qlcl|quan ly chat luong)", tier=0),
    _r("departments-applying-iso", noun="phong( ban)?", sentence="iso", tier=0),
    _r("community-digital-teams", noun="to cong nghe", tier=0),
    _r("villages-with-community-digital-teams", noun="thon", sentence="to cong nghe", tier=0),
    _r("online-meetings-served", noun="cuoc", sentence="(hop|hoi nghi) truc tuyen", tier=0),
    _r("online-meetings-district-participants", noun="huyen", sentence="(hop|hoi nghi) truc tuyen", tier=0),
    _r(("communes-postal-service-agreement", "communes-total"), "ratio", noun="xa", right="(thoa thuan|hop dong|buu chinh)", tier=0),
    _r("communes-postal-service-agreement", noun="xa", right="(thoa thuan|hop dong|buu chinh)", tier=0),
    # --- feedback, questions, guidance
    _r(("feedback-received", "feedback-resolved"), noun=FEEDBACK, left="tiep nhan va (xu ly|giai quyet)", tier=0),
    _r("feedback-forwarded", noun=FEEDBACK, left="chuyen", tier=0, left_max=5),
    # "23 PAKN không thuộc thẩm quyền đã được chuyển đến cơ quan chức năng"
    _r("feedback-forwarded", noun=FEEDBACK, right="(da )?(duoc )?chuyen (den|toi|cho|sang)", tier=0, right_max=40),
    # "547 kết quả trả lời đã được công khai", "công khai 120 kết quả trả lời"
    _r("feedback-answers-published", noun="(ket qua )?(tra loi|giai quyet)", right="(da )?(duoc )?cong khai", tier=0, right_max=20),
    _r("feedback-answers-published", noun="(ket qua )?(tra loi|giai quyet)", left="cong khai", tier=0, left_max=5),
    # "Tỷ lệ PAKN … được xử lý đúng hạn đạt 98,4%": feedback's own deadline, not the dossiers'
    _r("feedback-handled-on-time-share", "percent", left=f"ty le {FEEDBACK} ~~ (dung han|dung hen|trong han)( (dat|la))?", tier=0, left_max=20),
    # "48.306 lượt gọi đề nghị hướng dẫn …", "12.000 cuộc gọi": a call to the hotline asks for guidance
    _r("guidance-contacts", noun="(luot|cuoc) (goi|dien thoai)", tier=0, breakdown="channel=phone"),
    _r("feedback-resolved", noun=FEEDBACK, right="`(?<!dang )(?<!chua )`(xem xet|giai quyet|xu ly|tra loi)", tier=0),
    _r("feedback-resolved", noun=FEEDBACK, left="`(?<!dang )(?<!chua )`(xu ly|giai quyet|tra loi)( dut diem| xong| tron ven)?", tier=0, left_max=5),
    _r("feedback-received", noun=FEEDBACK, left="(tiep nhan|nhan duoc)", tier=0),
    # "không có phản ánh, kiến nghị": none came in (a worded zero before the noun, no verb).
    _r("feedback-received", noun=FEEDBACK, tier=0, sentence="khong (co|(tiep )?nhan( duoc)?) ~ (kien nghi|phan anh|pakn)"),
    _r("hotline-months-in-operation", noun="thang", sentence="duong day nong", tier=0, breakdown="channel=hotline"),
    _r(("portal-questions-answered", "portal-questions-received"), "ratio", noun="cau", left="tra loi", tier=0),
    _r("portal-questions-received", noun="cau hoi", left="tiep nhan", tier=0),
    _r("portal-questions-pending", noun="cau", right="(dang tra loi|moi nhan|chua tra loi)", tier=0),
    _r("portal-questions-answered", noun="cau", left="tra loi", tier=0),
    _r("guidance-contacts", noun="luot", left="huong dan ~", tier=0),
    _r("guidance-contacts", noun="luot", right="(huong dan|goi di|goi den|cuoc goi)", tier=0, right_max=10),
    # "1.129 lượt tổ chức, công dân đến giao dịch": visits to the desk, not dossiers.
    # "412 lượt người dân tham gia đánh giá": evaluations given, one form each, not visits
    _r("satisfaction-survey-forms", noun="luot( to chuc,?)?( cong dan| nguoi dan| to chuc| ca nhan| nguoi)?",
       right="(tham gia )?(danh gia|khao sat|binh chon)", tier=0, right_max=25),
    _r("service-visits", noun="luot( to chuc,?)?( cong dan| nguoi dan| to chuc| ca nhan| nguoi| khach)", tier=0),
    _r("service-visits", noun="`(?:citizens?|visitors?|people|visits)`",
       left="`(?:welcomed|served|received)(?: (?:more than|nearly|about|over|around|approximately))?`", tier=0, left_max=3),
    # A unit's rank in its province's own satisfaction survey (the province's national rank is SIPAS's).
    _r("satisfaction-rank", left="xep (thu|hang)( thu)?", sentence="hai long", tier=0, left_max=3),
    _r("satisfaction-rank", left="`(?:ranking|ranked|ranks)`", sentence="`satisfaction`", tier=0, left_max=3),
    # --- dossiers (the generic core of every one-stop report)
    # Words in either order name one count: "đúng hạn và trước hạn", "trả trước và đúng hạn", "sớm và đúng hạn"
    # are on time with early included, never early alone.
    _r(("dossiers-resolved-on-time", "dossiers-resolved"), "ratio", noun=DOSSIER, left=f"{ON_TIME_WITH_EARLY} ~", tier=0),
    _r(("dossiers-resolved-on-time", "dossiers-resolved"), "ratio", left=f"({ON_TIME_WITH_EARLY}|dung han)`[^,;:]{{0,40}}`:", tier=0),
    _r("dossiers-resolved-on-time", noun=DOSSIER, left=ON_TIME_WITH_EARLY, tier=0),
    _r("dossiers-resolved-on-time", noun=DOSSIER, right=RESOLVED_VERB + ON_TIME_WITH_EARLY, tier=0, right_max=12),
    _r(("dossiers-resolved-on-time", "dossiers-resolved"), "ratio", noun=DOSSIER, left="dung han ~"),
    _r(("dossiers-received-online", "dossiers-received-online-eligible"), "ratio", noun=DOSSIER, left="truc tuyen ~", left_max=70),
    # "Số hồ sơ được giải quyết là 1.456/1.625": resolved of all there was to process.
    _r(("dossiers-resolved", "dossiers-to-process"), "ratio", left="(da )?(duoc )?giai quyet( la)?", left_max=5),
    _r("dossiers-to-process", noun=DOSSIER, left="(tiep nhan va giai quyet|(phai|can|dang ky|yeu cau) (giai quyet|xu ly)( cua ~)?( la)?)"),
    _r("dossiers-to-process", noun=DOSSIER, right="(phai|can) (giai quyet|xu ly)", right_max=12),
    # "tiếp nhận tổng cộng 19.361 hồ sơ, trong đó 16.041 hồ sơ tiếp nhận mới, số còn lại từ kỳ trước chuyển sang":
    # a total that holds new and carried-over dossiers is the total to process.
    _r("dossiers-to-process", noun=DOSSIER, left="tong so ho so tiep nhan`(?! ?moi)` ~~", tier=0, left_max=100,
       sentence="((ky truoc|tu truoc) chuyen|ton ky truoc)",
       # not when the carried-over ones were another clause's ("tồn kỳ trước chuyển sang 406 hồ sơ; … Ở cấp xã, tổng số
       # hồ sơ tiếp nhận là 2.900"): that total is a level's received
       unless="(chuyen (sang|qua)|ton ky truoc)`.*;.*`tong so ho so tiep nhan"),
    _r("dossiers-to-process", noun=DOSSIER, left="(tiep nhan tong cong|tong so ho so (yeu cau )?(phai )?giai quyet) ~~",
       sentence="(tiep nhan moi|moi tiep nhan|(ky truoc|tu truoc) chuyen)", tier=0, left_max=100),
    # "tồn" alone, exactly: OCR's look-alikes would let the short syllable match "lên" ("… lên Cổng, 6 hồ sơ …")
    _r("dossiers-carried-over", noun=DOSSIER, left=f"((ky truoc|{TON}) ~ chuyen (qua|sang)|ton ky truoc|{TON})"),
    _r("dossiers-carried-over", noun=DOSSIER, right=f"((tu )?(ky|thang|quy|nam) truoc chuyen (qua|sang)|ton ky truoc|{TON})", tier=0, right_max=12),
    _r("dossiers-due", noun=DOSSIER, left="`(?<!chua )`den han (giai quyet|tra ket qua)( la)?", tier=0, left_max=20),
    # "15 hồ sơ đến hạn giải quyết": "đến" spelled exactly (the syllable rules would also take it for "đúng")
    _r("dossiers-due", noun=DOSSIER, right="`(?<!chua )(?<![a-z])den(?![a-z])` han (giai quyet|tra ket qua|xu ly)", tier=0, right_max=12),
    _r("dossiers-pending-within-deadline", noun=DOSSIER, right="(chua den han|con han|trong han)", under="dossiers-pending", tier=0, right_max=12),
    _r("dossiers-pending-within-deadline", noun=DOSSIER, left="chua den han( la)?", tier=0, left_max=20),
    # "30 hồ sơ còn trong hạn", "vẫn trong hạn": still within their time, so still open
    _r("dossiers-pending-within-deadline", noun=DOSSIER, right="(con|van) (trong han|trong thoi han|han)", tier=0, right_max=12),
    # "5.904 hồ sơ đang trong thời hạn giải quyết": open and still in time (the noun first; before the number,
    # "đang trong hạn giải quyết 120 hồ sơ" is how reports give the open count, below)
    _r("dossiers-pending-within-deadline", noun=DOSSIER, right="(dang|con) trong (thoi )?(han|hen)( giai quyet| xu ly)?", tier=0, right_max=12),
    _r("dossiers-pending-within-deadline", noun=DOSSIER, right="chua den han", tier=0, right_max=12),
    _r("dossiers-pending-overdue", noun=DOSSIER, right="(da |so ho so )?qua han", under="dossiers-pending", tier=0, right_max=20),
    _r("dossiers-pending-overdue", noun=DOSSIER, right="dang (giai quyet|xu ly) qua han", tier=0, right_max=12),
    _r("dossiers-pending-overdue", noun=DOSSIER, left="(da )?qua han( la| co)?", under="dossiers-pending", tier=0, left_max=5),
    _r("dossiers-pending-within-deadline", noun=DOSSIER, left="(trong han|chua den han|con han)( la| co)?", under="dossiers-pending", tier=0, left_max=5),
    _r("dossiers-pending-within-deadline", noun=DOSSIER, right="dang (giai quyet|xu ly) (con )?trong han", tier=0, right_max=12,
       under="dossiers-resolved-on-time"),
    _r("dossiers-pending-within-deadline", noun=DOSSIER, left="dang (giai quyet|xu ly) (con )?trong han( la)?", tier=0, left_max=5),
    _r("dossiers-pending-overdue", noun=DOSSIER, left="qua han ~ (chua co ket qua|chua giai quyet|chua tra)", tier=0),
    _r("dossiers-pending-overdue", noun=DOSSIER, right="qua han ~ (chua co ket qua|chua giai quyet|chua tra)", tier=0, right_max=12),
    # "7 hồ sơ đến ngày hẹn trả kết quả mà chưa có kết quả", "hết hạn nhưng chưa được giải quyết": due and not resolved
    _r("dossiers-pending-overdue", noun=DOSSIER, right="(den|het) (ngay )?(hen|han)( tra ket qua)? ~ (ma |nhung )?(van )?chua (co ket qua|(duoc )?giai quyet|(duoc )?tra)",
       tier=0, right_max=12),
    # "07 hồ sơ đang giải quyết chưa đến hạn", "787 hồ sơ đang giải quyết đã quá hạn": the open dossier's
    # second modifier says which part of the open ones it is; in either order ("quá hạn đang giải quyết").
    _r("dossiers-pending-within-deadline", noun=DOSSIER, right=f"({PENDING} ~ {WITHIN_DEADLINE}|{WITHIN_DEADLINE} ~ {PENDING})", tier=0, right_max=12),
    _r("dossiers-pending-overdue", noun=DOSSIER, right=f"({PENDING} ~ {OVERDUE}|{OVERDUE} ~ {PENDING})", tier=0, right_max=12),
    _r("dossiers-pending-within-deadline", noun=DOSSIER, left=f"({PENDING} ~ {WITHIN_DEADLINE}|{WITHIN_DEADLINE} ~ {PENDING})( la| co)?", tier=0, left_max=5),
    _r("dossiers-pending-overdue", noun=DOSSIER, left=f"({PENDING} ~ {OVERDUE}|{OVERDUE} ~ {PENDING})( la| co)?", tier=0, left_max=5),
    # "tổng số hồ sơ đã và đang giải quyết trong kỳ là 12.787": resolved and open together, all there is to process.
    _r("dossiers-to-process", noun=DOSSIER, left="da (va|,) dang (giai quyet|xu ly) ~", tier=0, left_max=40),
    _r("dossiers-to-process", left="da (va|,) dang (giai quyet|xu ly) ~ la", tier=0, left_max=3),
    _r("dossiers-to-process", noun=DOSSIER, right="da (va|,) dang (giai quyet|xu ly)", tier=0, right_max=12),
    _r("dossiers-pending", noun=DOSSIER, left="(dang trong han ( giai quyet)?|dang (giai quyet|xu ly))"),
    _r("dossiers-pending", noun=DOSSIER, right="(con )?dang (giai quyet|xu ly)", right_max=12),
    # "415 hồ sơ chưa giải quyết xong": not yet resolved is pending (overdue ones are named by the tier-0 rules above)
    _r("dossiers-pending", noun=DOSSIER, right="(con )?chua (giai quyet|xu ly)( xong)?", right_max=12),
    _r("dossiers-pending", noun=DOSSIER, left="con", left_max=2, sentence="dang (giai quyet|xu ly)"),
    _r("dossiers-resolved-early", noun=DOSSIER, left=EARLY),
    _r("dossiers-resolved-early", noun=DOSSIER, right=RESOLVED_VERB + EARLY, right_max=12),
    # The noun, its verb and its verdict in one run ("42 hồ sơ giải quyết chậm hạn", "không có hồ sơ quá hạn"): the
    # number's own words, stronger than a cue of the clause before it (never across a colon: "5.122 hồ sơ: giải quyết trước hạn có …").
    _r("dossiers-resolved-early", noun=DOSSIER, right=f"{DOSSIER} {RESOLVED_VERB}{EARLY}", right_max=3, tier=0),
    _r("dossiers-resolved-on-time", noun=DOSSIER, left="dung han"),
    _r("dossiers-resolved-on-time", noun=DOSSIER, right=RESOLVED_VERB + "dung (han|hen)", right_max=12),
    _r("dossiers-resolved-late", noun=DOSSIER, left=LATE),
    _r("dossiers-resolved-late", noun=DOSSIER, right=LATE, right_max=60),
    _r("dossiers-resolved-late", noun=DOSSIER, right=RESOLVED_VERB + LATE, right_max=12),
    _r("dossiers-resolved-late", noun=DOSSIER, right=f"{DOSSIER} {RESOLVED_VERB}{LATE}`(?![^;,]{{0,30}}(?:chua|dang))`", right_max=3,
       tier=0),  # not "… nhưng chưa có kết quả", "… quá hạn đang giải quyết": those are still open
    _r("dossiers-resolved-late", noun="truong hop( nao)?", right=LATE, tier=0, right_max=60),
    _r("apology-letters", noun=NOUN_CLASSES["apology"], tier=0),
    # "không phải xin lỗi công dân": a worded zero right before the verb (extract._worded_numbers)
    _r("apology-letters", noun="xin loi", tier=0, right_max=0),
    # "gửi văn bản xin lỗi đối với cả 3 trường hợp": the cases written to are the letters sent.
    _r("apology-letters", noun=f"(truong hop|{DOSSIER})", left="(thu|van ban) xin loi ~", tier=0, left_max=30),
    # "3 hồ sơ phải gửi thư xin lỗi"; not across a comma ("37 HS, đã gửi thư xin lỗi 37 trường hợp": the late ones)
    _r("apology-letters", noun=DOSSIER, right="thu xin loi", tier=0, right_max=20),
    # "không có trường hợp nào phải gửi thư xin lỗi": the cases written to, counted by a worded zero or a number
    _r("apology-letters", noun="truong hop( nao)?", right="(phai )?(gui )?(thu|van ban) xin loi", tier=0, right_max=30),
    # "Có một trường hợp công dân xin rút hồ sơ": a case is a dossier withdrawn
    _r("dossiers-withdrawn", noun="truong hop", right="((xin|de nghi) `r[ua]t`( lai)? ho so)", right_max=30, tier=0),
    _r("dossiers-withdrawn", noun=DOSSIER, left="(`r[ua]t`|tra lai)( ho so)?( la)?", left_max=5),
    _r("dossiers-withdrawn", noun=DOSSIER, left="(`r[ua]t`|tra lai) ~", left_max=40, tier=0,
       sentence="(`r[ua]t` ho so|tra lai ho so|de nghi `r[ua]t`)"),
    _r("dossiers-withdrawn", noun=DOSSIER, right="(bi |duoc )?tra lai", right_max=10, tier=0, sentence="de nghi `r[ua]t`"),
    # "38 hồ sơ được trả lại để người dân bổ sung giấy tờ": handed back, whoever asked
    _r("dossiers-withdrawn", noun=DOSSIER, right="(bi |duoc )?tra lai`(?! ?ket qua)`", right_max=10),
    # "Có 142 hồ sơ (chiếm 2,28%) người nộp xin rút và các cơ quan thụ lý trả lại": the verdict after the count and its share
    _r("dossiers-withdrawn", noun=DOSSIER, right="((xin|de nghi) `r[ua]t`|tra lai)", right_max=45, tier=0,
       sentence="((xin|de nghi) `r[ua]t`|`r[ua]t` (lai )?ho so)"),
    # "Trung tâm đã trả 5.871 kết quả TTHC cho tổ chức, cá nhân": results handed out are dossiers resolved
    _r("dossiers-resolved", noun="ket qua", left="(da )?tra", left_max=3),
    _r("results-returned-postal", noun="ket qua", left="buu chinh ~"),
    # "4.118 kết quả được chuyển phát tận nhà qua bưu điện"
    _r("results-returned-postal", noun="ket qua", right="((duoc )?(tra|gui|chuyen phat|chuyen|phat)( (ve |den )?tan nha)? )?(qua|bang) (dich vu )?buu (chinh|dien)",
       tier=0, right_max=12),
    _r("dossiers-received-postal", noun=DOSSIER, left="(buu chinh|bcci) ~"),
    _r("dossiers-received-postal", noun=DOSSIER, right="((duoc )?(tiep nhan|gui|nop)( den| toi)? )?qua (dich vu )?buu (chinh|dien)", tier=0, right_max=12),
    _r("dossiers-resolved-online", noun=DOSSIER, left="giai quyet ~", right="truc tuyen", right_max=10, tier=0),
    _r("online-payment-transactions", noun="(giao dich|ho so|luot)", right="thanh toan ~ truc tuyen", tier=0, right_max=20),
    _r("online-payment-transactions", noun="(giao dich|luot)", left="thanh toan truc tuyen", tier=0),
    _r("online-payment-transactions", noun="giao dich", sentence="thanh toan truc tuyen", tier=0),
    _r("dossiers-received-online", noun=DOSSIER, left=f"({ONLINE}|nop {ONLINE} ~)", left_max=25),
    # "5.300 hồ sơ được người dân nộp trực tuyến": who sent them may stand between the verb's "được" and its channel
    _r("dossiers-received-online", noun=DOSSIER, right=f"(duoc )?({AGENT} )?(nop )?{ONLINE}", right_max=10, tier=0),
    _r("dossiers-received", noun=DOSSIER, right="((duoc )?(nop|tiep nhan|gui) )?truc tiep", breakdown="channel=in-person",
       tier=0, right_max=8),
    _r("dossiers-received", noun=DOSSIER, left="tiep nhan truc tiep", breakdown="channel=in-person", left_max=5),
    # "hồ sơ nộp trực tiếp chỉ 155 trường hợp": the dossiers named before, counted as cases
    _r("dossiers-received", noun="truong hop", left=f"{DOSSIER} ((duoc )?(nop|tiep nhan) )?truc tiep( chi| la| co)?", breakdown="channel=in-person",
       tier=0, left_max=3),
    _r("dossiers-received", noun=DOSSIER, left="(nop )?truc tiep", breakdown="channel=in-person", left_max=5),
    _r("dossiers-resolved", noun=DOSSIER, left="(da giai quyet|giai quyet|tra ket qua|da xu ly( xong)?|xu ly xong)"),
    _r("dossiers-resolved", left="tra ket qua", left_max=2),
    _r("dossiers-resolved", noun=DOSSIER, right="(da )?(duoc )?(co ket qua|giai quyet|tra ket qua)`(?! ?(?:va|,) ?dang)`", right_max=10),
    _r("dossiers-received", noun=DOSSIER, left="(tiep )?nhan( moi)?( trong (thang|quy|ky|nam))?"),
    _r("dossiers-received", noun=DOSSIER, right="(duoc |moi )?tiep nhan", right_max=10),
    # "Các cơ quan có tần suất giao dịch nhiều là Công an tỉnh (590 hồ sơ), …": the dossiers each took in.
    _r("dossiers-received", noun=DOSSIER, sentence="giao dich", tier=1),
    # --- percentages named by their own words ("tỷ lệ đúng hạn đạt 100%")
    _r("share-on-time", "percent", left=f"ty le ~ ({ON_TIME_WITH_EARLY}|dung han)", tier=0, left_max=25),
    # "tỷ lệ giải quyết trong hạn đạt 96,4%": resolved within the deadline (not "đang giải quyết trong hạn", still open)
    _r("share-on-time", "percent", left="ty le ~ `(?<!dang )`(giai quyet|tra ket qua) trong (thoi )?han", tier=0, left_max=25),
    _r("share-early", "percent", left="ty le ~ " + EARLY, tier=0, left_max=25),
    # "tỷ lệ giải quyết hồ sơ đạt 96,6%": the resolution rate, unless on time or early is named nearer.
    _r("share-resolved", "percent", left="ty le giai quyet( ho so)?( ,)?( thu tuc hanh chinh| tthc)? ~", tier=0, left_max=40),
    _r("share-on-time", "percent", left=f"(giai quyet )?({ON_TIME_WITH_EARLY}|dung han|dung hen) (dat|la|chiem)( ty le)?", tier=0, left_max=5),
    _r("share-on-time", "percent", right=f"(dat )?({ON_TIME_WITH_EARLY}|dung han|dung hen)", tier=0, right_max=4),  # "398 hồ sơ, 100% đúng hạn"
    # "100% hồ sơ được giải quyết trước và đúng hạn": the share first, the dossiers and their verdict after
    _r("share-on-time", "percent", right=f"ho so ( tthc)? {RESOLVED_VERB}({ON_TIME_WITH_EARLY}|dung han|dung hen)", tier=0, right_max=3),
    _r("share-early", "percent", right=f"ho so ( tthc)? {RESOLVED_VERB}{EARLY}", tier=0, right_max=3),
    # the verb and verdict first, the share of the dossiers after: "giải quyết trước hạn hơn 60% hồ sơ"
    _r("share-early", "percent", noun=DOSSIER, left=f"{RESOLVED_VERB}{EARLY}( duoc)?", tier=0, left_max=6),
    _r("share-on-time", "percent", noun=DOSSIER, left=f"{RESOLVED_VERB}({ON_TIME_WITH_EARLY}|dung han|dung hen)( duoc)?", tier=0, left_max=6),
    _r("share-late", "percent", noun=DOSSIER, left=f"{RESOLVED_VERB}{LATE}", tier=0, left_max=6),
    _r("share-late", "percent", right=f"ho so ( tthc)? {RESOLVED_VERB}{LATE}", tier=0, right_max=3),
    _r("share-late", "percent", left="ty le ~ " + LATE, tier=0, left_max=25),
    _r("share-online", "percent", left=f"(ho so )?{ONLINE} ~ chiem", tier=0, left_max=10),
    _r("share-online", "percent", right=f"(duoc )?(nop|tiep nhan|gui) {ONLINE}", tier=0, right_max=60),
    # "tiếp nhận 52 hồ sơ, 100% qua hình thức trực tuyến": the share right before the channel
    _r("share-online", "percent", right=f"(ho so )?(duoc )?((nop|tiep nhan|gui) )?(qua |bang |theo )?(hinh thuc |phuong thuc )?{ONLINE}",
       tier=0, right_max=2),
    # --- services offered online
    # "tỷ lệ thủ tục hành chính được cung cấp dịch vụ công trực tuyến toàn trình khoảng 45,9%": procedures, not dossiers
    _r("procedures-online-share", "percent", left="ty le ( so)? (thu tuc( hanh chinh)?|tthc) ~ (cung cap|cung ung|trien khai) ~~ (truc tuyen|dvctt)",
       tier=0, left_max=40),
    _r("procedures-online-services", noun="(dich vu( cong)?|dvc)", right="truc tuyen", tier=0, right_max=10),
    _r("procedures-online-services", noun="(dich vu( cong)?|dvc)", sentence="(dich vu cong|dvc) truc tuyen", tier=0),
    # "1.734 DVCTT", "DVC trực tuyến": the abbreviation holds "trực tuyến" itself
    _r("procedures-online-services", noun="(dvctt|dvc truc tuyen)", tier=0),
    # --- English editions of Vietnamese reports (cues as exact words)
    _r("dossiers-received-online", noun=DOSSIER, left="`(?:online receiving|received online|receiving online|submitted online)(?: is| was| were)?`", tier=0, left_max=25),
    _r("dossiers-received", noun=DOSSIER, left="`(?:directly receiving|direct reception|received directly|received in person)(?: is| was)?`", tier=0, left_max=25, breakdown="channel=in-person"),
    _r("dossiers-received", noun=DOSSIER, right="`received online`", tier=0, right_max=12, breakdown=""),
    _r("dossiers-received", noun=DOSSIER, left="`(?:received|receiving|receive|accepted)(?: and processed)?(?: a total of)?`", left_max=25),
    _r("dossiers-resolved-on-time", noun=DOSSIER, right="`(?:resolved |processed |settled )?(?:on time|within the (?:term|deadline))(?: and (?:before|ahead of) (?:the )?deadline)?`", tier=0, right_max=20),
    _r("dossiers-resolved-late", noun=DOSSIER, right="`(?:were |was |are )?(?:delayed|overdue|late)`", tier=0, right_max=20),
    _r("dossiers-resolved", noun=DOSSIER, left="`(?:processed|resolved|resolving|settled|handled|returned the results of)`", left_max=25),
    _r("dossiers-resolved", left="`(?:processed|resolved|resolving|settled)`", right="`of them`", tier=0, left_max=5, right_max=3),
    _r("satisfaction-rate", "percent", left="`satisfaction (?:index|rate|level)(?: of| reached| was| at)?`", tier=0, left_max=12),
    _r(("satisfaction-survey-forms", "satisfaction-survey-forms"), "ratio", noun="`reviews?|forms?|ratings?|votes?`",
       right="`(?:were |was )?very satisfied`", breakdowns=("rating=very_satisfied", ""), tier=0, right_max=12),
    _r("satisfaction-survey-forms", noun="`reviews?|forms?|ratings?|votes?`", right="`(?:were |was )?very satisfied`", breakdown="rating=very_satisfied", tier=0, right_max=12),
    _r("satisfaction-survey-forms", noun="`reviews?|forms?|ratings?|votes?`", right="`(?:were |was )?satisfied`", breakdown="rating=satisfied", tier=0, right_max=12),
    # "3,604 of them were on time or ahead of schedule", "only 7 were late": the verdict right after a bare number
    _r("dossiers-resolved-on-time", right=f"`{_OF_THEM_EN}(?:{_ON_TIME_EN} (?:or|and) {_EARLY_EN}|{_EARLY_EN} (?:or|and) {_ON_TIME_EN})`",
       tier=0, right_max=3),
    _r("dossiers-resolved-on-time", noun=DOSSIER, right=f"`{_OF_THEM_EN}(?:{_ON_TIME_EN} (?:or|and) {_EARLY_EN}|{_EARLY_EN} (?:or|and) {_ON_TIME_EN})`",
       tier=0, right_max=20),
    _r("dossiers-resolved-on-time", right=f"`{_OF_THEM_EN}{_ON_TIME_EN}(?! (?:or|and) )`", tier=0, right_max=3),
    _r("dossiers-resolved-early", right=f"`{_OF_THEM_EN}{_EARLY_EN}(?! (?:or|and) )`", tier=0, right_max=3),
    _r("dossiers-resolved-late", right=f"`{_OF_THEM_EN}(?:late|overdue|delayed|behind schedule)`", tier=0, right_max=3),
    # "including 1,502 submitted online", "(3,877 of them online)"
    _r("dossiers-received-online", right="`(?:of them )?(?:were |was )?(?:submitted |filed |lodged |received )?online`", tier=0, right_max=3),
    _r("dossiers-resolved", noun=DOSSIER, right="`(?:were |was |have been |had been )?(?:processed and )?(?:settled|resolved|handled)`",
       tier=0, right_max=20),
    # "digitized 1,946 out of 3,486 incoming dossiers and 1,288 out of 3,611 settlement results"
    _r(("results-digitised", "dossiers-resolved"), "ratio", right="`(?:settlement |processing )?results`", sentence="`digiti[sz]`",
       tier=0, right_max=3),
    _r(("dossiers-digitised", "dossiers-received"), "ratio", noun=DOSSIER, sentence="`digiti[sz]`", tier=0),
    _r("share-on-time", "percent", left="`rate\\b`~~`(?:on[ -]time|within the term|on-duty|before the deadline)`", tier=0, left_max=40),
)

# Shares the catalogue has no formula for: (numerator, denominator or None, share, breakdown).
EXTRA_SHARES: tuple[tuple[str, str | None, str, str], ...] = (
    ("dossiers-digitised", None, "digitisation-share", "object=dossier"),
    ("results-digitised", None, "digitisation-share", "object=result"),
    ("budget-revenue", None, "budget-revenue-plan-attainment", ""),
    ("budget-expenditure", None, "budget-expenditure-plan-attainment", ""),
    ("survey-forms-satisfied", "satisfaction-survey-forms", "satisfaction-rate", ""),
    ("procedures-online-services", None, "procedures-online-share", ""),  # "TTHC | %" under each online level
    # a rating's forms and their share of all forms: "64 người (chiếm 35,6%) rất hài lòng" (extract._share: a share
    # whose numerator is its denominator is a part's share, for a count with a breakdown only)
    ("satisfaction-survey-forms", "satisfaction-survey-forms", "share-rating", ""),
)
# A count whose percentage, when the share's own denominator is not named, is its rate of another whole the text
# named, which the catalogue has no indicator for: "phát ra 250 phiếu; thu về 236 phiếu (đạt 94,4%)" (returned of issued).
SHARE_OF_ANOTHER_WHOLE: dict[str, str] = {"satisfaction-survey-forms": "survey-forms-issued"}
# Index figures other than score and rank that some index publishes: (index prefix, kind).
INDEX_EXTRA_KINDS = (("papi", "group"), ("papi", "score-share"), ("sipas", "improved"), ("sipas", "declined"))

# --------------------------------------------------------------------------- sentence context

# A sentence that sets a goal rather than reports a result.
# "Đến năm 2025" sets a goal; "tính đến hết năm 2023", "lũy kế đến năm 2023" date a running total.
TARGET_MARKERS = "(muc tieu|phan dau|toi thieu|it nhat|`(?<!hai long )`tro len|phai (duoc|dat)|`(?<!tinh )(?<!luy ke )`den ( het)? nam `\\d{4}`)"
# A heading that opens the plan part of a report ("Phương hướng, nhiệm vụ …", "Nhiệm vụ trọng tâm …").
PLAN_HEADING = "(phuong huong|nhiem vu (trong tam|~ (thoi gian|nam|giai doan) (toi|den|tiep theo)))"
# A breakdown follows: the numbers after it belong to the figure before it.
BREAKDOWN_MARKER = "(trong do|trong (tong )?so|bao gom|gom)"
# Words right before a number that make it a date, a document number or a level, not a figure.
# ("Điều" spelled exactly: OCR's look-alikes would read "điện tử, 588/601" as an article's number)
SKIP_BEFORE = (
    "(ngay|thang|nam|quy|muc do|muc do `\\d+\\W{1,3}`|iso|tcvn|covid|de an|`(?<![a-z])dieu(?![a-z])`|khoan|phu luc|`(?<![a-z])lan(?![a-z])` thu|quoc lo|giai doan"
    "|(quyet dinh|nghi dinh|nghi quyet|chi thi|ke hoach|cong van|thong tu|to trinh)( so)?)"
)
BOTH_LEVELS = ("((cap )?(tinh|so, nganh|huyen) (va|,) (ubnd )?(cac )?(cap )?(huyen|xa|phuong)( , (thi tran|phuong|xa))?"
               "|`(?<![a-z])(?:2|3|hai|ba|ca hai|ca ba) cap`)")
# Breakdowns the words around a number give (extract._context): dimension -> (cues, scope). Scope "before":
# the last cue before the number in its sentence; "clause+right": that, within its clause, or a cue right
# after the number in its own clause; "right": only right after it.
CONTEXT: dict[str, tuple[tuple[tuple[str, str], ...], str]] = {
    # "khối sở, ngành đạt 56,32% và khối xã là 18,05%": a level named as a "khối" (bloc) of agencies
    "level": ((("cap tinh|cap so|so, ban, nganh|cac so,? (ban,? )?nganh|khoi (cac )?so( (ban )?nganh|, (ban, )?nganh)?", "province"), ("cap huyen|khoi (cac )?huyen|mot cua (cap )?huyen", "district"),
               ("(cap (xa|phuong)|cac (xa|phuong)|ubnd (cac )?(xa|phuong)|khoi (cac )?(xa|phuong))", "commune"),
               # two levels joined ("Bộ phận Một cửa huyện và UBND các xã", "thuộc 2 cấp huyện và xã"): both, no one level
               (f"{BOTH_LEVELS}", ""),
               # a city's or a town's own level ("cấp thành phố" is a district in a province, a province in Hà Nội): no level
               # to give, but it ends the reach of the level named before it
               ("cap (thanh pho|thi xa|quan)", "")), "before"),
    "online_level": ((("muc do `3`|mot phan", "partial"), ("muc do `4`|toan trinh", "full_process")), "clause+right"),
    # Every value of content/breakdowns/cause.yaml (tests/site_builder/editor/test_extract.py checks it).
    "cause": ((("(do )?loi (he thong|phan mem|ky thuat|duong truyen)", "system-error"),
               ("(do )?(phai )?cho (ket qua )?xac minh", "awaiting-verification"),
               ("(do )?(cham|tre) (chuyen|tra) (tra )?ket qua", "slow-system-transfer"),
               ("(tre|qua) han tren phan mem", "late-in-software"),
               ("(do )?(can bo |chuyen vien |cong chuc )?(cham|tre) (tre )?(trong viec )?(xu ly|giai quyet|tham dinh)", "slow-processing")), "right"),
    # The agency named in the figure's own clause: "Công an tỉnh (590 hồ sơ), Sở Tư pháp (128 hồ sơ)".
    "agency": ((("cong an tinh", "cong-an-tinh"), ("so (giao thong van tai|gtvt)", "so-gtvt"),
                ("so (ld-tb&xh|ldtbxh|lao dong ~ xa hoi)", "so-ldtbxh"), ("so tu phap", "so-tu-phap"),
                ("so (kh&dt|khdt|ke hoach va dau tu)", "so-khdt"), ("so cong thuong", "so-cong-thuong"),
                ("so noi vu", "so-noi-vu"), ("so tai chinh", "so-tai-chinh"),
                ("so (tn&mt|tnmt|tai nguyen va moi truong)", "so-tnmt"),
                ("(ban quan ly cac khu cong nghiep|bql (cac )?kcn)", "bql-kcn"),
                ("((chi nhanh )?van phong dang ky dat dai|`land (?:registration )?office`)", "vp-dang-ky-dat-dai")), "clause"),
}
# Which indicators each context dimension breaks down (prefixes of indicator ids).
CONTEXT_INDICATORS: dict[str, tuple[str, ...]] = {
    "level": ("dossiers-", "share-", "satisfaction-", "procedures-", "results-", "online-payment-"),
    "online_level": ("dossiers-received-online", "dossiers-resolved-online", "procedures-online-services", "procedures-online-share",
                     "share-online"),
    "cause": ("dossiers-resolved-late",),
    "agency": ("dossiers-", "share-", "satisfaction-"),
}
# A total after a level cue ends its reach: "cấp xã 5.902 hồ sơ; tổng số hồ sơ … 9.542".
TOTAL_CUE = "(tong so|tong cong|toan (tinh|huyen|xa|thi xa|thanh pho)|ca (tinh|huyen|xa))"
# What a clause may hold and still be a sibling in a list ("cấp xã là", ", ở cấp huyện", ", đạt").
SIBLING_FILLER = "(o|&|tai|cua|la|dat|va|con|rieng|thi|voi|trong do|bo phan mot cua|don vi)"
# A number right after these states a change, not a figure ("tăng 0,10% so với năm 2022", "giảm 3 bậc").
CHANGE_CUE = "`(?<![a-z])(?<!c\\wt )(?:tang|giam|cao hon|thap hon)(?: them| di)?\\W*$`"  # exact words: "tiền" must not read as "tăng"
# A label or link word before a number with no noun after it: the noun is the label's or the list's.
LABEL_END = ("(:|la|co|con|dat|gom|`\\b(?:is|was|are|were|reached)`)"
             "(` (?:nearly|about|approximately|more than|over|around)`| (tren|hon|gan|khoang))?`\\W*$`")
# Qualifiers printed right before a number (content/qualifiers.py).
# Exact words ("trễ hẹn 2 hồ sơ" must not read as "hơn 2"): raw expressions over folded text.
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("`(?<![a-z])(?:tren|hon)`", "more_than"), ("`(?<![a-z])(?:gan|khoang|xap xi|chung)`", "approx"),
    ("`(?<![a-z])(?:it nhat|toi thieu)`", "at_least"), ("`(?<![a-z])duoi`", "less_than"),
    ("`(?<![a-z])(?:toi da|khong qua)`", "at_most"), ("`(?<![a-z])uoc(?: dat| tinh| khoang| thuc hien)?`", "estimated"),
    ("`more than|over`", "more_than"), ("`nearly|about|approximately|around|almost`", "approx"), ("`at least`", "at_least"),
)
# "ước", "dự kiến", "dự tính": the figure is an estimate, opening the sentence or in the number's clause.
ESTIMATE_CUE = "`(?<![a-z])(?:uoc|du kien|du tinh)(?![a-z])`"
ESTIMATE_OPENING = "`\\W*`(uoc|`(?:du kien|du tinh)(?![a-z])`)"
# Published indices: (indicator prefix, how a text names it); their figures are `<prefix>-score` and `-rank`.
INDEX_NAMES: tuple[tuple[str, str], ...] = (
    ("par-index", "(par ?index|chi so cai cach hanh chinh|chi so cchc)"),
    ("sipas", "(sipas|chi so hai long)"),
    ("pci", "(pci|nang luc canh tranh)"),
    ("papi", "(papi|hieu qua quan tri)"),
)
# "57 địa phương có chỉ số cao hơn năm 2022, sáu địa phương có chỉ số giảm": how many provinces the index
# named last (in this sentence or the one before) rose or fell for, `provinces-<index>-improved` / `-declined`.
PROVINCES_CHANGED = (("(dia phuong|tinh, thanh pho|tinh) (co )?(chi so )?(cao hon|tang)", "improved"),
                     ("(dia phuong|tinh, thanh pho|tinh) (co )?(chi so )?(thap hon|giam)", "declined"))
# Between an index's name and a number: the figure is another province's or a component's, not the index of the
# report's unit (the nation's average, "trung bình cả nước", is read as the nation's: extract._other_unit).
NOT_THE_INDEX = "(trung vi|cao nhat|thap nhat|chi so (noi dung|thanh phan)|nhom chi so|linh vuc|tieu chi)"
# A set of units as the subject of a figure: "Những địa phương có tỷ lệ … đạt 100% là …", "14/19 đơn vị không có hồ sơ
# trễ hạn", "5/9 huyện đạt tỷ lệ dưới 3%", "14 bộ, ngành và địa phương có tỷ lệ … dưới 10%": the figure is each of
# those units', not the report's (and the count before the units counts them, it is no figure of dossiers).
SET_OF_UNITS = ("`(?<![a-z])(?:nhung|(?<!thang )(?<!quy )(?<!nam )(?<!ngay )(?<![\\d.,])\\d{1,3}(?:/\\d+)?)\\s+(?:dia phuong|don vi|co quan|xa|phuong|huyen|quan|so|bo|tinh)"
                "(?:(?:\\W+|\\s+va\\s+)(?:xa|phuong|thi tran|nganh|dia phuong|thanh pho|thi xa|huyen|quan|don vi|bo|so|tinh))*"
                "\\s+(?:(?:deu\\s+)?(?:khong\\s+)?co|dat|deu)(?![a-z])`")
# Agencies or localities counted as the subject, whatever the verb ("9 bộ, ngành tiếp nhận dưới 10% hồ sơ trực tuyến",
# "những đơn vị giải quyết 100% đúng hạn"): a set of units (communes and districts need "có"/"đạt", above: "87 xã, phường
# … đã tiếp nhận …" is a whole level).
SET_OF_AGENCIES = ("`(?<![a-z])(?:nhung|(?<!thang )(?<!quy )(?<!nam )(?<!ngay )(?<![\\d.,])\\d{1,3}(?:/\\d+)?)\\s+"
                   "(?:bo|nganh|so|don vi|dia phuong|co quan)(?:(?:\\W+|\\s+va\\s+)(?:bo|nganh|so|don vi|dia phuong|co quan|tinh|thanh pho))*"
                   "(?![a-z])`")
# Right before an index's name: the list that follows gives its components' scores and ranks, not the index's.
COMPONENT_BEFORE_NAME = "(chi so (noi dung|thanh phan|con)|cac (chi so|linh vuc|tieu chi) (thanh phan|noi dung)?( cua)?)"
# An average of an index over many units ("điểm số trung bình PCI của vùng", "PCI trung bình các tỉnh", "điểm
# trung bình … (năm 2021 được 42,51 điểm)"), named just before the index's name or between it and the number:
# no unit's own score. Proposed only when the number's clause names the nation (its unit is then the nation).
AVERAGE = "(trung binh|binh quan)"
AVERAGE_BEFORE_NAME = 25  # how far before the index's name "trung bình" may stand ("điểm số trung bình PCI")
INDEX_REACH = 200  # how far after the index's name its score and rank may be printed
# ("điểm" is never one, though OCR's look-alikes would let "dung" match it: "đạt tổng điểm 43,18/80")
RANK_CUE = ("`(?!diem\\W)`((xep|dung|hang|vi tri|len|xuong)( vi tri)?( thu hang| thu| hang|`\\W{1,3}thu`)?( thu)?|`(?<![a-z])(?:ranked|ranks|ranking|placed)(?: at)?"
            "(?: the)?(?: no\\.)?`)`\\W*$`")
# After a rank: the units it is ranked among are the province's own (districts, communes, agencies), not the nation's.
RANK_AMONG_LOCAL = "`\\W*(?:/\\s*\\d+)?\\W*`((trong|tren) )?(`\\d+` )?(huyen|xa|phuong|don vi|so|co quan|quan|dia phuong cap huyen)"
# A rank whose index is named after it: "đứng thứ 5 trong bảng xếp hạng Chỉ số … (PAPI)", "xếp thứ 2 về chỉ số PCI".
RANKING_AFTER = "`(?:/\\d+)?\\W*`( (tinh, thanh pho|tinh|dia phuong) )?( ca nuoc )?(trong|tren|ve|cua)( bang)?( xep hang)?"
RANKING_NAME_REACH = 80  # how far after the ranking's words the index's name may start (its full name is long)
SCORE_CUE = "(dat|dat duoc|la|voi|diem|`(?<![a-z])(?:scored(?: a rate of)?|score of|rate of|reached|achieved|with)`)`\\W*$`"
# What follows a score in points: "70,34 điểm", "90.1 points".
POINTS = r"\W{0,3}(?:diem|points?)(?![a-z])"
LEVELS: tuple[tuple[str, str], ...] = (
    ("(cap tinh|cap so|so, ban, nganh|khoi (cac )?so( (ban )?nganh|, (ban, )?nganh)?)", "province"),
    ("(cap huyen|khoi (cac )?huyen)", "district"),
    ("(cap xa|khoi (cac )?(xa|phuong))", "commune"),
)

# --------------------------------------------------------------------------- table rows

# (indicator, label phrase, indicator of the denominator when cells read "a/b" and the label has no "/").
LABEL_RULES: tuple[tuple[str, str, str | None], ...] = (
    ("feedback-answers-published", "cong khai ket qua tra loi", None),
    ("feedback-received-and-handled", "tiep nhan va xu ly (pakn|phan anh|kien nghi)", None),
    ("feedback-resolved", "(pakn|phan anh|kien nghi) ~ (giai quyet|xu ly)", None),
    ("feedback-received", "(pakn|phan anh|kien nghi) ~ tiep nhan", None),
    ("procedures-inter-agency-same-level", "lien thong cung cap", None),
    ("procedure-groups-inter-level", "lien thong giua cac cap", None),
    ("procedures-four-on-the-spot", "`4|bon` tai cho", None),
    ("procedures-issued-by-province", PROCEDURE + " do tinh ban hanh", None),
    ("procedures-simplified", "don gian hoa", None),
    ("procedures-online-level-3-4-no-dossiers", "truc tuyen muc do 3 ~ khong ( co)? phat sinh", None),
    ("procedures-online-level-3-4-with-dossiers", "truc tuyen muc do 3 ~ co phat sinh", None),
    ("dossiers-resolved-online", DOSSIER + " ~ giai quyet truc tuyen", None),
    ("dossiers-of-online-procedures", "tong so " + DOSSIER + " cua " + PROCEDURE + " trien khai truc tuyen", None),
    ("procedures-online-level-3-4", PROCEDURE + " ~ truc tuyen muc do 3", None),
    ("dossiers-processed-e-one-stop", "cua dien tu", None),
    ("dossiers-resolved-on-time", DOSSIER + " ~ giai quyet dung han", None),
    ("dossiers-received", DOSSIER + " ~ tiep nhan", None),
    ("dossiers-resolved", DOSSIER + " ~ giai quyet", None),
    ("procedures-disclosed-online", "cong khai ~ (cong|trang) thong tin dien tu", None),
    ("procedures-announced", PROCEDURE + " ~ cong bo", None),
    ("procedures-one-stop", "mot cua", None),
    ("e-documents-received-national-axis", "van ban nhan ~ truc lien thong", None),
    ("e-documents-sent-national-axis", "van ban gui ~ truc lien thong", None),
    ("e-documents-exchanged", "van ban ~ trao doi ~ dien tu", None),
    ("documents-sent", "van ban di", None),
    ("digital-signature-certificates-issued", "(chu ky so|chung thu so) ~ cap", None),
    ("officials-with-email-accounts", "(hop thu dien tu|email)", None),
    ("departments-using-lan", "mang (noi bo|lan)", "departments-total"),
    ("departments-applying-iso", "iso", None),
)
# Where a row label splits into numerator / denominator: "… đúng hạn/Tổng số hồ sơ …".
LABEL_SPLIT = "/ ?(?=tong)"
# Cells "H:113 X:288": counts per level (huyện, xã, tỉnh).
CELL_LEVELS = {"h": "district", "x": "commune", "t": "province"}
APPENDIX = "phu luc `\\s*\\d+`"


def rule_indicators() -> set[str]:
    """Every indicator id the phrase tables can propose (for checking against the catalogue)."""
    ids = {i for rule in RULES for i in rule.ids}
    ids |= {share for _, _, share, _ in EXTRA_SHARES} | {num for num, _, _, _ in EXTRA_SHARES}
    ids |= {ind for ind, _, _ in LABEL_RULES} | {per for _, _, per in LABEL_RULES if per}
    ids |= {f"{prefix}-{kind}" for prefix, _ in INDEX_NAMES for kind in ("score", "rank")}
    ids |= {f"{prefix}-{kind}" if kind in ("group", "score-share") else f"provinces-{prefix}-{kind}" for prefix, kind in INDEX_EXTRA_KINDS}
    return ids
