"""Two clicks at once on "Import the N valid rows" (PostgreSQL, real threads): the figures
are saved once, and the other import is refused whole, never half-saved."""

import threading

import pytest
from django.db import connection

from outcomes import importing
from outcomes.models import Figure

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_same_preview_confirmed_twice_at_once_saves_each_figure_once(
        clusters, measures, reporting_staff):
    token = importing.read_csv(b"cluster,measure,period,value,base\n"
                               b"2gether,t-referrals,2025-Q1,120,\n"
                               b"JESS,t-referrals,2025-Q1,80,\n"
                               b"Inner East,t-referrals,2025-Q1,60,\n").token()
    barrier = threading.Barrier(2)
    outcomes = []

    def confirm():
        try:
            barrier.wait()
            outcomes.append(importing.import_confirmed(token, reporting_staff))
        except importing.ImportRefused as refusal:
            outcomes.append(str(refusal))
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes, key=str)[0] == 3
    assert "nothing was imported" in sorted(outcomes, key=str)[1]
    assert sorted(Figure.objects.values_list("value", flat=True)) == [60, 80, 120]
