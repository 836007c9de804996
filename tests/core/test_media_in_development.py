"""`make run` serves the CMS's media itself; the logbook's stored files never go out that way."""

import importlib

from django.urls import Resolver404, URLResolver
from django.urls.resolvers import RegexPattern


def test_development_media_route_never_serves_logbook_files(settings):
    import wijkkoers.urls as urls

    settings.DEBUG = True
    try:
        module = importlib.reload(urls)
        resolver = URLResolver(RegexPattern(r"^/"), module.urlpatterns)

        assert resolver.resolve("/media/images/foto.png").func.__module__ == "django.views.static"
        for private in ("/media/logbook/abc/def", "/media/logbook/reports/abc/d.pdf"):
            try:
                match = resolver.resolve(private)
            except Resolver404:
                continue
            assert match.func.__module__ != "django.views.static", private
    finally:
        settings.DEBUG = False
        importlib.reload(urls)
