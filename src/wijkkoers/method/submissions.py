"""Practice stories that visitors share: submitting, and an editor publishing or rejecting.

A submission is a StorySubmission row (a snippet in the CMS, status "submitted"). An editor
publishes it: a PracticeStory is made from it and linked to its step in a new published
revision of the step page (the catalogue is invalidated by the publish signal). Either way
the submitter gets an e-mail, sent by a task after commit.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import URLValidator
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijkkoers.core.mail import mail_context, mail_subject, site_url
from wijkkoers.method import errors
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.method.models import PracticeStory, StepPage, StepStory, StorySubmission
from wijkkoers.method.models import submissions as limits

STORIES_PER_DAY = 5
RATE_KEY = "method:stories:{user}:{day}"
TEXT_FIELDS = {
    "title": limits.TITLE_MAX,
    "place": limits.PLACE_MAX,
    "what_happened": limits.TEXT_MAX,
    "what_was_learned": limits.TEXT_MAX,
}
_url = URLValidator(schemes=["http", "https"])


def _rate_key(user) -> str:
    return RATE_KEY.format(user=user.pk, day=timezone.localdate().isoformat())


def _check_rate(user) -> None:
    if (cache.get(_rate_key(user)) or 0) >= STORIES_PER_DAY:
        raise errors.TooManyStories(limit=STORIES_PER_DAY)


def _count_submission(user) -> None:
    key = _rate_key(user)
    cache.add(key, 0, timeout=2 * 24 * 3600)
    cache.incr(key)


def _check_fields(values: dict, source_url: str, involved_permission: bool) -> None:
    for name, limit in TEXT_FIELDS.items():
        if not values[name]:
            raise errors.StoryFieldRequired(field=name)
        if len(values[name]) > limit:
            raise errors.StoryFieldTooLong(field=name, limit=limit)
    if len(source_url) > limits.URL_MAX:
        raise errors.StoryFieldTooLong(field="source_url", limit=limits.URL_MAX)
    if source_url:
        try:
            _url(source_url)
        except ValidationError:
            raise errors.StorySourceInvalid() from None
    elif not involved_permission:
        raise errors.StorySourceMissing()


def submit_story(
    user,
    step_key: str,
    *,
    title: str,
    place: str,
    what_happened: str,
    what_was_learned: str,
    source_url: str = "",
    involved_permission: bool = False,
) -> StorySubmission:
    """Store a story a logged-in user shares for a live step, as given, for an editor.

    Rules: at most STORIES_PER_DAY per user per day (counted in the shared cache), every
    text filled in and within its length, and a source: an http(s) link, or the statement
    that the submitter was involved and allows publication. Side effect: one row.
    """
    _check_rate(user)
    if step_key not in get_catalogue().steps:
        raise errors.UnknownStoryStep()
    values = {
        "title": (title or "").strip(),
        "place": (place or "").strip(),
        "what_happened": (what_happened or "").strip(),
        "what_was_learned": (what_was_learned or "").strip(),
    }
    source_url = (source_url or "").strip()
    _check_fields(values, source_url, involved_permission)
    submission = StorySubmission.objects.create(
        step_key=step_key,
        submitter=user,
        source_url=source_url,
        involved_permission=bool(involved_permission),
        language=translation.get_language() or settings.LANGUAGE_CODE,
        **values,
    )
    _count_submission(user)
    return submission


def _decided(submission: StorySubmission) -> StorySubmission:
    """The submission, locked and re-read; refused when an editor already decided."""
    current = StorySubmission.objects.select_for_update().get(pk=submission.pk)
    if current.status != StorySubmission.Status.SUBMITTED:
        raise errors.StoryAlreadyDecided()
    return current


def _unique_key(submission: StorySubmission) -> str:
    base = slugify(f"{submission.place} {submission.title}")[:100] or "verhaal"
    key, n = base, 1
    while PracticeStory.objects.filter(key=key).exists():
        n += 1
        key = f"{base}-{n}"
    return key


def _story_text(submission: StorySubmission) -> str:
    with translation.override(settings.LANGUAGE_CODE):  # the method speaks Dutch
        learned = _("What was learned")
    return f"{submission.what_happened}\n\n**{learned}**\n\n{submission.what_was_learned}"


def _story_source(submission: StorySubmission) -> str:
    """A link's site as the source; otherwise the submitter, never an invented one."""
    if submission.source_url:
        return urlsplit(submission.source_url).hostname or submission.source_url
    with translation.override(settings.LANGUAGE_CODE):
        return _("Shared by someone involved")


def _add_story_to_step(page: StepPage, story: PracticeStory, editor) -> None:
    """Publish the live step with the story added; an editor's pending draft keeps it too."""
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else None
    for version in (page, draft):
        if version is None:
            continue
        stories = list(version.step_stories.all())
        version.step_stories = [*stories, StepStory(story=story, sort_order=len(stories))]
    page.save_revision(user=editor, log_action=True).publish(user=editor)
    if draft is not None:
        draft.save_revision(user=editor)


@transaction.atomic
def publish_story_submission(editor, submission: StorySubmission) -> PracticeStory:
    """Make a shared story a practice story of its step, as the editor left the text.

    Side effects: a PracticeStory, a new published revision of the step page (which
    invalidates the catalogue), the submission marked published, a mail after commit.
    """
    submission = _decided(submission)
    page = StepPage.objects.filter(key=submission.step_key).first()
    if page is None or not page.live:
        raise errors.UnknownStoryStep()
    story = PracticeStory.objects.create(
        key=_unique_key(submission),
        title=submission.title,
        place=submission.place,
        text=_story_text(submission),
        source=_story_source(submission),
        source_url=submission.source_url,
    )
    _add_story_to_step(page, story, editor)
    _set_outcome(submission, StorySubmission.Status.PUBLISHED, story=story)
    return story


@transaction.atomic
def reject_story_submission(editor, submission: StorySubmission) -> StorySubmission:
    """Decline a shared story. Side effects: status rejected, a mail after commit."""
    submission = _decided(submission)
    return _set_outcome(submission, StorySubmission.Status.REJECTED)


def _set_outcome(submission, status, story=None) -> StorySubmission:
    from wijkkoers.method.tasks import send_story_outcome_mail

    submission.status, submission.story, submission.decided_at = status, story, timezone.now()
    submission.save(update_fields=["status", "story", "decided_at"])
    transaction.on_commit(lambda: send_story_outcome_mail.enqueue(submission.pk))
    return submission


def deliver_story_outcome_mail(submission_id: int) -> None:
    """Tell the submitter whether their story was published (with a link) or not.

    Sends nothing while undecided or without a submitter. Side effect: one e-mail.
    """
    related = StorySubmission.objects.select_related("submitter")
    submission = related.filter(pk=submission_id).exclude(submitter=None).first()
    if submission is None or submission.status == StorySubmission.Status.SUBMITTED:
        return
    step = get_catalogue().steps.get(submission.step_key)
    published = submission.status == StorySubmission.Status.PUBLISHED
    with translation.override(submission.language):
        context = mail_context(
            title=submission.title,
            step_title=f"{step.display_number} {step.title}" if step else "",
            url=site_url(step.url + "#praktijk") if step else "",
        )
        template = "published" if published else "rejected"
        subject = _("Your story has been published") if published else _("About your story")
        send_mail(
            subject=mail_subject(f"{subject}: {submission.title}"),
            message=render_to_string(f"method/email/story_{template}.txt", context),
            from_email=None,
            recipient_list=[submission.submitter.email],
        )
