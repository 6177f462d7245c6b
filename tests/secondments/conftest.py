"""Fixtures for the secondments tests: a small page tree, opportunities, mentors, slots."""

import datetime
import itertools

import pytest
from django.utils import timezone
from wagtail.models import Page, Site

from cms.models import HomePage
from secondments import services
from secondments.models import (
    MentoringSlot,
    MentorProfile,
    SecondmentIndexPage,
    SecondmentOpportunityPage,
)
from tests import factories

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _roles_exist(request):
    """Transactional tests flush the database, groups included: put the roles back."""
    if "django_db" not in request.keywords:
        return
    request.getfixturevalue("db")
    from django.contrib.auth.models import Group

    from cms import roles

    for name in roles.ALL_ROLES:
        Group.objects.get_or_create(name=name)


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    if root is None:  # flushed by a transactional test
        from django.conf import settings
        from wagtail.coreutils import get_supported_content_language_variant
        from wagtail.models import Locale

        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage(title="Home", slug=f"home-{next(_counter)}")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


@pytest.fixture
def index_page(home):
    page = SecondmentIndexPage(title="Secondments and mentoring", slug="secondments",
                               show_in_menus=True)
    home.add_child(instance=page)
    return page


def make_opportunity(index_page, **kwargs):
    today = timezone.localdate()
    n = next(_counter)
    fields = {
        "title": f"Secondment {n}",
        "slug": f"secondment-{n}",
        "host_service": "2gether RES team",
        "summary": "Work alongside a RES team.",
        "what_you_will_do": "<p>Join group supervision.</p>",
        "what_you_will_learn": "<p>Rethink Formulation.</p>",
        "start_date": today + datetime.timedelta(days=60),
        "end_date": today + datetime.timedelta(days=144),
        "places": 2,
        "application_deadline": today + datetime.timedelta(days=30),
        "location": "Leeds",
        "time_commitment": "Three days a week",
        "contact_name": "Sam Porter",
        "contact_email": "centre@example.org",
    }
    fields.update(kwargs)
    page = SecondmentOpportunityPage(**fields)
    index_page.add_child(instance=page)
    return page


@pytest.fixture
def opportunity(index_page):
    return make_opportunity(index_page, title="Restorative Adolescent Service secondment")


def apply_for(opportunity, applicant, **kwargs):
    fields = {
        "current_role": "Team manager",
        "experience": "Five years leading a team.",
        "learning_goals": "How RES teams work with schools.",
        "sponsor_name": "Sally Sponsor",
        "sponsor_email": "sponsor@northfield.example.org",
    }
    fields.update(kwargs)
    return services.submit_application(opportunity, applicant, **fields)


@pytest.fixture
def application(opportunity, leader):
    return apply_for(opportunity, leader)


@pytest.fixture
def mentor_profile(mentor):
    return MentorProfile.objects.create(
        user=mentor, role="Director of Children and Families", biography="Thirty years.",
        offers_mentoring=True, offers_coaching=True,
    )


def make_slot(mentor_profile, days=7, hours=10, minutes=60, **kwargs):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days, hours=hours)
    return MentoringSlot.objects.create(
        mentor=mentor_profile, starts_at=start,
        ends_at=start + datetime.timedelta(minutes=minutes),
        mode=kwargs.pop("mode", MentoringSlot.Mode.VIDEO),
        video_link=kwargs.pop("video_link", "https://video.example.org/room-1"), **kwargs,
    )


@pytest.fixture
def slot(mentor_profile):
    return make_slot(mentor_profile)


@pytest.fixture
def other_leader(db):
    return factories.visiting_leader(email="leader2@example.org", full_name="Lee Second")
