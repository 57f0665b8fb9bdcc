"""What accounts and the libraries below it store about a user: the user row,
allauth's e-mail addresses and authenticators, sessions, and the Wagtail
admin's profile and comments."""

from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from wagtail.models import Comment, CommentReply
from wagtail.users.models import UserProfile

from accounts.privacy import PersonalData


def _export(user) -> dict:
    profile = UserProfile.objects.filter(user=user).first()
    return {
        "user": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        },
        "email_addresses": list(
            EmailAddress.objects.filter(user=user).values(
                "email", "verified", "primary"
            )
        ),
        # Never the secrets: only which authenticators exist and when used.
        "authenticators": list(
            Authenticator.objects.filter(user=user).values(
                "type", "created_at", "last_used_at"
            )
        ),
        "admin_profile": None
        if profile is None
        else {
            "preferred_language": profile.preferred_language,
            "current_time_zone": profile.current_time_zone,
        },
        "admin_comments": list(
            Comment.objects.filter(user=user).values("page_id", "text", "created_at")
        ),
        "admin_comment_replies": list(
            CommentReply.objects.filter(user=user).values(
                "comment__page_id", "text", "created_at"
            )
        ),
    }


def _user_sessions(user):
    """The user's live sessions; allauth's login record in them names the e-mail."""
    user_id = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == user_id:
            yield session.session_key


def _erase(user, stand_in) -> None:
    store = import_module(settings.SESSION_ENGINE).SessionStore
    # Expired sessions stay in the table until cleared, and still name the
    # e-mail: clear them all, then delete the person's live ones.
    store.clear_expired()
    for key in list(_user_sessions(user)):
        store(session_key=key).delete()
    CommentReply.objects.filter(user=user).delete()
    Comment.objects.filter(user=user).delete()
    UserProfile.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()


ACCOUNTS = PersonalData(
    name="accounts",
    models=(
        "account.EmailAddress",
        "mfa.Authenticator",
        "wagtailusers.UserProfile",
        "wagtailcore.Comment",
        "wagtailcore.CommentReply",
    ),
    export=_export,
    erase=_erase,
)
