"""The account pages for personal API tokens: list, create (the token shown once), revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wijkkoers.api.forms import ApiTokenForm
from wijkkoers.api.models import ApiToken
from wijkkoers.api.tokens import create_api_token, revoke_api_token, tokens_of
from wijkkoers.core.errors import DomainError
from wijkkoers.projects.access import is_public_id


@login_required
def token_list(request):
    return render(request, "api/tokens.html", {"tokens": tokens_of(request.user)})


@never_cache
@login_required
def token_create(request):
    """A POST that makes a token answers with the token itself, once; nothing keeps it."""
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, text = create_api_token(request.user, **form.cleaned_data)
        except DomainError as error:
            error.add_to_form(form)
        else:
            return render(request, "api/token_created.html", {"token": token, "text": text})
    return render(request, "api/token_form.html", {"form": form})


@login_required
def token_revoke(request, token_id):
    if not is_public_id(token_id):
        raise Http404
    token = ApiToken.objects.filter(user=request.user, public_id=token_id).first()
    if token is None:
        raise Http404
    problem = None
    if request.method == "POST":
        try:
            revoke_api_token(request.user, token)
        except DomainError as error:
            problem = str(error)
        else:
            messages.success(request, _("The token has been revoked. It no longer works."))
            return redirect("api_tokens:list")
    return render(request, "api/token_revoke.html", {"token": token, "problem": problem})
