"""The accessibility statement and its feedback form (POST, redirect, GET)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accessibility import spam
from accessibility.feedback import submit_feedback
from accessibility.forms import FeedbackForm
from accessibility.known_gaps import PREPARED_ON, REVIEWED_ON, known_gaps
from accounts.language import one_of
from accounts.ratelimits import over_limit, too_many_requests

STATEMENT_LANGUAGES = ("fi", "sv", "en")


def statement(request):
    """The statement in the interface language; a POST sends feedback."""
    language = one_of(translation.get_language(), STATEMENT_LANGUAGES)
    form = FeedbackForm()
    if request.method == "POST":
        if over_limit(request, "accessibility_feedback"):
            return too_many_requests(request)
        form = FeedbackForm(request.POST)
        if spam.is_spam(request.POST):
            return _thanked(request)
        if form.is_valid():
            submit_feedback(
                message=form.cleaned_data["message"],
                page_url=form.cleaned_data["page_url"],
                email=form.cleaned_data["email"],
                language=language,
                user=request.user,
            )
            return _thanked(request)
    return render(
        request,
        f"accessibility/statement_{language}.html",
        {
            "form": form,
            "known_gaps": known_gaps(language),
            "prepared_on": PREPARED_ON,
            "reviewed_on": REVIEWED_ON,
            "site_url": request.build_absolute_uri("/"),
        },
    )


def _thanked(request):
    """The same answer for people and bots.

    The address names #main, where the message is shown; without a fragment
    of its own the browser would keep the form's #feedback and show the form.
    """
    messages.success(
        request,
        _(
            "Thank you for your feedback. If you gave an e-mail address, we "
            "will answer within 14 days."
        ),
    )
    return redirect(reverse("accessibility_statement") + "#main")
