"""A person who speaks unnamed and is then "she": "A spokeswoman for the U.S. Department of Agriculture
said the agency had approved emergency grazing. “We're doing what we can,” she said." The resolver's
pronoun rule looks only at named people (people.py), and gave that "she" to the woman named in the
paragraph before. `UnnamedSpeaker` keeps the last such speaker, introduced as someone new ("A …", "One
…": a definite description, "The Vermont senator", is someone the article named, whom the roles may not
link), for a "he" or "she" of the same paragraph, where the noun's gender fits and no named person of
that gender has been mentioned since ("A reporter asked Sanders how he's feeling. He replied: …" is
Sanders); so is a gendered role of someone named ("Hunt's spokesman"). PolNeAR train: 2 speakers
changed, both right; dev none. A definite description ("The spokesman said …", "The company's chief
executive said …") is kept too, but continues only in an article that has named nobody of the
pronoun's gender before it: there the description is the only antecedent the "he" can have.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from saidwhat.names import KIN_GENDER
from saidwhat.roles import indefinite

if TYPE_CHECKING:
    from spacy.tokens import Token

    from saidwhat.people import Person

# the gender a person noun gives ("a spokesman" is no "she"); kinship nouns from names.KIN_GENDER
NOUN_GENDER = {
    **KIN_GENDER,
    **dict.fromkeys(("man", "businessman", "congressman", "chairman", "spokesman", "boy"), "m"),
    **dict.fromkeys(("woman", "businesswoman", "congresswoman", "chairwoman", "spokeswoman", "girl"), "f"),
}


@dataclass
class UnnamedSpeaker:
    """The last person speaker no name gives: name, the gender its noun gives, where its mention ends."""

    name: str | None = None
    gender: str | None = None
    end: int = -1
    definite: bool = False  # "the spokesman": a "he" continues it only where no one else could be meant

    def note(self, src: Token, name: str, mention_end: int, people: list[Person]) -> None:
        """A person speaker, resolved to `name`: kept when unnamed and new, else it ends the last one."""
        unnamed = src.pos_ == "NOUN" and src.tag_ == "NN" and not any(p.name == name for p in people)
        self.definite = unnamed and not indefinite(src) and not _someones(src)
        self.name = name if unnamed else None
        self.gender = NOUN_GENDER.get(src.lower_) if unnamed else None
        self.end = mention_end

    def continued_by(self, pronoun: Token, gender: str, text: str, people: list[Person]) -> str | None:
        """The unnamed speaker's name where `pronoun` (of `gender`) continues it; `text` is the doc's."""
        if self.name is None or "\n" in text[self.end : pronoun.idx] or self.gender not in (None, gender):
            return None
        doc = pronoun.doc
        if self.definite:  # any named person of that gender before the pronoun could be meant instead
            rival = any(p.gender in (None, gender) and 0 <= p.last_seen < pronoun.i for p in people)
            return None if rival else self.name
        since = any(
            p.gender in (None, gender) and p.last_outside >= 0 and doc[p.last_outside].idx > self.end
            for p in people
        )
        return None if since else self.name


def _someones(noun: Token) -> bool:
    """Is `noun` a gendered role of someone named ("Hunt's spokesman", "Mr. Lee's wife")? Like a new
    person ("A spokesman"), it is no one the article named under that role, so a "he" right after it
    continues it unless someone of that gender is mentioned between ("Hunt's spokesman said she had
    “every sympathy”. But she would not “sign a blank cheque,” he said." is the spokesman, not the
    man named a paragraph before)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return noun.lower_ in NOUN_GENDER and owner is not None and owner.tag_ in ("NNP", "NNPS")
