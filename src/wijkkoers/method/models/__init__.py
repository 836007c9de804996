"""The method's content model; snippets (shared vocabulary) and pages live in submodules."""

from wijkkoers.method.models.pages import (
    MethodIndexPage,
    PhasePage,
    StepLink,
    StepPage,
    StepParty,
    StepResource,
    StepStory,
    StepTip,
)
from wijkkoers.method.models.snippets import PartyType, PracticeStory, Track
from wijkkoers.method.models.submissions import StorySubmission

__all__ = [
    "MethodIndexPage",
    "PartyType",
    "PhasePage",
    "PracticeStory",
    "StepLink",
    "StepPage",
    "StepParty",
    "StepResource",
    "StepStory",
    "StepTip",
    "StorySubmission",
    "Track",
]
