"""The project compass's map of every step, drawn once per method version and language.

The map (phases x tracks, and the same steps as a list per phase for phones) has the same
shape in every project: only each step's state and its link differ. So the shape is
rendered once per method version, language and release (`map_skeleton`), kept in the
shared cache and per process, with a marker where each step's state goes; a request then
only fills in its own project's states (`fill_map`): a few string operations per step
instead of a template include per cell.
"""

import re
from html import escape

from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wijkkoers.method.catalogue import Catalogue, current_version
from wijkkoers.method.page_cache import fingerprint
from wijkkoers.projects.queries import state_legend

KEY = "projects:compass-map:{fingerprint}:{version}:{language}"
TIMEOUT = 7 * 24 * 3600
MARKER = re.compile(r"<!--state:([\w-]+):(wide|narrow)-->")
KEY_PLACEHOLDER = "step-key-placeholder"

# One step's state in a map cell (the title only for screen readers) and in the phone list.
WIDE = (
    '<a class="state state--{}" href="{}"><span class="state__number">{}</span> '
    '<span class="state__icon" aria-hidden="true">{}</span>'
    '<span class="visually-hidden"> {}: {}</span></a>\n'
)
NARROW = (
    '<a class="state state--{}" href="{}"><span class="state__number">{}</span> '
    '<span class="state__icon" aria-hidden="true">{}</span> '
    '<span class="state__title">{}</span> <span class="state__label">{}</span></a>\n'
)

# This process's skeletons: {"of": (release, method version), "maps": {language: html}}.
_memo: dict = {"of": None, "maps": {}}


def map_skeleton(catalogue: Catalogue) -> str:
    """The map's HTML for the current method version and language, with state markers."""
    release, version, language = fingerprint(), current_version(), get_language() or ""
    if _memo["of"] != (release, version):
        _memo.update({"of": (release, version), "maps": {}})
    if (html := _memo["maps"].get(language)) is not None:
        return html
    key = KEY.format(fingerprint=release, version=version, language=language)
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "projects/_compass_map.html",
            {
                "legend": state_legend(),
                "tracks": catalogue.tracks,
                "map_rows": catalogue.track_map(),
                "phases": catalogue.phases,
            },
        )
        cache.set(key, html, timeout=TIMEOUT)
    _memo["maps"][language] = html
    return html


def fill_map(skeleton: str, rows: dict, project, subproject=None) -> str:
    """The skeleton with each marker replaced by that step's state in this project.

    `rows` are the compass's StepRows by step key."""
    base = reverse("projects:step", args=[project.public_id, KEY_PLACEHOLDER])
    query = "?" + urlencode({"deelproject": subproject.public_id}) if subproject else ""
    labels = {}  # state -> its escaped label, translated once per request

    def state(match):
        key, variant = match.groups()
        row = rows.get(key)
        if row is None:
            return ""
        if row.state not in labels:
            labels[row.state] = escape(str(row.state_label))
        # What format_html does, without its per-argument overhead: every value escaped.
        return (WIDE if variant == "wide" else NARROW).format(
            escape(row.state),
            escape(base.replace(KEY_PLACEHOLDER, key) + query),
            escape(row.step.display_number),
            escape(row.state_icon),
            escape(row.step.title),
            labels[row.state],
        )

    return mark_safe(MARKER.sub(state, skeleton))  # noqa: S308 - skeleton and parts escaped
