"""Wagtail admin msgids that Silta translates itself.

Wagtail's Finnish catalogue covers about three quarters of the admin, and the
screens facilitators use most (page explorer and editor, snippets, images)
showed English. Silta's catalogue fills those gaps (and Swedish ones for
Swedish-speaking staff); makemessages keeps only msgids found in Silta's
source, so this module names them. Each text must match Wagtail's msgid exactly.
tests/courses/test_admin_language.py finds new gaps after a Wagtail upgrade.
"""

from django.utils.translation import gettext_noop

MESSAGES = (
    gettext_noop("All %(objects)s snippets on this screen selected"),
    gettext_noop("Search all pages…"),
    gettext_noop("Edit account avatar"),
    gettext_noop("Add or show comments"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
    gettext_noop("account"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to "
        "disable them."
    ),
    gettext_noop("Text editing"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Close dialog"),
    gettext_noop("Application"),
    gettext_noop("Date updated"),
    gettext_noop("Any"),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop("Toggle status"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Once live anyone can view"),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("Edited by"),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop("Unpublish selected pages"),
    gettext_noop("Has child pages"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("Sort menu order"),
    gettext_noop("Exploring"),
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("Use proper heading tags"),
    gettext_noop("Image alt text has inappropriate pattern"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop("This data explained"),
    gettext_noop("View latest version"),
    gettext_noop("Content metrics"),
    gettext_noop("Misusing paragraphs as headings"),
    gettext_noop("Avoid skipping levels"),
    gettext_noop("Saved"),
    gettext_noop("Checks"),
    gettext_noop("Toggle preview"),
    gettext_noop("Table header text is empty"),
    gettext_noop("Empty frame title found"),
    gettext_noop("Toggle comments"),
    gettext_noop("Use a meaningful title for screen reader users"),
    gettext_noop("Use meaningful text for screen reader users"),
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Incorrect heading hierarchy"),
    gettext_noop("Readability"),
    gettext_noop("Use meaningful text"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop(
        "Correct the validation errors to resume preview (saving will highlight errors)"
    ),
    gettext_noop("Input button text is empty"),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long "
        "sentences and words result in a worse readability score."
    ),
    gettext_noop(
        "This publishing schedule will only take effect after you select the "
        '"Schedule to publish" option'
    ),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the "
        "editor in a separate tab to view the last saved version."
    ),
    gettext_noop("Meta description is empty"),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds "
        "for different languages."
    ),
    gettext_noop("Actions (footer)"),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks '
        "guide</a> for more information on how content metrics are calculated."
    ),
    gettext_noop("A network error occurred"),
    gettext_noop("Show issue"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, "
        "and calculate the number of words."
    ),
    gettext_noop("Toggle section"),
    gettext_noop("Toggle checks"),
    gettext_noop("exact"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Usage count: (high to low)"),
    gettext_noop("Minimum"),
    gettext_noop("Usage count: (low to high)"),
    gettext_noop("Usage count"),
    gettext_noop("Maximum"),
)
