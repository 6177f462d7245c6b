"""Only people with the reporting permission see figures: practitioners, managers and staff
without it are turned away from every view, download and the figures' admin."""

import pytest
from django.urls import reverse

from tests import factories
from tests.outcomes.conftest import Q1, figure

pytestmark = pytest.mark.django_db


def staff_without_the_permission():
    """Centre staff whose group lost the reporting permission: they still reach the
    admin and edit pages, but see no figure."""
    from django.contrib.auth.models import Group, Permission

    user = factories.centre_staff(email="nora@example.org")
    Group.objects.get(name="Centre staff").permissions.remove(
        Permission.objects.get(codename="view_outcomes"))
    return user


PERSONAS = {
    "practitioner": lambda clusters: factories.practitioner(team=clusters["JESS"]),
    "manager": lambda clusters: factories.team_manager(clusters["JESS"]),
    "staff without the permission": lambda clusters: staff_without_the_permission(),
}


def guarded_urls(clusters, measures):
    fig = figure(measures["referrals"], clusters["JESS"], Q1, 80)
    cluster = reverse("outcomes:cluster", args=[clusters["JESS"].pk])
    programme = reverse("outcomes:programme")
    return [
        programme, programme + "?export=csv", programme + "?export=xlsx",
        cluster, cluster + "?export=csv", cluster + "?export=xlsx",
        reverse("outcomes:import"),
        reverse("wagtailsnippets_outcomes_figure:list"),
        reverse("wagtailsnippets_outcomes_figure:list") + "?export=csv",
        reverse("wagtailsnippets_outcomes_figure:edit", args=[fig.pk]),
        reverse("wagtailsnippets_outcomes_measure:list"),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_people_without_the_reporting_permission_see_no_figures(client, clusters, measures,
                                                               persona):
    client.force_login(PERSONAS[persona](clusters))
    for url in guarded_urls(clusters, measures):
        response = client.get(url)
        # Wagtail turns PermissionDenied in the admin into a redirect to the dashboard (or
        # to sign in, for people who may not use the admin at all).
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response.url == "/admin/" or "login" in response.url, url
    response = client.post(reverse("outcomes:import"), {"token": "x"})
    assert response.status_code in (302, 403)


def test_staff_without_the_permission_do_not_see_the_menu(client, clusters):
    client.force_login(staff_without_the_permission())
    response = client.get("/admin/")
    assert response.status_code == 200
    assert reverse("outcomes:programme").encode() not in response.content


def test_staff_with_the_permission_see_every_view_and_download(client, clusters, measures,
                                                               reporting_staff):
    client.force_login(reporting_staff)
    for url in guarded_urls(clusters, measures):
        assert client.get(url).status_code == 200, url
    assert reverse("outcomes:programme").encode() in client.get("/admin/").content


def test_the_data_migration_gives_centre_staff_the_permission(db):
    """Not the test conftest's grant: the permission the migration made is on the group."""
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Centre staff")
    assert group.permissions.filter(content_type__app_label="outcomes",
                                    codename="view_outcomes").exists()
    from django.contrib.auth.models import Permission

    assert Permission.objects.get(codename="view_outcomes").name == \
        "Can view programme outcome figures"


def test_signed_out_people_are_sent_to_sign_in(client, clusters, measures):
    for url in guarded_urls(clusters, measures):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url


def test_staff_without_an_authenticator_app_are_sent_to_set_one_up(client, clusters):
    client.force_login(factories.centre_staff(with_totp=False, email="new@example.org"))
    response = client.get(reverse("outcomes:programme"))
    assert response.status_code == 302 and "2fa" in response.url


# --- the public directory -----------------------------------------------------------------


@pytest.fixture
def directory(db):
    from wagtail.models import Page, Site

    from cms.models import TeamDirectoryPage

    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Home", slug="home-dir"))
    Site.objects.update_or_create(is_default_site=True, defaults={
        "root_page": home, "hostname": "localhost", "port": 80})
    return home.add_child(instance=TeamDirectoryPage(title="RES teams", slug="directory"))


def test_the_public_directory_shows_only_figures_staff_chose_to_publish(client, clusters,
                                                                       measures, directory):
    from outcomes.models import Measure

    for team in clusters.values():
        team.show_in_directory = True
        team.save()
    stepdowns = measures["stepdowns"]
    stepdowns.published = True
    stepdowns.source_note = "RES team records."
    stepdowns.save()
    figure(stepdowns, clusters["JESS"], Q1, 17, published=True)
    figure(stepdowns, clusters["2gether"], Q1, 23)  # figure not published
    figure(measures["referrals"], clusters["JESS"], Q1, 99, published=True)  # measure not
    page = client.get(directory.url).content.decode()
    assert "T-Stepdowns:</strong> 17 (Jan to Mar 2025)" in page
    assert "Source: RES team records." in page
    assert " 23 (" not in page and " 99 (" not in page
    Measure.objects.filter(pk=stepdowns.pk).update(published=False)
    from cms.page_cache import invalidate_pages

    invalidate_pages()
    assert "17 (Jan to Mar 2025)" not in client.get(directory.url).content.decode()
