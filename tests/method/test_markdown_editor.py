"""The CMS's Markdown editor: the preview endpoint (only for CMS users, POST with CSRF,
size-limited, our own renderer) and the widget on the step, tip and story edit pages."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from wijkkoers.method.models import PracticeStory, StepPage
from wijkkoers.method.views import PREVIEW_MAX_CHARS
from wijkkoers.method.widgets import PREVIEW_URL_NAME

from .conftest import SEED_KEY, SEED_TITLE

pytestmark = pytest.mark.django_db

LINKED = "[de ambitie](knooppunt:gezamenlijke-ambitie)"


def preview_url():
    return reverse(PREVIEW_URL_NAME)


def test_preview_url_lives_under_the_cms():
    assert preview_url() == "/cms/markdown-voorbeeld/"


# --- Who may ask --------------------------------------------------------------------------


def test_preview_refuses_an_anonymous_visitor(client, method):
    response = client.post(preview_url(), {"text": LINKED})

    assert response.status_code in (302, 403)
    assert "html" not in response.content.decode()


def test_preview_refuses_a_member_without_cms_access(outsider_client, method):
    response = outsider_client.post(preview_url(), {"text": LINKED})
    ajax = outsider_client.post(
        preview_url(), {"text": LINKED}, headers={"x-requested-with": "XMLHttpRequest"}
    )

    assert response.status_code in (302, 403)
    assert ajax.status_code == 403
    assert "gezamenlijke-ambitie" not in response.content.decode() + ajax.content.decode()


def test_preview_allows_an_editor_with_cms_access_only(method):
    from django.contrib.auth.models import Group

    editor = UserFactory(name="Eva Redacteur")
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(editor)

    assert client.post(preview_url(), {"text": LINKED}).status_code == 200


def test_preview_needs_the_csrf_token(staff_user, method):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)

    assert client.post(preview_url(), {"text": LINKED}).status_code == 403


def test_preview_answers_post_only(staff_client, method):
    assert staff_client.get(preview_url(), {"text": LINKED}).status_code == 405


# --- What it renders ------------------------------------------------------------------------


def test_preview_renders_step_links_with_our_renderer(staff_client, method):
    step = StepPage.objects.get(key="gezamenlijke-ambitie")

    data = staff_client.post(preview_url(), {"text": f"Zie **eerst** {LINKED}."}).json()

    assert data["html"] == (
        f'<p>Zie <strong>eerst</strong> <a href="{step.url}">de ambitie</a>.</p>'
    )
    assert data["unknown_keys"] == []


def test_preview_names_step_keys_that_do_not_exist(staff_client, method):
    data = staff_client.post(
        preview_url(), {"text": "[weg](knooppunt:bestaat-niet) en [ook](knooppunt:zzz)"}
    ).json()

    assert data["html"] == "<p>weg en ook</p>"
    assert data["unknown_keys"] == ["bestaat-niet", "zzz"]


def test_preview_escapes_html(staff_client, method):
    text = 'a < b & c <img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3))'

    html = staff_client.post(preview_url(), {"text": text}).json()["html"]

    assert "a &lt; b &amp; c" in html
    assert "<img" not in html
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html


def test_preview_refuses_a_text_over_the_limit(staff_client, method):
    response = staff_client.post(preview_url(), {"text": "a" * (PREVIEW_MAX_CHARS + 1)})

    assert response.status_code == 413
    assert "te lang" in response.json()["error"]
    assert staff_client.post(preview_url(), {"text": "a" * PREVIEW_MAX_CHARS}).status_code == 200


def test_preview_refuses_a_body_over_the_limit_before_reading_it(staff_client, method):
    response = staff_client.post(preview_url(), {"text": "a", "other": "b" * 300_000})

    assert response.status_code == 413


# --- The widget on the edit pages ----------------------------------------------------------


def editors_in(html):
    return re.findall(r'<div class="wk-markdown" data-wk-markdown', html)


def test_step_edit_page_has_the_markdown_editor_on_doel_aanpak_and_tips(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)

    html = staff_client.get(f"/cms/pages/{step.pk}/edit/").content.decode()

    # Doel, Aanpak, each tip, and the empty form for a new tip.
    assert len(editors_in(html)) == 2 + step.tips.count() + 1
    assert 'method/markdown-editor.js"' in html
    assert 'method/markdown-editor.css"' in html
    assert 'data-preview-url="/cms/markdown-voorbeeld/"' in html
    for name in ("doel", "aanpak"):
        assert re.search(rf'<textarea name="{name}"[^>]*wrap="soft"', html)
    # The first preview comes with the page, rendered by our renderer.
    assert '<div class="wk-markdown__preview" data-wk-preview' in html


def test_step_picker_lists_every_step_with_number_and_title(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)

    html = staff_client.get(f"/cms/pages/{step.pk}/edit/").content.decode()
    picker = html[html.index('id="id_doel-stap"') :]
    picker = picker[: picker.index("</select>")]

    options = re.findall(r'<option value="([\w-]+)" data-title="[^"]*">([^<]*)</option>', picker)
    assert len(options) == StepPage.objects.live().count()
    assert (SEED_KEY, "1.2 " + SEED_TITLE) in options


def test_story_edit_page_has_the_markdown_editor(staff_client, method):
    story = PracticeStory.objects.first()

    html = staff_client.get(f"/cms/snippets/method/practicestory/edit/{story.pk}/").content.decode()

    assert len(editors_in(html)) == 1
    assert 'method/markdown-editor.js"' in html
