from django.conf import settings

from cms.navigation import personal_links, sections_for


def _once(build):
    """A callable a template may resolve several times (base.html loops over the personal
    links twice) that builds its value the first time only."""
    kept = []

    def value():
        if not kept:
            kept.append(build())
        return kept[0]

    return value


def site(request):
    return {
        "centre_name": settings.CENTRE_NAME,
        # Lazy: evaluated only by templates that show them, once per request.
        "nav_sections": _once(lambda: sections_for(request)),
        "personal_links": _once(lambda: personal_links(request.user)),
    }
