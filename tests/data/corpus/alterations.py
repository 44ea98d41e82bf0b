"""A test set of news-style articles whose quotes were reprinted with known alterations.

Everything is invented (names, outlets, places) and generated from a seed, so the set is reproducible and
its ground truth exact. Each *original* quote is printed first by a wire outlet; later articles reprint it
unchanged, or altered in one or two known ways: words removed, words added, a word replaced, editorial
brackets or an ellipsis changed, truncated at the start or end, or pinned on another speaker. Around them:
hard negatives (other quotes of the same speaker built on the same sentence frame, sharing vocabulary) and
short stock phrases ("No comment.") repeated in many articles, which must never be grouped.

    python tests/data/corpus/alterations.py        # rewrites alterations.jsonl and alterations_truth.jsonl

`alterations.jsonl` is saidwhat ingest input (id, url, source, published, title, text, plus the planted
quotes under "planted"); `alterations_truth.jsonl` has one line per planted quote: article id, the quote's
character span, its group (the original it derives from, or null for stock phrases) and the expected
change types relative to the original.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from saidwhat.corpus.linking import MIN_CONTENT_WORDS
from saidwhat.corpus.text import content_words, words

HERE = Path(__file__).parent

# fmt: off
FIRST = ["Maria", "James", "Laura", "Daniel", "Priya", "Tomas", "Helen", "Omar", "Grace", "Victor", "Nadia",
    "Samuel", "Irene", "Felix", "Chloe", "Martin"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Castellano", "Whitfield", "Nakamura", "Brennan", "Adeyemi",
    "Kowalski", "Delgado", "Harrow", "Petrenko"]
OUTLETS = ["Northern Wire", "Daily Ledger", "Harbor Post", "Civic Review", "Metro Dispatch",
    "Plainview Blog", "Signal Daily", "The Courier", "Valley Times", "Open Feed"]
PLACES = ["Easton", "Millbrook", "the harbor district", "Riverside", "the northern suburbs",
    "Carver County", "the old mill quarter", "Westfield", "Lakeshore", "the rail corridor"]
NOUNS = ["budget", "bridge", "clinic", "school", "water plant", "bus network", "housing plan", "tax credit",
    "fire station", "library", "wage deal", "flood barrier", "rail link", "police review", "trade fund",
    "park", "pension fund", "hospital wing", "ferry service", "power grid"]
VERBS = ["fund", "rebuild", "protect", "expand", "audit", "reopen", "finish", "defend", "review",
    "modernise"]
TIMES = ["before the winter", "by next spring", "within two years", "this summer", "before the election",
    "by the end of the decade", "in the coming months", "before the next budget"]
REASONS = ["families cannot wait any longer", "the last council ignored the warnings",
    "the numbers finally add up", "our workers deserve certainty",
    "the state has promised to match every dollar", "people are tired of empty promises",
    "the inspectors found serious safety problems", "local businesses depend on it",
    "we owe it to the next generation", "the contract expires in March"]
GROUPS = ["the council", "the union", "the governor's office", "the federal agency", "the contractors",
    "the residents' association", "the hospital board", "the opposition"]
FRAMES = [  # the first sentence of a quote
    "We are going to {verb} the {noun} in {place} {time}.",
    "I told {group} that we will {verb} the {noun} {time}.",
    "Nobody in {place} should have to wait for the {noun} any longer.",
    "The {noun} is not a luxury for {place}, it is a necessity.",
    "I sent [{group}] a letter saying we would {verb} the {noun} {time}.",
    "If {group} blocks the {noun} again, {place} will remember it.",
    "My job is to {verb} the {noun} and to make sure {place} gets its share.",
    "There is no plan B for the {noun} in {place}.",
    "We asked [{group}] for one thing, to {verb} the {noun}, and they refused.",
    "Frankly, the {noun} in {place} was neglected for years.",
    "Every penny spent on the {noun} comes back to {place} twice over.",
    "I have walked through {place} and seen what a broken {noun} does to people.",
]
TAILS = [  # the second sentence
    "We owe that to {people} who {act}.",
    "Anyone who says otherwise has not met {people} who {act}.",
    "{group_cap} can argue about the numbers, but {people} {act}.",
    "That is the promise I made to {people}, and I will keep it {time}.",
    "The alternative is telling {people} that they {act} for nothing.",
    "I will not apologise for standing with {people} who {act}.",
    "Ask {people} in {place} whether they {act} and you will hear the answer.",
    "History will judge us by what we did for {people} who {act}.",
    "We will {verb} it {time} or explain to {people} why we failed them.",
    "Nobody elected us to tell {people} to keep waiting while they {act}.",
]
PEOPLE = ["the nurses", "the bus drivers", "the pensioners", "the young families", "the shop owners",
    "the farmers", "the teachers", "the students", "the veterans", "the commuters", "the fishermen",
    "the carers"]
ACTS = ["work double shifts", "pay their taxes on time", "queue every morning", "keep this town running",
    "lost their savings in the floods", "drive two hours to a hospital", "clean up after every storm",
    "raise children on one wage", "open their doors at dawn", "volunteer every weekend"]
STOCK = ["No comment.", "Thank you very much.", "We'll see.", "I have nothing to add.", "It is what it is.",
    "We are looking into it."]
ADDED = ["really", "absolutely", "frankly", "very clearly", "of course", "honestly", "simply", "truly"]
SWAPS = {"families": "parents", "workers": "employees", "promise": "pledge", "letter": "note",
    "voters": "citizens", "years": "decades", "necessity": "priority", "luxury": "gift",
    "refused": "declined", "people": "residents", "fair": "proper", "warnings": "reports",
    "certainty": "stability", "numbers": "figures"}
FILLER = ["The remarks came during a heated session that ran late into the evening.",
    "Officials did not immediately respond to a request for further details.",
    "The proposal is expected to return to the chamber for a vote next month.",
    "Critics have questioned the cost estimates, which have risen twice this year.",
    "Supporters gathered outside the building before the meeting began."]
# fmt: on


@dataclass
class Planted:
    """One quote placed in an article, with its ground truth."""

    text: str
    speaker: str
    group: int | None
    changes: tuple[str, ...]


@dataclass
class Article:
    ident: str
    outlet: str
    day: int
    quotes: list[Planted] = field(default_factory=list)


def _speakers(rng: random.Random, n: int) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        names.add(f"{rng.choice(FIRST)} {rng.choice(LAST)}")
    return sorted(names)


def _fill(rng: random.Random, frame: str) -> str:
    """A two-sentence quote: `frame` and a random tail, every slot filled at random."""
    group = rng.choice(GROUPS)
    text = f"{frame} {rng.choice(TAILS)}"
    if rng.random() < 0.3:
        text = text.replace(".", f", because {rng.choice(REASONS)}.", 1)
    return text.format(
        verb=rng.choice(VERBS),
        noun=rng.choice(NOUNS),
        place=rng.choice(PLACES),
        time=rng.choice(TIMES),
        group=group,
        group_cap=group[0].upper() + group[1:],
        people=rng.choice(PEOPLE),
        act=rng.choice(ACTS),
    )


def _words(text: str) -> list[str]:
    return text.split(" ")


def _distinct(text: str, seen: set[str]) -> bool:
    """Whether `text` is a different quote from every one in `seen` (under half its content words shared):
    two quotes differing in one slot would be, in truth, one quote with a word replaced."""
    mine = set(content_words(words(text)))
    return all(
        len(mine & (other := set(content_words(words(s))))) < 0.5 * min(len(mine), len(other)) for s in seen
    )


def alter(
    rng: random.Random, text: str, kind: str, others: list[str], speaker: str
) -> tuple[str, str] | None:
    """`text` altered by `kind`, and the speaker it is attributed to; None when `kind` does not apply."""
    w = _words(text)
    n = len(w)
    if kind == "removed":
        size = rng.randint(1, 3)
        at = rng.randint(2, n - size - 2)
        # Cutting next to a repeated word makes the diff ambiguous; move on if the neighbours repeat.
        if w[at - 1].strip(",.;:").lower() == w[at + size - 1].strip(",.;:").lower():
            return None
        return " ".join(w[:at] + w[at + size :]), speaker
    if kind == "added":
        at = rng.randint(2, n - 2)
        return " ".join([*w[:at], rng.choice(ADDED), *w[at:]]), speaker
    if kind == "replaced":
        spots = [i for i, t in enumerate(w) if t.strip(",.;:").lower() in SWAPS and 0 < i < n - 1]
        if not spots:
            return None
        i = rng.choice(spots)
        bare = w[i].strip(",.;:")
        w[i] = w[i].replace(bare, SWAPS[bare.lower()])
        return " ".join(w), speaker
    if kind == "brackets":
        if "[" in text:
            return text.replace("[", "").replace("]", ""), speaker
        size = rng.randint(2, 4)
        at = rng.randint(3, n - size - 3)
        return " ".join([*w[:at], "…", *w[at + size :]]), speaker
    if kind == "truncated":
        cut = rng.randint(max(2, n // 5), max(3, int(n * 0.4)))
        kept = " ".join(w[cut:] if rng.random() < 0.5 else w[: n - cut])
        # Real truncations keep a quotable piece: whole bracketed groups, and enough words to be
        # linkable at all (saidwhat never links a quote under MIN_CONTENT_WORDS content words).
        if kept.count("[") != kept.count("]") or len(set(content_words(words(kept)))) < MIN_CONTENT_WORDS:
            return None
        return kept, speaker
    if kind == "speaker":
        return text, rng.choice([o for o in others if o != speaker])
    raise ValueError(kind)


def _apply(
    rng: random.Random, orig: Planted, plan: tuple[str, ...], people: list[str]
) -> tuple[str, str, tuple[str, ...]]:
    """`orig` altered by every kind in `plan` (a few random tries), else an unaltered copy."""
    for _ in range(20):
        text, speaker = orig.text, orig.speaker
        for kind in plan:
            result = alter(rng, text, kind, people, speaker)
            if result is None:
                break
            text, speaker = result
        else:
            return text, speaker, plan
    return orig.text, orig.speaker, ()


KINDS = ("removed", "added", "replaced", "brackets", "truncated", "speaker")
COMBOS = (("truncated", "speaker"), ("removed", "replaced"), ("added", "brackets"))


def build(seed: int = 7, n_originals: int = 160) -> list[Article]:
    """Articles in publication order (originals on day 0..9, reprints after)."""
    rng = random.Random(seed)
    people = _speakers(rng, 24)
    articles: list[Article] = []
    originals: list[Planted] = []
    seen: set[str] = set()
    for _ in range(200 * n_originals):
        if len(originals) == n_originals:
            break
        text = _fill(rng, FRAMES[len(originals) % len(FRAMES)])
        if not _distinct(text, seen):
            continue
        seen.add(text)
        originals.append(Planted(text, rng.choice(people), len(originals), ()))
    # Originals: one wire article each, two per day.
    for g, orig in enumerate(originals):
        art = Article(f"wire-{g:04d}", OUTLETS[0], g // 16)
        art.quotes.append(orig)
        if g % 4 == 0:
            art.quotes.append(Planted(rng.choice(STOCK), orig.speaker, None, ()))
        articles.append(art)
    # Reprints: each original gets two altered reprints (of different kinds) and one faithful copy.
    n = 0
    for g, orig in enumerate(originals):
        kinds: list[tuple[str, ...]] = [(KINDS[(g + k) % len(KINDS)],) for k in (0, 3)]
        if g % 5 == 0:
            kinds.append(COMBOS[g % len(COMBOS)])
        kinds.append(())
        for wanted in kinds:
            text, speaker, plan = _apply(rng, orig, wanted, people)
            n += 1
            outlet = OUTLETS[1 + n % (len(OUTLETS) - 1)]
            art = Article(f"{outlet.lower().replace(' ', '-')}-{n:04d}", outlet, 10 + n % 30)
            art.quotes.append(Planted(text, speaker, g, plan))
            if n % 3 == 0:
                art.quotes.append(Planted(rng.choice(STOCK), speaker, None, ()))
            articles.append(art)
    # Hard negatives: same speaker, same frame, different slots (a different quote on the same topic).
    for g, orig in enumerate(originals[:60]):
        text = _fill(rng, FRAMES[g % len(FRAMES)])
        if not _distinct(text, seen):
            continue
        seen.add(text)
        articles.append(
            Article(
                f"negative-{g:04d}",
                OUTLETS[g % len(OUTLETS)],
                12 + g % 20,
                [Planted(text, orig.speaker, 10_000 + g, ())],
            )
        )
    articles.sort(key=lambda a: (a.day, a.ident))
    return articles


def render(article: Article) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The JSONL record of an article and the truth lines of its planted quotes (with their offsets)."""
    rng = random.Random(article.ident)
    parts: list[str] = [f"{article.outlet} reported on the latest developments in local politics."]
    truth: list[dict[str, Any]] = []
    for q in article.quotes:
        lead = " ".join(parts) + " "
        text = q.text.rstrip(".")
        sentence = (
            f"“{text},” {q.speaker} said on {rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday'])}."
        )
        start = len(lead) + 1
        truth.append(
            {
                "article_id": article.ident,
                "start": start,
                "end": start + len(text),
                "text": q.text,
                "speaker": q.speaker,
                "group": q.group,
                "changes": list(q.changes),
            }
        )
        parts.append(sentence)
        parts.append(rng.choice(FILLER))
    body = " ".join(parts)
    record = {
        "id": article.ident,
        "url": f"https://{article.outlet.lower().replace(' ', '')}.example/{article.ident}",
        "source": article.outlet,
        "published": f"2024-05-{1 + article.day:02d}T{8 + len(article.ident) % 10:02d}:00:00Z",
        "title": f"{article.outlet}: council news",
        "text": body,
        "planted": [
            {"text": t["text"], "speaker": t["speaker"], "start": t["start"], "end": t["end"]} for t in truth
        ],
    }
    return record, truth


def main() -> None:
    records, truths = [], []
    for article in build():
        record, truth = render(article)
        records.append(record)
        truths.extend(truth)
    with (HERE / "alterations.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    with (HERE / "alterations_truth.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(t, ensure_ascii=False) + "\n" for t in truths)
    altered = [t for t in truths if t["changes"]]
    kinds = sorted({k for t in altered for k in t["changes"]})
    print(
        f"{len(records)} articles, {len(truths)} quotes, {len(altered)} altered appearances, kinds: {kinds}"
    )


if __name__ == "__main__":
    main()


def score(rows: list[dict[str, Any]], truth: list[dict[str, Any]]) -> dict[str, Any]:
    """Compare a corpus export (`Corpus.export_rows()`) with the ground truth.

    A planted quote is matched to the stored quote of its article whose span overlaps it most. An altered
    appearance is right when it sits in the cluster of its original AND its change types are exactly the
    expected ones. A false grouping is a planted quote whose cluster also holds a quote of another group
    (stock phrases and hard negatives are groups of their own).
    """
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_article.setdefault(str(row["article_id"]), []).append(row)

    def match(t: dict[str, Any]) -> dict[str, Any] | None:
        best, overlap = None, 0
        for row in by_article.get(t["article_id"], []):
            o = min(row["end"], t["end"]) - max(row["start"], t["start"])
            if o > overlap:
                best, overlap = row, o
        return best if overlap >= 0.5 * (t["end"] - t["start"]) else None

    matched = [(t, match(t)) for t in truth]
    cluster_of_original = {
        t["group"]: r["cluster_id"]
        for t, r in matched
        if r and t["group"] is not None and t["article_id"].startswith("wire-")
    }
    members: dict[Any, set[Any]] = {}
    for t, r in matched:
        if r and r["cluster_id"] is not None:
            key = t["group"] if t["group"] is not None else f"stock:{t['text']}"
            members.setdefault(r["cluster_id"], set()).add(key)
    altered = [(t, r) for t, r in matched if t["changes"]]
    copies = [
        (t, r)
        for t, r in matched
        if t["group"] is not None
        and t["group"] < 10_000
        and not t["changes"]
        and not t["article_id"].startswith("wire-")
    ]

    def grouped(t: dict[str, Any], r: dict[str, Any] | None) -> bool:
        return (
            bool(r) and r["cluster_id"] is not None and r["cluster_id"] == cluster_of_original.get(t["group"])
        )

    right = [
        1 for t, r in altered if grouped(t, r) and r and sorted(r["change_types"]) == sorted(t["changes"])
    ]
    per_kind: dict[str, list[int]] = {}
    for t, r in altered:
        ok = grouped(t, r) and r is not None and sorted(r["change_types"]) == sorted(t["changes"])
        for kind in t["changes"]:
            per_kind.setdefault(kind, []).append(int(ok))
    false = sum(
        1 for t, r in matched if r and r["cluster_id"] is not None and len(members[r["cluster_id"]]) > 1
    )
    stock_sizes = [
        len([1 for t, r in matched if r and r["cluster_id"] == cid])
        for cid, keys in members.items()
        if any(str(k).startswith("stock:") for k in keys)
    ]
    return {
        "planted": len(truth),
        "found": sum(1 for _, r in matched if r),
        "altered": len(altered),
        "altered_right": len(right),
        "altered_grouped": sum(1 for t, r in altered if grouped(t, r)),
        "accuracy": len(right) / len(altered) if altered else 0.0,
        "copies_grouped": sum(1 for t, r in copies if grouped(t, r) and r and not r["change_types"])
        / max(len(copies), 1),
        "false_groupings": false,
        "false_grouping_rate": false / max(len(truth), 1),
        "largest_stock_cluster": max(stock_sizes, default=0),
        "per_kind": {k: f"{sum(v)}/{len(v)}" for k, v in sorted(per_kind.items())},
    }
