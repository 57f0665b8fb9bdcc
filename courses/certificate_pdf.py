"""The certificate as a PDF: drawn with ReportLab, with a segno QR code.

Rendered once and kept on the certificate (`store_pdf`), so a download never
waits for ReportLab and the document never changes after issue. The text is
in the certificate's language; the font is Bitstream Vera, which ships with
ReportLab and is embedded, so the text stays text (searchable, extractable)
and Finnish and Swedish letters print on any viewer.
"""

from io import BytesIO
from pathlib import Path

import reportlab
import segno
from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from courses.certificate_codes import formatted
from courses.models import Certificate

FONTS = Path(reportlab.__file__).parent / "fonts"
REGULAR, BOLD = "SiltaVera", "SiltaVera-Bold"
WIDTH, HEIGHT = A4
MARGIN = 25 * mm
TEXT_WIDTH = WIDTH - 2 * MARGIN
INK = (0.09, 0.16, 0.27)
QR_SIZE = 32 * mm


def _register_fonts() -> None:
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "VeraBd.ttf")))


def verification_url(certificate: Certificate) -> str:
    """The public check page of the certificate, in its language."""
    with translation.override(certificate.language):
        path = reverse("verify_certificate", args=[formatted(certificate.code)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


class _Page:
    """A cursor down the page: each call writes lines and moves below them."""

    def __init__(self, canvas: Canvas):
        self.canvas = canvas
        self.y = HEIGHT - MARGIN

    def lines(self, text: str, *, font=REGULAR, size=12, gap=6, centred=True):
        leading = size * 1.3
        for line in simpleSplit(text, font, size, TEXT_WIDTH):
            self.y -= leading
            self.canvas.setFont(font, size)
            if centred:
                self.canvas.drawCentredString(WIDTH / 2, self.y, line)
            else:
                self.canvas.drawString(MARGIN, self.y, line)
        self.y -= gap


def _draw_qr(canvas: Canvas, url: str, x: float, y: float) -> None:
    rows = list(segno.make(url, error="m").matrix_iter(scale=1, border=0))
    cell = QR_SIZE / len(rows)
    for row_index, row in enumerate(rows):
        for column_index, dark in enumerate(row):
            if dark:
                canvas.rect(
                    x + column_index * cell,
                    y + QR_SIZE - (row_index + 1) * cell,
                    cell,
                    cell,
                    stroke=0,
                    fill=1,
                )


def _draw(canvas: Canvas, certificate: Certificate) -> None:
    canvas.setFillColorRGB(*INK)
    page = _Page(canvas)
    page.lines("Silta", font=BOLD, size=14, gap=28)
    page.lines(_("Certificate"), font=BOLD, size=30, gap=24)
    page.lines(certificate.name, font=BOLD, size=22, gap=10)
    page.lines(_("has completed the course"), size=13, gap=10)
    page.lines(certificate.course_title, font=BOLD, size=17, gap=20)
    page.lines(_("Modules of the course:"), font=BOLD, size=11, gap=2)
    for title in certificate.module_titles:
        page.lines(title, size=11, gap=0)
    page.y -= 18
    date = formats.date_format(certificate.issued_at, "j.n.Y")
    page.lines(_("Date: %(date)s") % {"date": date}, size=12)

    url = verification_url(certificate)
    _draw_qr(canvas, url, MARGIN, MARGIN)
    canvas.setFont(REGULAR, 10)
    left = MARGIN + QR_SIZE + 8 * mm
    canvas.drawString(left, MARGIN + QR_SIZE - 10, _("Check this certificate at"))
    canvas.drawString(left, MARGIN + QR_SIZE - 24, url)
    canvas.setFont(BOLD, 10)
    code = _("Verification code: %(code)s") % {"code": formatted(certificate.code)}
    canvas.drawString(left, MARGIN + QR_SIZE - 38, code)


def render_pdf(certificate: Certificate) -> bytes:
    """The certificate's PDF, in its language."""
    _register_fonts()
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    with translation.override(certificate.language):
        canvas.setTitle(f"{_('Certificate')}: {certificate.course_title}")
        canvas.setAuthor("Silta")
        _draw(canvas, certificate)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def store_pdf(certificate: Certificate) -> bytes:
    """Render the PDF unless it is kept already; return it."""
    if certificate.pdf is None:
        certificate.pdf = render_pdf(certificate)
        Certificate.objects.filter(pk=certificate.pk, pdf__isnull=True).update(
            pdf=certificate.pdf
        )
    return bytes(certificate.pdf)
