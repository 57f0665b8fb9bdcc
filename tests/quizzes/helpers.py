"""The quiz form as a browser sends it: opened first, then posted."""

import re

from django.urls import reverse

HIDDEN_FIELD = re.compile(
    r'<input type="hidden" name="(revision|q\d+-shown)" value="([^"]*)">'
)


def form_state(client, attempt) -> dict:
    """The hidden fields of the attempt page as `client` would receive it now."""
    page = client.get(reverse("quiz_attempt", kwargs={"attempt_id": attempt.pk}))
    if page.status_code != 200:
        return {}
    return dict(HIDDEN_FIELD.findall(page.content.decode()))


def form_data(client, attempt, answers: dict, action="submit", state=None) -> dict:
    """Answers by position as the POST body of a page opened just now (or `state`)."""
    data = {**(form_state(client, attempt) if state is None else state)}
    data["action"] = action
    for position, value in answers.items():
        key = f"q{position}"
        if isinstance(value, dict):
            for token, chosen in value.items():
                data[f"{key}-{token}"] = str(chosen)
        else:
            data[key] = value
    return data
