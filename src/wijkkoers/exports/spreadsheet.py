"""Sheets written as CSV or XLSX: ISO dates, labels not codes, no formulas.

CSV is UTF-8 with a byte-order mark and `;` between the values: Excel with Dutch settings
reads a `;`-separated file straight into columns (its list separator is `;` because the
comma is the decimal sign), and the mark makes it read the text as UTF-8 (ë, €), where it
would otherwise assume the Windows code page. Lines end in CRLF (RFC 4180). For the same
reason a decimal number (a measurement, 12.5) is written with a decimal comma ("12,5"):
Dutch Excel would read "12.500" as twelve thousand five hundred. XLSX holds real numbers.

A value that starts with = + - @ (or a tab or carriage return) would be read as a formula
by a spreadsheet program. In CSV such a text gets a leading apostrophe; in XLSX the cell is
written as text, never as a formula, so the value stays exactly what the team typed.
"""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_START) else value


def _local(value: datetime) -> datetime:
    return timezone.localtime(value).replace(tzinfo=None, microsecond=0)


def csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return _local(value).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    return str(value)


def decimal_text(value: Decimal) -> str:
    """12.500 -> "12,5"; 420.000 -> "420" (no exponent, no trailing zeros)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def write_csv(columns, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(column) for column in columns])
    for row in rows:
        writer.writerow([csv_text(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(sheets) -> bytes:
    """`sheets`: (title, columns, rows) per sheet, in order."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(str(title)[:31])
        sheet.append([str(column) for column in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_xlsx_value(value) for value in row])
        _format(sheet)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _xlsx_value(value):
    if isinstance(value, datetime):
        return _local(value)
    return value


def _format(sheet) -> None:
    """Dates as ISO; text that looks like a formula stays text."""
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
