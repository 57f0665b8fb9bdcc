"""Which parser reads an uploaded question file, by its extension.

The format modules import `quizzes.interchange` for what they share; this
module sits above both, so neither format needs the other nor the shared one.
"""

from django.utils.translation import gettext as _

from quizzes.gift import parse_gift
from quizzes.interchange import FatalImportError, ParseResult, check_size
from quizzes.moodle_xml import parse_moodle_xml


def parse_file(filename: str, data: bytes) -> ParseResult:
    """Parse an upload by extension: .gift/.txt as GIFT, .xml as Moodle XML."""
    check_size(data)
    lowered = filename.lower()
    if lowered.endswith(".xml"):
        return parse_moodle_xml(data)
    if lowered.endswith((".gift", ".txt")):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FatalImportError(_("The file is not UTF-8 text.")) from error
        return parse_gift(text)
    raise FatalImportError(_("Upload a GIFT (.gift, .txt) or Moodle XML (.xml) file."))
