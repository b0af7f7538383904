"""The model's attribute rules (tag -> POS and morphology, a few lemma and POS exceptions), applied through
token-keyed look-ups instead of spaCy's general ``Matcher``.

spaCy's ``attribute_ruler`` runs a Matcher of about 180 one- and two-token patterns over every token: about
23 µs per token, a tenth of the whole spaCy pipeline and as much as Herald's actors stage. Its patterns only
test TAG, LOWER, DEP and IS_SPACE with equality and IN / NOT_IN sets, so each pattern can be indexed by one
of its equality tests and checked in full only on the tokens that pass it. The rules, their order (a later
rule wins, as spaCy sorts matches by rule) and the attribute setter are the model's own: the result is the
same token annotation, which ``tests/test_attributes.py`` checks against the stock component. A model
whose rules use anything else keeps the stock component (:func:`use_indexed_attribute_rules`).
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from .errors import UnsupportedPatternError
from .pipe_swap import swap_pipe

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# Which equality test indexes a pattern when it has several: the most selective first.
_ANCHOR_ORDER = ("LOWER", "TAG", "DEP", "IS_SPACE")

# One token test: (column, values, wanted, regex). Without a regex, whether the token's value is in
# ``values`` must be ``wanted``; with one, whether the regex finds the value's string.
Test = tuple[int, frozenset[int], bool, re.Pattern[str] | None]


def _value_id(value: object) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return int(get_string_id(value))
    raise UnsupportedPatternError(f"value {value!r}")


def _token_tests(spec: dict[str, Any]) -> list[Test]:
    tests: list[Test] = []
    for key, value in spec.items():
        if key not in _COLUMNS:
            raise UnsupportedPatternError(f"attribute {key}")
        col = _COLUMNS[key]
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN", "REGEX"):
                raise UnsupportedPatternError(f"predicate {value!r}")
            op, items = next(iter(value.items()))
            if op == "REGEX" and isinstance(items, str):
                tests.append((col, frozenset(), True, re.compile(items)))
            else:
                tests.append((col, frozenset(_value_id(v) for v in items), op == "IN", None))
        else:
            tests.append((col, frozenset({_value_id(value)}), True, None))
    return tests


def _anchor(spec: dict[str, Any]) -> tuple[int, list[int]] | None:
    """The column and values that index a token test: an equality or IN test on the most selective key."""
    for key in _ANCHOR_ORDER:
        value = spec.get(key)
        if value is None:
            continue
        if isinstance(value, dict):
            if "IN" in value:
                return _COLUMNS[key], [_value_id(v) for v in value["IN"]]
            continue
        return _COLUMNS[key], [_value_id(value)]
    return None


class IndexedAttributeRules:
    """Applies an :class:`AttributeRuler`'s rules to a Doc with the same result, faster."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)
        if any("_" in a for a in self.attrs):
            raise UnsupportedPatternError("extension attributes")
        # Per pattern: its rule, per-token tests and the offset of the token it sets.
        self._patterns: list[tuple[int, list[list[Test]], int]] = []
        # One-token patterns by the (column, value) that indexes them, and those with no such test; the same
        # for longer patterns, with the position of the indexed token in the pattern.
        self._single: list[dict[int, list[int]]] = [{} for _ in _COLUMNS]
        self._single_rest: list[int] = []
        self._multi: list[dict[int, list[tuple[int, int]]]] = [{} for _ in _COLUMNS]
        self._multi_rest: list[int] = []
        for rule, index in enumerate(ruler.indices):
            _key, patterns = ruler.matcher.get(str(rule))
            for pattern in patterns:
                if not pattern or any(not isinstance(t, dict) or "OP" in t for t in pattern):
                    raise UnsupportedPatternError(f"pattern {pattern!r}")
                n = len(self._patterns)
                self._patterns.append((rule, [_token_tests(t) for t in pattern], index))
                if len(pattern) == 1:
                    anchor = _anchor(pattern[0])
                    if anchor is None:
                        self._single_rest.append(n)
                    else:
                        for v in anchor[1]:
                            self._single[anchor[0]].setdefault(v, []).append(n)
                    continue
                # A longer pattern is indexed by its first token that has an equality test.
                anchors = [(k, a) for k, a in enumerate(map(_anchor, pattern)) if a is not None]
                if not anchors:
                    self._multi_rest.append(n)
                    continue
                k, (col, values) = anchors[0]
                for v in values:
                    self._multi[col].setdefault(v, []).append((n, k))
        self._multi_cols = [col for col, table in enumerate(self._multi) if table]
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}
        self._strings = ruler.vocab.strings
        self._searched: dict[tuple[str, int], bool] = {}  # (regex, string id) -> found
        # (TAG, LOWER, DEP, IS_SPACE) -> the one-token rules that token meets: tokens repeat, so most are
        # answered here.
        self._known: dict[tuple[int, ...], tuple[int, ...]] = {}

    def _matches(self, n: int, rows: list[list[int]], i: int) -> bool:
        tests = self._patterns[n][1]
        if i + len(tests) > len(rows):
            return False
        return all(
            self._passes(rows[i + k][col], values, wanted, regex)
            for k, token_tests in enumerate(tests)
            for col, values, wanted, regex in token_tests
        )

    def _one_token_rules(self, row: list[int]) -> tuple[int, ...]:
        key = tuple(row)
        rules = self._known.get(key)
        if rules is None:
            found = {n for col, table in enumerate(self._single) for n in table.get(row[col], ())}
            found.update(self._single_rest)
            rules = tuple(sorted({self._patterns[n][0] for n in found if self._matches(n, [row], 0)}))
            if len(self._known) > 500_000:  # bounded in a long-running process
                self._known.clear()
            self._known[key] = rules
        return rules

    def _rules_for(self, rows: list[list[int]]) -> dict[int, tuple[int, ...]]:
        """Token index -> the rules that set its attributes, in rule order."""
        out: dict[int, tuple[int, ...]] = {}
        for i, row in enumerate(rows):
            rules = self._one_token_rules(row)
            if rules:
                out[i] = rules
        patterns = self._patterns
        found: list[tuple[int, int]] = []  # (token, pattern) of the longer patterns that start there
        for col in self._multi_cols:
            table = self._multi[col]
            found.extend(
                (i - k, n) for i, row in enumerate(rows) for n, k in table.get(row[col], ()) if i >= k
            )
        found.extend((i, n) for i in range(len(rows)) for n in self._multi_rest)
        for i, n in found:
            if self._matches(n, rows, i):
                rule, tests, target = patterns[n]
                t = i + (target if target >= 0 else len(tests) + target)
                out[t] = tuple(sorted({*out.get(t, ()), rule}))
        return out

    def _passes(
        self, value: int, values: frozenset[int], wanted: bool, regex: re.Pattern[str] | None
    ) -> bool:
        if regex is None:
            return (value in values) == wanted
        key = (regex.pattern, value)
        found = self._searched.get(key)
        if found is None:
            if len(self._searched) > 500_000:  # bounded in a long-running process
                self._searched.clear()
            found = self._searched[key] = regex.search(self._strings[value]) is not None
        return found

    def _attrs_of(self, rules: tuple[int, ...]) -> dict[Any, Any]:
        """The attributes several rules set on one token, later rules winning (spaCy applies them in rule
        order, each overwriting the fields it names)."""
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:
                merged.update(self.attrs[rule])
            self._merged[rules] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(_ARRAY_ATTRS).tolist()
        for i, rules in self._rules_for(rows).items():
            set_token_attrs(doc[i], self._attrs_of(tuple(sorted(rules))))
        return doc


@Language.factory("herald_attribute_rules_v1")
def make_indexed_attribute_rules(nlp: Language, name: str) -> IndexedAttributeRules:
    """The rules of the pipeline's ``attribute_ruler``, indexed (add it before removing that component)."""
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise UnsupportedPatternError("the attribute_ruler component is not spaCy's AttributeRuler")
    return IndexedAttributeRules(ruler)


def use_indexed_attribute_rules(nlp: Language) -> bool:
    """Put :class:`IndexedAttributeRules` in place of the pipeline's ``attribute_ruler``, over the same
    rules, when every rule has a form it implements; whether it did."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        swap_pipe(nlp, "attribute_ruler", "herald_attribute_rules_v1")
    except UnsupportedPatternError:
        return False
    return True
