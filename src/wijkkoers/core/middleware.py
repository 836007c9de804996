from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere, except in the Wagtail admin, which needs inline code."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.CSP_RELAXED_PATH_PREFIXES):
            parts.update = {
                "script-src": [UNSAFE_INLINE],
                "style-src": [UNSAFE_INLINE],
                "frame-ancestors": ["'self'"],
            }
        return parts


class SecurityHeadersMiddleware:
    """Headers Django does not set itself."""

    PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
