"""The audit actions the logbook writes, one module per part, registered from ready()."""


def register():
    from wijkkoers.logbook.actions import documents, entries, reports

    entries.register()
    documents.register()
    reports.register()
