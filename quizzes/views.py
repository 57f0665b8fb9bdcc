"""Thin learner views: starting, answering, submitting, reviewing.

Every attempt route looks the attempt up together with the current user, so
another person's attempt id gives 404 whoever asks.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.access import page_access_response
from quizzes.attempts import (
    AttemptRefused,
    StaleForm,
    feedback_visible,
    is_expired,
    save_answers,
    set_essay_shared,
    start_attempt,
    submit_attempt,
)
from quizzes.display import (
    changed_answers,
    form_revision,
    has_null_character,
    read_answers,
    review_items,
    take_items,
    without_null_characters,
)
from quizzes.models import Attempt, QuizPage
from quizzes.standing import breadcrumbs


@require_POST
def start_view(request, quiz_id: int):
    """Start (or resume) an attempt and go to its questions."""
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    if not request.user.is_authenticated:
        return redirect_to_login(quiz.get_url(request))
    if denied := page_access_response(request, quiz):
        return denied
    try:
        attempt = start_attempt(user=request.user, quiz=quiz)
    except AttemptRefused as refusal:
        messages.error(request, refusal.message)
        return redirect(quiz.get_url(request))
    return redirect("quiz_attempt", attempt_id=attempt.pk)


def _own_attempt(request, attempt_id: int) -> Attempt:
    return get_object_or_404(
        Attempt.objects.select_related("quiz"), pk=attempt_id, user=request.user
    )


def _render_take(request, attempt, *, status=200, **state):
    """The answering form; `state` may hold errors, unsaved answers, stale, problem."""
    responses = list(attempt.responses.all())
    errors = state.get("errors") or {}
    context = {
        "page": attempt.quiz,
        "quiz": attempt.quiz,
        "attempt": attempt,
        "items": take_items(responses, errors, state.get("unsaved")),
        "errors": errors,
        "stale": state.get("stale", False),
        "form_problem": state.get("problem"),
        "breadcrumbs": [*breadcrumbs(attempt.quiz), attempt.quiz],
    }
    return render(request, "quizzes/attempt.html", context, status=status)


@login_required
def attempt_view(request, attempt_id: int):
    """Show the questions (GET) or save/submit the answers (POST)."""
    attempt = _own_attempt(request, attempt_id)
    if denied := page_access_response(request, attempt.quiz):
        return denied
    review_url = reverse("quiz_review", kwargs={"attempt_id": attempt.pk})
    if attempt.is_submitted:
        return redirect(review_url)
    if request.method == "POST":
        return _post_answers(request, attempt, review_url)
    if is_expired(attempt):
        submit_attempt(attempt=attempt, answers=None)
        messages.error(
            request,
            _("The time limit has passed. The answers you saved in time were graded."),
        )
        return redirect(review_url)
    return _render_take(request, attempt)


def _post_answers(request, attempt: Attempt, review_url: str):
    """Save or submit the questions this form changed; see `quizzes.attempts`."""
    data = request.POST
    responses = list(attempt.responses.all())
    if has_null_character(data):
        cleaned = without_null_characters(data)
        return _render_take(
            request,
            attempt,
            status=400,
            unsaved=changed_answers(read_answers(responses, cleaned), cleaned),
            problem=_(
                "Your answers contained a character that cannot be saved (a null "
                "character). It has been removed below; nothing was saved yet. "
                "Check your answers and save again."
            ),
        )
    answers = changed_answers(read_answers(responses, data), data)
    revision = form_revision(data)
    try:
        if data.get("action") == "submit":
            return _submit(request, attempt, answers, revision, review_url)
        errors = save_answers(attempt=attempt, answers=answers, revision=revision)
    except StaleForm as stale:
        return _render_take(
            request, stale.current, status=409, unsaved=answers, stale=True
        )
    except AttemptRefused as refusal:
        submit_attempt(attempt=attempt, answers=None)
        messages.error(request, refusal.message)
        return redirect(review_url)
    if errors:
        return _render_take(request, attempt, status=400, errors=errors)
    messages.success(request, _("Your answers have been saved."))
    return redirect("quiz_attempt", attempt_id=attempt.pk)


def _submit(request, attempt, answers, revision, review_url):
    result = submit_attempt(attempt=attempt, answers=answers, revision=revision)
    if result.errors:
        return _render_take(request, result.attempt, status=400, errors=result.errors)
    if result.refusal:
        messages.error(request, result.refusal)
    elif result.graded_now:
        messages.success(request, _("Your answers have been submitted."))
    return redirect(review_url)


@login_required
def review_view(request, attempt_id: int):
    """The learner's own submitted attempt, with feedback as the quiz allows."""
    attempt = _own_attempt(request, attempt_id)
    if denied := page_access_response(request, attempt.quiz):
        return denied
    if not attempt.is_submitted:
        return redirect("quiz_attempt", attempt_id=attempt.pk)
    quiz = attempt.quiz
    passed_any = (
        attempt.passed
        or Attempt.objects.filter(user=request.user, quiz=quiz, passed=True).exists()
    )
    show = feedback_visible(quiz=quiz, passed_any=passed_any)
    context = {
        "page": quiz,
        "quiz": quiz,
        "attempt": attempt,
        "show_feedback": show,
        "items": review_items(list(attempt.responses.all()), show_feedback=show),
        "breadcrumbs": [*breadcrumbs(quiz), quiz],
    }
    return render(request, "quizzes/review.html", context)


@require_POST
@login_required
def share_view(request, attempt_id: int, position: int):
    """Share or unshare one's own reflection with the facilitators."""
    attempt = _own_attempt(request, attempt_id)
    if denied := page_access_response(request, attempt.quiz):
        return denied
    response = get_object_or_404(attempt.responses, position=position)
    try:
        set_essay_shared(response=response, shared=request.POST.get("shared") == "1")
    except AttemptRefused as refusal:
        messages.error(request, refusal.message)
    else:
        if response.shared:
            messages.success(request, _("Your reflection is now shared."))
        else:
            messages.success(request, _("Your reflection is private again."))
    url = reverse("quiz_review", kwargs={"attempt_id": attempt.pk})
    return redirect(f"{url}#question-{position}")
