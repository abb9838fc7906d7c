"""Word shapes the spelling rules never report: what is not a misspelling, whatever the dictionary.

No dictionary here, only the shape of a token and the characters around it. The spelling rules
(unknown_words.py) ask these questions only of words the dictionary does not know, so they may
be slower than a set lookup without slowing the run.

- numbers and measurements: any digit ("10km", "3pm", "1990s", "mp3"), and a short word right
  after a number ("10 km", "5 mph", "£3 bn");
- names and acronyms: a capital after the first letter ("BBC", "MPs", "iPhone", "McDonald");
  capitalised words are judged by the rule, which knows where sentences start;
- code and addresses: "_" or "." inside a token ("snake_case", "U.S", "bbc.co.uk"), file
  extensions (".png"), and tokens inside a URL, an e-mail address, a @handle or a #hashtag;
- what is deliberately not a word: one or two letters, a word drawn out of one or two letters
  ("hmmm", "zzz", "sooo"; "installler" is a slip), laughter ("hehe", "hahaha"), abbreviations
  with no vowel ("btw", "pls", "mgmt"), Roman numerals ("xiv"), words in other alphabets or
  with letters English does not use;
- the names of file formats ("wav", "jpeg"; FILE_FORMATS, from Python's own table), and a word
  the writer mentions rather than uses, alone in quotation marks (the term "liberati");
- a dropped g written with its apostrophe ("lovin'", "nothin'"): meant.
- a word cut by an HTML entity left undecoded in scraped text ("caf&#233;").
"""

from __future__ import annotations

from newslint import regexes

# URLs, e-mail addresses, handles and hashtags. Searched only in blocks that hold one of the
# _ADDRESS_MARKS, so most paragraphs never run it.
_ADDRESS = regexes.compile(
    r"(?:https?://|ftp://|www\.)\S+"  # a URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|(?<![\w@#])[@#]\w+"  # a handle or a hashtag
)
_ADDRESS_MARKS = ("://", "www.", "@", "#")
_ROMAN = regexes.compile(r"[ivxlcdm]+")
_ENTITY = regexes.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,6}|[A-Za-z]{2,8});")
_ENTITY_BEFORE = regexes.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,6}|[A-Za-z]{2,8});$")
_TRIPLE = regexes.compile(r"(.)\1\1")
_LAUGHTER = regexes.compile(r"(?:h[aeiou]){2,}h?")
_VOWEL = regexes.compile(r"[aeiouy]")
# Abbreviations with no vowel are this short ("btw", "mgmt"); a longer word without one is a slip.
MAX_ABBREVIATION_LETTERS = 4
# A word drawn out at its end ("hisss", "yesss") is this short once the letter is written once.
MAX_DRAWN_OUT_LETTERS = 5
_DRAWN_OUT_END = regexes.compile(r"(.)\1\1+$")
_OPENING_QUOTES = "\"“‘'"
_CLOSING_QUOTES = "\"”’'"
# Endings of possessives and contractions: "council's", "they've", "we'd", "don't".
CLITICS = ("'s", "'re", "'ve", "'ll", "'d", "'m", "n't")
# A short word after a number is a unit or a multiplier: "10 km", "5 mph", "3 bn".
MAX_UNIT_LETTERS = 4


def address_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses, handles and hashtags in `text` (one block)."""
    if not any(mark in text for mark in _ADDRESS_MARKS):
        return []
    return [m.span() for m in _ADDRESS.finditer(text)]


def touches_entity(text: str, start: int, end: int) -> bool:
    """The word is cut by an HTML entity left undecoded in plain text: "caf&#233;", "&amp;co"."""
    return (text.startswith("&", end) and _ENTITY.match(text, end) is not None) or (
        start > 0 and text[start - 1] == ";" and _ENTITY_BEFORE.search(text, 0, start) is not None)


def file_extension(text: str, start: int) -> bool:
    """The word follows a dot that follows no word: a file extension (".png", ".wav")."""
    return start >= 1 and text[start - 1] == "." and (start == 1 or not text[start - 2].isalnum())


# The names of file formats, three letters or more: the file endings Python's mimetypes module
# knows itself, as of Python 3.11 (tests/test_spelling.py checks that each one is), copied here
# because importing mimetypes costs a one-file run about 10 ms.
FILE_FORMATS = frozenset(
    """
    aac adts aif aifc aiff ass avi avif bat bcpio bin bmp cdf cpio csh css csv dll doc dot
    dvi eml eps etx exe gif gtar hdf heic heif htm html ico ief jpe jpeg jpg json ksh latex
    loas man mht mhtml mid midi mif mjs mov movie mpa mpe mpeg mpg nws obj oda opus pbm pct
    pdf pfx pgm pic pict png pnm pot ppa ppm pps ppt pwz pyc pyo ram ras rdf rgb roff rtf
    rtx sgm sgml shar snd src srt svg swf tar tcl tex texi texinfo tif tiff trig tsv txt
    ustar vcf vtt wasm wav webm webmanifest webp wiz wsdl xbm xlb xls xml xpdl xpm xsl xul
    xwd zip
    """.split()
)


def quoted_alone(text: str, start: int, end: int) -> bool:
    """The word is all of a quotation (with a comma or full stop before the closing mark): a
    term the writer mentions, a coinage or a foreign word, not one it uses."""
    if start == 0 or text[start - 1] not in _OPENING_QUOTES:
        return False
    if start > 1 and text[start - 1] in "'‘" and text[start - 2].isalnum():
        return False  # an apostrophe inside a word
    if end < len(text) and text[end] in ",.":
        end += 1
    return end < len(text) and text[end] in _CLOSING_QUOTES


def restored_g(text: str, end: int, lower: str) -> str | None:
    """The word with the g its apostrophe says was dropped on purpose ("lovin'": "loving"), or
    None; the caller asks whether that word is known."""
    if lower.endswith("in") and end < len(text) and text[end] in "'’":
        return lower + "g"
    return None


def drawn_out_end(word: str) -> list[str]:
    """The short word that `word` draws out at its end, with its last letter once and twice
    ("hisss": "his", "hiss"); [] when it does not, or is not short."""
    m = _DRAWN_OUT_END.search(word)
    if m is None or m.start() + 1 > MAX_DRAWN_OUT_LETTERS:
        return []
    base = word[:m.start()]
    return [base + m.group(1), base + m.group(1) * 2]


def has_digit(word: str) -> bool:
    # isalpha() first: one C call answers for most words (a letter is never a digit).
    return not word.isalpha() and any(map(str.isdigit, word))


def is_code_or_abbreviation(word: str) -> bool:
    """snake_case, dotted abbreviations ("U.S", "e.g") and domain names ("bbc.co.uk")."""
    return "_" in word or "." in word


def has_inner_capital(word: str) -> bool:
    """An acronym or a brand: "BBC", "MPs", "iPhone", "McDonald", "YouTube"."""
    return not word[1:].islower() and any(ch.isupper() for ch in word[1:])


def is_not_a_word(word: str) -> bool:
    """Letters that are no word to look up (the word in lowercase, without clitics)."""
    if len(word) <= 2:
        return True  # single letters, initials and two-letter abbreviations: "km", "mr"
    if _TRIPLE.search(word) and len(set(word)) <= 2:
        return True  # "hmmm", "zzz", "aaah", "sooo": drawn out on purpose ("installler" is a slip)
    if _LAUGHTER.fullmatch(word):
        return True  # "hehe", "hahaha"
    if len(word) <= MAX_ABBREVIATION_LETTERS and _VOWEL.search(word) is None:
        return True  # "btw", "pls", "mgmt": abbreviations, not slips
    if _ROMAN.fullmatch(word):
        return True  # "xiv", "viii"
    return not word.isascii()  # "señor", "Москва": foreign words, and names; not English spelling


def after_number(text: str, start: int) -> bool:
    """True when the word at `start` follows a number and one space: "10 km", "£3 bn"."""
    return start >= 2 and text[start - 1] == " " and text[start - 2].isdigit()


def strip_clitic(word: str) -> str:
    """The word without a possessive or contraction ending; "'" stands for both apostrophes."""
    for ending in CLITICS:
        if word.endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return word


def rhyming_pair(parts: list[str]) -> bool:
    """Reduplicatives join two halves that rhyme: "hanky-panky", "willy-nilly", "helter-skelter";
    in the plural, the second half takes the ending ("roly-polies")."""
    if len(parts) != 2 or len(parts[0]) < 4 or parts[0] == parts[1]:
        return False
    first, second = parts
    if first[-3:] == second[-3:]:
        return True
    singular = second[:-3] + "y" if second.endswith("ies") else second[:-1] if second.endswith("s") else None
    return singular is not None and singular != first and first[-3:] == singular[-3:]
