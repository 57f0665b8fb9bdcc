"""The one HTML allowlist for everything users or imports bring.

All user- or import-supplied HTML passes through `clean_html`; the rest of the
code relies on autoescaping. Swapping bleach for nh3 touches only this module.
"""

import bleach

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "b",
        "i",
        "strong",
        "em",
        "ul",
        "ol",
        "li",
        "a",
        "h3",
        "h4",
        "blockquote",
        "code",
        "pre",
        "sub",
        "sup",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


def clean_html(html: str) -> str:
    """Return `html` without tags, attributes and URL schemes outside the allowlist."""
    return _cleaner.clean(html or "")
