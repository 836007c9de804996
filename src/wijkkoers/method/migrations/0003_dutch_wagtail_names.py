"""Wagtail creates data with English names that editors read in the CMS: its default
moderation workflow and task ("Moderators approval"), the root of the page tree ("Root")
and the site's first page ("Welcome to your new Wagtail site!"). Give them Dutch names,
unless someone renamed them already."""

from django.db import migrations

WORKFLOW = ("Moderators approval", "Goedkeuring door moderatoren")
ROOT = ("Root", "Alle pagina's")
SITE_ROOT = ("Welcome to your new Wagtail site!", "Wijkkoers")


def _rename(apps, forward: bool):
    def names(pair):
        return pair if forward else pair[::-1]

    old, new = names(WORKFLOW)
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)
    Page = apps.get_model("wagtailcore", "Page")
    for depth, pair in ((1, ROOT), (2, SITE_ROOT)):
        old, new = names(pair)
        Page.objects.filter(depth=depth, title=old).update(title=new, draft_title=new)


def to_dutch(apps, schema_editor):
    _rename(apps, forward=True)


def to_english(apps, schema_editor):
    _rename(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("method", "0002_story_submission"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_dutch, to_english)]
