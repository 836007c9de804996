"""The interactive docs (Swagger UI) from our own static files, under the strict CSP.

django-ninja's own template loads the same files but with the settings inline in the page;
ours passes them in a data attribute and starts Swagger UI from api/swagger-start.js.
"""

import json

from django.shortcuts import render
from ninja.openapi.docs import DocsBase


class LocalSwagger(DocsBase):
    def render_page(self, request, api, **kwargs):
        settings = {
            "url": self.get_openapi_url(api, kwargs),
            "dom_id": "#swagger-ui",
            "deepLinking": False,  # its links inside the operation buttons nest controls (axe)
            "validatorUrl": None,
            "tryItOutEnabled": False,
        }
        context = {
            "api": api,
            "swagger_settings": json.dumps(settings),
            # From the context, not a template literal, so that its <token> is escaped.
            "auth_header": "Authorization: Bearer <token>",
        }
        return render(request, "api/docs.html", context)
