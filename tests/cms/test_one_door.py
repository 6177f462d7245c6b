"""Finding 1: one door in. Every view the project routes (the resolver's full list: Wagtail's,
allauth's and ours) is inspected; only allauth's may sign a person in or reset a password,
so its rate limits, email verification and MFA apply to every way in."""

import functools
import inspect
import re

import pytest
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

# Class-based views that sign in or reset a password wherever they come from.
DOOR_CLASSES = (auth_views.LoginView, auth_views.PasswordResetView,
                auth_views.PasswordResetConfirmView)
# A view whose own code signs a person in, checks a password, or mails a reset token.
DOOR_CODE = re.compile(
    r"\b(auth_)?login\(|\bauthenticate\(|check_password\(|PasswordResetForm|token_generator"
    r"|mark_as_passed\(")
# What a door is called, in any project (wagtail's `authenticate_with_password` included).
DOOR_NAME = re.compile(r"login|password|authenticat", re.IGNORECASE)
# Ours that handle a password without being a way in: erasing your own account asks for it;
# staff send allauth's own reset link (allauth's form and flow) to a person's address.
NOT_A_DOOR = {"cms.views.erase_my_account", "cms.admin_users.send_password_reset"}


def _views(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.name, pattern.callback


def _view_code(callback):
    """The source of the view itself: the function under its decorators, or the methods a
    class-based view defines outside Django's generic views."""
    view_class = getattr(callback, "view_class", None)
    if view_class is None:
        return inspect.getsource(inspect.unwrap(callback))
    own = [klass for klass in view_class.__mro__
           if not klass.__module__.startswith(("django.views", "builtins"))]
    return "\n".join(_class_source(klass) for klass in own
                     if not klass.__module__.startswith("django.contrib.auth"))


@functools.cache
def _class_source(klass):
    # inspect parses the class's whole module each time: the admin's views share most bases.
    return inspect.getsource(klass)


def doors(patterns):
    """(route, name, view) of every routed view that can sign a person in or reset a
    password, other than allauth's."""
    found = []
    for route, name, callback in _views(patterns):
        view_class = getattr(callback, "view_class", None)
        qualified = f"{callback.__module__}.{getattr(view_class, '__name__', callback.__name__)}"
        if callback.__module__.startswith("allauth.") or qualified in NOT_A_DOOR:
            continue
        if getattr(callback, "__name__", "") == "RedirectView" or (
                view_class and view_class.__name__ == "RedirectView"):
            continue  # a redirect (to allauth's door) is not a door
        is_door = (
            (view_class is not None and issubclass(view_class, DOOR_CLASSES))
            or DOOR_NAME.search(qualified.rsplit(".", 1)[-1])
            or DOOR_CODE.search(_view_code(callback))
        )
        if is_door:
            found.append((route, name, qualified))
    return found


def test_it_routes_no_way_in_but_allauths():
    assert doors(get_resolver().url_patterns) == []


def test_it_recognises_each_kind_of_door():
    """The inspection itself: Wagtail's doors, routed as on the main branch, are found."""
    from wagtail import urls as wagtail_urls
    from wagtail.admin import urls as wagtailadmin_urls
    from wagtail.documents import urls as wagtaildocs_urls

    found = {name for _, name, _ in doors(
        [*wagtail_urls.urlpatterns, *wagtailadmin_urls.urlpatterns,
         *wagtaildocs_urls.urlpatterns])}
    assert {"wagtailcore_login", "wagtailcore_authenticate_with_password", "wagtailadmin_login",
            "wagtailadmin_password_reset", "wagtailadmin_password_reset_confirm",
            "wagtaildocs_authenticate_with_password"} <= found
    # allauth's own are the door, and are routed.
    names = {name for _, name, _ in _views(get_resolver().url_patterns)}
    assert {"account_login", "account_reset_password", "mfa_authenticate"} <= names


def test_wagtails_old_doors_lead_to_allauth_or_nowhere(client, staff):
    from tests.factories import PASSWORD

    # The plain LoginView at /_util/login/ let a password alone open the admin.
    response = client.post("/_util/login/", {"username": staff.email, "password": PASSWORD,
                                             "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/login/")["Location"].startswith("/accounts/login/")
    assert client.get("/admin/password_reset/")["Location"] == "/accounts/password/reset/"
    for path in ("/_util/authenticate_with_password/1/1/",
                 "/documents/authenticate_with_password/1/"):
        assert client.get(path).status_code == 404, path
    # The rest of the admin's reset screens are gone: the admin sends strangers to sign in.
    response = client.get("/admin/password_reset/done/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
