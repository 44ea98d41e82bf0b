"""Read-side SQL shared by both backends: clusters, variants, speakers, export rows, counts.

Full-text search is the one read whose SQL differs per backend (FTS5 vs tsvector); it lives in each
backend module and returns the same `SearchHit` records.
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from typing import Any

from saidwhat.corpus.diff import Change
from saidwhat.corpus.linking import order_key
from saidwhat.corpus.records import Appearance, ClusterView, Failure, SearchHit, SpeakerRow
from saidwhat.corpus.text import words
from saidwhat.store.base import SQLStore, chunks

_APPEARANCE_SQL = (
    "SELECT m.cluster_id, q.id, a.id, a.source, a.url, a.published, a.ingested_at, q.text, q.speaker, "
    "m.similarity, m.change_score, m.changes, c.first_quote_id, c.change_types, c.change_score "
    "FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id JOIN quotes q ON q.id = m.quote_id "
    "JOIN articles a ON a.id = q.article_id WHERE "
)


def speaker_filter(name: str) -> tuple[str, list[Any]]:
    """SQL matching speakers whose name contains every word of `name` ("Biden" finds "Joe Biden")."""
    tokens = words(name)
    if not tokens:
        return "1 = 1", []
    clause = " AND ".join("(' ' || s.norm_name || ' ') LIKE ?" for _ in tokens)
    return f"q.speaker_id IN (SELECT s.id FROM speakers s WHERE {clause})", [f"% {t} %" for t in tokens]


def search_filters(
    speaker: str | None, since: str | None, until: str | None, kind: str | None
) -> tuple[list[str], list[Any]]:
    """The WHERE conditions (over quotes `q` and articles `a`) and their parameters for search's filters,
    the same on every backend."""
    filters: list[str] = []
    params: list[Any] = []
    if speaker:
        clause, extra = speaker_filter(speaker)
        filters.append(clause)
        params += extra
    if since:
        filters.append("a.published >= ?")
        params.append(since)
    if until:
        filters.append("a.published < ?")
        params.append(until)
    if kind:
        filters.append("q.kind = ?")
        params.append(kind)
    return filters, params


class ReadQueries(SQLStore):
    """Mixin of the shared read queries (see module docstring)."""

    @abstractmethod
    def search(
        self,
        query: str,
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        kind: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Full-text search over quote text and speaker, best first, with optional filters."""

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows one at a time, for exports larger than memory (backends override with a server cursor)."""
        yield from self.query(sql, params)

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "quotes", "speakers", "clusters", "failures"):
            out[table] = int(self.query(f"SELECT COUNT(*) FROM {table}")[0][0])
        return out

    def extra_counts(self) -> dict[str, Any]:
        rows = self.query(
            "SELECT COUNT(*), COALESCE(SUM(CASE WHEN n_quotes > 1 THEN 1 ELSE 0 END), 0), "
            "COALESCE(SUM(CASE WHEN n_altered > 0 THEN 1 ELSE 0 END), 0), COALESCE(MAX(n_quotes), 0) FROM "
            "clusters"
        )[0]
        linked = int(self.query("SELECT COUNT(*) FROM cluster_members")[0][0])
        dates = self.query("SELECT MIN(published), MAX(published) FROM articles")[0]
        return {
            "multi_article_clusters": int(rows[1]),
            "altered_clusters": int(rows[2]),
            "largest_cluster": int(rows[3]),
            "linked_quotes": linked,
            "first_published": dates[0],
            "last_published": dates[1],
        }

    def cluster_of_quote(self, quote_id: int) -> int | None:
        rows = self.query("SELECT cluster_id FROM cluster_members WHERE quote_id = ?", (quote_id,))
        return int(rows[0][0]) if rows else None

    def cluster_views(self, cluster_ids: Sequence[int]) -> list[ClusterView]:
        """Whole clusters, in the order of `cluster_ids` (unknown ids are left out)."""
        grouped: dict[int, list[tuple[Any, ...]]] = {}
        for part in chunks(list(cluster_ids)):
            where, params = self.in_list("m.cluster_id", part)
            for row in self.query(_APPEARANCE_SQL + where, params):
                grouped.setdefault(int(row[0]), []).append(row)
        return [_view(cid, grouped[cid]) for cid in cluster_ids if cid in grouped]

    def variant_cluster_ids(self, changes: Sequence[str] = (), limit: int | None = None) -> list[int]:
        """Clusters with at least one altered appearance, most changed first; with `changes`, only those
        where one of the given change types occurs."""
        sql = "SELECT id FROM clusters WHERE n_altered > 0"
        params: list[Any] = []
        if changes:
            sql += " AND (" + " OR ".join("(',' || change_types || ',') LIKE ?" for _ in changes) + ")"
            params += [f"%,{c},%" for c in changes]
        sql += " ORDER BY change_score DESC, n_altered DESC, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [int(r[0]) for r in self.query(sql, params)]

    def speaker_rows(self, name: str | None = None, limit: int | None = None) -> list[SpeakerRow]:
        sql = (
            "SELECT s.id, s.name, s.type, COUNT(q.id) AS n, COUNT(DISTINCT q.article_id) FROM speakers s "
            "LEFT JOIN quotes q ON q.speaker_id = s.id"
        )
        params: list[Any] = []
        if name:
            tokens = words(name)
            if tokens:
                sql += " WHERE " + " AND ".join("(' ' || s.norm_name || ' ') LIKE ?" for _ in tokens)
                params += [f"% {t} %" for t in tokens]
        sql += " GROUP BY s.id, s.name, s.type ORDER BY n DESC, s.name"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        rows = self.query(sql, params)
        aliases: dict[int, list[str]] = {}
        for part in chunks([int(r[0]) for r in rows]):
            where, p = self.in_list("speaker_id", part)
            for sid, alias in self.query(f"SELECT speaker_id, alias FROM speaker_aliases WHERE {where}", p):
                aliases.setdefault(int(sid), []).append(str(alias))
        return [
            SpeakerRow(
                int(r[0]),
                str(r[1]),
                str(r[2]),
                int(r[3]),
                int(r[4]),
                tuple(sorted(aliases.get(int(r[0]), []))),
            )
            for r in rows
        ]

    def failure_rows(self, limit: int | None = None) -> list[Failure]:
        sql = "SELECT source, line, reason, attempts FROM failures ORDER BY id"
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [Failure(str(s), int(n), str(r), int(a)) for s, n, r, a in self.query(sql, params)]

    def export_rows(self) -> Iterator[dict[str, Any]]:
        """Every quote with its article and cluster, flat (one row per quote), in storage order."""
        columns = (
            "quote_id",
            "article_id",
            "url",
            "source",
            "published",
            "title",
            "text",
            "kind",
            "speaker",
            "speaker_type",
            "speaker_mention",
            "cue",
            "start",
            "end",
            "confidence",
            "cluster_id",
            "is_first",
            "change_types",
            "changes",
        )
        for row in self.stream(
            "SELECT q.id, a.id, a.url, a.source, a.published, a.title, q.text, q.kind, q.speaker, "
            "q.speaker_type, "
            "q.speaker_mention, q.cue, q.start_char, q.end_char, q.confidence, m.cluster_id, "
            "CASE WHEN c.first_quote_id = q.id THEN 1 ELSE 0 END, m.change_types, m.changes "
            "FROM quotes q JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN cluster_members m ON m.quote_id = q.id LEFT JOIN clusters c ON c.id = m.cluster_id "
            "ORDER BY q.id"
        ):
            record = dict(zip(columns, row, strict=True))
            record["is_first"] = bool(record["is_first"]) if record["cluster_id"] is not None else None
            record["changes"] = json.loads(record["changes"]) if record["changes"] else []
            record["change_types"] = [t for t in (record["change_types"] or "").split(",") if t]
            yield record


def _view(cluster_id: int, rows: list[tuple[Any, ...]]) -> ClusterView:
    appearances = []
    first: Appearance | None = None
    types: str = ""
    score = 0.0
    for (
        _,
        qid,
        aid,
        source,
        url,
        published,
        ingested,
        text,
        speaker,
        sim,
        mscore,
        changes,
        fqid,
        ctypes,
        cs,
    ) in rows:
        parsed = tuple(Change.from_dict(c) for c in json.loads(changes or "[]"))
        app = Appearance(
            int(qid),
            str(aid),
            source,
            url,
            published,
            str(ingested),
            text,
            speaker,
            float(sim),
            float(mscore),
            parsed,
        )
        types, score = ctypes, float(cs)
        if int(qid) == int(fqid):
            first = app
        else:
            appearances.append(app)
    appearances.sort(key=lambda a: order_key(a.published, a.ingested_at, a.quote_id))
    if first is None:  # cannot happen with a consistent database; degrade rather than crash
        first, appearances = appearances[0], appearances[1:]
    kinds = tuple(t for t in types.split(",") if t)
    return ClusterView(cluster_id, first, tuple(appearances), kinds, score)
