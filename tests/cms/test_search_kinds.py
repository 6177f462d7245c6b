"""Search finds module text, mentors and venues, grouped by kind."""

import re

from cms.models import User


def test_it_finds_module_text_mentors_and_venues_grouped_by_kind(client, demo_content):
    html = client.get("/search/", {"q": "social discipline window"}).content.decode()
    assert re.search(r'<h2 id="results-\d+">Modules</h2>', html)
    assert "0 results" not in html

    html = client.get("/search/", {"q": "Civic Hall"}).content.decode()
    assert ">Venues</h2>" in html and "Leeds Civic Hall" in html

    # Mentors are listed for those who may book them: visiting leaders and staff.
    assert ">Mentors</h2>" not in client.get("/search/", {"q": "Margaret Holt"}).content.decode()
    client.force_login(User.objects.get(email="leader@example.org"))
    html = client.get("/search/", {"q": "Margaret Holt"}).content.decode()
    assert ">Mentors</h2>" in html and "Margaret Holt" in html
