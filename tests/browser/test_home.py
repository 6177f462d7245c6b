"""After signing in each person lands on their own home, built from what is due for them;
My bookings gathers events and mentoring. Every page passes axe."""

import pytest

from cms.demo import DEFAULT_PASSWORD
from cms.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_person_lands_on_a_home_of_what_is_due(page, demo_content, sign_in, axe_check):
    priya = User.objects.get(email="practitioner@example.org")
    sign_in(page, priya, password=DEFAULT_PASSWORD)
    assert page.url.endswith("/home/")
    assigned = page.get_by_role("region", name="Assigned to you")
    assert assigned.get_by_text("Overdue", exact=True).is_visible()
    assert assigned.get_by_text("it is overdue").is_visible()
    assert page.get_by_role("region", name="Continue where you left off").is_visible()
    assert page.get_by_role("region", name="CPD this registration year").is_visible()
    axe_check(page)

    page.get_by_role("navigation", name="Your pages").get_by_role(
        "link", name="My bookings").click()
    for heading in ("Upcoming", "Past", "Cancelled"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    axe_check(page)

    page.context.clear_cookies()
    sign_in(page, User.objects.get(email="manager@example.org"), password=DEFAULT_PASSWORD)
    team = page.get_by_role("region", name="Your team: overdue training")
    assert team.get_by_text("Priya Shah").is_visible()
    axe_check(page)
