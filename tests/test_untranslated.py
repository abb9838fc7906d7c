"""Untranslated text: MTA401 foreign-script and MTA402 untranslated-text.

Every text here is invented (the foreign sentences too). The "not flagged" cases are the ones
the issue names: loanwords and short set phrases, names, quoted titles, glosses.
"""

from __future__ import annotations

import pytest

from newslint import languages
from tests.util import check_json, write

SELECT = "MTA401,MTA402"


def lint(tmp_path, text: str, name: str = "a.txt") -> list[dict]:
    path = write(tmp_path / name, text)
    status, findings = check_json("--select", SELECT, str(path))
    assert status == (1 if findings else 0)
    return findings


def flagged(findings: list[dict]) -> list[tuple[str, str]]:
    """(code, flagged text) of each finding, the text taken from the message."""
    return [(f["code"], f["message"].split(": '", 1)[1][:-1]) for f in findings]


# -- MTA402: Latin-script languages ---------------------------------------------------------

@pytest.mark.parametrize("text, language, run", [
    ("Según fuentes oficiales, the harbour will reopen on Friday.\n",
     "Spanish", "Según fuentes oficiales"),
    ("The suspect fled on foot, laut Angaben der Polizei.\n",
     "German", "laut Angaben der Polizei"),
    ("The ferry resumed on Friday. Le maire a déclaré que le port restera fermé jusqu'à lundi.\n",
     "French", "Le maire a déclaré que le port restera fermé jusqu'à lundi"),
    ("Il sindaco ha detto che il porto sarà chiuso fino a lunedì. The ferry resumed.\n",
     "Italian", "Il sindaco ha detto che il porto sarà chiuso fino a lunedì"),
    ("The council met. Burmistrz powiedział, że port będzie zamknięty do poniedziałku.\n",
     "Polish", "Burmistrz powiedział, że port będzie zamknięty do poniedziałku"),
    ("The council met. De burgemeester zei dat de haven tot maandag gesloten blijft.\n",
     "Dutch", "De burgemeester zei dat de haven tot maandag gesloten blijft"),
    ("The council met. Belediye başkanı limanın pazartesiye kadar kapalı kalacağını söyledi.\n",
     "Turkish", "Belediye başkanı limanın pazartesiye kadar kapalı kalacağını söyledi"),
    ("O prefeito disse que o porto ficará fechado até segunda-feira, the agency said.\n",
     "Portuguese", "O prefeito disse que o porto ficará fechado até segunda-feira"),
])
def test_foreign_runs_are_flagged_with_their_language(tmp_path, text, language, run):
    [f] = lint(tmp_path, text)
    assert f["code"] == "MTA402" and f["rule"] == "untranslated-text" and f["category"] == "mt-artifact"
    assert f["message"] == f"Untranslated {language} text: '{run}'"


def test_position_of_a_clause_inside_an_english_sentence(tmp_path):
    text = "The harbour reopened.\n\nThe ferry was late, según fuentes oficiales del puerto, and fares rose.\n"
    [f] = lint(tmp_path, text)
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (3, 21, 3, 55)  # "según fuentes oficiales del puerto"


@pytest.mark.parametrize("text", [
    # Loanwords and set phrases English news uses as they are.
    "The de facto leader said the move was not a coup d'état per se, and the ad hoc panel agreed.\n",
    "A certain joie de vivre returned, and with it a je ne sais quoi; c'est la vie, she said.\n",
    "The status quo, vice versa, the raison d'être of the bona fide persona non grata.\n",
    "Cyclists in the Tour de France and the Giro d'Italia face a fait accompli.\n",
    "He ordered a café au lait, a crème brûlée and the coq au vin, au fait with the harbour menu.\n",
    # Names of institutions, places and works, even with their small words.
    "Shares in Banca Nazionale del Lavoro and Monte dei Paschi di Siena rose.\n",
    "The Partido de la Revolución Democrática and the Bundesamt für Migration und Flüchtlinge replied.\n",
    "He studied at the Conservatoire National des Arts et Métiers before joining Real Madrid.\n",
    "The Frankfurter Allgemeine Zeitung and Le Monde both ran the story on Friday.\n",
    "He taught at the Institut du monde arabe for two decades and wrote on the Ministère de l'économie.\n",
    # Short quoted titles, slogans and phrases.
    'She reread "Cien años de soledad" and watched "Y tu mamá también" on the ferry.\n',
    'Protesters chanted "ni una menos" and "el pueblo unido jamás será vencido" outside.\n',
    # A short quotation over two sentences: a speaker's own words, kept on purpose.
    'Leclerc spoke on the radio: "Merci, merci à tous. This one is for my dad."\n',
    # A quoted original followed by its translation in brackets.
    'The paper\'s headline read "El alcalde se volvió loco en el puerto (The mayor went mad at the harbour)".\n',
    # English words that other languages also use.
    "The son of the chef came to the café with a con artist; per capita income fell 2% in Die.\n",
    "Prices rose in Des Moines, La Paz and El Paso, and Van der Berg said so.\n",
])
def test_loanwords_names_and_quoted_titles_are_not_flagged(tmp_path, text):
    assert lint(tmp_path, text) == []


def test_english_article_with_foreign_names_is_clean(tmp_path):
    text = (
        "Ferry strike ends after talks\n\n"
        "The strike at Porto de Leixões ended on Friday after talks with the union, the port said.\n\n"
        "Ana de la Cruz, who leads the union, said the deal was a fair one. \"We are satisfied,\" she "
        "told the Diário de Notícias. The de facto end of the dispute came after a week.\n"
    )
    assert lint(tmp_path, text) == []


def test_without_the_word_lists_the_rule_finds_nothing(tmp_path, monkeypatch):
    """The foreign-words folder is CC BY-SA data a build may drop; the rule must then be silent."""
    monkeypatch.setattr(languages, "_folder", lambda: tmp_path / "no-such-folder")
    caches = (languages.language_codes, languages.markers, languages.strong_markers, languages.gate_words,
              languages.capitalised_markers, languages._marker_tables)
    for cached in caches:
        cached.cache_clear()
    try:
        assert lint(tmp_path, "Según fuentes oficiales, el ministro dimitirá mañana.\n") == []
    finally:
        for cached in caches:
            cached.cache_clear()


def test_every_language_file_has_a_name_and_markers():
    codes = languages.language_codes()
    assert len(codes) == 20
    marked = {code for found in languages.markers().values() for code in found}
    assert marked == set(codes)
    assert languages.load("es").name == "Spanish"
    assert languages.load("de").score("und") > 3
    assert languages.load("de").score("the") is None  # far more frequent in English: left out


# -- MTA401: other scripts ----------------------------------------------------------------

@pytest.mark.parametrize("text, script, run", [
    ("The talks resumed. Переговоры продолжатся в понедельник.\n", "Cyrillic", "Переговоры продолжатся в понедельник"),
    ("The ministry said 会谈将于周一继续 on Friday.\n", "Chinese characters", "会谈将于周一继续"),
    ("Prices rose (人民币，下同) in May.\n", "Chinese characters", "人民币，下同"),
    ("The statement ended: المحادثات ستستمر.\n", "Arabic", "المحادثات ستستمر"),
    ("The sign read Η συνάντηση αναβλήθηκε at the gate.\n", "Greek", "Η συνάντηση αναβλήθηκε"),
    ("The sign read הפגישה נדחתה at the gate.\n", "Hebrew", "הפגישה נדחתה"),
    ("Officials said ベイブリッジは閉鎖された yesterday.\n", "Japanese kana", "ベイブリッジは閉鎖された"),
])
def test_runs_in_other_scripts_are_flagged(tmp_path, text, script, run):
    [f] = lint(tmp_path, text)
    assert f["code"] == "MTA401" and f["rule"] == "foreign-script"
    assert f["message"] == f"Untranslated text in {script} script: '{run}'"


@pytest.mark.parametrize("text", [
    "The α-particle and β-decay figures, and the Δ between them, were normal.\n",
    "Opposition leader Alexei Navalny (Алексей Навальный) was named.\n",
    "The People's Daily (人民日报) carried the statement.\n",
    "人民日报 (People's Daily) carried the statement.\n",
    "Fans posted under #Москва and #東京, and wrote to @москва_новости.\n",
    "The government set up стопкоронавирус.рф for updates.\n",
    "Prices rose 5% on Monday; the index closed at 1,204.\n",
])
def test_single_letters_glosses_hashtags_and_addresses_are_not_flagged(tmp_path, text):
    assert lint(tmp_path, text) == []


def test_addresses_are_told_apart_in_a_long_line_as_in_a_short_one(tmp_path):
    from newslint.checks.untranslated import _in_address

    filler = "The ferry left on time. " * 2000
    line = filler + "See стопкоронавирус.рф and " + "ж" * 60 + "." + "ж" * 30 + ".рф now. " + filler
    at = line.index("стопкоронавирус")
    assert _in_address(line, at, at + 15)
    assert not _in_address(line, line.index("ж"), line.index("ж") + 5)  # a token of 94 characters
    assert not _in_address(line, len(filler) - 8, len(filler) - 4)  # "time": no address
    assert _in_address("стопкоронавирус.рф", 0, 15) and _in_address("x стопкоронавирус.рф", 2, 17)
    [f] = lint(tmp_path, line + "\n")  # the address is excused, the long token is not
    assert f["column"] == line.index("ж") + 1 and "стоп" not in f["message"]


def test_script_run_positions_in_markdown(tmp_path):
    text = "# Harbour talks\n\nThe talks resumed.\n\n- Переговоры продолжатся\n"
    [f] = lint(tmp_path, text, "a.md")
    assert (f["line"], f["column"], f["end_column"]) == (5, 3, 25)


def test_shipped_marker_words_are_current():
    """foreign-words/markers.tsv is derived from the language tables: regenerate it with
    scripts/build_language_markers.py when they or the marker thresholds change."""
    from newslint import languages

    shipped = (languages._folder() / languages.MARKERS_FILE).read_text(encoding="utf-8")
    lines = [line for line in shipped.splitlines() if line and not line.startswith("#")]
    assert lines == languages.marker_lines()
    assert languages._marker_tables() == languages.compute_marker_tables()
