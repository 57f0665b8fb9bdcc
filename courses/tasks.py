"""Background tasks of the courses app (django-tasks).

In production and `make run` they run in the `db_worker` process beside the
web server; in tests the immediate backend runs them at once. Tasks take ids,
never objects, and look everything up again.
"""

from django_tasks import task

from courses.certificate_pdf import store_pdf
from courses.models import Certificate


@task()
def render_certificate(*, certificate_id: int) -> bool:
    """Render and keep a new certificate's PDF; False if it is gone already."""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return False
    store_pdf(certificate)
    return True
