"""Helpers for the e-mail we send."""


def mail_subject(text) -> str:
    """A subject on one line: every run of whitespace, newlines included, becomes one space.

    Subjects often contain names people typed (a project's name); a newline in a subject
    makes Django refuse the whole message (BadHeaderError). Use this for every subject.
    """
    return " ".join(str(text).split())


def site_url(path: str = "") -> str:
    """An absolute link on this installation: SITE_URL (never the request's host) + path."""
    from django.conf import settings

    return settings.SITE_URL + path


def mail_context(**context) -> dict:
    """What every mail template needs for its signature (`email/signature.txt`)."""
    from django.conf import settings

    return {"site_name": str(settings.SITE_NAME), "site_url": settings.SITE_URL, **context}
