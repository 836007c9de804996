from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere, except in the Wagtail admin, which needs inline code.

    No page may be framed, except Wagtail's previews, which its editor shows in a frame.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if request.path_info.startswith(settings.CSP_RELAXED_PATH_PREFIXES):
            parts.update = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}
        if is_cms_preview(request, response):
            parts.replace = {"frame-ancestors": [SELF]}
        return parts


def is_cms_preview(request, response) -> bool:
    """Is this a Wagtail preview, which the editor's preview panel shows in a frame?

    Wagtail renders a preview through a request of its own (`is_preview`, set by Wagtail,
    never by the visitor), whose response it returns as the admin view's; its preview views
    (including their "fix the errors first" page) mark themselves frameable by the same
    origin with X-Frame-Options SAMEORIGIN, which Django's middleware never sets.
    """
    if getattr(request, "is_preview", False):
        return True
    return (
        request.path_info.startswith(settings.CSP_RELAXED_PATH_PREFIXES)
        and response.get("X-Frame-Options") == "SAMEORIGIN"
    )


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
