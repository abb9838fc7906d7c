"""MTA302 duplicated-sentence and MTA303 duplicated-paragraph: the same text twice in an article.

Machine translation of segmented text, feeds that repeat a teaser, and copy-paste leave whole
sentences and paragraphs twice. Compared after folding case and white space.
"""

from __future__ import annotations

from typing import Iterator

from newslint.document import Document, once_per_document
from newslint.findings import Hit, Severity
from newslint.rule import Context, Rule, RuleDoc
from newslint.structure import BODY

# Shorter pieces repeat legitimately ("He declined to comment.").
MIN_SENTENCE_WORDS = 8
MIN_PARAGRAPH_WORDS = 12


def _key(text: str) -> str:
    # Most sentences have no white space to fold: printable text (no tab, newline or other
    # white space but the ASCII space) without two spaces in a row or at either end.
    if "  " not in text and text.isprintable() and text[:1] != " " and text[-1:] != " ":
        return text.casefold()
    return " ".join(text.split()).casefold()


def _all_distinct(texts: list[str]) -> bool:
    """Whether no two texts have the same _key: one map and a set, without the rules' tests of
    each sentence (its role, its length). Most articles repeat nothing, and the rules then need
    not look at each sentence. False means some may repeat."""
    keys = list(map(_key, texts))
    return len(set(keys)) == len(keys)


class DuplicatedSentence(Rule):
    code = "MTA302"
    name = "duplicated-sentence"
    category = "mt-artifact"
    severity = Severity.WARNING
    summary = "A sentence of eight words or more that the article already has"
    doc = RuleDoc(
        what="A sentence of at least eight words that appears earlier in the same article, in "
             "another paragraph or the same one; the later copy is reported. Sentences inside "
             "a paragraph that repeats a whole paragraph are left to MTA303.",
        why="A repeated sentence is a trace of machine translation of segmented text or of a "
            "careless paste; readers notice it at once.",
        bad="The council approved the new harbour budget on Monday evening. Work starts in May.\n\n"
            "Residents welcomed the plan. The council approved the new harbour budget on Monday evening.\n",
        good="The council approved the new harbour budget on Monday evening. Work starts in May.\n\n"
             "Residents welcomed the plan, which the council approved after a long debate.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if _all_distinct([sentence.text for sentence in doc.sentences]):
            return
        repeated_blocks = _repeated_blocks(doc)
        roles = doc.roles
        seen: set[str] = set()
        for sentence in doc.sentences:
            if roles[sentence.block] != BODY or sentence.block in repeated_blocks:
                continue
            if sentence.text.count(" ") + 1 < MIN_SENTENCE_WORDS:
                continue
            key = _key(sentence.text)
            if key in seen:
                yield Hit(sentence.start, sentence.end, "Sentence repeated: the article already has it")
            seen.add(key)


class DuplicatedParagraph(Rule):
    code = "MTA303"
    name = "duplicated-paragraph"
    category = "mt-artifact"
    severity = Severity.WARNING
    summary = "A paragraph that the article already has"
    doc = RuleDoc(
        what="A paragraph of at least twelve words that appears earlier in the same article; the "
             "later copy is reported.",
        why="Scrapers and feeds repeat the teaser or a whole paragraph; the copy should go.",
        bad="The council approved the new harbour budget on Monday evening after a long debate.\n\n"
            "Work starts in May.\n\n"
            "The council approved the new harbour budget on Monday evening after a long debate.\n",
        good="The council approved the new harbour budget on Monday evening after a long debate.\n\n"
             "Work starts in May.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        for index in sorted(_repeated_blocks(doc)):
            block = doc.blocks[index]
            yield Hit(block.start, block.end, "Paragraph repeated: the article already has it")


@once_per_document  # MTA302 and MTA303 ask in turn
def _repeated_blocks(doc: Document) -> set[int]:
    """Indexes of the body paragraphs that repeat an earlier one."""
    if _all_distinct(doc.block_texts):
        return set()
    seen: set[str] = set()
    repeated = set()
    roles = doc.roles
    for block in doc.blocks:
        if roles[block.index] != BODY or block.text.count(" ") + 1 < MIN_PARAGRAPH_WORDS:
            continue
        key = _key(block.text)
        if key in seen:
            repeated.add(block.index)
        seen.add(key)
    return repeated


DUPLICATION_RULES = [DuplicatedSentence, DuplicatedParagraph]
