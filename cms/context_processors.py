import functools

from django.conf import settings

from cms.navigation import personal_links, sections_for


def site(request):
    return {
        "centre_name": settings.CENTRE_NAME,
        # Lazy: evaluated only by templates that show them, and once per request however
        # often a template resolves them (base.html loops over the personal links twice).
        "nav_sections": functools.cache(lambda: sections_for(request)),
        "personal_links": functools.cache(lambda: personal_links(request.user)),
    }
