"""A page whose subtree holds bookings, applications, enrolments or completions is not
deleted: staff are told what it holds, with counts, and offered unpublishing instead (it
used to be offered without a word, then a 500 from the protected bookings)."""

from django.urls import reverse
from wagtail.models import Page

from events.models import EventBooking


def _delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


def test_it_refuses_to_delete_the_events_listing_and_says_what_it_holds(world, staff_client):
    bookings = EventBooking.objects.filter(event__in=world.event_index.get_children()).count()

    response = staff_client.get(_delete_url(world.event_index))

    text = response.content.decode()
    assert response.status_code == 200
    assert "This page cannot be deleted" in text
    assert f"{bookings} event bookings" in text
    assert reverse("wagtailadmin_pages:unpublish", args=[world.event_index.pk]) in text
    assert 'name="confirm_site_name"' not in text and "Yes, delete" not in text


def test_it_refuses_the_delete_post_without_a_server_error(world, staff_client):
    for page in (world.event_index, world.sec_index, world.catalogue, world.event):
        response = staff_client.post(_delete_url(page))
        assert response.status_code == 409, page
        assert Page.objects.filter(pk=page.pk).exists()
    assert "1 secondment applications" in staff_client.post(
        _delete_url(world.sec_index)).content.decode()


def test_the_module_delete_screen_counts_its_completions(world, staff_client):
    response = staff_client.get(_delete_url(world.modules[0]))

    text = response.content.decode()
    assert "1 module completions" in text
    assert "referenced 0 times" not in text


def test_a_page_holding_no_records_is_still_deleted_as_before(world, staff_client):
    empty = world.open_course  # nobody has enrolled on it
    assert staff_client.get(_delete_url(empty)).status_code == 200
    response = staff_client.post(_delete_url(empty))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=empty.pk).exists()


def test_it_refuses_a_bulk_delete_that_includes_a_page_holding_records(world, staff_client):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    response = staff_client.post(
        f"{url}?id={world.open_course.pk}&id={world.event.pk}&childOf={world.home.pk}")

    assert response.status_code == 409
    assert "event bookings" in response.content.decode()
    assert Page.objects.filter(pk=world.event.pk).exists()
    assert Page.objects.filter(pk=world.open_course.pk).exists()
