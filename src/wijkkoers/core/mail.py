"""Helpers for the e-mail we send."""


def mail_subject(text) -> str:
    """A subject on one line: every run of whitespace, newlines included, becomes one space.

    Subjects often contain names people typed (a project's name); a newline in a subject
    makes Django refuse the whole message (BadHeaderError). Use this for every subject.
    """
    return " ".join(str(text).split())
