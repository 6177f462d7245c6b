"""The CPD record asks the database a pinned number of questions however long the record."""

import datetime

import pytest

from cpd.models import CPDEntry

pytestmark = pytest.mark.django_db


def test_it_pins_the_cpd_record(client, alice, django_assert_num_queries):
    # session, user, the year's entries, the first entry's date
    client.force_login(alice)
    today = datetime.date.today()
    for n in (1, 20):
        for i in range(n):
            CPDEntry.objects.create(user=alice, title=f"Course {n}-{i}", hours=2,
                                    date=today - datetime.timedelta(days=40 * i))
        client.get("/learning/cpd/")
        with django_assert_num_queries(4):
            assert client.get("/learning/cpd/").status_code == 200
