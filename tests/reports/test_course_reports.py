import pytest

from courses import admin_reports, reports
from tests.reports.helpers import by_first, screen_rows

pytestmark = pytest.mark.django_db

# Columns: title, programme, enrolled, in progress, completed, rate, median days,
# first-attempt pass rate, certificates expiring in 90 days.


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_a_course_nobody_took_shows_zeros_and_blanks(staff_client, courses):
    rows = by_first(screen_rows(staff_client, "course_completion"))
    assert rows["MI basics"] == ["MI basics", "Motivational Interviewing", 0, 0, 0, "", "", "",
                                 0]


def test_course_completion_figures_match_the_hand_count(staff_client, learning):
    rows = by_first(screen_rows(staff_client, "course_completion"))
    assert rows["Restorative essentials"] == [
        "Restorative essentials", "Restorative practice", 4, 1, 3, 75.0, 20.0, 50.0, 1]


def test_a_single_completion_is_its_own_median(staff_client, learning, leader):
    rows = by_first(screen_rows(staff_client, "course_completion",
                                organisation=leader.organisation_id))
    assert rows["Restorative essentials"][2:] == [1, 0, 1, 100.0, 40.0, "", 0]


def test_the_team_filter_counts_only_its_members_and_averages_two_middles(
        staff_client, learning, team):
    rows = by_first(screen_rows(staff_client, "course_completion", team=team.pk))
    # Alice (10 days) and Bob (20 days): median 15; first attempts 1 fail 1 pass; Alice's
    # certificate expires in 30 days.
    assert rows["Restorative essentials"][2:] == [2, 0, 2, 100.0, 15.0, 50.0, 1]


def test_the_date_filter_counts_enrolments_made_in_the_dates(staff_client, learning):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    rows = by_first(screen_rows(
        staff_client, "course_completion",
        date_from=(today - datetime.timedelta(days=60)).isoformat(),
        date_to=today.isoformat()))
    # Bob (50 days ago, completed in 20) and Charlie (5 days ago, in progress).
    assert rows["Restorative essentials"][2:7] == [2, 1, 1, 50.0, 20.0]


def test_the_date_filter_narrows_the_first_attempts_to_those_enrolments(staff_client,
                                                                        learning):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    rows = by_first(screen_rows(
        staff_client, "course_completion",
        date_from=(today - datetime.timedelta(days=60)).isoformat()))
    # Bob passed at his first attempt; Charlie tried nothing; Alice's failure is earlier.
    assert rows["Restorative essentials"][7] == 100.0


def test_the_first_attempt_pass_rate_counts_each_check_once_per_enrolment(
        staff_client, courses, alice, bob, charlie):
    from courses.models import KnowledgeCheckAttempt
    from tests.reports.conftest import enrol

    course = courses["MI basics"]
    module = course.get_children().first()

    def tries(enrolment, check_id, *results):
        for passed in results:
            KnowledgeCheckAttempt.objects.create(
                enrolment=enrolment, module_id=module.pk, module_title=module.title,
                check_id=check_id, score=100 if passed else 40, pass_mark=80, passed=passed)

    a = enrol(alice, course, 30)
    tries(a, "check-1", True, False)  # passed first; a retake for practice does not count
    tries(a, "check-2", False, True)  # failed first; passing later does not count
    c = enrol(charlie, course, 20)
    tries(c, "check-1", False, True)
    enrol(bob, course, 10)  # enrolled, tried nothing: not counted
    rows = by_first(screen_rows(staff_client, "course_completion"))
    # First attempts: Alice check-1 passed, Alice check-2 failed, Charlie check-1 failed
    # (counting every attempt would give 50, the last ones 66.7, any pass 100).
    assert rows["MI basics"][7] == 33.3
    # Only Bob enrolled in the last fortnight, and he tried nothing: a blank, not 0.
    import datetime

    from django.utils import timezone

    rows = by_first(screen_rows(
        staff_client, "course_completion",
        date_from=(timezone.localdate() - datetime.timedelta(days=15)).isoformat()))
    assert rows["MI basics"][2] == 1
    assert rows["MI basics"][7] == ""

def test_the_programme_filter_keeps_its_courses(staff_client, learning, other_programme):
    rows = screen_rows(staff_client, "course_completion", programme=other_programme.pk)
    assert [row[0] for row in rows] == ["MI basics"]


def test_the_admin_matrix_uses_the_team_managers_query_code():
    assert admin_reports.training_matrix is reports.training_matrix


def test_the_training_matrix_shows_each_member_against_each_course(staff_client, learning,
                                                                    team):
    rows = by_first(screen_rows(staff_client, "training_matrix", team=team.pk))
    assert set(rows) == {"Alice Adams", "Bob Brown"}
    alice = rows["Alice Adams"]
    # Columns: name, email, team, then MI basics, Restorative essentials (by title).
    assert alice[3] == "Not started"
    assert alice[4].startswith("Expiring soon")


def test_the_training_matrix_asks_for_a_team_or_organisation(staff_client, learning):
    response = staff_client.get("/admin/reports/training-matrix/")
    assert response.status_code == 200
    assert b"Choose a team or an organisation" in response.content
