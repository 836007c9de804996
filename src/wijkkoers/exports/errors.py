"""The export's and import's refusals."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import DomainError


class ImportRefused(DomainError):
    """The file cannot be imported; `problems` lists every reason found (Dutch sentences)."""

    code = "import_refused"
    message = _("This file cannot be imported. Nothing was imported.")
    field = "file"

    def __init__(self, problems, **kwargs):
        super().__init__(**kwargs)
        self.problems = [str(problem) for problem in problems]


class ImportNotLeader(DomainError):
    code = "import_not_leader"
    message = _(
        "You can only import a project in which you are a project leader: your e-mail "
        "address is not among its project leaders."
    )
    field = "file"
    status = 403


class ImportTooLarge(DomainError):
    code = "import_too_large"
    message = _("The file is larger than %(size)s MB.")
    field = "file"
