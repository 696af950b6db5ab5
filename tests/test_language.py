"""The language of a text: told by stopwords (jusText's lists, read in each language's own
script, a long list's hits counting for less) or by an unspaced script that writes a good
share of it."""

import pytest

from newsclean import language
from newsclean.text import key_words

SAMPLES = {
    # English words a polluted stoplist holds and English's does not ("data", "cultural",
    # "communication", "areas" are in Marathi's): counted alone, these came out Marathi
    "en": (
        "Data development services for every city and community. Our cultural data team builds"
        " communication tools based on available data, across areas such as health, education"
        " and transport. Each project is developed with local partners in the country, and the"
        " data is available to the community during and after development. Book a call with"
        " our team."
    ),
    "fi": (
        "Kaupunginvaltuusto päätti maanantaina, että uusi kirjasto rakennetaan torin laidalle."
        " Rakennustyöt alkavat ensi keväänä, ja kirjaston on määrä valmistua vuoden lopussa."
    ),
    "mr": (
        "महाराष्ट्र राज्याच्या मंत्रिमंडळाने आज नवीन ग्रंथालय उभारण्याचा निर्णय घेतला. हे ग्रंथालय"
        " पुढील वर्षी सुरू होईल, असे मंत्र्यांनी सांगितले."
    ),
    "de": (
        "Der Stadtrat hat am Montag beschlossen, dass die neue Bibliothek am Marktplatz gebaut"
        " wird. Die Arbeiten sollen im Frühjahr beginnen und bis zum Ende des Jahres dauern."
    ),
    "zh": "市政府今天宣布，新图书馆将于明年春天在市中心开放，届时市民可以免费借阅图书。",
    "ja": "市は今日、新しい図書館が来年の春に町の中心で開館すると発表しました。",
}


@pytest.mark.parametrize("code", SAMPLES)
def test_a_paragraph_is_named_its_language(code):
    text = SAMPLES[code]
    assert language.detect(key_words(text), text) == code


def test_a_language_menu_does_not_make_an_english_page_chinese():
    text = "简体中文 繁體中文 日本語 한국어 ภาษาไทย\n\n" + SAMPLES["en"]
    assert language.detect(key_words(text), text) == "en"


def test_a_stoplist_is_read_in_its_own_script():
    marathi = language.own_script_words("mr")
    assert "data" in language.stopwords("mr") and "data" not in marathi
    assert marathi and all(language.script_of(w) == "DEVANAGARI" for w in marathi)
    assert language.hit_score("fi") < language.hit_score("en")  # Finnish's list is longer


def test_too_few_stopwords_name_no_language():
    assert language.detect(key_words("Menu Search Login"), "Menu Search Login") is None
