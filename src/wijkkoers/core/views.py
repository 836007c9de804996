from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.csrf import requires_csrf_token


def home(request):
    # Demo accounts exist only outside production (setup_demo refuses there).
    return render(request, "core/home.html", {"show_demo": not settings.PRODUCTION})


def info_page(template_name):
    """A static page about this installation (about, privacy, contact, ...), with its contact."""

    def view(request):
        contact = {"name": settings.CONTACT_NAME, "email": settings.CONTACT_EMAIL}
        return render(request, template_name, {"contact": contact})

    return view


@requires_csrf_token
def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the error may be the database or a context
    # processor itself. The template needs only static files and translations.
    return HttpResponseServerError(loader.get_template("500.html").render())


def to_account_page(url_name):
    """A view that sends any request (GET or POST) on to allauth's page, keeping `?next=`.

    Wagtail's own login and password reset under /cms/ would skip two-factor login, e-mail
    verification and throttling; nothing is ever checked or changed here.
    """

    def redirect_view(request, *args, **kwargs):
        url = reverse(url_name)
        if next_url := request.GET.get("next"):
            url += "?" + urlencode({"next": next_url})
        return HttpResponseRedirect(url)

    return redirect_view


def page_not_found_preview(request):
    return page_not_found(request)


def server_error_preview(request):
    return server_error(request)
