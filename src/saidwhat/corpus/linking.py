"""Incremental quote linking: each new quote joins the cluster of its earlier versions or founds one.

A batch of new quotes is linked with a fixed number of queries, whatever the corpus size:
1. fingerprint every quote (normalised words, an exact-text hash, MinHash band keys);
2. one query for exact-text matches, one for the LSH buckets of the rest, one for the candidates' words;
3. in memory, in input order: an exact match joins that cluster; otherwise the few candidates sharing the
   most band keys (one per cluster, at most `MAX_VERIFY`) are verified with a real comparison (shared
   content words, word-order containment) and the best one that passes is joined; otherwise the quote
   founds a cluster. Quotes of the same batch see each other;
4. diffs against each touched cluster's earliest appearance, and the writes.
Quotes with fewer than `MIN_CONTENT_WORDS` distinct content words are never linked ("thank you", "no
comment" would otherwise gather thousands of unrelated appearances). An LSH bucket that reaches
`BUCKET_CAP` distinct texts is a pair of common words, not evidence: it is marked full, takes no more
entries and is no longer looked up, so the lookup cost stays flat as the corpus grows.
"""

from __future__ import annotations

import difflib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from saidwhat.corpus.diff import CHANGE_TYPES, Diff, diff_quotes
from saidwhat.corpus.minhash import band_keys, signatures
from saidwhat.corpus.text import STOPWORDS, norm_hash, norm_text, words

MIN_CONTENT_WORDS = 6
MIN_SHARED = 5
MIN_CONTAINMENT = 0.75
MIN_SEQUENCE = 0.7
MAX_VERIFY = 4
BUCKET_CAP = 16

OrderKey = tuple[str, str, int]


def fingerprint_settings() -> str:
    """What the stored band keys depend on: a corpus built with other values cannot be linked into."""
    from saidwhat.corpus import minhash

    return (
        f"minhash {minhash.BANDS}x{minhash.ROWS} seed {minhash.SEED}; min {MIN_CONTENT_WORDS} content words"
    )


def order_key(published: str | None, ingested_at: str, quote_id: int) -> OrderKey:
    """How appearances are ordered: by publication date, then ingest time (undated ones last)."""
    return (published or "~", ingested_at, quote_id)


@dataclass(frozen=True, slots=True)
class LinkInput:
    """A stored quote waiting to be linked, with what ordering and diffing need."""

    quote_id: int
    text: str
    speaker: str | None
    published: str | None
    ingested_at: str

    @property
    def order(self) -> OrderKey:
        return order_key(self.published, self.ingested_at, self.quote_id)


@dataclass(frozen=True, slots=True)
class ClusterHead:
    """A stored cluster with its earliest appearance, as the linker needs it."""

    cluster_id: int
    first: LinkInput
    n_quotes: int
    n_altered: int
    change_types: frozenset[str]
    change_score: float


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One row of `cluster_members`."""

    quote_id: int
    cluster_id: int
    similarity: float
    change_types: str
    change_score: float
    changes: str


@dataclass(frozen=True, slots=True)
class ClusterRow:
    """One row of `clusters` to insert (`new`) or update."""

    cluster_id: int
    first_quote_id: int
    n_quotes: int
    n_altered: int
    change_types: str
    change_score: float
    new: bool


@dataclass
class LinkWrites:
    """Everything one `link` call writes, handed to the store in one go."""

    fingerprints: list[tuple[int, int, int, str]] = field(default_factory=list)
    buckets: list[tuple[int, int, int]] = field(default_factory=list)
    full_buckets: list[int] = field(default_factory=list)
    members: list[MemberRow] = field(default_factory=list)
    member_updates: list[MemberRow] = field(default_factory=list)
    clusters: list[ClusterRow] = field(default_factory=list)


class LinkStore(Protocol):
    """What the linker needs from a backend; every method is one query (or one bulk write)."""

    def exact_matches(self, hashes: Sequence[int]) -> dict[int, tuple[int, int]]: ...
    def bucket_members(self, keys: Sequence[int]) -> dict[int, list[tuple[int, int]]]: ...
    def full_buckets(self) -> set[int]: ...
    def fingerprint_norms(self, quote_ids: Sequence[int]) -> dict[int, str]: ...
    def cluster_heads(self, cluster_ids: Sequence[int]) -> dict[int, ClusterHead]: ...
    def cluster_member_inputs(self, cluster_id: int) -> list[tuple[LinkInput, float]]: ...
    def reserve_cluster_ids(self, n: int) -> Iterator[int]: ...
    def write_links(self, writes: LinkWrites) -> None: ...


@dataclass(slots=True)
class _Prepared:
    tokens: list[str]
    content: frozenset[str]
    norm: str = ""
    hash: int = 0
    keys: tuple[int, ...] = ()


def _prepare_norm(norm: str) -> _Prepared:
    tokens = norm.split()
    return _Prepared(tokens, frozenset(tokens).difference(STOPWORDS), norm)


def similarity(a: _Prepared, b: _Prepared) -> float:
    """0 when `a` and `b` are not the same quote, else their word-sequence similarity in (0, 1].

    Same quote = enough shared content words, most of the shorter one's content words in the longer one
    (containment, not Jaccard: a truncated quote is still the quote), and most of its words in the same
    order (so two different sentences about the same topic with the same vocabulary stay apart).
    """
    shared = len(a.content & b.content)
    if shared < MIN_SHARED or shared < MIN_CONTAINMENT * min(len(a.content), len(b.content)):
        return 0.0
    matcher = difflib.SequenceMatcher(None, a.tokens, b.tokens, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    if matched < MIN_SEQUENCE * min(len(a.tokens), len(b.tokens)):
        return 0.0
    return 2.0 * matched / (len(a.tokens) + len(b.tokens))


@dataclass
class LinkStats:
    """Counters and time spent, summed over `link` calls (the benchmark reads them)."""

    quotes: int = 0
    unlinkable: int = 0
    exact: int = 0
    similar: int = 0
    founded: int = 0
    verified: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0


class Linker:
    """Links batches of stored quotes through a `LinkStore`; keeps no state between batches but counters."""

    def __init__(self, store: LinkStore) -> None:
        self.store = store
        self.stats = LinkStats()
        self._full: set[int] | None = None

    def link(self, items: Sequence[LinkInput]) -> None:
        """Assign every linkable quote of `items` to a cluster and write the result (inside the caller's
        transaction: the quotes, their links and the cluster updates commit together)."""
        started, cpu = time.perf_counter(), time.process_time()
        self.stats.quotes += len(items)
        todo: list[tuple[LinkInput, _Prepared]] = []
        for item in items:
            tokens = words(item.text)
            content = frozenset(tokens).difference(STOPWORDS)
            if len(content) < MIN_CONTENT_WORDS:
                self.stats.unlinkable += 1
                continue
            norm = norm_text(tokens)
            todo.append((item, _Prepared(tokens, content, norm, norm_hash(norm))))
        if todo:
            keys = band_keys(signatures([sorted(p.content) for _, p in todo]))
            for (_, p), row in zip(todo, keys.tolist(), strict=True):
                p.keys = tuple(row)
            self._assign(todo)
        self.stats.seconds += time.perf_counter() - started
        self.stats.cpu_seconds += time.process_time() - cpu

    def _assign(self, todo: list[tuple[LinkInput, _Prepared]]) -> None:
        store = self.store
        exact = store.exact_matches(sorted({p.hash for _, p in todo}))
        rest = [p for _, p in todo if p.hash not in exact]
        if self._full is None:
            self._full = store.full_buckets()
        full = self._full
        wanted_keys = sorted({k for p in rest for k in p.keys if k not in full})
        buckets = store.bucket_members(wanted_keys) if wanted_keys else {}
        for key, entries in buckets.items():
            if len(entries) >= BUCKET_CAP:  # filled by another writer: learn it here
                full.add(key)
        wanted: set[int] = set()
        shortlist: dict[int, list[tuple[int, int]]] = {}
        for p in rest:
            shortlist[id(p)] = picks = _top_candidates(p.keys, buckets)
            wanted.update(q for q, _ in picks)
        known = (
            {q: _prepare_norm(n) for q, n in store.fingerprint_norms(sorted(wanted)).items()}
            if wanted
            else {}
        )
        new_ids = store.reserve_cluster_ids(len(rest))

        local_exact: dict[int, tuple[int, int]] = {}
        local_buckets: dict[int, list[tuple[int, int]]] = defaultdict(list)
        writes = LinkWrites()
        joined: dict[int, list[tuple[LinkInput, float]]] = defaultdict(list)
        founded: set[int] = set()
        for item, p in todo:
            hit = exact.get(p.hash) or local_exact.get(p.hash)
            if hit is not None:
                joined[hit[1]].append((item, 1.0))
                self.stats.exact += 1
                continue
            picks = shortlist[id(p)]
            local = _top_candidates(p.keys, local_buckets) if local_buckets else []
            best_cluster, best_score = 0, 0.0
            for qid, cid in _merge_picks(picks, local):
                cand = known.get(qid)
                if cand is None:
                    continue
                self.stats.verified += 1
                score = similarity(p, cand)
                if score > best_score:
                    best_cluster, best_score = cid, score
            if best_cluster:
                self.stats.similar += 1
                cid = best_cluster
                joined[cid].append((item, best_score))
            else:
                cid = next(new_ids)
                founded.add(cid)
                self.stats.founded += 1
                joined[cid].append((item, 1.0))
            local_exact[p.hash] = (item.quote_id, cid)
            known[item.quote_id] = p
            writes.fingerprints.append((item.quote_id, cid, p.hash, p.norm))
            for key in p.keys:
                if key in full:
                    continue
                bucket = local_buckets[key]
                size = len(bucket) + len(buckets.get(key, ())) + 1
                bucket.append((item.quote_id, cid))
                writes.buckets.append((key, item.quote_id, cid))
                if size >= BUCKET_CAP:
                    full.add(key)
                    writes.full_buckets.append(key)
        heads = store.cluster_heads(sorted(set(joined) - founded))
        for cid, members in joined.items():
            self._update_cluster(cid, members, heads.get(cid), writes)
        store.write_links(writes)

    def _update_cluster(
        self, cid: int, members: list[tuple[LinkInput, float]], head: ClusterHead | None, writes: LinkWrites
    ) -> None:
        """Diff the new members against the cluster's earliest appearance; if one of them is earlier than
        the stored first, every stored member is re-diffed against the new first."""
        earliest = min(members, key=lambda m: m[0].order)[0]
        if head is not None and head.first.order <= earliest.order:
            rows = [_member_row(cid, item, sim, head.first) for item, sim in members]
            writes.members.extend(rows)
            types = set(head.change_types)
            for row in rows:
                types.update(t for t in row.change_types.split(",") if t)
            writes.clusters.append(
                ClusterRow(
                    cid,
                    head.first.quote_id,
                    head.n_quotes + len(rows),
                    head.n_altered + sum(1 for r in rows if r.change_types),
                    _types_str(types),
                    max([head.change_score, *(r.change_score for r in rows)]),
                    new=False,
                )
            )
            return
        old = self.store.cluster_member_inputs(cid) if head is not None else []
        everyone = [*old, *members]
        first = min((item for item, _ in everyone), key=lambda it: it.order)
        new_rows = [_member_row(cid, item, sim, first) for item, sim in members]
        old_rows = [_member_row(cid, item, sim, first) for item, sim in old]
        writes.members.extend(new_rows)
        writes.member_updates.extend(old_rows)
        all_rows = [*old_rows, *new_rows]
        types = {t for r in all_rows for t in r.change_types.split(",") if t}
        writes.clusters.append(
            ClusterRow(
                cid,
                first.quote_id,
                len(all_rows),
                sum(1 for r in all_rows if r.change_types),
                _types_str(types),
                max(r.change_score for r in all_rows),
                new=head is None,
            )
        )


def _top_candidates(keys: Sequence[int], buckets: dict[int, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The stored quotes sharing the most band keys with `keys`, the best one per cluster, at most
    MAX_VERIFY of them: verifying is the expensive step, so it is bounded."""
    counts: Counter[tuple[int, int]] = Counter()
    for key in keys:
        entries = buckets.get(key)
        if entries:
            counts.update(entries)
    if not counts:
        return []
    picked: list[tuple[int, int]] = []
    seen: set[int] = set()
    for (qid, cid), _ in counts.most_common():
        if cid not in seen:
            seen.add(cid)
            picked.append((qid, cid))
            if len(picked) == MAX_VERIFY:
                break
    return picked


def _merge_picks(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if not b:
        return a
    seen = {cid for _, cid in a}
    return a + [pick for pick in b if pick[1] not in seen][:MAX_VERIFY]


def _member_row(cid: int, item: LinkInput, sim: float, first: LinkInput) -> MemberRow:
    if item.quote_id == first.quote_id:
        return MemberRow(item.quote_id, cid, round(sim, 4), "", 0.0, "[]")
    diff: Diff = diff_quotes(first.text, item.text, first.speaker, item.speaker)
    return MemberRow(
        item.quote_id,
        cid,
        round(sim, 4),
        ",".join(diff.types),
        diff.score,
        json.dumps([c.to_dict() for c in diff.changes], ensure_ascii=False),
    )


def _types_str(types: set[str]) -> str:
    return ",".join(t for t in CHANGE_TYPES if t in types)
