"""The rules of API tokens, as errors their services raise."""

from django.utils.translation import gettext_lazy as _

from wijkkoers.core.errors import DomainError


class ApiTokenRuleError(DomainError):
    code = "api_token"


class TokenNameRequired(ApiTokenRuleError):
    code = "token_name_required"
    message = _("Give the token a name, so you recognise it later.")
    field = "name"


class TokenExpiryInPast(ApiTokenRuleError):
    code = "token_expiry_in_past"
    message = _("Choose a date after today.")
    field = "expires_on"


class TooManyTokens(ApiTokenRuleError):
    code = "too_many_tokens"
    message = _("You have %(count)s active tokens, the most you can have. Revoke one first.")
    status = 409


class TokenAlreadyRevoked(ApiTokenRuleError):
    code = "token_already_revoked"
    message = _("This token has already been revoked.")
    status = 409


class ProjectReadOnlyForYou(DomainError):
    """A meelezer (or anyone without edit rights) tried to write through the API."""

    code = "read_only"
    message = _("You can read this project but not change it: your role is reader.")
    status = 403
