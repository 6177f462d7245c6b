from django.conf import settings
from wagtail.models import Site

from cms.navigation import personal_links


def site(request):
    def sections():
        wagtail_site = Site.find_for_request(request)
        if wagtail_site is None:
            return []
        return list(wagtail_site.root_page.get_children().live().public().in_menu())

    return {
        "centre_name": settings.CENTRE_NAME,
        # Lazy: evaluated only by templates that show them.
        "nav_sections": sections,
        "personal_links": lambda: personal_links(request.user),
    }
