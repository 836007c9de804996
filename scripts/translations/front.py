"""Dutch for issue 9's last pieces: the inherited "niet van toepassing" on a sub-project's
step page, and the Markdown editor of the CMS (preview, step links)."""

NL = {
    "inherited from the whole project": "overgenomen van het hele project",
    "The whole project marked this step as not applicable because: %(reason)s": "Het hele project vond deze stap niet van toepassing, omdat: %(reason)s",
    "The whole project marked this step as not applicable.": "Het hele project vond deze stap niet van toepassing.",
    "This sub-project follows that until it records a status of its own.": "Dit deelproject volgt dat, tot het een eigen status vastlegt.",
    "The preview could not be made just now; your text is not affected.": "Het voorbeeld kon nu niet worden gemaakt; je tekst blijft zoals hij is.",
    "No step has this key, so the link shows as plain text:": "Geen stap heeft deze sleutel, dus de link verschijnt als gewone tekst:",
    "Link to a step": "Link naar een stap",
    "Choose a step…": "Kies een stap…",
    "Insert link": "Link invoegen",
    "Preview": "Voorbeeld",
    "Write each paragraph or list item on one line; the text wraps by itself. A blank line starts a new paragraph.": "Schrijf elke alinea of elk lijstpunt op één regel; de tekst loopt vanzelf door. Een lege regel begint een nieuwe alinea.",
    "The text is too long for a preview (at most %(count)s characters).": "De tekst is te lang voor een voorbeeld (hooguit %(count)s tekens).",
}
