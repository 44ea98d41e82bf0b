"""Tree edits shared by the parse repairs (saidwhat.tree_edits), on a real parse."""

from __future__ import annotations

from typing import Any

from saidwhat.tree_edits import has_subject, read_tree, write_tree


def test_an_edited_head_goes_back_into_the_doc_and_the_rest_stays(nlp: Any) -> None:
    doc = nlp("Officials said the plant was closed.")
    before = [(t.head.i, t.dep_, t.tag_) for t in doc]
    heads, deps, tags = read_tree(doc)
    plant, was = doc[3], doc[4]
    heads[plant.i], deps[plant.i] = was.i - plant.i, doc.vocab.strings.add("attr")  # signed offsets
    write_tree(doc, heads, deps, tags)
    assert (doc[3].head.i, doc[3].dep_) == (4, "attr")
    assert [(t.head.i, t.dep_, t.tag_) for t in doc if t.i != 3] == [
        b for k, b in enumerate(before) if k != 3
    ]


def test_a_verb_has_a_subject_only_where_the_parse_gives_it_one(nlp: Any) -> None:
    doc = nlp("Officials said the plant was closed.")
    assert has_subject(doc[1])
    assert not has_subject(doc[3])


def test_a_tree_edit_moves_tokens_by_token_and_writes_once(nlp: Any) -> None:
    from saidwhat.tree_edits import TreeEdit

    doc = nlp("The union has rejected the offer, its leader said.")
    rejected, said, stop = doc[3], doc[9], doc[10]
    assert (said.dep_, rejected.head.i, stop.head.i) == ("ROOT", 9, 9)  # the parse the edit undoes
    tree = TreeEdit(doc)
    tree.take_place(rejected, said)  # the root, where "said" was the root
    tree.attach(said, rejected, "parataxis")
    tree.hand_over_trailing(said, rejected)  # what "said" held after "rejected": comma, subject, full stop
    tree.retag(rejected, "VBD", "VERB")  # no coarse column was read: the fine tag only
    assert tree.done() is doc
    assert (rejected.dep_, rejected.head.i, said.dep_, said.head.i) == ("ROOT", 3, "parataxis", 3)
    assert stop.head.i == 3 and rejected.tag_ == "VBD"


def test_a_verb_closes_its_sentence_with_only_its_own_phrases_after_it(nlp: Any) -> None:
    from saidwhat.tree_edits import closes_its_sentence

    doc = nlp("The union rejected the offer, its leader said on Friday.\n\nTalks resume next week.")
    assert closes_its_sentence(next(t for t in doc if t.text == "said"))  # the paragraph break too
    assert not closes_its_sentence(next(t for t in doc if t.text == "rejected"))
