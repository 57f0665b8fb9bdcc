"""The dashboard table as CSV and XLSX, cell for cell what the screen shows.

Names and body names are typed in by people, so a cell that a spreadsheet
would read as a formula (starting with =, +, -, @, a tab or a carriage return)
gets a leading apostrophe in both formats; XLSX cells are all written as text.
"""

import csv
import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value: str) -> str:
    """`value`, made inert for spreadsheets if it could start a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def safe_table(table: list[list[str]]) -> list[list[str]]:
    return [[neutralise(str(value)) for value in line] for line in table]


def to_csv(table: list[list[str]]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads ä and ö right."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(safe_table(table))
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(table: list[list[str]], *, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for line in safe_table(table):
        cells = []
        for value in line:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, never a number or a formula
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
