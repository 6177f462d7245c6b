import os

import pytest
from django.db import connection

from tests import factories, snapshots


def pytest_collection_modifyitems(config, items):
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgresql"))
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://...")
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(skip_pg)
    # The demo is seeded once per module and stays until the module ends (`_demo_site`), so
    # in each module the tests that use it run after those that expect an empty database.
    order = {id(item): index for index, item in enumerate(items)}
    module_start = {}
    for item in items:
        module_start.setdefault(item.nodeid.split("::")[0], order[id(item)])
    items.sort(key=lambda item: (module_start[item.nodeid.split("::")[0]],
                                 "demo_content" in getattr(item, "fixturenames", ()),
                                 order[id(item)]))


@pytest.fixture(autouse=True, scope="session")
def _media_in_a_temporary_folder(tmp_path_factory):
    """Uploaded files (e-learning packages, images) go to a folder of this test run, never
    to the checkout's media/."""
    from django.conf import settings

    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _clear_cache():
    """allauth's rate limits and our page caches live in the cache: start each test clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _base_data(request):
    """A transactional test empties the database when it ends, rows made by migrations
    included (root page, root collection, role groups and their permissions). Put them back
    for any test that finds them gone, whatever order the tests run in."""
    marker = request.node.get_closest_marker("django_db")
    uses_db = marker is not None or {"db", "transactional_db"} & set(request.fixturenames)
    if not uses_db:
        return
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction")
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    from django.contrib.auth.models import Group
    from wagtail.models import Page

    from cms.bootstrap import ensure_base_data
    from cms.roles import CENTRE_STAFF

    if Page.get_first_root_node() is None or not Group.objects.filter(
        name=CENTRE_STAFF, permissions__isnull=False
    ).exists():
        ensure_base_data()


@pytest.fixture(autouse=True)
def _force_login_is_a_full_sign_in(monkeypatch):
    """`client.force_login(user)` stands for signing in through allauth's door: with a
    password, then the authenticator's code when the person has one (allauth's sign-in
    asks for it), so the session has passed MFA. Tests of a session that signed in with a
    password alone pass `mfa=False`."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None, mfa=None):
        original(self, user, backend)
        if mfa is None:
            from allauth.mfa.models import Authenticator

            mfa = Authenticator.objects.filter(user=user, type="totp").exists()
        factories.record_sign_in(self, user, mfa=mfa)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def host(db):
    return factories.HostOrganisationFactory()


@pytest.fixture
def partner(db):
    return factories.OrganisationFactory(name="Northfield Borough Council")


@pytest.fixture
def team(host):
    return factories.TeamFactory(name="2gether RES team", organisation=host)


@pytest.fixture
def alice(team):
    """A practitioner in the team."""
    return factories.practitioner(email="alice@example.org", full_name="Alice Adams", team=team)


@pytest.fixture
def bob(team):
    """Another practitioner in the same team."""
    return factories.practitioner(email="bob@example.org", full_name="Bob Brown", team=team)


@pytest.fixture
def charlie(host):
    """A practitioner in no team: has no access to Alice's or Bob's things."""
    return factories.practitioner(email="charlie@example.org", full_name="Charlie Clark")


@pytest.fixture
def manager(team):
    return factories.team_manager(team, email="manager@example.org", full_name="Mark Manager")


@pytest.fixture
def leader(partner):
    return factories.visiting_leader(email="leader@example.org", full_name="Lara Leader",
                                     organisation=partner)


@pytest.fixture
def mentor(host):
    return factories.mentor(email="mentor@example.org", full_name="Margaret Mentor")


@pytest.fixture
def staff(host):
    return factories.centre_staff(email="staff@example.org", full_name="Sam Staff")


@pytest.fixture
def on_postgres():
    return connection.vendor == "postgresql"


@pytest.fixture(scope="session")
def _database_copies(django_db_setup, django_db_blocker):
    """The copies `tests.snapshots` keeps, dropped when the session ends."""
    yield
    with django_db_blocker.unblock():
        snapshots.drop_copies()


@pytest.fixture(scope="module")
def _demo_site(_database_copies, django_db_blocker):
    """The whole demo site for one test module: each test's own transaction nests in it and
    rolls back, so every test starts from the freshly seeded demo. The process seeds it once
    and puts a copy of that seed in place for each module (`tests.snapshots`); when the module
    ends, the database it found is put back."""
    with django_db_blocker.unblock():
        snapshots.save("before")
        snapshots.put_demo_in_place()
    yield
    with django_db_blocker.unblock():
        snapshots.load("before")


@pytest.fixture
def demo_content(_demo_site, db, settings):
    """The whole demo site, as `make run` builds it (seeded once per module: `_demo_site`).
    Browser tests put a copy of it in place per test (tests/browser)."""
    settings.DEBUG = True
