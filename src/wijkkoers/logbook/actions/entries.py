"""Audit actions of the logbook: entries."""


def register():
    pass
