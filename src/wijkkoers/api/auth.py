"""`Authorization: Bearer <token>`: a personal API token stands for its user."""

from ninja.security import HttpBearer

from wijkkoers.api.tokens import user_for_token


class ApiTokenAuth(HttpBearer):
    openapi_description = (
        "A personal API token, made on /account/api-tokens/. "
        "Send it as `Authorization: Bearer <token>`."
    )

    def authenticate(self, request, token):
        """The token's user (request.auth), or None: the API then answers 401."""
        return user_for_token(token or "")
