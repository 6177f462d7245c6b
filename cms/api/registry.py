"""Where each app adds its endpoints to the one API router.

    @hooks.register(API_ROUTES)
    def api_routes():
        from courses import api
        return [ApiRoute("courses", api.CourseViewSet, "course")]
"""

from dataclasses import dataclass
from typing import Any

from wagtail import hooks

API_ROUTES = "register_api_routes"


@dataclass(frozen=True)
class ApiRoute:
    prefix: str  # under /api/v1/
    viewset: Any
    basename: str


def api_routes():
    routes = []
    for register in hooks.get_hooks(API_ROUTES):
        found = register()
        routes.extend(found if isinstance(found, (list, tuple)) else [found])
    return sorted(routes, key=lambda route: route.prefix)
