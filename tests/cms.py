"""Driving the Wagtail admin as an editor's browser would: the edit form, as it is filled in."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """The values a browser would submit from the form with the given id."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file", "image"):
                default = "on" if kind in ("checkbox", "radio") else ""
                self.data.append((name, attrs.get("value") or default))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea:
            # A browser drops the newline that directly follows <textarea>.
            text = "".join(self._text)
            self.data.append((self._textarea, text[1:] if text.startswith("\n") else text))
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_data(html: str, form_id: str = "page-edit-form") -> dict[str, str | list[str]]:
    """The fields of a form as a browser would post them (repeated names become lists)."""
    reader = _FormReader(form_id)
    reader.feed(html)
    data: dict[str, str | list[str]] = {}
    for name, value in reader.data:
        if name in data:
            previous = data[name]
            data[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            data[name] = value
    return data


def edit_form_data(client, page) -> dict[str, str | list[str]]:
    """The page's edit form in the CMS, filled in as it stands."""
    response = client.get(f"/cms/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return form_data(response.content.decode())
