"""How clusters combine into the programme's figures, each measure against its baseline, and
the training counted beside them through the kernel's registry."""

import datetime
from decimal import Decimal

import pytest

from outcomes.models import ClusterBaseline
from outcomes.periods import Period
from outcomes.services import outcome_series, training_beside
from tests.outcomes.conftest import Q1, Q2, Q3, figure

pytestmark = pytest.mark.django_db


def series_of(measure, cluster=None):
    (series,) = outcome_series([measure], cluster=cluster)
    return series


def by_period(series):
    return {p.period.start: p for p in series.points}


def test_counts_are_added_up_over_the_clusters_reporting(clusters, measures):
    referrals = measures["referrals"]
    figure(referrals, clusters["2gether"], Q1, 100)
    figure(referrals, clusters["JESS"], Q1, 50)
    figure(referrals, clusters["Inner East"], Q1, 30)
    figure(referrals, clusters["2gether"], Q2, 90)  # JESS and Inner East not yet in
    points = by_period(series_of(referrals))
    assert (points[Q1].value, points[Q1].reporting) == (180, 3)
    assert (points[Q2].value, points[Q2].reporting) == (90, 1)
    assert series_of(referrals).cluster_count == 3


def test_a_rate_is_weighted_by_each_clusters_base(clusters, measures):
    """2gether: 20% of 300 referrals (60); JESS: 10% of 100 (10). Together 70 of 400 = 17.5%,
    where the plain mean of the rates would say 15%."""
    rereferrals = measures["rereferrals"]
    figure(rereferrals, clusters["2gether"], Q1, 20, base=300)
    figure(rereferrals, clusters["JESS"], Q1, 10, base=100)
    point = by_period(series_of(rereferrals))[Q1]
    assert point.value == Decimal("17.50") and point.weighted
    assert point.base == 400


def test_a_rate_per_10000_is_weighted_by_population(clusters, measures):
    """95 per 10,000 of 12,000 children (114) and 60 per 10,000 of 8,000 (48): 162 of 20,000
    = 81.0 per 10,000."""
    lac = measures["lac"]
    figure(lac, clusters["2gether"], Q1, 95, base=12000)
    figure(lac, clusters["Inner East"], Q1, 60, base=8000)
    assert by_period(series_of(lac))[Q1].value == Decimal("81.00")


def test_without_every_base_the_figure_is_a_plain_mean_and_says_so(clusters, measures):
    rereferrals = measures["rereferrals"]
    figure(rereferrals, clusters["2gether"], Q1, 20, base=300)
    figure(rereferrals, clusters["JESS"], Q1, 10)
    point = by_period(series_of(rereferrals))[Q1]
    assert point.value == Decimal("15.00") and not point.weighted
    assert "unweighted" in series_of(rereferrals).note


def test_change_from_baseline_reads_better_or_worse_by_the_direction(clusters, measures):
    jess = clusters["JESS"]
    figure(measures["referrals"], jess, Q1, 80)
    figure(measures["referrals"], jess, Q2, 70)
    figure(measures["stepdowns"], jess, Q1, 5)
    figure(measures["stepdowns"], jess, Q2, 3)
    referrals = series_of(measures["referrals"], jess)
    stepdowns = series_of(measures["stepdowns"], jess)
    assert [r["change"] for r in referrals.rows] == [0, -10]
    assert [r["verdict"] for r in referrals.rows] == ["No change", "Better"]
    assert [r["verdict"] for r in stepdowns.rows] == ["No change", "Worse"]
    assert referrals.rows[1]["change_text"] == "−10"


def test_a_cluster_can_have_its_own_baseline_period(clusters, measures):
    jess = clusters["JESS"]
    referrals = measures["referrals"]
    ClusterBaseline.objects.create(measure=referrals, team=jess, period=Q2)
    for start, value in ((Q1, 80), (Q2, 70), (Q3, 60)):
        figure(referrals, jess, start, value)
    series = series_of(referrals, jess)
    assert series.baseline.period.start == Q2 and series.baseline.value == 70
    assert by_period(series)[Q3].value - series.baseline.value == -10
    # The programme keeps the measure's own baseline.
    assert series_of(referrals).baseline.period.start == Q1


def test_periods_without_a_figure_are_shown_as_gaps(clusters, measures):
    figure(measures["referrals"], clusters["JESS"], Q1, 80)
    figure(measures["referrals"], clusters["JESS"], Q3, 60)
    points = series_of(measures["referrals"], clusters["JESS"]).points
    assert [p.period.start for p in points] == [Q1, Q2, Q3]
    assert points[1].value is None


# --- training beside the figures ----------------------------------------------------------


@pytest.fixture
def fgc_course(db):
    from wagtail.models import Page

    from courses.models import CourseIndexPage, CoursePage, Programme

    home = Page.get_first_root_node().add_child(instance=Page(title="Home", slug="home-o"))
    fgc = Programme.objects.create(name="FGC", slug="family-group-conferences")
    index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    return index.add_child(instance=CoursePage(title="FGC coordinator", summary="x",
                                               programme=fgc))


def completed(user, course, when, title="A course"):
    from courses.models import Enrolment

    return Enrolment.objects.create(
        user=user, course=course, course_title=title, status=Enrolment.Status.COMPLETED,
        enrolled_at=when - datetime.timedelta(days=20), completed_at=when)


def aware(day):
    from django.utils import timezone

    return datetime.datetime.combine(day, datetime.time(12), timezone.get_current_timezone())


def test_training_is_counted_per_period_for_the_teams_serving_the_cluster(clusters,
                                                                           fgc_course):
    from events.models import EventBooking, EventIndexPage, EventPage
    from tests import factories

    jess = clusters["JESS"]
    school_team = factories.TeamFactory(name="JESS cluster schools", cluster="JESS",
                                        organisation=jess.organisation)
    alice = factories.practitioner(team=jess)
    bea = factories.practitioner(team=school_team)
    other = factories.practitioner(team=clusters["2gether"])
    completed(alice, None, aware(Q1 + datetime.timedelta(days=3)))
    completed(alice, fgc_course, aware(Q2 + datetime.timedelta(days=3)))
    completed(bea, None, aware(Q2 + datetime.timedelta(days=30)))
    completed(other, None, aware(Q2 + datetime.timedelta(days=3)))  # another cluster
    completed(alice, None, aware(Q3 + datetime.timedelta(days=3)))  # outside the periods
    home = fgc_course.get_parent().get_parent()
    index = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    start = aware(Q1 + datetime.timedelta(days=40))
    end = start + datetime.timedelta(hours=2)
    event = index.add_child(instance=EventPage(title="Network", summary="x", start=start,
                                               end=end, is_online=True))
    for user, status in ((alice, "attended"), (bea, "no_show"), (other, "attended")):
        EventBooking.objects.create(event=event, user=user, status=status, event_title="N",
                                    event_start=start, event_end=end)

    periods = [Period(Q1), Period(Q2)]
    table = training_beside(periods, cluster=jess)
    keys = [a.key for a in table.activities]
    assert keys == ["course_completions", "event_attendances", "fgc_courses"]
    assert [row["counts"] for row in table.rows] == [[1, 1, 0], [2, 0, 1]]
    everyone = training_beside(periods)
    assert [row["counts"] for row in everyone.rows] == [[1, 2, 0], [3, 0, 1]]
    assert everyone.totals == [4, 2, 1]


def test_training_is_counted_in_one_query_per_activity(clusters, django_assert_num_queries):
    periods = [Period(Q1), Period(Q2), Period(Q3)]
    # one query for the teams, then one grouped query per registered activity
    with django_assert_num_queries(4):
        training_beside(periods, cluster=clusters["JESS"])
