"""Search ranks the step that is about the query first, on SQLite and PostgreSQL alike."""

import pytest
from wagtail.models import Page

from wijkkoers.method import queries, search
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.method.models import StepPage

from .conftest import SEED_KEY

# Query -> the step that must come first: the one whose title (or subtitle) is about it.
RANKING = [
    ("woonlasten", "woonlastenneutraliteit"),
    ("participatie", "participatie-en-communicatiestrategie"),
    ("helderheid ambities", SEED_KEY),
    ("warmtenet", "infrastructuur-aanleggen"),  # the step that builds the heat network
    ("warmtebron", "duurzame-warmtebronnen"),
    ("stakeholder", SEED_KEY),  # a prefix of "stakeholderanalyse"
    ("netbeheerder", "rol-netbeheerder"),
    ("woningcorporatie", "rol-woningcorporatie"),
    ("subsidie", "financiering-en-subsidies"),
    ("businesscase", "businesscase-en-kostenverdeling"),
    ("afwegingskader", "afwegingskader"),
    ("klachten", "vragen-en-klachten"),
    ("monitoren", "voortgang-monitoren"),
    ("communicatieplan", "communicatieplan-bewoners"),
    ("energiearmoede", "betaalbaarheid-en-energiearmoede"),
    ("koppelkansen strategie", "strategieen-koppelkansen"),
    ("raad", "wup-naar-de-raad"),
    ("marktuitvraag", "marktuitvraag-renovatie"),
    ("informele netwerken", "informele-netwerken"),
    ("regierol", "regierol-gemeente"),
    ("uitvoeringsorganisatie", "uitvoeringsorganisatie"),
    ("ontzorging", "ontzorging-en-begeleiding"),
    ("vergunningen", "juridische-instrumenten"),
    ("gebouwvoorraad", "gebouwvoorraad-en-eigendom"),
    ("voorkeursstrategie", "voorkeursstrategie-kiezen"),
    ("inspraak", "inspraak-wijkuitvoeringsplan"),
    ("samenwerking formaliseren", "samenwerking-formaliseren"),
    ("beeld van de wijk", "beeld-van-de-wijk"),
    ("lasten", "woonlastenneutraliteit"),  # a word inside a compound
    ("Warmtestrategieën", "warmtestrategieen-vergelijken"),
]


@pytest.fixture
def kompas(method):
    return Page.objects.get(slug="kompas").specific


@pytest.mark.parametrize(("query", "expected_key"), RANKING)
def test_search_ranks_the_step_about_the_query_first(kompas, query, expected_key):
    hits = queries.search_steps(kompas, query)

    assert hits, f"nothing found for {query!r}"
    ranked = [hit.step.key for hit in hits[:3]]
    assert ranked[0] == expected_key, f"{query!r}: {ranked}"


def test_search_title_weighs_more_than_body_text(method):
    index = search.get_index()
    by_key = {entry.step.key: entry for entry in index.steps}

    in_title = by_key["woonlastenneutraliteit"].weight_of("woonlasten")
    in_subtitle = by_key["betaalbaarheid-en-energiearmoede"].weight_of("woonlasten")

    assert in_title == search.WEIGHTS["title"]
    assert in_subtitle == search.WEIGHTS["subtitle"]
    assert search.WEIGHTS["title"] > search.WEIGHTS["subtitle"] > search.WEIGHTS["doel"]
    assert search.WEIGHTS["doel"] > search.WEIGHTS["aanpak"] > search.WEIGHTS["tips"]


def test_search_prefix_finds_the_compound(method):
    index = search.get_index()

    ranked = search.rank(index, ["stakeholder"])

    assert SEED_KEY in [entry.step.key for entry in ranked]
    assert all(entry.step.key in get_catalogue().steps for entry in ranked)


def test_search_suggests_a_known_word_for_a_typo(method):
    index = search.get_index()

    assert search.suggestion(index, ["woonlastn"]) == "woonlasten"
    assert search.suggestion(index, ["particpatie"]) == "participatie"
    assert search.suggestion(index, ["woonlastn", "wijk"]) == "woonlasten wijk"


def test_search_suggests_nothing_for_words_that_match(method):
    index = search.get_index()

    assert search.suggestion(index, ["woonlasten"]) == ""
    assert search.suggestion(index, ["xylofoonkwartet"]) == ""


def test_search_index_is_built_once_per_method_version(method):
    first = search.get_index()

    assert search.get_index() is first


def test_search_terms_are_distinct_and_bounded():
    assert search.search_terms('warmte "warmte" WARMTE net') == ["warmte", "net"]
    assert len(search.search_terms(" ".join(f"w{n}" for n in range(100)))) == search.MAX_TERMS


def test_search_page_offers_did_you_mean(client, method):
    html = client.get("/kompas/zoeken/", {"q": "woonlastn"}).content.decode()

    assert 'class="search-suggestion"' in html
    assert "Bedoelde je" in html
    assert 'href="/kompas/zoeken/?q=woonlasten"' in html


def test_search_page_offers_nothing_when_words_match(client, method):
    html = client.get("/kompas/zoeken/", {"q": "woonlasten"}).content.decode()

    assert 'class="search-suggestion"' not in html
    first = html.split('class="search-result"', 2)[1]
    assert "/woonlastenneutraliteit/" in first


# --- Results kept per method version and normalised query ---------------------------------


def test_search_results_are_kept_per_normalised_query(kompas, django_assert_num_queries):
    hits, _suggestion = queries.search_results(kompas, "Warmtenet")

    with django_assert_num_queries(0):
        again, _ = queries.search_results(kompas, '  warmtenet!! "WARMTENET" ')

    assert [h.step.key for h in again] == [h.step.key for h in hits]
    assert [str(h.snippet) for h in again] == [str(h.snippet) for h in hits]
    assert "<mark>" in str(again[0].snippet)


def test_search_results_follow_a_publish(kompas):
    assert not queries.search_results(kompas, "zeldzaamwoordje")[0]
    live = StepPage.objects.get(key=SEED_KEY)
    live.subtitle = "Over een zeldzaamwoordje"
    live.save_revision().publish()

    hits, _ = queries.search_results(kompas, "zeldzaamwoordje")
    assert [h.step.key for h in hits] == [SEED_KEY]


def test_search_page_serves_kept_results(client, method):
    first = client.get("/kompas/zoeken/?q=warmtenet").content.decode()
    again = client.get("/kompas/zoeken/?q=WARMTENET").content.decode()

    assert first.count("<mark>") == again.count("<mark>") > 0
