"""Reading an uploaded list of people to invite: CSV or XLSX, header row first.

Coordinators export these from Excel, so a CSV may be semicolon-separated and
in Windows-1252; both are detected. Nothing here touches the database: a file
that cannot be read raises `FileProblem` with a message for the coordinator,
and each readable row comes back with the columns that held a formula, which
`invitations.check_rows` refuses by row number.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from municipalities.exports import FORMULA_STARTS

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 500
# Header words, lower-cased, that name each column, in Finnish, Swedish and English.
COLUMNS = {
    "email": ("email", "e-mail", "sähköposti", "e-post"),
    "first_name": ("first name", "first_name", "etunimi", "förnamn"),
    "last_name": ("last name", "last_name", "sukunimi", "efternamn"),
    "body": ("body", "toimielin", "organ"),
    "role": ("role", "rooli", "roll"),
}
DELIMITERS = (",", ";", "\t")


class FileProblem(Exception):
    """The file as a whole cannot be read; `message` says why, translated."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class RawRow:
    """One data row: its row number in the sheet, its text by column."""

    number: int
    values: dict[str, str]
    formulas: list[str] = field(default_factory=list)


def read_rows(upload) -> list[RawRow]:
    """The rows of an uploaded file (a Django UploadedFile), or FileProblem."""
    if upload.size > MAX_BYTES:
        raise FileProblem(
            _("The file is too large: at most 2 MB. Split the list into parts.")
        )
    content = upload.read()
    if not content.strip():
        raise FileProblem(_("The file is empty."))
    if content.startswith(b"PK\x03\x04"):
        lines = _xlsx_lines(content)
    else:
        lines = _csv_lines(content)
    return _rows(lines)


def _not_a_spreadsheet() -> FileProblem:
    return FileProblem(
        _("The file is not a spreadsheet Silta can read. Save it as CSV or XLSX.")
    )


def _csv_lines(content: bytes):
    if b"\x00" in content:
        raise _not_a_spreadsheet()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1252")
        except UnicodeDecodeError:
            raise _not_a_spreadsheet() from None
    first_line = text.lstrip().split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    try:
        for cells in csv.reader(io.StringIO(text), delimiter=delimiter):
            texts = [cell.strip() for cell in cells]
            yield texts, [text.startswith(FORMULA_STARTS) for text in texts]
    except csv.Error:
        raise _not_a_spreadsheet() from None


def _xlsx_lines(content: bytes):
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise _not_a_spreadsheet() from None
    try:
        sheet = workbook.worksheets[0]
        for cells in sheet.iter_rows(max_col=len(COLUMNS) * 4):
            texts = ["" if c.value is None else str(c.value).strip() for c in cells]
            formulas = [
                c.data_type == "f" or text.startswith(FORMULA_STARTS)
                for c, text in zip(cells, texts, strict=True)
            ]
            yield texts, formulas
    finally:
        workbook.close()


def _header(texts: list[str]) -> dict[int, str]:
    """Column index → column name, or FileProblem naming the columns expected."""
    words = {word: name for name, names in COLUMNS.items() for word in names}
    found = {
        index: words[text.lower().rstrip("*").strip()]
        for index, text in enumerate(texts)
        if text.lower().rstrip("*").strip() in words
    }
    if set(found.values()) != set(COLUMNS):
        raise FileProblem(
            _(
                "The first row must name the columns: e-mail, first name, "
                "last name, body and role (in Finnish: sähköposti, etunimi, "
                "sukunimi, toimielin, rooli)."
            )
        )
    return found


def _rows(lines) -> list[RawRow]:
    header, rows = None, []
    for number, (texts, formulas) in enumerate(lines, start=1):
        if not any(texts):
            continue
        if header is None:
            header = _header(texts)
            continue
        if len(rows) == MAX_ROWS:
            raise FileProblem(
                _("The file has more than 500 people. Split the list into parts.")
            )
        rows.append(
            RawRow(
                number=number,
                values={
                    name: texts[i] if i < len(texts) else ""
                    for i, name in header.items()
                },
                formulas=[
                    name
                    for i, name in header.items()
                    if i < len(formulas) and formulas[i]
                ],
            )
        )
    if header is None:
        raise _not_a_spreadsheet()
    if not rows:
        raise FileProblem(_("The file has a header row but no people."))
    return rows
