"""The export sections of the project, its logbook and its working tools, in one place."""


def register() -> None:
    from wijkkoers.exports.sections import (
        audit,
        goals,
        housingcost,
        logbook,
        opportunities,
        projects,
        raci,
        stakeholders,
    )

    for section in (
        projects,
        logbook,
        stakeholders,
        goals,
        raci,
        housingcost,
        opportunities,
        audit,
    ):
        section.register()
