"""Invitation pages: the coordinator's (list, invite one, upload, preview) and
the invited person's (`/kutsu/<token>/`).

Coordinator pages use the same access rule as the dashboard
(`coordinator_access.municipality_for`): 404 for anyone else. An uploaded
file's rows wait for confirmation in the session, server-side, under a random
key bound to the coordinator and the municipality; the browser sends back
only that key, never the rows.
"""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext, ngettext
from django.views.decorators.http import require_POST

from municipalities import invitations
from municipalities.coordinator_access import municipality_for
from municipalities.invitation_files import FileProblem, RawRow, read_rows
from municipalities.invitation_forms import InvitationForm, UploadForm
from municipalities.models import Invitation

UPLOAD_KEY = "invitation_upload"


def _municipality(request, code: str):
    municipality = municipality_for(request.user, code)
    if municipality is None:
        raise Http404
    return municipality


def _site_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@login_required
def invitation_list(request, code: str):
    municipality = _municipality(request, code)
    rows = [
        (invitation, invitations.state_of(invitation))
        for invitation in municipality.invitations.select_related("body")
    ]
    return render(
        request,
        "municipalities/invitation_list.html",
        {"municipality": municipality, "rows": rows, "State": invitations.State},
    )


@login_required
def invitation_new(request, code: str):
    municipality = _municipality(request, code)
    form = InvitationForm(
        request.POST or None,
        municipality=municipality,
        initial={"language": get_language()},
    )
    if request.method == "POST" and form.is_valid():
        invitation = invitations.invite(
            municipality=municipality,
            by=request.user,
            site_url=_site_url(request),
            **form.cleaned_data,
        )
        _report_sent(request, invitation.last_sent_at is not None, invitation.email)
        return redirect("coordinator_invitations", code=code)
    status = 400 if form.errors else 200
    return render(
        request,
        "municipalities/invitation_form.html",
        {"municipality": municipality, "form": form},
        status=status,
    )


@login_required
def invitation_upload(request, code: str):
    municipality = _municipality(request, code)
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        initial={"language": get_language()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            rows = read_rows(form.cleaned_data["file"])
        except FileProblem as problem:
            form.add_error("file", problem.message)
        else:
            key = secrets.token_urlsafe(16)
            request.session[UPLOAD_KEY] = {
                "key": key,
                "user": request.user.pk,
                "municipality": municipality.pk,
                "language": form.cleaned_data["language"],
                "rows": [[r.number, r.values, r.formulas] for r in rows],
            }
            return redirect("coordinator_invitation_preview", code=code, key=key)
    status = 400 if form.errors else 200
    return render(
        request,
        "municipalities/invitation_upload.html",
        {"municipality": municipality, "form": form},
        status=status,
    )


def _stored_upload(request, municipality, key: str):
    stored = request.session.get(UPLOAD_KEY)
    if not (
        stored
        and secrets.compare_digest(stored["key"], key)
        and stored["user"] == request.user.pk
        and stored["municipality"] == municipality.pk
    ):
        return None
    rows = [
        RawRow(number, values, formulas) for number, values, formulas in stored["rows"]
    ]
    return rows, stored["language"]


@login_required
def invitation_preview(request, code: str, key: str):
    """Each row with its problems; POST creates the valid ones (checked again)."""
    municipality = _municipality(request, code)
    stored = _stored_upload(request, municipality, key)
    if stored is None:
        messages.error(
            request, gettext("That upload is no longer waiting. Upload the file again.")
        )
        return redirect("coordinator_invitation_upload", code=code)
    rows, language = stored
    if request.method == "POST":
        created = invitations.invite_rows(
            municipality=municipality,
            rows=rows,
            language=language,
            by=request.user,
            site_url=_site_url(request),
        )
        del request.session[UPLOAD_KEY]
        messages.success(
            request,
            ngettext(
                "%(count)d invitation created.",
                "%(count)d invitations created.",
                len(created),
            )
            % {"count": len(created)},
        )
        return redirect("coordinator_invitations", code=code)
    candidates = invitations.check_rows(municipality, rows)
    return render(
        request,
        "municipalities/invitation_preview.html",
        {
            "municipality": municipality,
            "candidates": candidates,
            "valid": sum(1 for c in candidates if not c.problems),
        },
    )


def _report_sent(request, sent: bool, email: str) -> None:
    if sent:
        messages.success(
            request, gettext("Invitation sent to %(email)s.") % {"email": email}
        )
    else:
        messages.error(
            request,
            gettext(
                "The invitation to %(email)s was saved but the e-mail could not be "
                "sent. Try resending it later."
            )
            % {"email": email},
        )


def _invitation(request, code: str, pk: int) -> Invitation:
    return get_object_or_404(
        Invitation, pk=pk, municipality=_municipality(request, code)
    )


@login_required
@require_POST
def invitation_resend(request, code: str, pk: int):
    invitation = _invitation(request, code, pk)
    try:
        sent = invitations.resend_invitation(invitation, site_url=_site_url(request))
    except invitations.InvitationRefused as refusal:
        messages.error(request, refusal.message)
    else:
        _report_sent(request, sent, invitation.email)
    return redirect("coordinator_invitations", code=code)


@login_required
@require_POST
def invitation_revoke(request, code: str, pk: int):
    invitation = _invitation(request, code, pk)
    try:
        invitations.revoke_invitation(invitation)
    except invitations.InvitationRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            gettext("The invitation to %(email)s was withdrawn.")
            % {"email": invitation.email},
        )
    return redirect("coordinator_invitations", code=code)


def invitation_detail(request, token: str):
    """The invited seat; anonymous visitors are offered signup and login, the
    owner of the address accepts with a POST. Only the token is read."""
    invitation = get_object_or_404(
        Invitation.objects.select_related("municipality", "body"), token=token
    )
    problem, status = None, 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            invitations.accept_invitation(invitation, user=request.user)
        except invitations.InvitationRefused as refusal:
            problem, status = refusal.message, 400
        else:
            messages.success(
                request,
                gettext("Welcome! Your seat in %(body)s is now in Silta.")
                % {"body": invitation.body.name},
            )
            return redirect("my_municipality")
    state = invitations.state_of(invitation)
    return render(
        request,
        "municipalities/invitation_detail.html",
        {
            "invitation": invitation,
            "state": state,
            "State": invitations.State,
            "problem": problem,
            "may_accept": request.user.is_authenticated
            and invitations.may_accept(invitation, request.user),
        },
        status=status,
    )
