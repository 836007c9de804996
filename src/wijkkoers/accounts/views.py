from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from wijkkoers.accounts.forms import ProfileForm
from wijkkoers.accounts.services import update_profile


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, initial={"name": request.user.name})
    if request.method == "POST" and form.is_valid():
        update_profile(request.user, name=form.cleaned_data["name"])
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})
