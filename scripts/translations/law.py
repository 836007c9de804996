"""Dutch for the step resources (issue 12): bronnen en hulpmiddelen per knooppunt."""

NL = {
    "Sources and tools": "Bronnen en hulpmiddelen",
    "sources and tools": "bronnen en hulpmiddelen",
    "source or tool": "bron of hulpmiddel",
    "title": "titel",
    "publisher": "uitgever",
    "web address": "webadres",
    "The title as the publisher names it.": "De titel zoals de uitgever die noemt.",
}
