"""The rules of logbook documents and links, as errors the services raise."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import DomainError


class DocumentRuleError(DomainError):
    code = "document_rule"


class FileMissing(DocumentRuleError):
    code = "file_missing"
    message = _("Choose a file.")
    field = "file"


class FileEmpty(DocumentRuleError):
    code = "file_empty"
    message = _("This file is empty.")
    field = "file"


class FileTooLarge(DocumentRuleError):
    code = "file_too_large"
    message = _("This file is larger than 25 MB. Make it smaller, or add a link to it instead.")
    field = "file"
    status = 413


class FileTypeNotAllowed(DocumentRuleError):
    code = "file_type_not_allowed"
    message = _(
        "This kind of file cannot be added. Allowed are PDF, office documents (Word, Excel, "
        "PowerPoint, OpenDocument), images (PNG, JPEG, GIF, WebP), CSV and plain text."
    )
    field = "file"
    status = 415


class FileContentMismatch(DocumentRuleError):
    code = "file_content_mismatch"
    message = _(
        "The content of this file does not match its name: it is not a real %(label)s file. "
        "Save it again in the right format, or give it the right name."
    )
    field = "file"
    status = 415


class LinkNotAllowed(DocumentRuleError):
    code = "link_not_allowed"
    message = _("Enter a web address that starts with http:// or https://.")
    field = "url"


class WithdrawalReasonMissing(DocumentRuleError):
    code = "withdrawal_reason_missing"
    message = _("Say why this is withdrawn.")
    field = "reason"


class AlreadyWithdrawn(DocumentRuleError):
    code = "already_withdrawn"
    message = _("This has already been withdrawn.")
    status = 409


class StepNotInMethod(DocumentRuleError):
    code = "step_not_in_method"
    message = _("Choose steps of the method.")
    field = "steps"


class PartyNotOfProject(DocumentRuleError):
    code = "party_not_of_project"
    message = _("Choose parties of this project.")
    field = "parties"
