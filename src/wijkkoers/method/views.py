"""The Kompas's own views, served through MethodIndexPage's routes (see models/pages.py)."""

from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkkoers.core.errors import DomainError
from wijkkoers.method import queries, submissions
from wijkkoers.method.catalogue import get_catalogue
from wijkkoers.method.forms import KompasFilterForm, SearchForm, StorySubmissionForm
from wijkkoers.method.markdown import linked_step_keys, render_markdown
from wijkkoers.method.page_cache import mark_cacheable

KOMPAS_TEMPLATE = "method/method_index_page.html"


def kompas(request, page):
    """The phases x tracks map lit by the filters, then every matching step per phase.

    One URL per state of the filters; an htmx request gets the map and the list only.
    """
    catalogue = get_catalogue()
    tracks = catalogue.tracks
    form = KompasFilterForm(request.GET, tracks=tracks, parties=catalogue.parties)
    filters = form.filters()
    groups = catalogue.groups(filters)
    kompas_url = page.get_url(request)
    template = KOMPAS_TEMPLATE + "#results" if request.htmx else KOMPAS_TEMPLATE
    response = page.render(
        request,
        template=template,
        context_overrides={
            "form": form,
            "filters": filters,
            "tracks": tracks,
            "groups": groups,
            "result_count": sum(len(group.steps) for group in groups),
            "map_rows": catalogue.track_map(),
            # The map shows every step; those the filters keep are lit, the rest dimmed.
            "lit_keys": {step.key for group in groups for step in group.steps},
            "active_track": catalogue.track(filters.track) if filters.track else None,
            "active_party": next((p for p in catalogue.parties if p.key == filters.party), None),
            "track_links": [(t, _filter_url(kompas_url, filters, t.code)) for t in tracks],
            "step_urls": catalogue.step_urls,
        },
    )
    if _known_filters(request, catalogue):
        mark_cacheable(response)
    return response


def _known_filters(request, catalogue) -> bool:
    """Is every query parameter a Kompas filter, given once, with a value it can have?
    Only then is the page stored for anonymous visitors: the variants stay countable."""
    allowed = {
        "spoor": {"", *(t.code for t in catalogue.tracks)},
        "partij": {"", *(p.key for p in catalogue.parties)},
        "gevoelig": {"", "1", "on"},
    }
    return all(
        name in allowed and len(values) == 1 and values[0] in allowed[name]
        for name, values in request.GET.lists()
    )


def _filter_url(kompas_url, filters, track_code):
    """The Kompas URL with the other filters kept and the track set to `track_code`."""
    params = {"spoor": track_code, "partij": filters.party, "gevoelig": "1" * filters.sensitive}
    return kompas_url + "?" + urlencode({key: value for key, value in params.items() if value})


def track(request, page, code):
    """What a track means, and every step that serves it, per phase."""
    catalogue = get_catalogue()
    track = catalogue.track(code.upper())
    if track is None:
        raise Http404(_("Unknown track"))
    response = page.render(
        request,
        template="method/track_page.html",
        context_overrides={"track": track, "groups": catalogue.steps_of_track(track.code)},
    )
    return mark_cacheable(response) if not request.GET else response


def search(request, page):
    """Full-text search over the steps; too long or empty queries get a friendly message."""
    form = SearchForm(request.GET)
    query = request.GET.get("q", "").strip()
    hits, message, suggestion = [], "", ""
    if not query:
        message = _("Type one or more words to search the method.")
    elif not form.is_valid():
        message = _("That search is too long. Try a few words.")
    elif not queries.search_terms(query):
        message = _("Type one or more words to search the method.")
    else:
        hits, suggestion = queries.search_results(page, query)
    return page.render(
        request,
        template="method/search.html",
        context_overrides={
            "form": form,
            "query": query,
            "hits": hits,
            "message": message,
            "suggestion": suggestion,
        },
    )


def share_story(request, page, key):
    """Share a practice story for a step: a login link for visitors, the form for members.

    A sent story waits for an editor in the CMS; the page then says so (?verzonden=1).
    """
    step = get_catalogue().steps.get(key)
    if step is None:
        raise Http404(_("Unknown step"))
    form = None
    if request.user.is_authenticated:
        form = StorySubmissionForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                submissions.submit_story(request.user, key, **form.cleaned_data)
            except DomainError as error:
                error.add_to_form(form)
            else:
                return redirect(request.path + "?verzonden=1")
    return page.render(
        request,
        template="method/share_story.html",
        context_overrides={
            "step": step,
            "form": form,
            "sent": request.GET.get("verzonden") == "1",
            "login_url": redirect_to_login(request.get_full_path()).url,
        },
    )


# The longest text in content/ is under 3,000 characters: the limits leave ample room and
# keep one request's rendering in milliseconds (markdown.py defuses the slow inputs).
PREVIEW_MAX_CHARS = 50_000
PREVIEW_MAX_BYTES = 256 * 1024


@require_POST
def markdown_preview(request):
    """The CMS editor's live preview: Markdown rendered and sanitised by our renderer, as JSON
    ({"html", "unknown_keys"}: knooppunt keys that match no step).

    Registered with Wagtail's `register_admin_urls`, so it lives under /cms/ behind Wagtail's
    admin access check (anonymous visitors and members without CMS access are refused), and
    Django's CSRF check applies to the POST. A text over the limit is refused with 413.
    """
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    too_long = _("The text is too long for a preview (at most %(count)s characters).") % {
        "count": f"{PREVIEW_MAX_CHARS:,}".replace(",", ".")
    }
    if length > PREVIEW_MAX_BYTES:
        return JsonResponse({"error": too_long}, status=413)
    text = request.POST.get("text", "")
    if len(text) > PREVIEW_MAX_CHARS:
        return JsonResponse({"error": too_long}, status=413)
    catalogue = get_catalogue()
    unknown = sorted({key for key in linked_step_keys(text) if key not in catalogue.steps})
    return JsonResponse(
        {"html": render_markdown(text, catalogue.step_urls), "unknown_keys": unknown}
    )
