"""How often a pronoun speaker ("he said") is resolved to the right person: what PolNeAR cannot measure.

PolNeAR scores a speaker by its mention, so "he" is right whenever the mention is, whoever saidwhat
says he is. tests/data/pronoun_speakers.jsonl holds, for every he/she/him/her/his source of a PolNeAR
dev attribution (308 mentions in 63 articles), the person it refers to, labelled by reading the article:
the fullest name the article gives that person, or "?" when the article never names them ("a doctor").
The file holds article ids, offsets and names only; the texts stay in ../shared.

A label is scored against the quote whose speaker mention overlaps it (a pronoun saidwhat did not
attach to any quote is "unattached", counted wrong in `accuracy`). Two baselines read the same parse
without any discourse model, to show what the salience rules buy: the nearest person name before the
pronoun as the article writes it there ("Trump"), and that name expanded to the fullest name containing
it ("Donald Trump").
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from saidwhat.errors import InputError
from saidwhat.evaluate import load_gold, norm_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from saidwhat.models import Article

UNNAMED = "?"


@dataclass(frozen=True, slots=True)
class PronounLabel:
    """One labelled pronoun source: characters [start, end) of article `id` refer to `entity`."""

    id: str
    start: int
    end: int
    pronoun: str
    entity: str


@dataclass(frozen=True, slots=True)
class PronounScore:
    """Counts over the labels naming a person (`named`) and over those naming nobody (`unnamed`)."""

    system: str
    named: int
    attached: int  # named labels whose mention saidwhat attached to a quote (baselines: all)
    correct: int
    unnamed: int
    unnamed_given_a_name: int  # "a doctor … she said" resolved to some named person anyway

    @property
    def accuracy(self) -> float:
        return self.correct / self.named if self.named else 0.0

    @property
    def accuracy_attached(self) -> float:
        return self.correct / self.attached if self.attached else 0.0


def load_labels(path: str | Path) -> list[PronounLabel]:
    labels = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                labels.append(
                    PronounLabel(
                        str(obj["id"]), int(obj["start"]), int(obj["end"]), obj["pronoun"], obj["entity"]
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}: not a pronoun label ({exc})") from None
    return labels


def _same(name: str | None, entity: str) -> bool:
    return bool(name) and norm_name(name) == norm_name(entity)


def _speaker_at(article: Article, label: PronounLabel) -> tuple[bool, str | None]:
    """(attached, speaker) of the first quote whose speaker mention overlaps the label."""
    for quote in article.quotes:
        m = quote.speaker_mention
        if m is not None and m.start < label.end and label.start < m.end:
            return True, quote.speaker
    return False, None


def score_saidwhat(articles: Mapping[str, Article], labels: Sequence[PronounLabel]) -> PronounScore:
    named = attached = correct = unnamed = given = 0
    for label in labels:
        article = articles.get(label.id)
        hit, speaker = _speaker_at(article, label) if article is not None else (False, None)
        if label.entity == UNNAMED:
            unnamed += 1
            given += bool(speaker) and norm_name(speaker) != norm_name(label.pronoun)
            continue
        named += 1
        attached += hit
        correct += _same(speaker, label.entity)
    return PronounScore("saidwhat", named, attached, correct, unnamed, given)


def _nearest_person(doc: Doc, start: int) -> str | None:
    before = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= start]
    return before[-1].text if before else None


def _fullest(doc: Doc, name: str) -> str:
    words = norm_name(name).split()
    containing = [
        e.text
        for e in doc.ents
        if e.label_ == "PERSON" and all(w in norm_name(e.text).split() for w in words) and len(e.text) < 60
    ]
    return max(containing, key=len, default=name)


def score_baselines(docs: Mapping[str, Doc], labels: Sequence[PronounLabel]) -> list[PronounScore]:
    """The nearest person name before each pronoun, as written there and expanded to its fullest form."""
    counts = {"nearest name": [0, 0, 0, 0], "nearest name, fullest form": [0, 0, 0, 0]}
    for label in labels:
        doc = docs[label.id]
        near = _nearest_person(doc, label.start)
        for system, guess in (
            ("nearest name", near),
            ("nearest name, fullest form", near and _fullest(doc, near)),
        ):
            c = counts[system]
            if label.entity == UNNAMED:
                c[2] += 1
                c[3] += guess is not None
            else:
                c[0] += 1
                c[1] += _same(guess, label.entity)
    return [PronounScore(s, c[0], c[0], c[1], c[2], c[3]) for s, c in counts.items()]


def evaluate_pronouns(gold_path: str | Path, labels_path: str | Path) -> list[PronounScore]:
    """Run saidwhat and the baselines on the gold articles that have labels."""
    from saidwhat import extract_many
    from saidwhat.parse import load_pipeline

    labels = load_labels(labels_path)
    wanted = {label.id for label in labels}
    records = [r for key, r in load_gold(gold_path).items() if key in wanted]
    missing = wanted - {str(r["id"]) for r in records}
    if missing:
        raise InputError(f"{gold_path}: {len(missing)} labelled articles are not there (e.g. {min(missing)})")
    items = [{"id": str(r["id"]), "text": r["text"]} for r in records]
    articles = {str(a.id): a for a in extract_many(items)}
    nlp = load_pipeline()
    docs = {str(r["id"]): doc for r, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True)}
    return [score_saidwhat(articles, labels), *score_baselines(docs, labels)]


def table(scores: Sequence[PronounScore]) -> str:
    rows = [
        "| system | named labels | attached | correct | accuracy | accuracy (attached) "
        "| unnamed given a name |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for s in scores:
        rows.append(
            f"| {s.system} | {s.named} | {s.attached} | {s.correct} | {100 * s.accuracy:.1f} "
            f"| {100 * s.accuracy_attached:.1f} | {s.unnamed_given_a_name} of {s.unnamed} |"
        )
    return "\n".join(rows)
