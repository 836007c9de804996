"""Keep derived data right when the method changes: the search index and the catalogue."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.tasks import update_reference_index_task

from wijkkoers.method import catalogue
from wijkkoers.method.models import (
    MethodIndexPage,
    PartyType,
    PhasePage,
    PracticeStory,
    StepLink,
    StepPage,
    StepParty,
    StepStory,
    StepTip,
    Track,
)

METHOD_PAGES = (MethodIndexPage, PhasePage, StepPage)
STEP_PARTS = (StepParty, StepTip, StepLink, StepStory)


def index_step_parts_with_their_step():
    """Publishing a step saves each of its parties, tips, links and stories, and Wagtail
    rebuilt the step's whole reference index after every one of them: 16 times for a
    typical step, over half the time of a publish, and more for a step with many links.
    The step's own save still indexes it; `reindex_published_step` does so once more when
    its parts are saved. Called from the app's ready(), before Wagtail registers the models
    (dropping the parts from `tracked_models` keeps Wagtail's post_migrate reconnect off).
    """
    ReferenceIndex.register_model(StepPage)
    for model in STEP_PARTS:
        ReferenceIndex.tracked_models.discard(model)
        post_save.disconnect(update_reference_index_on_save, sender=model)


@receiver(page_published)
def reindex_published_step(sender, instance, **kwargs):
    # The step's post_save came before its parts were saved, so both indexes saw the old
    # tips, links and stories: index the step again now that they are in the database.
    if isinstance(instance, StepPage):
        args = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
        update_reference_index_task.enqueue(*args)
        insert_or_update_object_task.enqueue(*args)


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
