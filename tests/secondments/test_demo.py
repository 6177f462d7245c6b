import os

from django.core.management import call_command

from secondments.models import (
    MentoringBooking,
    MentoringSlot,
    MentorProfile,
    SecondmentApplication,
    SecondmentIndexPage,
    SecondmentOpportunityPage,
)


def _counts():
    return (SecondmentOpportunityPage.objects.count(), SecondmentApplication.objects.count(),
            MentorProfile.objects.count(), MentoringSlot.objects.count(),
            MentoringBooking.objects.count())


def test_the_demo_has_opportunities_applications_in_every_state_and_mentors(demo_content):
    index = SecondmentIndexPage.objects.get(slug="secondments")
    assert index.show_in_menus and index.live
    assert SecondmentOpportunityPage.objects.count() == 7  # two past cohorts among them
    assert set(SecondmentApplication.objects.values_list("status", flat=True)) == set(
        SecondmentApplication.Status.values
    )
    assert SecondmentApplication.objects.filter(applicant__email="leader@example.org"
                                                ).count() <= 1
    assert MentorProfile.objects.filter(user__email="mentor@example.org").exists()
    assert MentorProfile.objects.count() >= 5
    assert MentoringBooking.objects.filter(slot__mentor__user__email="mentor@example.org"
                                           ).exists()
    for opportunity in SecondmentOpportunityPage.objects.with_places_taken():
        assert opportunity.places_taken_count <= opportunity.places


def test_seeding_again_changes_nothing(demo_content):
    before = _counts()
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    assert _counts() == before
