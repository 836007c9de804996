"""The export sections of the apps that came before `exports`; tool apps register their own."""


def register() -> None:
    from wijkkoers.exports.sections import audit, logbook, projects, stakeholders

    projects.register()
    logbook.register()
    stakeholders.register()
    audit.register()
