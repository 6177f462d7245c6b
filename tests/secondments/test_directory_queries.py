"""The mentor directory's queries and rendering follow the page of mentors, not the number
of mentors or their history of slots."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from secondments.models import MentoringSlot, MentorProfile
from secondments.views import MENTORS_PER_PAGE
from tests import factories
from tests.secondments.conftest import make_slot

pytestmark = pytest.mark.django_db


def _mentors(n):
    for _ in range(n):
        profile = MentorProfile.objects.create(user=factories.mentor(), role="Director",
                                               biography="Years.")
        make_slot(profile)
        start = timezone.now() - datetime.timedelta(days=30)
        MentoringSlot.objects.bulk_create(
            MentoringSlot(mentor=profile, starts_at=start - datetime.timedelta(days=d),
                          ends_at=start - datetime.timedelta(days=d, minutes=-60))
            for d in range(10))


def test_it_pins_the_mentor_directory(client, leader):
    # session, user, count, the page's mentors, their expertise, their open slots, the
    # filter's areas of expertise (and at most one read of cached roles)
    client.force_login(leader)
    counts = []
    for n in (2, MENTORS_PER_PAGE + 10):
        _mentors(n)
        client.get("/leadership/mentors/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/leadership/mentors/")
        counts.append(len(queries))
        assert response.text.count('class="card"') == min(MentorProfile.objects.count(),
                                                           MENTORS_PER_PAGE)
        assert "1 open slot, next" in response.text
    assert counts[0] == counts[1] <= 8, counts
