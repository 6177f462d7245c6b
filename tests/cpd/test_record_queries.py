"""The CPD record asks the database a pinned number of questions however long the record."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cpd.models import CPDEntry

pytestmark = pytest.mark.django_db


def test_it_pins_the_cpd_record(client, alice):
    # session, user, the year's entries, the years that have entries, the year's progress
    # (and at most one read of cached roles)
    client.force_login(alice)
    today = datetime.date.today()
    counts = []
    for n in (1, 20):
        for i in range(n):
            CPDEntry.objects.create(user=alice, title=f"Course {n}-{i}", hours=2,
                                    date=today - datetime.timedelta(days=40 * i))
        client.get("/learning/cpd/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/learning/cpd/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 6, counts
