"""All certificates of one municipality's elected officials in one ZIP file.

Only the certificates of the municipality's current seat holders: the same
people its coordinator follows on the dashboard (municipalities.trustees).
Each file is named by person, course and code, so names never collide.
"""

import zipfile
from io import BytesIO

from django.db.models import QuerySet
from django.utils.text import slugify

from courses.certificate_codes import formatted
from courses.certificate_pdf import store_pdf
from courses.models import Certificate
from municipalities.models import Municipality
from municipalities.trustees import trustees_of


def municipality_certificates(municipality: Municipality) -> QuerySet[Certificate]:
    return Certificate.objects.filter(user__in=trustees_of(municipality)).order_by(
        "name", "course_title", "code"
    )


def _filename(certificate: Certificate) -> str:
    person = slugify(certificate.name) or "nimeton"
    course = slugify(certificate.course_title)[:60]
    return f"{person}-{course}-{formatted(certificate.code)}.pdf"


def certificate_zip(certificates) -> bytes:
    """The certificates' PDFs in one ZIP file (rendering any not yet kept)."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for certificate in certificates:
            archive.writestr(_filename(certificate), store_pdf(certificate))
    return buffer.getvalue()
