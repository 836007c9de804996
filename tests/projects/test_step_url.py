"""Links to a project's steps: one reverse() per project, the same URL as {% url %}."""

from types import SimpleNamespace

from django.template import Context, Template
from django.urls import reverse

from wijkkoers.projects.templatetags.project_tags import step_url


def test_step_url_is_the_reversed_url_for_every_project_and_step():
    for public_id in ("Proj_aaaa-01", "Proj_bbbb-02"):
        project = SimpleNamespace(public_id=public_id)
        for key in ("helderheid-over-ambities", "samen-starten"):
            assert step_url(project, key) == reverse("projects:step", args=[public_id, key])


def test_the_tag_writes_what_the_url_tag_writes():
    context = Context({"project": SimpleNamespace(public_id="Proj_aaaa-01"), "key": "stap-1"})
    ours = Template("{% load project_tags %}{% step_url project key %}").render(context)
    django = Template("{% url 'projects:step' project.public_id key %}").render(context)

    assert ours == django
