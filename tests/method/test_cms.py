"""The method in the CMS, as an editor uses it: preview, words, names and speed."""

from wagtail.models import ReferenceIndex

from tests.cms import edit_form_data
from wijkkoers.method.models import StepPage

from .conftest import SEED_KEY, SEED_TITLE


def _directive(response, name):
    """The sources of one directive of the response's Content-Security-Policy."""
    for directive in response["Content-Security-Policy"].split(";"):
        words = directive.split()
        if words and words[0] == name:
            return words[1:]
    return None


def _preview(client, step, **changes):
    """Send the edit form to the preview panel, as Wagtail's editor does, then load it."""
    url = f"/cms/pages/{step.pk}/edit/preview/"
    data = {**edit_form_data(client, step), **changes}
    assert client.post(url, data).json()["is_valid"]
    return client.get(url, {"mode": "", "in_preview_panel": "true"})


# --- Preview ----------------------------------------------------------------------------


def test_preview_panel_may_frame_the_preview_of_a_step(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)

    response = _preview(staff_client, step, title="Nieuwe titel in de preview")

    assert response.status_code == 200
    assert "Nieuwe titel in de preview" in response.content.decode()
    assert _directive(response, "frame-ancestors") == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_preview_of_a_step_keeps_the_strict_policy_for_scripts(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)

    response = _preview(staff_client, step)

    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_preview_with_errors_may_be_framed_too(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)
    url = f"/cms/pages/{step.pk}/edit/preview/"
    staff_client.post(url, {**edit_form_data(staff_client, step), "title": ""})

    response = staff_client.get(url, {"mode": "", "in_preview_panel": "true"})

    assert response.status_code == 200
    assert _directive(response, "frame-ancestors") == ["'self'"]


def test_cms_edit_page_may_not_be_framed(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)

    response = staff_client.get(f"/cms/pages/{step.pk}/edit/")

    assert _directive(response, "frame-ancestors") == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_public_step_page_may_not_be_framed(client, method):
    step = StepPage.objects.get(key=SEED_KEY)

    response = client.get(step.url)

    assert SEED_TITLE.replace("&", "&amp;") in response.content.decode()
    assert _directive(response, "frame-ancestors") == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


# --- Words, names and pictures ------------------------------------------------------------


def test_cms_shows_no_gravatar(staff_client, method):
    html = staff_client.get("/cms/").content.decode()

    assert "gravatar" not in html
    assert 'class="avatar' in html


def test_revision_history_names_the_editor(staff_client, staff_user, method):
    step = StepPage.objects.get(key=SEED_KEY)
    step.save_revision(user=staff_user, log_action=True)

    html = staff_client.get(f"/cms/pages/{step.pk}/history/").content.decode()

    assert "Sanne Staf" in html
    assert staff_user.email not in html


def test_default_workflow_has_a_dutch_name(staff_client, method):
    html = staff_client.get("/cms/workflows/list/").content.decode()

    assert "Goedkeuring door moderatoren" in html
    assert "Moderators approval" not in html


def test_step_editor_speaks_dutch(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)

    html = staff_client.get(f"/cms/pages/{step.pk}/edit/").content.decode()

    for dutch in ("Controles", "Minikaart", 'aria-label="Acties"'):
        assert dutch in html
    for english in ('"Checks"', ">Checks<", "Minimap", 'aria-label="Actions"', "Welcome to your"):
        assert english not in html


def test_workflow_history_names_the_editor_and_the_task_in_dutch(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)
    data = {**edit_form_data(staff_client, step), "action-submit": "1"}
    staff_client.post(f"/cms/pages/{step.pk}/edit/", data)

    html = staff_client.get(f"/cms/pages/{step.pk}/workflow_history/").content.decode()

    assert "Goedkeuring door moderatoren" in html
    assert "Sanne Staf" in html


# --- Publishing -------------------------------------------------------------------------


def test_publishing_a_step_indexes_its_new_tip_for_search(staff_client, client, method):
    step = StepPage.objects.get(key=SEED_KEY)
    data = {**edit_form_data(staff_client, step), "action-publish": "1"}
    data["tips-0-text"] = "Vraag de zonneboilerspecialist om advies."

    response = staff_client.post(f"/cms/pages/{step.pk}/edit/", data)

    assert response.status_code == 302
    html = client.get("/kompas/zoeken/", {"q": "zonneboilerspecialist"}).content.decode()
    assert SEED_TITLE.replace("&", "&amp;") in html


def test_publishing_a_step_indexes_its_links_once_they_are_saved(staff_client, method):
    step = StepPage.objects.get(key=SEED_KEY)
    data = {**edit_form_data(staff_client, step), "action-publish": "1"}
    data["links-0-DELETE"] = "1"
    links_before = step.links.count()

    staff_client.post(f"/cms/pages/{step.pk}/edit/", data)

    references = ReferenceIndex.objects.filter(
        object_id=str(step.pk), model_path__startswith="links"
    )
    linked = {str(link.target_id) for link in StepPage.objects.get(pk=step.pk).links.all()}
    assert len(linked) == links_before - 1
    assert set(references.values_list("to_object_id", flat=True)) == linked
