"""Finding inline code in a page: what a strict Content-Security-Policy would block."""

import re
from html.parser import HTMLParser

EVENT_HANDLER = re.compile(r"^on\w+$", re.IGNORECASE)


class _InlineCodeFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: tuple[str, bool] | None = None  # (start tag, has src)

    def handle_starttag(self, tag, attrs):
        names = {name.lower() for name, _value in attrs}
        text = self.get_starttag_text()
        if tag == "script":
            self._script = (text, "src" in names)
            if "src" not in names:
                self.found.append(f"inline script: {text}")
        elif tag == "style":
            self.found.append(f"style element: {text}")
        for name in names:
            if EVENT_HANDLER.match(name):
                self.found.append(f"event handler attribute {name}: {text}")
            elif name == "style":
                self.found.append(f"style attribute: {text}")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script and self._script[1] and data.strip():
            self.found.append(f"script with src and content: {self._script[0]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


def inline_code(html: str) -> list[str]:
    """Every inline script (a <script> without src, or with content), <style> element, style
    attribute and event handler attribute (on...=) in `html`; an empty list when clean."""
    finder = _InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.found
