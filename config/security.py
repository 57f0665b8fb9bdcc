"""Security headers that Django does not set itself."""

from accounts.roles import admin_prefix

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "frame-src https://www.youtube-nocookie.com https://www.youtube.com "
        "https://player.vimeo.com",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy for the learner site.

    The site's own templates carry no inline script or style, so 'self' is
    enough. Wagtail's admin is not strict-CSP clean (wagtail#1288), so its pages
    are left to Django's defaults rather than given a policy that breaks them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(admin_prefix()):
            response.headers.setdefault(
                "Content-Security-Policy", CONTENT_SECURITY_POLICY
            )
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
