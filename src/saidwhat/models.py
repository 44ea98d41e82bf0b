"""Records passed between stages and returned to callers: frozen, hashable, JSON-ready.

Offsets are always Python string indices into the text exactly as the caller gave it (for HTML input:
into the extracted text, which `Article.text` returns).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["person", "group", "organization", "unknown"]
KINDS: tuple[QuoteKind, ...] = ("direct", "indirect", "mixed")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: the cue of a quote, or the mention of its speaker."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed statement.

    `start`/`end` envelope every fragment in `spans`; a direct quote interrupted by its attribution
    ("…,” he said, “…”) is one quote with two spans. `speaker` is the canonical name of the entity
    (the fullest form the article gives); `speaker_mention` is the mention the cue attaches to.
    """

    text: str
    start: int
    end: int
    spans: tuple[tuple[int, int], ...]
    kind: QuoteKind
    cue: Span | None = None
    speaker: str | None = None
    speaker_mention: Span | None = None
    speaker_type: SpeakerType = "unknown"
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "spans": [list(s) for s in self.spans],
            "kind": self.kind,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "speaker_type": self.speaker_type,
            "confidence": round(self.confidence, 4),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        def span(x: Any) -> Span | None:
            return Span(str(x["text"]), int(x["start"]), int(x["end"])) if x else None

        return cls(
            text=str(d["text"]),
            start=int(d["start"]),
            end=int(d["end"]),
            spans=tuple((int(s), int(e)) for s, e in (d.get("spans") or [[d["start"], d["end"]]])),
            kind=d.get("kind", "direct"),
            cue=span(d.get("cue")),
            speaker=d.get("speaker"),
            speaker_mention=span(d.get("speaker_mention")),
            speaker_type=d.get("speaker_type", "unknown"),
            confidence=float(d.get("confidence", 0.5)),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """An article and every quote found in it.

    `text` is the text the offsets point into: the caller's text, or the text extracted from HTML.
    `meta` carries fields passed through from the input (url, source, published, …).
    """

    id: str | int | None  # a JSONL id keeps its JSON type so results join back to the caller's records
    text: str
    quotes: tuple[Quote, ...] = ()
    title: str | None = None
    author: str | None = None
    date: str | None = None
    warnings: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id}
        for key in ("title", "author", "date"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out.update({k: v for k, v in self.meta.items() if k not in out and k not in ("text", "html")})
        if with_text:
            out["text"] = self.text
        out["quotes"] = [q.to_dict() for q in self.quotes]
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out
