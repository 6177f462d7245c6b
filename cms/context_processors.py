from django.conf import settings

from cms.navigation import personal_links, sections_for


def site(request):
    return {
        "centre_name": settings.CENTRE_NAME,
        # Lazy: evaluated only by templates that show them.
        "nav_sections": lambda: sections_for(request),
        "personal_links": lambda: personal_links(request.user),
    }
