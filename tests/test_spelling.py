"""Spelling: SPL001 misspelling, SPL002 dialect-spelling, SPL003 unknown-word, accept lists and
lazy loading of the dictionary. Every example text is written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.util import check_json, run_cli, write


def spelling(tmp_path, text: str, name: str = "a.txt", *options: str) -> list[dict]:
    """Lint `text` with the spelling rules (SPL003 too): the findings."""
    path = write(tmp_path / name, text)
    status, findings = check_json("--select", "spelling", *options, str(path))
    assert status in (0, 1)
    return findings


def flagged(tmp_path, text: str, name: str = "a.txt", *options: str) -> list[str]:
    """The words the spelling rules report in `text`, as the file has them."""
    path = tmp_path / name
    out = []
    for f in spelling(tmp_path, text, name, *options):
        line = path.read_text(encoding="utf-8").splitlines()[f["line"] - 1]
        out.append(line[f["column"] - 1:f["end_column"] - 1])
    return out


# -- SPL001 ------------------------------------------------------------------------------------

def test_misspelling_is_reported_with_position_and_suggestion(tmp_path):
    path = write(tmp_path / "a.txt", "Harbour news\n\nThe council recieved the report on Monday.\n")
    status, findings = check_json(str(path))
    assert status == 1
    [f] = [f for f in findings if f["category"] == "spelling"]
    assert (f["code"], f["rule"], f["severity"]) == ("SPL001", "misspelling", "warning")
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (3, 13, 3, 21)
    assert f["message"] == "Misspelled word 'recieved'; did you mean 'received'?"
    assert f["fix"] is None  # a suggestion is a guess, never a safe fix


def test_misspelling_does_not_fail_when_clean(tmp_path):
    path = write(tmp_path / "a.txt", "The council received the report on Monday.\n")
    status, findings = check_json("--select", "spelling", str(path))
    assert (status, findings) == (0, [])


def test_fix_leaves_misspelling_alone(tmp_path):
    text = "The council recieved the report on Monday.\n"
    path = write(tmp_path / "a.txt", text)
    result = run_cli("check", "--fix", "--select", "SPL001", str(path))
    assert result.exit_code == 1
    assert path.read_text(encoding="utf-8") == text


def test_suggestion_keeps_case_and_splits_run_together_words(tmp_path):
    findings = spelling(tmp_path, "It was the GOVERMENT plan, said thefirst speaker. Teh mayor left.\n")
    messages = {f["message"] for f in findings}
    assert "Misspelled word 'thefirst'; did you mean 'the first'?" in messages
    assert "Misspelled word 'Teh'; did you mean 'The'?" in messages
    assert not any("GOVERMENT" in m for m in messages)  # all capitals: an acronym's shape


@pytest.mark.parametrize("written, meant", [
    ("upto", "up to"), ("alot", "a lot"), ("noone", "no one"), ("infact", "in fact"),  # not "unto", "slot", "none", "intact"
    ("spokeman", "spokesman"), ("arap", "arab"),  # two content words, or a rare pair, are not split
])
def test_a_split_is_suggested_over_a_far_rarer_word_one_edit_away(tmp_path, written, meant):
    findings = spelling(tmp_path, f"The council said {written} thirty people came to the meeting.\n")
    assert f"Misspelled word '{written}'; did you mean '{meant}'?" in {f["message"] for f in findings}


def test_a_word_written_with_an_apostrophe_is_suggested_a_contraction(tmp_path):
    findings = spelling(tmp_path, "\"Wer'e not ready,\" the captain said of the crossing.\n")
    assert "Misspelled word 'Wer'e'; did you mean 'We're'?" in {f["message"] for f in findings}


@pytest.mark.parametrize("context, meant", [
    ("The theatre's colour scheme and programme were praised.", "centre"),  # British spellings
    ("The theater's color scheme and program were praised.", "center"),     # American
    ("The hall's new scheme and plan were praised.", "center"),             # neither: the commoner
])
def test_a_suggestion_follows_the_spelling_the_article_leans_to(tmp_path, context, meant):
    findings = spelling(tmp_path, f"{context} Crowds met in the cente of town.\n")
    assert f"Misspelled word 'cente'; did you mean '{meant}'?" in {f["message"] for f in findings}


def test_a_configured_dialect_wins_over_the_articles_leaning(tmp_path):
    findings = spelling(tmp_path, "The theater's program was praised. Crowds met in the cente of town.\n",
                        "a.txt", "--dialect", "en-GB")
    assert "Misspelled word 'cente'; did you mean 'centre'?" in {f["message"] for f in findings}


def test_part_of_a_hyphenated_word_is_reported(tmp_path):
    findings = spelling(tmp_path, "The well-knwon singer arrived.\n")
    assert [(f["column"], f["end_column"], f["message"]) for f in findings] == [
        (10, 15, "Misspelled word 'knwon'; did you mean 'known'?")]


@pytest.mark.parametrize("text", [
    # names: capitalised in mid-sentence, or at a sentence start when used as a name elsewhere
    "The talks with Valdoria and Ostrovan were held in Port Alber.\n",
    "Dujarric said the talks would go on. Officials thanked Dujarric.\n",
    # acronyms and inner capitals
    "NATO, the UNHCR and three MPs met the iPhone makers at eBay and McDonald's.\n",
    # numbers and measurements
    "A 28-year-old ran 10km at 3pm in the 1990s, then 5 mph for £3bn and 12 kph.\n",
    # URLs, e-mail addresses, handles, hashtags
    "See https://example.org/storys/harbour-rebuld or mail desk@newsroom-exmple.org today.\n",
    "The account @harbourwatchh posted #savetheharbourr on Monday.\n",
    # code in plain text
    "Set the harbour_levl option and read confg.yaml first.\n",
    # possessives and contractions of known words
    "The council's plan won't pass, and they'd say the ministers' plan shouldn't either.\n",
    "The council’s plan won’t pass, said the mayor’s aide.\n",
    # hyphenated compounds of known words, and words made of known words
    "The so-called large-scale plan for the spyware makers and reoffending carmakers.\n",
    # British spellings, with and without the dialect table
    "The organisation's personalisation of the colour programme was criticised.\n",
    # a word written twice in an article is meant, not a slip
    "The telcoh cut prices. Another telcoh followed.\n",
    # foreign phrases, letters English does not use, words drawn out on purpose
    "He had a certain joie de vivre, a señor said, and the crowd went hmmm.\n",
    # words in a run of another language, reported as such or let pass as a quotation or a name
    'On the radio he said: "Merci, merci à tous. This one is for my dad."\n',
    "He taught at the Institut du monde arabe for two decades.\n",
    # a word cut by an HTML entity left in scraped text
    "They met at the caf&#233; near the harbour.\n",
    # words of SCOWL's lists that pyspellchecker lacks
    "The rouble slid against the dollar on Monday, traders in the capital said.\n\n"
    "Officials said the onboard systems of the new trains had failed twice this week.\n\n"
    "Staff at two cafes said their inboxes were full of adware after the attack on the network.\n",
    # rarer words of SCOWL's size-80 lists, known as whole words
    "The winless side sacked its coach, and the telco cut its prices again.\n",
    # a word alone in quotation marks is a term the writer mentions, not one it uses
    'The minister coined the word "flobbergate" and later the term “snarkery”, aides said.\n',
    # a g dropped on purpose, with its apostrophe; laughter; a short word drawn out at its end
    "The band played \"Rollin' Home\" and fans sang nothin' but the chorus, hehe, yesss.\n",
    # abbreviations with no vowel, the names of file formats, French particles in loan phrases
    "Her note said: \"pls call, btw the wav and xls files are attached\". He was au fait with it.\n",
    # a plural of a hyphenated compound whose last part is too short to look up
    "Shops sold hi-fis and lay-bys were full.\n",
    # rhyming halves, the second in the plural
    "The toy shop sold roly-polies and the fair had two helter-skelters.\n",
])
def test_not_flagged(tmp_path, text):
    assert flagged(tmp_path, text) == []


@pytest.mark.parametrize("text, word", [
    # rare words are known only as wholes, never pieces of a formed word
    ("Analysts said thay would wait for the report.\n", "thay"),
    # drawing out a long word at its end, or a word in running text, is still a slip
    ("The plan was a successs for the council.\n", "successs"),
    ("The plan was a \"successs of sorts\", the council said in its report.\n", "successs"),
    # no vowel in a longer word is a slip, not an abbreviation
    ("The mnstrs met on Monday.\n", "mnstrs"),
])
def test_still_flagged(tmp_path, text, word):
    assert flagged(tmp_path, text) == [word]


def test_paragraph_in_another_language_is_not_checked(tmp_path):
    text = ("The council met on Monday.\n\n"
            "El consejo aprobado ayer presupuesto para reconstruir puerto antiguo.\n\n"
            "The council recieved the plan.\n")
    assert flagged(tmp_path, text) == ["recieved"]


def test_capitalised_word_at_a_sentence_start_is_left_to_the_name_rules(tmp_path):
    # Names start sentences all the time; only swapped letters in the commonest words count.
    assert flagged(tmp_path, "Ostrovanski was elected. Recieved wisdom says otherwise.\n") == []
    # A name is no foreign phrase: the misspelling after it is still reported.
    assert flagged(tmp_path, "Ostrovanski recieved the award.\n") == ["recieved"]


def test_code_in_markdown_and_html_is_not_prose(tmp_path):
    md = "# Harbour\n\nRun `harbr --lvel` first.\n\n```\nrecieve_harbour = confg()\n```\n\nThe council recieved it.\n"
    assert flagged(tmp_path, md, "a.md") == ["recieved"]
    html = ("<html><body><p>Run <code>harbr --lvel</code> first.</p>"
            "<pre>recieve_harbour = confg()</pre><p>The council recieved it.</p></body></html>\n")
    assert flagged(tmp_path, html, "a.html") == ["recieved"]


def test_markdown_position_is_in_the_file(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle: Harbour\n---\n\n- The council *recieved* the report.\n")
    _, findings = check_json("--select", "SPL001", str(path))
    assert [(f["line"], f["column"], f["end_column"]) for f in findings] == [(5, 16, 24)]


def test_jsonl_record_is_checked(tmp_path):
    path = write(tmp_path / "a.jsonl", json.dumps({"text": "The council recieved it."}) + "\n")
    _, findings = check_json("--select", "SPL001", str(path))
    assert [(f["line"], f["column"]) for f in findings] == [(1, 23)]


# -- SPL003 ------------------------------------------------------------------------------------

def test_unknown_word_without_suggestion_is_off_by_default(tmp_path):
    path = write(tmp_path / "a.txt", "The minister praised the qwzrtyx scheme.\n")
    assert check_json(str(path)) == (0, [])
    status, findings = check_json("--extend-select", "SPL003", str(path))
    assert status == 0  # info does not fail the run by default
    assert [(f["code"], f["severity"], f["message"]) for f in findings] == [
        ("SPL003", "info", "Unknown word 'qwzrtyx'")]


# -- accept lists ------------------------------------------------------------------------------

def test_accept_in_config(tmp_path):
    write(tmp_path / "newslint.toml", 'accept = ["Recieved", "harbr"]\n')
    assert flagged(tmp_path, "The council recieved the harbr report.\n") == []


def test_accept_files_relative_to_the_config(tmp_path):
    write(tmp_path / "newslint.toml", 'accept-files = ["words/house.txt"]\n')
    write(tmp_path / "words" / "house.txt", "# our words\nrecieved   # kept on purpose\n\nharbr\n")
    assert flagged(tmp_path, "The council recieved the harbr report, then it was teh end.\n") == ["teh"]


def test_missing_accept_file_is_a_config_error(tmp_path):
    write(tmp_path / "newslint.toml", 'accept-files = ["missing.txt"]\n')
    path = write(tmp_path / "a.txt", "The council recieved it.\n")
    result = run_cli("check", str(path))
    assert result.exit_code == 2
    assert "missing.txt: accept file not found" in result.stderr
    assert "accept-files" in result.stderr


# -- SPL002 ------------------------------------------------------------------------------------

DIALECT_TEXT = "The colour scheme was organized by the Labour Party at the theatre centre.\n"


def test_both_dialects_are_fine_by_default(tmp_path):
    assert flagged(tmp_path, DIALECT_TEXT) == []


def test_en_us_flags_british_spellings_with_a_safe_fix(tmp_path):
    write(tmp_path / "newslint.toml", 'dialect = "en-US"\n')
    findings = spelling(tmp_path, DIALECT_TEXT)
    # "Labour Party" is a name; "theatre" is common in American English too.
    assert [(f["code"], f["column"], f["message"], f["fix"]["replacement"]) for f in findings] == [
        ("SPL002", 5, "'colour' is not en-US spelling; write 'color'", "color"),
        ("SPL002", 68, "'centre' is not en-US spelling; write 'center'", "center"),
    ]


def test_en_gb_flags_american_spellings_and_fix_keeps_case(tmp_path):
    path = write(tmp_path / "a.txt", "Color photos of the harbor were analyzed. The color-coded map.\n")
    result = run_cli("check", "--dialect", "en-GB", "--fix", "--select", "SPL002", str(path))
    assert result.exit_code == 0
    assert path.read_text(encoding="utf-8") == "Colour photos of the harbour were analysed. The colour-coded map.\n"


def test_oxford_spelling_writes_ize(tmp_path):
    text = "The council organised talks and realized the colors were wrong.\n"
    findings = spelling(tmp_path, text, "a.txt", "--dialect", "en-GB-oxendict")
    assert [f["fix"]["replacement"] for f in findings] == ["organized", "colours"]


def test_dialect_option_overrides_config(tmp_path):
    write(tmp_path / "newslint.toml", 'dialect = "en-GB"\n')
    findings = spelling(tmp_path, "The color of the colour.\n", "a.txt", "--dialect", "en-US")
    assert [f["fix"]["replacement"] for f in findings] == ["color"]


def test_unknown_dialect_is_a_config_error(tmp_path):
    write(tmp_path / "newslint.toml", 'dialect = "en-AU"\n')
    result = run_cli("check", str(write(tmp_path / "a.txt", "Fine.\n")))
    assert result.exit_code == 2
    assert "'dialect': must be one of en-US, en-GB, en-GB-oxendict" in result.stderr


def test_suggestion_follows_the_dialect(tmp_path):
    findings = spelling(tmp_path, "The colur of the sea.\n", "a.txt", "--dialect", "en-GB")
    assert [f["message"] for f in findings] == ["Misspelled word 'colur'; did you mean 'colour'?"]


# -- lazy loading ------------------------------------------------------------------------------

def _loads(tmp_path, *args: str) -> tuple[bool, bool]:
    """(whether the spelling word lists were loaded, whether pyspellchecker was imported)."""
    path = write(tmp_path / "a.txt", "The council recieved the report.\n")
    code = ("import sys\nfrom newslint.cli import main\n"
            "try:\n    main([*sys.argv[1:]])\nexcept SystemExit:\n    pass\n"
            "from newslint import speller\n"
            "print(speller.extra_words.cache_info().currsize > 0, 'spellchecker' in sys.modules)\n")
    proc = subprocess.run([sys.executable, "-c", code, *args, str(path)], capture_output=True, text=True,
                          check=False)
    loaded, imported = proc.stdout.strip().splitlines()[-1].split()
    return loaded == "True", imported == "True"


def test_dictionary_is_not_loaded_without_the_spelling_rules(tmp_path):
    assert _loads(tmp_path, "check", "--select", "TRN001") == (False, False)
    assert _loads(tmp_path, "check", "--ignore", "spelling") == (False, False)


def test_dictionary_is_loaded_when_the_spelling_rule_runs_and_pyspellchecker_is_not_built(tmp_path):
    """The words and frequencies are pyspellchecker's, exported to sorted files that are searched in
    place (tests/test_spelling_data.py): a run with a typo to suggest for builds no SpellChecker."""
    assert _loads(tmp_path, "check", "--select", "SPL001") == (True, False)


def test_long_article_places_words_in_one_pass_with_the_same_findings(tmp_path, monkeypatch):
    """A long text places its unknown words in one pass over its words, not by a search of the
    whole text per word (which grows with the square of the length); the findings are the same."""
    from newslint import unknown_words

    text = ("The council met on Tuesday and the chairman said the letters were mostly kind. " * 20
            + "\n\nThe comittee said the recieved letters were positve.\n\n"
            "The colour of the organised parade pleased the re-elected mayor.\n")
    path = write(tmp_path / "a.txt", text)
    by_search = check_json("--select", "SPL001,SPL002", "--dialect", "en-US", "--no-cache", str(path))[1]
    monkeypatch.setattr(unknown_words, "MAX_SCAN_PER_WORD_CHARS", 0)
    in_one_pass = check_json("--select", "SPL001,SPL002", "--dialect", "en-US", "--no-cache", str(path))[1]
    assert in_one_pass == by_search
    assert [(f["code"], f["line"], f["column"]) for f in by_search] == [
        ("SPL001", 3, 5), ("SPL001", 3, 23), ("SPL001", 3, 45), ("SPL002", 5, 5), ("SPL002", 5, 19)]


def test_scowl_words_are_what_their_build_script_keeps():
    from newslint.lexicons import word_list
    from newslint.registry import builtin_rules_dir

    text = (builtin_rules_dir() / "data" / "scowl-words.txt").read_text(encoding="utf-8")
    words = [line for line in text.splitlines() if not line.startswith("#")]
    assert words == sorted(set(words)) and len(words) > 3000
    assert all(w.isascii() and w.isalpha() and w.islower() and len(w) >= 4 for w in words)
    assert not set(words) & word_list("english-words").words  # only what the dictionary lacks


@pytest.mark.skipif(sys.version_info < (3, 11), reason="the list was copied from Python 3.11's table, "
                    "which added endings (webp, avif, vtt) that 3.10's lacks")
def test_file_formats_are_file_endings_python_knows():
    import mimetypes

    from newslint.spelling_words import FILE_FORMATS

    endings = {ending[1:] for mapping in mimetypes.MimeTypes().types_map for ending in mapping}
    assert len(FILE_FORMATS) > 100 and FILE_FORMATS <= endings


def test_rare_scowl_words_are_what_their_build_script_keeps():
    from newslint.lexicons import word_list
    from newslint.registry import builtin_rules_dir

    text = (builtin_rules_dir() / "data" / "scowl-rare-words.txt").read_text(encoding="utf-8")
    words = [line for line in text.splitlines() if not line.startswith("#")]
    assert words == sorted(set(words)) and len(words) > 100_000
    assert all(w.isascii() and w.isalpha() and w.islower() and len(w) >= 3 for w in words)
    assert not set(words) & (word_list("english-words").words | word_list("scowl-words"))


def test_short_rare_words_are_known_but_slips_of_frequent_short_words_are_not(tmp_path):
    # "cel" (a painted animation sheet) is a dictionary word no slip of a far more frequent word
    # makes; "bas" is one letter from "has", a thousand times as frequent, and stays a finding.
    text = ("The studio painted every cel by hand for the short film.\n\n"
            "The council bas approved the new budget.\n")
    assert flagged(tmp_path, text) == ["bas"]


def test_british_dictionary_words_are_known_whole_but_its_common_slips_are_not(tmp_path):
    # "neurone" is the British spelling in LibreOffice's en_GB dictionary, which no other list
    # has; "targetting" is in that dictionary too, but codespell lists it as a slip.
    text = ("The clinic treats motor neurone disease and oedemic limbs.\n\n"
            "The charity was targetting older donors.\n")
    assert flagged(tmp_path, text) == ["targetting"]


def test_british_dictionary_words_are_what_their_build_script_keeps():
    from newslint.lexicons import word_list
    from newslint.registry import builtin_rules_dir

    text = (builtin_rules_dir() / "data" / "british-dictionary-words.txt").read_text(encoding="utf-8")
    words = [line for line in text.splitlines() if not line.startswith("#")]
    assert words == sorted(set(words)) and len(words) > 10_000
    assert all(w.isascii() and w.isalpha() and w.islower() and len(w) >= 4 for w in words)
    assert not set(words) & (word_list("english-words").words | word_list("scowl-words")
                             | word_list("scowl-rare-words").words)


@pytest.mark.parametrize(("text", "expected"), [
    # A nickname clipped from a given name the article writes is not a misspelling.
    ('Trevor Hale runs the ferry. "Ask trev about the tides," a neighbour said.\n', []),
    ('Her uncle Ferdinand Orr paints boats. "ferdi will know," she wrote.\n', []),
    # Not a given name the article writes: the clipping is a slip.
    ('The ferry runs daily. "Ask trev about the tides," a neighbour said.\n', ["trev"]),
    # The start of a surname that is no given name stays a finding ("Hartl" is no given name).
    ('Mr Hartley runs the ferry. He said the hartl was late.\n', ["hartl"]),
    # Too short to be a nickname, or hardly shorter than the name.
    ('Trevor Hale said the trevo was late.\n', ["trevo"]),
])
def test_clipped_given_names(tmp_path, text, expected):
    assert flagged(tmp_path, text) == expected


def test_the_nickname_test_reads_the_text_once_however_many_unknown_words(tmp_path, monkeypatch):
    from newslint import unknown_words

    calls = []

    class Counting:
        def findall(self, text):
            calls.append(len(text))
            return []

    monkeypatch.setattr(unknown_words, "_CAPITALISED_WORD", Counting())
    text = "Trevor Hale spoke.\n\n" + "".join(
        f"The harbour board met on Monday and discussed the qz{a}{b}rk at length.\n\n"
        for a in "abcdefgh" for b in "mnop")
    assert len(flagged(tmp_path, text, "a.txt", "--no-cache")) == 32
    assert len(calls) == 1
