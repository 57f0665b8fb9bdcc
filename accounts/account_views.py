"""The logged-in person's own account pages: details, their data, deletion.

Every page works on ``request.user`` alone: no id in any address, so no one
can reach another person's data through them. Browsers do not keep them
(config.private_pages).
"""

import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.data_summary import summarise
from accounts.language import url_in_language
from accounts.privacy import erase_user, export_user_data
from accounts.profile_forms import DeleteAccountForm, ProfileForm

DOWNLOAD_NAME = "silta-omat-tiedot.json"


@login_required
def profile(request):
    """Name, address and language, with the way to one's data and deletion."""
    user = request.user
    form = ProfileForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        form.save(user)
        language = user.preferred_language
        with translation.override(language):
            messages.success(request, _("Your details have been saved."))
        return redirect(url_in_language(reverse("account_profile"), language))
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def data_download(request):
    """Everything Silta stores about the person, as the JSON the operators get."""
    body = json.dumps(export_user_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{DOWNLOAD_NAME}"'
    return response


@login_required
def data_summary(request):
    """The same data as the download, as a page to read or print."""
    sections = summarise(export_user_data(request.user))
    return render(request, "accounts/data_summary.html", {"sections": sections})


@login_required
@reauthentication_required
def delete_account(request):
    """Delete one's own account, after logging in again and typing the address.

    Reauthentication means a session left open on a shared computer cannot
    delete the account.
    """
    user = request.user
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        erase_user(user, by_self=True)
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect("wagtail_serve", "")
    return render(request, "accounts/delete_account.html", {"form": form})
