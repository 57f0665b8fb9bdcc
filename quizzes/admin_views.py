"""Wagtail admin screens: question import (upload → preview → confirm), and per
quiz the item analysis with CSV download and the reflections shared by trustees.

Item analysis and shared reflections need the `quizzes.view_item_analysis`
permission (granted to Facilitators); importing needs `quizzes.add_question`.
"""

import re
import secrets

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from quizzes.analysis import MIN_GROUP, analyse_quiz, analysis_csv
from quizzes.bank_sync import import_into_category
from quizzes.formats import parse_file
from quizzes.interchange import MAX_FILE_BYTES, FatalImportError, check_storable
from quizzes.models import QuizPage
from quizzes.reflections import shared_reflections

PENDING_SECONDS = 30 * 60
# What secrets.token_urlsafe(16) gives; anything else is no token of ours, and
# must not reach the cache key (memcached refuses spaces and control characters).
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


class ImportForm(forms.Form):
    """A question file and the category to import it into."""

    file = forms.FileField(
        label=gettext_lazy("Question file"),
        help_text=gettext_lazy(
            "GIFT (.gift, .txt) or Moodle XML (.xml), at most 5 MB."
        ),
    )
    category = forms.CharField(label=gettext_lazy("Category"), max_length=200)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is too large; the limit is 5 MB."))
        return upload


def _pending_key(request, token: str) -> str:
    return f"quizzes:import:{request.user.pk}:{token}"


def _refusal(error: FatalImportError) -> str:
    """Why the file was refused, and that nothing was saved."""
    nothing = _("Nothing was imported.")
    return f"{error} {nothing}"


@permission_required("quizzes.add_question", raise_exception=True)
def import_view(request):
    """Upload a file and show what would be created, with problems, before saving."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(MAX_FILE_BYTES + 1)
        try:
            result = parse_file(upload.name, data)
            check_storable(result.questions)
        except FatalImportError as error:
            form.add_error("file", _refusal(error))
        else:
            token = secrets.token_urlsafe(16)
            cache.set(
                _pending_key(request, token),
                {
                    "name": upload.name,
                    "data": data,
                    "category": form.cleaned_data["category"],
                },
                PENDING_SECONDS,
            )
            return render(
                request,
                "quizzes/admin/import_preview.html",
                {
                    "result": result,
                    "token": token,
                    "category": form.cleaned_data["category"],
                    "filename": upload.name,
                },
            )
    return render(request, "quizzes/admin/import.html", {"form": form})


@require_POST
@permission_required("quizzes.add_question", raise_exception=True)
def import_confirm_view(request):
    """Import the previewed file: everything in one transaction."""
    token = request.POST.get("token", "")
    key = _pending_key(request, token)
    pending = cache.get(key) if _TOKEN.fullmatch(token) else None
    if pending is None:
        messages.error(request, _("The preview has expired. Upload the file again."))
        return redirect("quizzes_import")
    try:
        result = parse_file(pending["name"], pending["data"])
        report = import_into_category(result, category_name=pending["category"])
    except FatalImportError as error:
        messages.error(request, _refusal(error))
        return redirect("quizzes_import")
    cache.delete(key)
    messages.success(
        request,
        _(
            "Questions: %(created)s created, %(updated)s updated, "
            "%(unchanged)s unchanged, %(skipped)s skipped."
        )
        % {
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": len(report.unchanged),
            "skipped": len(result.problems),
        },
    )
    return redirect("quizzes_import")


@permission_required("quizzes.view_item_analysis", raise_exception=True)
def analysis_index_view(request):
    """The quizzes a facilitator can analyse."""
    quizzes = QuizPage.objects.order_by("path")
    return render(request, "quizzes/admin/analysis_index.html", {"quizzes": quizzes})


@permission_required("quizzes.view_item_analysis", raise_exception=True)
def analysis_view(request, quiz_id: int):
    """Item analysis of one quiz; hidden below the minimum group size."""
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    analysis = analyse_quiz(quiz)
    return render(
        request,
        "quizzes/admin/analysis.html",
        {"analysis": analysis, "quiz": quiz, "min_group": MIN_GROUP},
    )


@permission_required("quizzes.view_item_analysis", raise_exception=True)
def analysis_csv_view(request, quiz_id: int):
    """The item analysis table as a CSV file, formula-escaped."""
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    analysis = analyse_quiz(quiz)
    if analysis.hidden:
        return HttpResponse(status=404)
    response = HttpResponse(analysis_csv(analysis), content_type="text/csv")
    response["Content-Disposition"] = (
        f'attachment; filename="item-analysis-{quiz.pk}.csv"'
    )
    return response


@permission_required("quizzes.view_item_analysis", raise_exception=True)
def reflections_view(request, quiz_id: int):
    """The essays of one quiz that their writers shared with the facilitators."""
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    return render(
        request,
        "quizzes/admin/reflections.html",
        {"quiz": quiz, "questions": shared_reflections(quiz)},
    )
