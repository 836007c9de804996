"""Audit actions of the logbook: reports."""


def register():
    pass
