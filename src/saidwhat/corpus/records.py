"""Frozen records the corpus returns: search hits, appearances, clusters, speakers, ingest reports.

Each has `to_dict()` giving the JSON shape the CLI prints with `--format jsonl`, so the Python API and
the command line answer with the same fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from saidwhat.corpus.diff import CHANGE_TYPES, Change


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One quote matching a full-text query; `rank` is higher for better matches."""

    quote_id: int
    cluster_id: int | None
    text: str
    speaker: str | None
    kind: str
    article_id: str
    source: str | None
    url: str | None
    published: str | None
    title: str | None
    rank: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote_id": self.quote_id,
            "cluster_id": self.cluster_id,
            "text": self.text,
            "speaker": self.speaker,
            "kind": self.kind,
            "article_id": self.article_id,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "title": self.title,
            "rank": round(self.rank, 4),
        }


@dataclass(frozen=True, slots=True)
class Appearance:
    """A quote as printed in one article, with how it differs from the cluster's first appearance."""

    quote_id: int
    article_id: str
    source: str | None
    url: str | None
    published: str | None
    ingested_at: str
    text: str
    speaker: str | None
    similarity: float
    change_score: float
    changes: tuple[Change, ...] = ()

    @property
    def change_types(self) -> tuple[str, ...]:
        present = {c.type for c in self.changes}
        return tuple(t for t in CHANGE_TYPES if t in present)

    def to_dict(self, *, with_changes: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "article_id": self.article_id,
            "published": self.published,
            "quote_id": self.quote_id,
            "text": self.text,
            "speaker": self.speaker,
            "source": self.source,
            "url": self.url,
            "ingested_at": self.ingested_at,
        }
        if with_changes:
            out["similarity"] = self.similarity
            out["change_types"] = list(self.change_types)
            out["changes"] = [c.to_dict() for c in self.changes]
        return out


@dataclass(frozen=True, slots=True)
class ClusterView:
    """A quote across articles: its earliest appearance and every later one, in timeline order."""

    cluster_id: int
    first: Appearance
    appearances: tuple[Appearance, ...]
    change_types: tuple[str, ...]
    change_score: float

    @property
    def altered(self) -> tuple[Appearance, ...]:
        return tuple(a for a in self.appearances if a.changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cluster_id": self.cluster_id,
            "first": self.first.to_dict(with_changes=False),
            "appearances": [a.to_dict() for a in self.appearances],
            "n_appearances": 1 + len(self.appearances),
            "n_altered": len(self.altered),
            "change_types": list(self.change_types),
            "change_score": self.change_score,
        }


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker with the names it was mentioned by and how often it is quoted."""

    speaker_id: int
    name: str
    type: str
    n_quotes: int
    n_articles: int
    aliases: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker_id": self.speaker_id,
            "name": self.name,
            "type": self.type,
            "n_quotes": self.n_quotes,
            "n_articles": self.n_articles,
            "aliases": list(self.aliases),
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be stored, and why."""

    source: str
    line: int
    reason: str
    attempts: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "reason": self.reason, "attempts": self.attempts}


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest run did: new articles, skipped duplicates, new versions, failures, timings."""

    documents: int
    articles: int
    duplicates: int
    versions: int
    quotes: int
    failures: tuple[Failure, ...] = ()
    seconds: float = 0.0
    link_seconds: float = 0.0
    extract_seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "articles": self.articles,
            "duplicates": self.duplicates,
            "versions": self.versions,
            "quotes": self.quotes,
            "failures": len(self.failures),
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles / self.seconds, 2) if self.seconds else None,
        }
