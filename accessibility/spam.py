"""Telling a bot's feedback from a person's, without a third-party CAPTCHA.

Two signs, both invisible to people: a honeypot field that only a program
fills in (it is hidden, out of the tab order and labelled "leave empty"), and
a signed time of rendering the form. A person needs more than a few seconds to
write feedback; a token older than a day was not rendered for this visit; one
that does not verify was made up. A submission judged spam is thanked like any
other (views.py), so a bot learns nothing from the answer.
"""

import time

from django.conf import settings
from django.core import signing

HONEYPOT = "website"
TOKEN = "token"
SALT = "accessibility.feedback.rendered-at"
MAX_AGE_SECONDS = 24 * 60 * 60


def issue_token() -> str:
    """The signed time now, for the form's hidden field."""
    return signing.Signer(salt=SALT).sign(repr(time.time()))


def is_spam(data) -> bool:
    """Whether the submitted `data` (request.POST) came from a program."""
    if data.get(HONEYPOT):
        return True
    try:
        rendered_at = float(signing.Signer(salt=SALT).unsign(data.get(TOKEN, "")))
    except (signing.BadSignature, ValueError):
        return True
    age = time.time() - rendered_at
    return not settings.ACCESSIBILITY_FEEDBACK_MIN_SECONDS <= age <= MAX_AGE_SECONDS
