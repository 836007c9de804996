"""Dutch for issue 9's last pieces: the inherited "niet van toepassing" on a sub-project's
step page, and the Markdown editor of the CMS (preview, step links)."""

NL = {
    "inherited from the whole project": "overgenomen van het hele project",
    "The whole project marked this step as not applicable because: %(reason)s": "Het hele project vond deze stap niet van toepassing, omdat: %(reason)s",
    "The whole project marked this step as not applicable.": "Het hele project vond deze stap niet van toepassing.",
    "This sub-project follows that until it records a status of its own.": "Dit deelproject volgt dat, tot het een eigen status vastlegt.",
}
