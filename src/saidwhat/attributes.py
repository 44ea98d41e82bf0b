"""The attribute ruler's coarse tags (POS) set with array operations instead of spaCy's Matcher.

en_core_web_sm's `attribute_ruler` maps fine tags to coarse ones (NN -> NOUN) with 179 token patterns
run through spaCy's Matcher, which costs about a fifth of the whole pipeline (PolNeAR dev: 2.7 s of
13.4 s in one process), more than all of saidwhat's own work. Every one of those patterns tests a
single token, or two in a row, for equality or membership of TAG, LOWER, DEP and IS_SPACE; so each is
a boolean mask over the document's token arrays, applied in the ruler's order (a later pattern wins,
as in spaCy). The patterns are read from the installed pipeline's own ruler, never copied here.

Only what saidwhat reads is set: POS, plus TAG and DEP where a pattern changes them (whitespace
tokens). MORPH and LEMMA, which nothing in saidwhat uses, are left unset: a spaCy user who wants them
runs the stock pipeline (component.py adds saidwhat to any pipeline without this replacement).
tests/test_attributes.py checks that POS, TAG and DEP equal the stock ruler's on PolNeAR.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy
    from spacy.language import Language
    from spacy.tokens import Doc

ATTRIBUTES_COMPONENT = "saidwhat_attributes"
SET_HERE = ("POS", "TAG", "DEP")  # what saidwhat reads; MORPH and LEMMA are not set
READ = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what the ruler's patterns test


@dataclass(frozen=True, slots=True)
class _TokenTest:
    """One token of a pattern: attribute -> (values, negated); values are string hashes or bools."""

    tests: tuple[tuple[str, frozenset[int], bool], ...]

    def cannot_match(self, present: Mapping[str, set[int]]) -> bool:
        """True when a value this token requires occurs nowhere in the document (most rules, cheaply)."""
        return any(
            not negated and name in present and not allowed & present[name]
            for name, allowed, negated in self.tests
        )


@dataclass(frozen=True, slots=True)
class _Rule:
    alternatives: tuple[tuple[_TokenTest, ...], ...]  # the pattern's token sequences (any may match)
    index: int  # which matched token gets the attributes
    attrs: tuple[tuple[str, int], ...]  # attribute -> string hash of its new value


class UnsupportedPattern(ValueError):
    """A ruler pattern this module cannot evaluate with arrays (the caller keeps spaCy's ruler)."""


def compile_rules(patterns: Iterable[Mapping[str, Any]], strings: Any) -> list[_Rule]:
    """The ruler's patterns, in its order, that set any of SET_HERE."""
    rules = []
    for pattern in patterns:
        attrs = tuple(
            (name, strings.add(str(value))) for name, value in pattern["attrs"].items() if name in SET_HERE
        )
        if not attrs:
            continue
        alternatives = tuple(tuple(_token_test(tok, strings) for tok in seq) for seq in pattern["patterns"])
        rules.append(_Rule(alternatives, int(pattern.get("index", 0)), attrs))
    return rules


def _token_test(token: Mapping[str, Any], strings: Any) -> _TokenTest:
    tests = []
    for name, spec in token.items():
        if name not in READ:
            raise UnsupportedPattern(f"attribute ruler pattern tests {name}")
        if isinstance(spec, Mapping):
            (op, values), *rest = spec.items()
            if rest or op not in ("IN", "NOT_IN"):
                raise UnsupportedPattern(f"attribute ruler pattern uses {op}")
            negated = op == "NOT_IN"
        else:
            values, negated = [spec], False
        if name == "IS_SPACE":
            hashed = frozenset(int(bool(v)) for v in values)
        else:
            hashed = frozenset(strings.add(str(v)) if v != "" else 0 for v in values)
        tests.append((name, hashed, negated))
    return _TokenTest(tuple(tests))


class FastAttributes:
    """A pipeline component that does the stock attribute ruler's POS/TAG/DEP work with numpy."""

    def __init__(self, rules: Sequence[_Rule]) -> None:
        self.rules = list(rules)

    def __call__(self, doc: Doc) -> Doc:
        import numpy
        from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG

        size = len(doc)
        if size == 0:
            return doc
        columns = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "POS": POS}
        names = ("TAG", "LOWER", "DEP", "IS_SPACE", "POS")
        array = doc.to_array([columns[n] for n in names])
        # every pattern tests the tokens as they came in (spaCy matches all before setting any)
        given = {n: array[:, k] for k, n in enumerate(names)}
        out = {n: given[n].copy() for n in SET_HERE}
        present = {"TAG": set(given["TAG"].tolist())}
        for rule in self.rules:
            for alternative in rule.alternatives:
                if any(test.cannot_match(present) for test in alternative):
                    continue
                mask = _matches(alternative, given, size)
                if not mask.any():
                    continue
                at = numpy.nonzero(mask)[0] + rule.index
                for name, value in rule.attrs:
                    out[name][at] = value
        pos: Any = out["POS"].reshape(-1, 1)  # uint64 hashes, as to_array gave them
        doc.from_array([POS], pos)
        for name in ("TAG", "DEP"):  # whitespace tokens only: set one by one, keeping heads as they are
            for i in numpy.nonzero(out[name] != given[name])[0].tolist():
                setattr(doc[i], name.lower(), int(out[name][i]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _matches(sequence: Sequence[_TokenTest], values: dict[str, numpy.ndarray], size: int) -> numpy.ndarray:
    """Positions where `sequence` matches, token 0 at the position."""
    import numpy

    mask = numpy.ones(size, dtype=bool)
    span = len(sequence)
    if span > size:
        return numpy.zeros(size, dtype=bool)
    if span > 1:
        mask[size - span + 1 :] = False
    for offset, test in enumerate(sequence):
        for name, allowed, negated in test.tests:
            column = values[name][offset:size] if offset else values[name]
            hit = column == next(iter(allowed)) if len(allowed) == 1 else numpy.isin(column, list(allowed))
            if negated:
                hit = ~hit
            if offset:
                mask[: size - offset] &= hit
            else:
                mask &= hit
    return mask


def use_fast_attributes(nlp: Language) -> None:
    """Replace `nlp`'s attribute_ruler by FastAttributes built from its own patterns (in place);
    where a pattern is of a kind this module does not evaluate, keep spaCy's ruler."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    from spacy.language import Language

    ruler: Any = nlp.get_pipe("attribute_ruler")
    try:
        rules = compile_rules(ruler.patterns, nlp.vocab.strings)
    except UnsupportedPattern:
        return
    if not Language.has_factory(ATTRIBUTES_COMPONENT):
        Language.factory(ATTRIBUTES_COMPONENT, func=_make_component)
    component: Any = nlp.add_pipe(ATTRIBUTES_COMPONENT, before="attribute_ruler")
    component.rules = rules
    nlp.remove_pipe("attribute_ruler")


def _make_component(nlp: Language, name: str) -> FastAttributes:
    return FastAttributes([])
