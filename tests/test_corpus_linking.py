"""Quote identity across articles: which appearances are grouped, which is first, what stays apart."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "data" / "corpus"))
from fakes import article, fake_extract

from saidwhat.corpus import Corpus
from saidwhat.corpus.linking import BUCKET_CAP, MIN_CONTENT_WORDS, similarity
from saidwhat.corpus.minhash import BANDS, band_keys, signatures

QUOTE = "We will not raise taxes on working families, and I sent [the president] a letter saying so."


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return Corpus(str(tmp_path / "c.sqlite"))


def cluster_of(corpus: Corpus, article_id: str) -> int | None:
    rows = corpus.store.query(
        "SELECT m.cluster_id FROM quotes q LEFT JOIN cluster_members m ON m.quote_id = q.id WHERE "
        "q.article_id = ?",
        (article_id,),
    )
    return rows[0][0]


def test_exact_reprints_and_variants_share_a_cluster(corpus: Corpus) -> None:
    docs = [
        article("a1", [(QUOTE, "Joe Biden")], "2024-01-01"),
        article("a2", [(QUOTE, "Joe Biden")], "2024-01-02"),
        article("a3", [(QUOTE.replace("[the president]", "the president"), "Joe Biden")], "2024-01-03"),
        article("a4", [(QUOTE.replace("working ", ""), "Joe Biden")], "2024-01-04"),
        article(
            "a5",
            [("We will not raise taxes on working families, and I sent [the president]", "Joe Biden")],
            "2024-01-05",
        ),
    ]
    corpus.ingest(docs, extractor=fake_extract)
    assert len({cluster_of(corpus, d.id) for d in docs}) == 1
    view = corpus.cluster(cluster_of(corpus, "a1") or 0)
    assert view.first.article_id == "a1"
    assert [a.change_types for a in view.appearances] == [(), ("brackets",), ("removed",), ("truncated",)]


def test_quotes_in_one_batch_link_to_each_other(corpus: Corpus) -> None:
    docs = [
        article(f"a{i}", [(QUOTE.replace("letter", f"letter number {i}"), "Joe Biden")]) for i in range(5)
    ]
    corpus.ingest(docs, extractor=fake_extract, batch_size=100)
    assert corpus.stats()["clusters"] == 1


def test_short_stock_phrases_never_cluster(corpus: Corpus) -> None:
    docs = [article(f"a{i}", [("No comment.", "Jane Doe"), ("Thank you very much, thank you all.", None)])
            for i in range(60)]  # fmt: skip
    corpus.ingest(docs, extractor=fake_extract)
    assert corpus.stats()["clusters"] == 0
    assert corpus.store.query("SELECT COUNT(*) FROM cluster_members")[0][0] == 0


def test_different_quotes_on_the_same_topic_stay_apart(corpus: Corpus) -> None:
    texts = [
        ("We will not raise taxes on working families this year, whatever the council says.", "Jane Doe"),
        (
            "Working families will pay more taxes this year because the council wasted the surplus.",
            "Jane Doe",
        ),
        (
            "The council says taxes must rise this year; working families disagree with the council.",
            "John Roe",
        ),
    ]
    docs = [article(f"a{i}", [t]) for i, t in enumerate(texts)]
    corpus.ingest(docs, extractor=fake_extract)
    assert corpus.stats()["clusters"] == 3


def test_first_appearance_is_by_publication_date_not_ingest_order(corpus: Corpus) -> None:
    late = article("late", [(QUOTE.replace("working ", ""), "Joe Biden")], "2024-03-01")
    early = article("early", [(QUOTE, "Joe Biden")], "2024-01-01")
    undated = article("undated", [(QUOTE.replace("raise", "hike"), "Joe Biden")])
    corpus.ingest([late, undated], extractor=fake_extract)
    corpus.ingest([early], extractor=fake_extract)
    view = corpus.cluster(cluster_of(corpus, "late") or 0)
    assert view.first.article_id == "early"
    assert [a.article_id for a in view.appearances] == ["late", "undated"]  # undated appearances come last
    # the stored diffs were recomputed against the new first appearance
    assert view.appearances[0].change_types == ("removed",)
    assert view.appearances[1].change_types == ("replaced",)
    assert corpus.store.query("SELECT first_quote_id FROM clusters")[0][0] == view.first.quote_id


def test_same_day_ties_break_by_ingest_time(corpus: Corpus) -> None:
    corpus.ingest([article("b", [(QUOTE, "Joe Biden")], "2024-01-01")], extractor=fake_extract)
    corpus.ingest([article("a", [(QUOTE, "Joe Biden")], "2024-01-01")], extractor=fake_extract)
    assert corpus.cluster(cluster_of(corpus, "a") or 0).first.article_id == "b"


def test_speaker_change_is_found_for_identical_words(corpus: Corpus) -> None:
    docs = [article("a1", [(QUOTE, "Joe Biden")], "2024-01-01"), article("a2", [(QUOTE, "Kamala Harris")])]
    corpus.ingest(docs, extractor=fake_extract)
    (view,) = list(corpus.variants(["speaker"]))
    assert view.appearances[0].changes[0].to_dict()["variant"] == "Kamala Harris"
    assert list(corpus.variants(["truncated"])) == []


def test_buckets_are_capped(corpus: Corpus) -> None:
    # many different quotes sharing most words: their common band keys stop taking entries at the cap
    docs = [
        article(
            f"a{i}",
            [
                (
                    f"Officials in district {i} said the water plant repairs will take {i} more weeks "
                    f"and cost taxpayers {i} million dollars",
                    "Jane Doe",
                )
            ],
        )
        for i in range(3 * BUCKET_CAP)
    ]
    corpus.ingest(docs, extractor=fake_extract)  # fmt: skip
    biggest = corpus.store.query(
        "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM lsh_buckets GROUP BY band_key) t"
    )
    assert biggest[0][0] <= BUCKET_CAP
    assert corpus.store.query("SELECT COUNT(*) FROM lsh_full_buckets")[0][0] > 0


def test_minhash_keys_are_stable_and_similar_sets_collide() -> None:
    a = sorted({"raise", "taxes", "working", "families", "sent", "president", "letter", "saying"})
    b = sorted(set(a) - {"working"})
    keys = band_keys(signatures([a, b, a]))
    assert keys.shape == (3, BANDS) and (keys[0] == keys[2]).all() and (keys >= 0).all()
    assert (keys[0] == keys[1]).any()


def test_similarity_needs_shared_content_in_order() -> None:
    from saidwhat.corpus.linking import _prepare_norm

    def prep(text: str):  # type: ignore[no-untyped-def]
        from saidwhat.corpus.text import norm_text, words

        return _prepare_norm(norm_text(words(text)))

    assert similarity(prep(QUOTE), prep(QUOTE.replace("working ", ""))) > 0.9
    shuffled = " ".join(reversed(QUOTE.split()))
    assert similarity(prep(QUOTE), prep(shuffled)) == 0.0
    assert MIN_CONTENT_WORDS >= 5
