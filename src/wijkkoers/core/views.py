from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


def home(request):
    return render(request, "core/home.html")


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the error may be the database or a context
    # processor itself. The template needs only static files and translations.
    return HttpResponseServerError(loader.get_template("500.html").render())


def page_not_found_preview(request):
    return page_not_found(request)


def server_error_preview(request):
    return server_error(request)
