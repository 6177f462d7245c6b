"""The CPD record asks the database a pinned number of questions however long the record."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cpd.models import CPDEntry

pytestmark = pytest.mark.django_db

PINNED_AFTER_A_CHANGE = 5


def test_it_pins_the_cpd_record(client, alice):
    # The first view after a change to the entries: the session, the person, the year's
    # entries, the years that have entries, the year's progress. A repeat view: the
    # session alone (the record is kept for the person until their records change).
    client.force_login(alice)
    today = datetime.date.today()
    client.get("/learning/cpd/")  # what everyone sees alike is built on the first view
    counts = []
    for n in (1, 20):
        for i in range(n):
            CPDEntry.objects.create(user=alice, title=f"Course {n}-{i}", hours=2,
                                    date=today - datetime.timedelta(days=40 * i))
        counts.append([])
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/learning/cpd/").status_code == 200
            counts[-1].append(len(queries))
    assert counts == [[PINNED_AFTER_A_CHANGE, 1]] * 2, counts
