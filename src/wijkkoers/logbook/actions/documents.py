"""Audit actions of the logbook: documents."""


def register():
    pass
