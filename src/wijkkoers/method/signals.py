"""Keep derived data right when the method changes: the search index and the catalogue."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from wijkkoers.method import catalogue
from wijkkoers.method.models import (
    MethodIndexPage,
    PartyType,
    PhasePage,
    PracticeStory,
    StepPage,
    Track,
)

METHOD_PAGES = (MethodIndexPage, PhasePage, StepPage)


@receiver(post_save, sender=PracticeStory)
def reindex_steps_of_story(sender, instance, raw=False, **kwargs):
    # A step's index entry includes the text of its stories, so it is stale now.
    if raw:
        return
    for step in StepPage.objects.filter(step_stories__story=instance).distinct():
        index.insert_or_update_object(step)


# A draft save changes nothing that is live, so pages count only when (un)published,
# moved or deleted. Links, tips and parties of a step are published with the step. Any
# page counts, not only the method's: an ancestor's new slug changes every step's URL.
@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    catalogue.invalidate()


def method_data_changed(sender, instance, raw=False, **kwargs):
    catalogue.invalidate()


for _model in (Page, *METHOD_PAGES):
    post_delete.connect(method_data_changed, sender=_model, dispatch_uid=f"catalogue-del-{_model}")
for _model in (Track, PartyType, PracticeStory):
    post_save.connect(method_data_changed, sender=_model, dispatch_uid=f"catalogue-save-{_model}")
    post_delete.connect(method_data_changed, sender=_model, dispatch_uid=f"catalogue-del-{_model}")
