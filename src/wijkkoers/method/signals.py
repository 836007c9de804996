"""Keep the search index of steps right when a shared practice story changes."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search import index

from wijkkoers.method.models import PracticeStory, StepPage


@receiver(post_save, sender=PracticeStory)
def reindex_steps_of_story(sender, instance, raw=False, **kwargs):
    # A step's index entry includes the text of its stories, so it is stale now.
    if raw:
        return
    for step in StepPage.objects.filter(step_stories__story=instance).distinct():
        index.insert_or_update_object(step)
