"""The method's domain errors: one per rule, raised by its services."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import DomainError


class TooManyStories(DomainError):
    code = "too_many_stories"
    message = _("You have already shared %(limit)s stories today. Thank you! Try again tomorrow.")
    status = 429


class StoryFieldRequired(DomainError):
    code = "story_field_required"
    message = _("Fill this in.")


class StoryFieldTooLong(DomainError):
    code = "story_field_too_long"
    message = _("Keep this to at most %(limit)s characters.")


class StorySourceMissing(DomainError):
    code = "story_source_missing"
    message = _(
        "Give a link to the source, or tick that you were involved and allow us to publish it."
    )
    field = "source_url"


class StorySourceInvalid(DomainError):
    code = "story_source_invalid"
    message = _("Give a web address that starts with https:// or http://.")
    field = "source_url"


class UnknownStoryStep(DomainError):
    code = "unknown_story_step"
    message = _("This step is not part of the method.")
    status = 404


class StoryAlreadyDecided(DomainError):
    code = "story_already_decided"
    message = _("This story has already been published or rejected.")
    status = 409
