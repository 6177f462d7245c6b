"""The feature apps' addresses sit behind one pattern that only their first path parts
match (cms.urls.APP_PREFIXES): every one of them still resolves and reverses, and a page of
the site is never tried against them."""

from django.urls import URLPattern, resolve, reverse

from cms.urls import APP_PREFIXES


def _app_patterns():
    for app in ("cpd", "courses", "events", "secondments"):
        module = __import__(f"{app}.urls", fromlist=["urlpatterns"])
        for pattern in module.urlpatterns:
            assert isinstance(pattern, URLPattern), pattern
            yield app, pattern


def test_every_app_address_begins_with_a_listed_prefix_and_reverses():
    for app, pattern in _app_patterns():
        route = str(pattern.pattern)
        assert route.split("/")[0] in APP_PREFIXES, (app, route)
        if pattern.name and "<" not in route:
            name = f"{getattr(__import__(f'{app}.urls', fromlist=['x']), 'app_name', '')}"
            url = reverse(f"{name}:{pattern.name}" if name else pattern.name)
            assert url == "/" + route
            assert resolve(url).url_name == pattern.name


def test_a_page_address_is_not_tried_against_the_apps():
    """A page's address reaches Wagtail's view after the site's own patterns only (22
    here; 87 when every app pattern was tried first)."""
    app_routes = {str(pattern.pattern) for _app, pattern in _app_patterns()}
    match = resolve("/courses/restorative-practice-essentials/")
    assert match.url_name == "wagtail_serve"
    tried_routes = {str(tried[-1].pattern) for tried in match.tried}
    assert not tried_routes & app_routes
    assert resolve("/learning/").url_name == "my_learning"
