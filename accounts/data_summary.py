"""The data export as a page a person can read: sections of nodes to draw.

Generic on purpose: every registered part appears, including ones added
later, with its keys as labels where no translation is known. The page and
the JSON download come from the same `export_user_data`, so they cannot
disagree.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

# Tables wider than this become one list of fields per row, which stays
# readable at 320 px and in print.
MAX_TABLE_COLUMNS = 4

PART_HEADINGS = {
    "accounts": _("Account"),
    "courses": _("Completed lessons"),
    "quizzes": _("Quiz attempts"),
    "municipalities": _("Municipalities and seats"),
    "invitations": _("Invitations"),
    "reminders": _("Reminders"),
    "certificates": _("Certificates"),
    "accessibility": _("Accessibility feedback"),
}

LABELS = {
    "user": _("User"),
    "email": _("E-mail address"),
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "preferred_language": _("Preferred language"),
    "date_joined": _("Joined"),
    "last_login": _("Last login"),
    "groups": _("Groups"),
    "email_addresses": _("E-mail addresses"),
    "verified": _("Verified"),
    "primary": _("Primary"),
    "authenticators": _("Two-step verification"),
    "type": _("Type"),
    "created_at": _("Created"),
    "last_used_at": _("Last used"),
    "admin_profile": _("Admin profile"),
    "current_time_zone": _("Time zone"),
    "admin_comments": _("Comments in the admin"),
    "admin_comment_replies": _("Comment replies in the admin"),
    "page_id": _("Page"),
    "comment__page_id": _("Page"),
    "text": _("Text"),
    "lesson_id": _("Lesson number"),
    "lesson__title": _("Lesson"),
    "completed_at": _("Completed"),
    "quiz": _("Quiz"),
    "number": _("Attempt"),
    "state": _("State"),
    "started_at": _("Started"),
    "submitted_at": _("Submitted"),
    "score": _("Score (%)"),
    "passed": _("Passed"),
    "responses": _("Answers"),
    "question": _("Question"),
    "question_text": _("Question text"),
    "answer": _("Answer"),
    "points": _("Points scored"),
    "shared": _("Shared"),
    "memberships": _("Seats"),
    "coordinations": _("Coordinator in"),
    "body__municipality__code": _("Municipality code"),
    "body__municipality__name_fi": _("Municipality"),
    "municipality__code": _("Municipality code"),
    "municipality__name_fi": _("Municipality"),
    "body__name": _("Body"),
    "role": _("Role"),
    "term_start": _("Term starts"),
    "term_end": _("Term ends"),
    "received": _("Received"),
    "sent": _("Sent"),
    "expires_at": _("Expires"),
    "accepted_at": _("Accepted"),
    "revoked_at": _("Revoked"),
    "module__title": _("Module"),
    "sent_at": _("Sent"),
    "reminders_off": _("Reminders turned off"),
}


@dataclass(frozen=True)
class Node:
    """One value to draw. `kind` is text, datetime, date, yes_no, empty,
    fields (`value`: label and node pairs), table or items (`value`: nodes)."""

    kind: str
    value: object = None


@dataclass(frozen=True)
class Table:
    headers: list
    rows: list[list[Node]]


@dataclass(frozen=True)
class Section:
    name: str
    heading: str
    node: Node


def label(key: str) -> str:
    return LABELS.get(key, key)


def _is_scalar(value) -> bool:
    return not isinstance(value, dict | list)


def _text(value: str) -> Node:
    """Dates arrive as ISO strings from the JSON round trip; show them as dates."""
    if len(value) >= 10 and value[4:5] == "-":
        try:
            moment = parse_datetime(value)
            day = None if moment else parse_date(value)
        except ValueError:
            moment = day = None
        if isinstance(moment, datetime):
            return Node("datetime", moment)
        if isinstance(day, date):
            return Node("date", day)
    return Node("text", value)


def to_node(value) -> Node:
    if value is None or value == "" or value == [] or value == {}:
        return Node("empty")
    if isinstance(value, bool):
        return Node("yes_no", value)
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return Node("fields", [(label(k), to_node(v)) for k, v in value.items()])
    if isinstance(value, list):
        if all(isinstance(row, dict) for row in value):
            keys = list(dict.fromkeys(key for row in value for key in row))
            flat = all(_is_scalar(v) for row in value for v in row.values())
            if flat and len(keys) <= MAX_TABLE_COLUMNS:
                rows = [[to_node(row.get(key)) for key in keys] for row in value]
                return Node("table", Table([label(k) for k in keys], rows))
        return Node("items", [to_node(item) for item in value])
    return Node("text", str(value))


def summarise(export: dict) -> list[Section]:
    """`export_user_data`'s result as one section per registered part."""
    return [
        Section(name, PART_HEADINGS.get(name, name), to_node(value))
        for name, value in export.items()
    ]
