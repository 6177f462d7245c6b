import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import (
    ContentPage,
    HomePage,
    PublicationIndexPage,
    PublicationPage,
    TeamDirectoryPage,
)


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(HomePage, PublicationIndexPage)
        self.assertCanCreateAt(HomePage, TeamDirectoryPage)

    def test_publications_live_only_under_the_publication_index(self):
        self.assertAllowedParentPageTypes(PublicationPage, {PublicationIndexPage})
        self.assertAllowedSubpageTypes(PublicationIndexPage, {PublicationPage})
        self.assertAllowedSubpageTypes(PublicationPage, set())

    def test_content_pages_nest(self):
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})
        self.assertAllowedSubpageTypes(TeamDirectoryPage, set())


@pytest.fixture
def demo_site(demo_content):
    return HomePage.objects.get()


def test_every_demo_page_renders(client, demo_site):
    for page in Page.objects.live().descendant_of(demo_site, inclusive=True).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert response.content.count(b"<h1") == 1, f"{page.url} has not exactly one h1"


def test_the_team_directory_lists_the_seven_res_teams_with_their_numbers(client, demo_site):
    html = client.get("/res-teams/directory/").content.decode()
    for name, number in [
        ("2gether RES team", "0113 3782478"), ("Inner East RES team", "0113 5351523"),
        ("Seacroft &amp; Manston RES team", "0113 3782478"), ("JESS RES team", "0113 5351521"),
        ("BCM/Morley RES team", "0113 5351520"), ("Bramley RES team", "0113 5350007"),
        ("Armley &amp; Farnley RES team", "0113 5350303"),
    ]:
        row = html.split(name, 1)[1].split("</tr>", 1)[0]
        assert number in row, name
    assert html.count("<tr>") - 3 == 7  # three header rows, one per area


def test_publications_filter_by_tag(client, demo_site):
    html = client.get("/publications/?tag=leadership").content.decode()
    assert "Improvement partner offer" in html
    assert "one-minute guide" not in html


def test_site_search_finds_pages(client, demo_site):
    html = client.get(reverse("search"), {"q": "Rethink Formulation"}).content.decode()
    assert 'href="/leeds-practice-model/rethink-formulation/"' in html


def test_an_unknown_address_shows_the_designed_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_the_500_page_renders_without_the_database(client, db):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
