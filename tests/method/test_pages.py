"""The public method pages: Kompas, phase, step, track and search, without JavaScript."""

import re

import pytest
from wagtail.models import Page

from tests.html import inline_code
from wijkkoers.method.models import PhasePage, StepPage

from .conftest import SEED_KEY, SEED_TITLE, content_counts

SEED_URL = "/kompas/samen-starten/helderheid-over-ambities/"


def _listed_step_keys(html):
    """Keys of the steps listed in the Kompas results (not the map)."""
    results = html.split('id="kompas-stappen"', 1)[1]
    return set(re.findall(r'class="step-item__link" href="/kompas/[^/]+/([^/]+)/"', results))


def test_kompas_shows_every_phase_and_step(client, method):
    response = client.get("/kompas/")

    html = response.content.decode()
    assert response.status_code == 200
    for phase in PhasePage.objects.all():
        assert phase.title in html
    for step in StepPage.objects.all():
        assert step.title.replace("&", "&amp;") in html
    assert len(_listed_step_keys(html)) == content_counts().steps
    assert '<span class="step-item__number">1.2</span> ' + SEED_TITLE in html


def test_kompas_map_is_an_accessible_table(client, method):
    html = client.get("/kompas/").content.decode()

    table = html.split("<table", 1)[1].split("</table>", 1)[0]
    assert "<caption" in table
    counts = content_counts()
    assert table.count('<th scope="col"') == 1 + counts.tracks  # the phase column and tracks
    assert table.count('<th scope="row"') == counts.phases
    assert 'href="/kompas/?spoor=B"' in table
    assert f'href="{SEED_URL}">1.2' in table


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("spoor=B", lambda s, t, p: "B" in t),
        ("partij=netbeheerder", lambda s, t, p: "netbeheerder" in p),
        ("gevoelig=1", lambda s, t, p: s.sensitive),
        ("spoor=B&partij=gemeente", lambda s, t, p: "B" in t and "gemeente" in p),
        ("spoor=F&gevoelig=1", lambda s, t, p: "F" in t and s.sensitive),
        (
            "spoor=B&partij=gemeente&gevoelig=1",
            lambda s, t, p: "B" in t and "gemeente" in p and s.sensitive,
        ),
    ],
)
def test_kompas_filters_combine(client, method, query, expected):
    wanted = set()
    for step in StepPage.objects.prefetch_related("tracks", "step_parties__party"):
        tracks = {track.code for track in step.tracks.all()}
        parties = {sp.party.key for sp in step.step_parties.all()}
        if expected(step, tracks, parties):
            wanted.add(step.slug)

    html = client.get(f"/kompas/?{query}").content.decode()

    assert wanted
    assert _listed_step_keys(html) == wanted


def _map_step_keys(html, state):
    """Keys of the steps in the map whose cell is lit or dim."""
    table = html.split("<table", 1)[1].split("</table>", 1)[0]
    pattern = rf'<li class="map-step map-step--{state}"><a href="/kompas/[^/]+/([^/]+)/"'
    return set(re.findall(pattern, table))


def test_kompas_map_comes_before_the_list(client, method):
    html = client.get("/kompas/").content.decode()

    assert html.index('class="track-map"') < html.index('id="kompas-stappen"')
    assert html.index("<table") < html.index('class="step-item"')


def test_kompas_map_without_filters_lights_every_step_alike(client, method):
    html = client.get("/kompas/").content.decode()

    assert "map-step--dim" not in html
    assert "map-step--lit" not in html
    assert "kompas-results__clear" not in html


@pytest.mark.parametrize("query", ["spoor=B", "partij=netbeheerder", "spoor=F&gevoelig=1"])
def test_kompas_map_lights_the_steps_the_filters_keep(client, method, query):
    html = client.get(f"/kompas/?{query}").content.decode()

    lit, dim = _map_step_keys(html, "lit"), _map_step_keys(html, "dim")
    assert lit == _listed_step_keys(html)
    assert lit
    assert dim
    assert not lit & dim
    assert lit | dim == set(StepPage.objects.values_list("slug", flat=True))
    # Dimmed, not hidden: the step stays readable and says why, in words.
    assert "past niet bij de filters" in html.split("<table", 1)[1]


def test_kompas_with_filters_offers_to_clear_them(client, method):
    html = client.get("/kompas/?spoor=C&gevoelig=1").content.decode()

    assert '<a class="kompas-results__clear" href="/kompas/">Wis filters</a>' in html
    summary = html.split('class="kompas-results__summary"', 1)[1].split("</div>", 1)[0]
    assert "Besluitvorming verloopt zorgvuldig en transparant" in summary  # the whole name
    assert 'aria-current="true">C<' in html  # the chosen track in the map


def test_kompas_track_selector_shows_whole_track_names(client, method):
    html = client.get("/kompas/").content.decode()

    select = html.split('name="spoor"', 1)[1].split("</select>", 1)[0]
    for name in ("Besluitvorming verloopt zorgvuldig en transparant", "De wijk wordt er beter van"):
        assert name in select


def test_kompas_filter_without_matches_says_so(client, method):
    html = client.get("/kompas/?spoor=G&partij=financiers&gevoelig=1").content.decode()

    assert _listed_step_keys(html) == set()
    assert "kompas-results__empty" in html


def test_kompas_ignores_an_unknown_filter_value(client, method):
    html = client.get("/kompas/?spoor=Q&partij=netbeheerder").content.decode()

    keys = _listed_step_keys(html)
    assert SEED_KEY in keys
    assert len(keys) < content_counts().steps


def test_kompas_htmx_request_gets_only_the_map_and_the_results(client, method):
    response = client.get("/kompas/?spoor=B", headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.strip().startswith('<div id="kompas-resultaten"')
    assert "<html" not in html
    assert "<form" not in html
    assert "<table" in html  # the map follows the filters
    assert SEED_TITLE in html


def test_phase_page_shows_intro_and_its_steps(client, method):
    html = client.get("/kompas/samen-starten/").content.decode()

    assert "Het team vormt zich." in html
    assert html.count('class="step-item"') == content_counts().steps_per_phase[1]
    assert SEED_TITLE in html


def test_seed_step_shows_every_section(client, method):
    response = client.get(SEED_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1><span class="step__number">1.2</span> ' + SEED_TITLE in html
    assert "Weten wat elke partij wil bereiken" in html  # subtitle
    assert "Samen starten" in html  # phase
    assert "Zakelijke vastgoedeigenaren doen mee" in html  # track badge with its name
    assert "Warmtebedrijf / energiepartijen" in html  # a party
    assert 'class="sensitive-warning"' in html
    for section in ("doel", "aanpak", "tips", "praktijk", "verwant"):
        assert f'<section id="{section}"' in html
    assert "Mutual Gains Approach" in html
    assert "Tijd is geld" in html
    assert "Apeldoorn" in html
    assert "Prinsenland - Het Lage Land (Rotterdam)" in html
    assert "Wijkkompas, knooppunt" in html  # the source
    assert 'href="/kompas/samen-starten/gezamenlijke-ambitie/"' in html  # knooppunt: link


def test_step_page_links_both_directions_and_to_neighbours(client, method):
    html = client.get(SEED_URL).content.decode()

    related = html.split('<section id="verwant"', 1)[1]
    # Links out (requires / leads to / related), and steps that link here.
    assert "1.1 De juiste partijen aan tafel" in related
    assert "3.7 Woonlastenneutraliteit en betaalbaarheid definiëren" in related
    assert "3.2 Strategieën voor koppelkansen" in related  # links here, not out
    assert 'rel="prev" href="/kompas/samen-starten/de-juiste-partijen-aan-tafel/"' in html
    assert 'rel="next" href="/kompas/samen-starten/gezamenlijke-ambitie/"' in html


def test_step_without_story_invites_to_share_one(client, method):
    html = client.get("/kompas/samen-starten/doel-en-verhaal/").content.decode()

    assert "story--missing" in html


def test_unknown_step_returns_404(client, method):
    assert client.get("/kompas/samen-starten/bestaat-niet/").status_code == 404
    assert client.get("/kompas/bestaat-niet/").status_code == 404


def test_unpublished_step_returns_404(client, method):
    StepPage.objects.get(key=SEED_KEY).unpublish()

    assert client.get(SEED_URL).status_code == 404


def test_track_page_lists_its_steps_per_phase(client, method):
    html = client.get("/kompas/spoor/b/").content.decode()

    assert "Zakelijke vastgoedeigenaren doen mee" in html
    assert "Woningcorporaties en eigenaren van bedrijfs- en kantoorpanden" in html
    assert SEED_TITLE in html
    expected = StepPage.objects.filter(tracks__code="B").count()
    assert html.count('class="step-item"') == expected
    assert "own-addition--banner" not in html


def test_track_page_marks_g_as_our_own_addition(client, method):
    html = client.get("/kompas/spoor/g/").content.decode()

    assert "own-addition--banner" in html


def test_unknown_track_returns_404(client, method):
    assert client.get("/kompas/spoor/z/").status_code == 404


@pytest.mark.parametrize(
    ("word", "expected_key"),
    [
        ("warmtenet", "rol-netbeheerder"),
        ("woonlasten", "woonlastenneutraliteit"),
        ("stakeholder", SEED_KEY),
    ],
)
def test_search_finds_steps_that_treat_the_word(client, method, word, expected_key):
    html = client.get("/kompas/zoeken/", {"q": word}).content.decode()

    results = html.split('class="search-results"', 1)[1]
    assert f"/{expected_key}/" in results
    assert re.search(rf"<mark>{word}\w*</mark>", results, re.IGNORECASE)


def test_search_finds_text_of_practice_stories(client, method):
    html = client.get("/kompas/zoeken/", {"q": "Apeldoorn"}).content.decode()

    assert f"/{SEED_KEY}/" in html
    assert "<mark>Apeldoorn</mark>" in html


def test_search_escapes_the_query_and_the_text(client, method):
    html = client.get("/kompas/zoeken/", {"q": "<b>warmtenet</b>"}).content.decode()

    assert "<b>warmtenet" not in html
    assert "&lt;b&gt;warmtenet&lt;/b&gt;" in html


@pytest.mark.parametrize("query", ["", "   ", "!!!", "warmte " * 100])
def test_search_gives_a_friendly_message_for_unusable_queries(client, method, query):
    response = client.get("/kompas/zoeken/", {"q": query})

    assert response.status_code == 200
    assert 'class="search-message"' in response.content.decode()


NASTY_QUERIES = [
    'a"',
    'warmte"',
    '"a',
    '"warmtenet"',
    "*",
    "warmte*",
    "AND",
    "warmte AND",
    "OR NOT",
    "NEAR(warmte net)",
    "(",
    "warmte)",
    "-",
    "-warmte",
    "^warmte",
    "warmte:net",
    "a'b",
    "';--",
    "{}[]",
    "ÿ€ warmtenet",
    "!?.,;:",
    "a" * 200,
    "warmte " * 40,
]


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_search_answers_any_text_with_a_page(client, method, query):
    response = client.get("/kompas/zoeken/", {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="search-summary"' in html or 'class="search-message"' in html


def test_search_with_a_quote_still_finds_the_word(client, method):
    html = client.get("/kompas/zoeken/", {"q": 'warmtenet"'}).content.decode()

    assert "/rol-netbeheerder/" in html.split('class="search-results"', 1)[1]


def test_search_without_results_says_so(client, method):
    html = client.get("/kompas/zoeken/", {"q": "xylofoonkwartet"}).content.decode()

    assert 'class="search-results"' not in html
    assert 'class="search-summary"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/kompas/",
        "/kompas/samen-starten/",
        SEED_URL,
        "/kompas/spoor/b/",
        "/kompas/zoeken/?q=warmtenet",
    ],
)
def test_method_pages_have_no_inline_scripts_or_styles(client, method, url):
    html = client.get(url).content.decode()

    assert inline_code(html) == []


def test_home_links_to_the_kompas(client, method):
    html = client.get("/").content.decode()

    assert html.count('href="/kompas/"') >= 2  # the main menu and the hero


def test_editor_can_open_a_step_in_the_cms(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)

    response = staff_client.get(f"/cms/pages/{step.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    for field in ("subtitle", "doel", "aanpak", "tracks", "sensitive"):
        assert f'name="{field}"' in html
    assert 'name="tips-TOTAL_FORMS"' in html
    assert 'name="links-TOTAL_FORMS"' in html


def test_editor_can_preview_a_step(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)

    response = staff_client.get(f"/cms/pages/{step.pk}/view_draft/")

    assert response.status_code == 200
    assert SEED_TITLE in response.content.decode()


def test_anonymous_user_is_redirected_from_the_cms(client, method):
    step = StepPage.objects.get(key=SEED_KEY)

    for url in ("/cms/", f"/cms/pages/{step.pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 302


def test_kompas_is_under_the_site_root(method):
    kompas = Page.objects.get(slug="kompas")

    assert kompas.get_url() == "/kompas/"


def _related_links(html):
    related = html.split('<section id="verwant"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<li><a href="([^"]+)">', related)


def test_step_page_shows_each_related_step_once(client, method):
    for step in StepPage.objects.live():
        html = client.get(step.url).content.decode()
        if '<section id="verwant"' not in html:
            continue

        links = _related_links(html)

        assert len(links) == len(set(links)), step.key
        assert step.url not in links


def test_step_page_shows_a_related_step_under_its_strongest_relation(client, method):
    # 1.2 requires 1.1, and 1.1 leads to 1.2: on 1.2's page, 1.1 is "Needed first" only.
    # 1.3 requires 1.2, and 1.2 leads to 1.3: 1.3 is under "Needed for", not "Leads to".
    html = client.get(SEED_URL).content.decode()

    related = html.split('<section id="verwant"', 1)[1].split("</section>", 1)[0]
    groups = dict(re.findall(r"<h3>([^<]+)</h3>\s*<ul>(.*?)</ul>", related, re.DOTALL))
    assert "de-juiste-partijen-aan-tafel" in groups["Eerst nodig"]
    assert "de-juiste-partijen-aan-tafel" not in groups.get("Volgt uit", "")
    assert "gezamenlijke-ambitie" in groups["Nodig voor"]
    assert "gezamenlijke-ambitie" not in groups.get("Leidt tot", "")


def test_step_page_shows_its_resources_with_publisher(client, method, content_copy):
    from wijkkoers.method import files
    from wijkkoers.method.services import load_method

    from .conftest import add_step_file

    resources = (
        files.ResourceRecord("Een handige gids", "Uitgever & Co", "https://example.org/gids"),
        files.ResourceRecord("Een rekentool", "Rekenbureau", "https://example.org/tool"),
    )
    add_step_file(content_copy, "met-bronnen", phase=1, number=18, resources=resources)
    assert not load_method(content_copy).errors

    html = client.get("/kompas/samen-starten/met-bronnen/").content.decode()

    section = html.split('<section id="bronnen"', 1)[1].split("</section>", 1)[0]
    assert "Bronnen en hulpmiddelen" in section
    assert '<a href="https://example.org/gids" rel="noopener">Een handige gids</a>' in section
    assert "Uitgever &amp; Co" in section
    assert section.index("Een handige gids") < section.index("Een rekentool")


def test_step_page_without_resources_has_no_empty_section(client, method, content_copy):
    from wijkkoers.method.services import load_method

    from .conftest import add_step_file

    add_step_file(content_copy, "zonder-bronnen", phase=1, number=18, resources=())
    assert not load_method(content_copy).errors

    html = client.get("/kompas/samen-starten/zonder-bronnen/").content.decode()

    assert 'id="bronnen"' not in html
