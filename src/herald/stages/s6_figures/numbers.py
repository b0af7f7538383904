"""Finding quantity expressions in a sentence: numbers as digits or words, vague quantities, ranges,
qualifiers, currencies and percentages. Works on tokens only; :mod:`.counted` decides what is counted."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .lexicon import FiguresLexicon

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_SCALE = re.compile(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([a-z]+)$", re.IGNORECASE)
_WORD_SCALES = ("hundred", "thousand", "million", "billion", "trillion")
# abbreviations that are scales only when glued to the digits or unmistakable on their own
_LOOSE_ABBREVIATIONS = ("bn", "mln", "mn", "tn")


@dataclass
class Quantity:
    """One quantity expression; token indices are Doc indices, ``end`` exclusive."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str | None = None
    vague: bool = False
    weak: bool = False  # a determiner-like vague word ("several"): needs a known category
    singular: bool = False  # "one"/"a": needs a known category
    currency: str | None = None
    percent: bool = False
    rules: list[str] = field(default_factory=list)

    @property
    def head(self) -> int:
        """The last token of the number proper: the one the parser attaches to the counted noun."""
        return self.num_end - 1


def _low(tok: Token) -> str:
    return tok.lower_


def _digits_value(text: str) -> float | None:
    if not _DIGITS.match(text):
        return None
    if len(text) > 1 and text[0] == "0" and "." not in text:
        return None  # "0123": an identifier or a phone number part
    return float(text.replace(",", ""))


def _match_phrase(
    toks: list[str], i: int, table: dict[tuple[str, ...], str], longest: int = 4
) -> tuple[int, str]:
    """Longest phrase of ``table`` starting at i: (length, value) or (0, "")."""
    for n in range(min(longest, len(toks) - i), 0, -1):
        key = tuple(toks[i : i + n])
        if key in table:
            return n, table[key]
    return 0, ""


def _match_phrase_before(
    toks: list[str], end: int, lo: int, table: dict[tuple[str, ...], str], longest: int = 4
) -> tuple[int, str]:
    """Longest phrase of ``table`` ending just before ``end`` (not before ``lo``)."""
    for n in range(min(longest, end - lo), 0, -1):
        key = tuple(toks[end - n : end])
        if key in table:
            return n, table[key]
    return 0, ""


class Scanner:
    """Scans sentences for quantity expressions using the lexicon (built once, reused for every Doc)."""

    def __init__(self, lex: FiguresLexicon) -> None:
        self.lex = lex
        self.words = {w: v for w, v in lex.number_words.items() if w not in ("dozen", "half")}
        self.word_scales = {w: lex.scales[w] for w in _WORD_SCALES if w in lex.scales}
        self.percent = {p: "percent" for p in lex.percent}
        self.vague_words = {k: v.word for k, v in lex.vague.items()}
        # first words an expression can start with (besides digits): a cheap filter before parsing
        self.zero_words = lex.zero_words or {}
        self.starters = frozenset(
            [
                *self.words,
                *self.word_scales,
                "a",
                "an",
                "half",
                *(k[0] for k in lex.vague),
                *(k[0] for k in self.zero_words),
            ]
        )

    # -- numbers -------------------------------------------------------------------------------------------
    def _parse_number(self, sent: Span, toks: list[str], i: int) -> tuple[float, int, str] | None:
        """A number starting at sentence position i: (value, end position, rule) or None."""
        n = len(toks)
        t = toks[i]
        # digits, optionally glued to a scale abbreviation ("2.2bn") and followed by scale words
        val = _digits_value(t)
        glued = _DIGITS_SCALE.match(t)
        if val is None and glued and glued.group(2).lower() in self.lex.scales:
            base = _digits_value(glued.group(1))
            if base is not None:
                return self._scales_after(
                    toks, i + 1, base * self.lex.scales[glued.group(2).lower()], "digits"
                )
        if val is not None:
            j = i + 1
            # "$5m": the abbreviation is its own token but glued to the digits
            if j < n and not sent[i].whitespace_ and toks[j] in self.lex.scales and toks[j] not in self.words:
                return self._scales_after(toks, j + 1, val * self.lex.scales[toks[j]], "digits")
            if j < n and toks[j] in _LOOSE_ABBREVIATIONS:
                return self._scales_after(toks, j + 1, val * self.lex.scales[toks[j]], "digits")
            return self._scales_after(toks, j, val, "digits")
        # "a dozen", "a hundred", "a million", "half a million"
        if t in ("a", "an") and i + 1 < n and (toks[i + 1] in self.word_scales or toks[i + 1] == "dozen"):
            base = 12.0 if toks[i + 1] == "dozen" else self.word_scales[toks[i + 1]]
            return self._scales_after(toks, i + 2, base, "words")
        if t == "half" and i + 2 < n and toks[i + 1] == "a" and toks[i + 2] in (*self.word_scales, "dozen"):
            base = 12.0 if toks[i + 2] == "dozen" else self.word_scales[toks[i + 2]]
            return self._scales_after(toks, i + 3, 0.5 * base, "words")
        if t in self.words:
            return self._parse_words(toks, i)
        return None

    def _scales_after(self, toks: list[str], j: int, value: float, rule: str) -> tuple[float, int, str]:
        while j < len(toks) and toks[j] in self.word_scales:
            value *= self.word_scales[toks[j]]
            j += 1
        return value, j, rule

    def _parse_words(self, toks: list[str], i: int) -> tuple[float, int, str] | None:
        total = 0.0
        cur = 0.0
        j = i
        last: float | None = None  # last small number word, to stop at "five five"
        n = len(toks)
        while j < n:
            w = toks[j]
            if w in self.words:
                v = self.words[w]
                if last is not None and not (last >= 20 and last % 10 == 0 and v < 10):
                    break
                cur += v
                last = v
                j += 1
            elif (
                w == "-"
                and last is not None
                and last >= 20
                and j + 1 < n
                and self.words.get(toks[j + 1], 99) < 10
            ):
                j += 1
            elif w in self.word_scales and (cur or total):
                if w == "hundred":
                    cur = (cur or 1) * 100
                else:
                    total += (cur or 1) * self.word_scales[w]
                    cur = 0
                last = None
                j += 1
            elif w == "dozen" and cur:
                cur *= 12
                last = None
                j += 1
            elif (
                w == "and"
                and j > i
                and toks[j - 1] in self.word_scales
                and j + 1 < n
                and toks[j + 1] in self.words
            ):
                j += 1
            else:
                break
        if j == i:
            return None
        return total + cur, j, "words"

    def _parse_vague(self, toks: list[str], i: int) -> tuple[float, int, str, bool] | None:
        n, word = _match_phrase(toks, i, self.vague_words)
        if not n:
            return None
        v = self.lex.vague[tuple(toks[i : i + n])]
        value = v.value
        j = i + n
        # "tens of thousands", "hundreds of thousands", "dozens of millions"
        if not v.weak and j + 1 < len(toks) and toks[j] == "of":
            inner = self.lex.vague.get((toks[j + 1],))
            if inner is not None and not inner.weak and inner.value >= 1000:
                value *= inner.value
                j += 2
        return value, j, f"vague:{word}({v.source})", v.weak

    # -- expressions ---------------------------------------------------------------------------------------
    def scan(self, sent: Span, lowers: list[str] | None = None) -> list[Quantity]:
        """Quantities in a sentence; ``lowers`` are the lower-cased texts of the whole Doc, when at hand."""
        toks = lowers[sent.start : sent.end] if lowers is not None else [_low(t) for t in sent]
        base = sent.start
        out: list[Quantity] = []
        starters = self.starters
        i = 0
        n = len(toks)
        while i < n:
            t = toks[i]
            if not (t[:1].isdigit() or t in starters):
                i += 1
                continue
            q = self._at(sent, toks, i)
            if q is None:
                i += 1
                continue
            q.start += base
            q.end += base
            q.num_start += base
            q.num_end += base
            out.append(q)
            i = q.end - base
        return out

    def _at(self, tokens: Span, toks: list[str], i: int) -> Quantity | None:
        vague = None
        parsed = self._parse_number(tokens, toks, i)
        if parsed is None:
            vague = self._parse_vague(toks, i)
            if vague is None:
                return self._zero(tokens, toks, i)
            value, j, rule, weak = vague
            q = Quantity(i, j, i, j, value, value, None, vague=True, weak=weak, rules=[rule])
            q.qualifier = None
        else:
            value, j, rule = parsed
            q = Quantity(i, j, i, j, value, value, value, rules=[f"number:{rule}"])
            q.singular = value == 1 and toks[i] in ("one", "a", "an")
            self._range(tokens, toks, q)
        self._currency_percent(toks, q)
        self._qualifier(tokens, toks, q)
        return q

    def _zero(self, tokens: Span, toks: list[str], i: int) -> Quantity | None:
        """ "No one was killed", "no casualties", "none were hurt": a figure of zero (weak: it needs a known
        category). A "no" counts only as the determiner of a noun ("no more than 20" is a qualifier)."""
        n, phrase = _match_phrase(toks, i, self.zero_words, 3)
        if not n:
            return None
        if phrase == "no":
            tok = tokens[i]
            if tok.dep_ != "det" or tok.head.pos_ not in ("NOUN", "PROPN") or tok.head.i <= tok.i:
                return None
        elif phrase in ("not a single", "not one"):
            nxt = tokens[i + n] if i + n < len(tokens) else None
            if nxt is None or nxt.pos_ not in ("NOUN", "PROPN"):
                return None
        # The phrase's last word ("one", "single") is the one the parser hangs on the counted noun.
        return Quantity(i, i + n, i + n - 1, i + n, 0.0, 0.0, 0.0, weak=True, rules=[f"zero:{phrase}"])

    def _range(self, tokens: Span, toks: list[str], q: Quantity) -> None:
        j = q.num_end
        n = len(toks)
        if j + 1 >= n or toks[j] not in ("to", "-", "–", "—", "or", "and"):
            return
        word = toks[j]
        before = toks[q.num_start - 1] if q.num_start > 0 else ""
        if word == "and" and before != "between":
            return
        if word == "to" and before == "from":  # "rose from 20 to 30": two figures, not a range
            return
        at = j + 1
        if at < n and toks[at] in self.lex.currency_before:  # "between $12 million and $20 million"
            at += 1
        second = self._parse_number(tokens, toks, at)
        if second is None:
            return
        high, end, _ = second
        low = q.value
        # "20 to 30 million": the scale of the second number applies to the first
        if high >= 1000 * low and low < 1000:
            for scale in (1e3, 1e6, 1e9, 1e12):
                if low * scale <= high < low * scale * 1000:
                    low *= scale
                    break
        if word == "or" and high > 20:
            return  # "two or three" only; "20 or 2,000" is an alternative, not a range
        if not low < high:
            return  # "3-1", "2020-21", phone numbers: not ranges
        q.value, q.low, q.high = low, low, high
        q.num_end = q.end = end
        q.qualifier = "between" if before == "between" else "range"
        q.rules.append(f"range:{word}")
        if before == "between":
            q.start = q.num_start - 1

    def _currency_percent(self, toks: list[str], q: Quantity) -> None:
        lex = self.lex
        s = q.num_start
        # before: "$", "US$", "US $", "€"
        if s > 0 and toks[s - 1] in lex.currency_before:
            q.currency = lex.currency_before[toks[s - 1]]
            q.start = s - 1
            if q.currency == "USD" and s > 1 and toks[s - 2] in ("us", "u.s."):
                q.start = s - 2
        # after: "dollars", "US dollars", "%", "per cent"
        n, code = _match_phrase(toks, q.num_end, lex.currency_after, 3)
        if n:
            if code == "USD_CENTS":
                q.currency = "USD"
                for attr in ("value", "low", "high"):
                    v = getattr(q, attr)
                    if v is not None:
                        setattr(q, attr, v / 100)
            else:
                q.currency = q.currency or code
            q.end = max(q.end, q.num_end + n)
            q.rules.append("currency")
        elif q.currency:
            q.rules.append("currency")
        n, _ = _match_phrase(toks, q.num_end, self.percent, 3)
        if n and not q.currency:
            q.percent = True
            q.end = max(q.end, q.num_end + n)
            q.rules.append("percent")
        # "20 or more", "20-plus", "20 or so"
        at = q.end
        if at < len(toks) and toks[at] == "-" and at + 1 < len(toks) and toks[at + 1] == "plus":
            at += 1
        n, kind = _match_phrase(toks, at, self.lex.post_qualifiers, 2)
        if n and q.qualifier is None:
            q.end = at + n
            q.qualifier = " ".join(toks[at : at + n])
            self._bounds(q, kind)
            q.rules.append(f"qualifier:{q.qualifier}")

    def _qualifier(self, tokens: Span, toks: list[str], q: Quantity) -> None:
        if q.qualifier == "between":
            return
        n, kind = _match_phrase_before(toks, q.start, 0, self.lex.qualifiers, 4)
        if not n:
            return
        if n == 1 and tokens[q.start - 1].dep_ == "prt":
            return  # "take over two centres": a verb particle, not a qualifier
        phrase = " ".join(toks[q.start - n : q.start])
        if q.qualifier == "range":
            # "about 20 to 30": keep the range, note the hedge-like qualifier
            q.qualifier = f"{phrase} (range)"
        else:
            if q.qualifier is not None:  # post-qualifier already applied; the pre one wins
                q.low, q.high = q.value, q.value
            q.qualifier = phrase
            self._bounds(q, kind)
        q.start -= n
        q.rules.append(f"qualifier:{phrase}")

    @staticmethod
    def _bounds(q: Quantity, kind: str) -> None:
        if kind == "lower":
            q.low, q.high = q.value, None
        elif kind == "upper":
            q.low, q.high = None, q.value
        elif kind == "approx":
            q.low, q.high = None, None
        else:
            q.low, q.high = q.value, q.value
