"""The method, public: phases, tracks and steps, read from the cached catalogue."""

from django.http import Http404
from ninja import Field, Query, Router, Schema

from wijkkoers.api.schemas import PUBLIC_ERRORS, Page, PageParams, page_of
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.method.markdown import render_markdown

router = Router(tags=["Method"], auth=None)


class PhaseOut(Schema):
    key: str
    number: int
    title: str
    url: str
    own_addition: bool
    step_keys: list[str]


class TrackOut(Schema):
    code: str
    name: str
    explanation: str
    group: str
    own_addition: bool
    url: str


class StepOut(Schema):
    key: str
    number: str = Field(description="As the site numbers it: phase.step, e.g. 1.2.")
    phase: int
    title: str
    subtitle: str
    url: str
    sensitive: bool
    tracks: list[str]


class PartyTypeOut(Schema):
    key: str
    name: str


class ResourceOut(Schema):
    title: str
    publisher: str
    url: str


class StoryOut(Schema):
    key: str
    title: str
    place: str
    text_html: str
    source: str
    source_url: str


class StepDetailOut(StepOut):
    doel_html: str = Field(description="The step's goal (doel) as the site shows it.")
    aanpak_html: str = Field(description="The approach (aanpak) as the site shows it.")
    tips_html: list[str]
    parties: list[PartyTypeOut] = Field(description="Parties involved, the lead party first.")
    resources: list[ResourceOut]
    stories: list[StoryOut]
    requires: list[str]
    leads_to: list[str]
    related: list[str]


class StepFilters(Schema):
    phase: int | None = Field(None, ge=0, le=1000, description="Phase number.")
    track: str | None = Field(None, max_length=10, description="Track code, e.g. B.")
    sensitive: bool | None = Field(None, description="Only sensitive (or not) steps.")


def _step(step) -> dict:
    return {
        "key": step.key,
        "number": step.display_number,
        "phase": step.phase_number,
        "title": step.title,
        "subtitle": step.subtitle,
        "url": step.url,
        "sensitive": step.sensitive,
        "tracks": list(step.track_codes),
    }


@router.get("/phases", response={200: list[PhaseOut], **PUBLIC_ERRORS}, summary="Phases")
def phases(request):
    return [
        {
            "key": phase.key,
            "number": phase.number,
            "title": phase.title,
            "url": phase.url,
            "own_addition": phase.own_addition,
            "step_keys": [step.key for step in phase.steps],
        }
        for phase in get_catalogue().phases
    ]


@router.get("/tracks", response={200: list[TrackOut], **PUBLIC_ERRORS}, summary="Tracks")
def tracks(request):
    return [
        {
            "code": track.code,
            "name": track.name,
            "explanation": track.explanation,
            "group": track.group,
            "own_addition": track.own_addition,
            "url": track.url,
        }
        for track in get_catalogue().tracks
    ]


@router.get("/steps", response={200: Page[StepOut], **PUBLIC_ERRORS}, summary="Steps")
def steps(request, filters: Query[StepFilters], paging: Query[PageParams]):
    """Every step in method order (phase, then number), filtered by phase, track, sensitive."""
    rows = [
        step
        for phase in get_catalogue().phases
        for step in phase.steps
        if (filters.phase is None or step.phase_number == filters.phase)
        and (not filters.track or filters.track.upper() in step.track_codes)
        and (filters.sensitive is None or step.sensitive == filters.sensitive)
    ]
    return page_of(rows, paging, _step)


@router.get("/steps/{key}", response={200: StepDetailOut, **PUBLIC_ERRORS}, summary="One step")
def step(request, key: str):
    catalogue = get_catalogue()
    found = catalogue.steps.get(key)
    if found is None:
        raise Http404
    urls = catalogue.step_urls
    return {
        **_step(found),
        "doel_html": render_markdown(found.doel, urls),
        "aanpak_html": render_markdown(found.aanpak, urls),
        "tips_html": [render_markdown(tip, urls) for tip in found.tips],
        "parties": [{"key": p.key, "name": p.name} for p in found.parties],
        "resources": [
            {"title": r.title, "publisher": r.publisher, "url": r.url} for r in found.resources
        ],
        "stories": [
            {
                "key": s.key,
                "title": s.title,
                "place": s.place,
                "text_html": render_markdown(s.text, urls),
                "source": s.source,
                "source_url": s.source_url,
            }
            for s in found.stories
        ],
        "requires": list(found.requires),
        "leads_to": list(found.leads_to),
        "related": list(found.related),
    }
