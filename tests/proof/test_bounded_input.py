"""Issue 10, findings 8 and 9: input is bounded. Every free-text field a person or staff
member types has a maximum length in the model and the form, said the GOV.UK way; dates
have sane ranges; hostile dates and sizes are form errors, never server errors."""

import datetime
import time

import pytest
from django import forms as django_forms
from django.apps import apps
from django.db import models
from django.test import Client
from freezegun import freeze_time
from wagtail.fields import RichTextField

from cms import forms as cms_forms
from cms.limits import LengthMessages
from courses import forms as course_forms
from courses.certificates import cpd_pdf
from courses.models import CPDEntry
from events import forms as event_forms
from secondments import forms as secondment_forms
from secondments.models import SecondmentApplication

pytestmark = pytest.mark.django_db

# Text the platform writes itself (snapshots, codes, history), not typed into a form.
NOT_TYPED = {"public_id", "calendar_token", "check_id", "prompt_id", "source_type", "series",
             "action", "from_status", "to_status", "password", "reference", "url_path",
             "path", "slug", "translation_key", "draft_title", "event_title",
             "event_location", "course_title", "module_title", "opportunity_title",
             "learner_name", "actor_label", "organisation_name", "first_name", "last_name",
             "username", "note"}


def test_every_text_field_of_every_app_has_a_maximum_length():
    unbounded = []
    for app in ("cms", "courses", "events", "secondments"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, (models.TextField, RichTextField)) \
                        and field.model is model and not field.max_length:
                    unbounded.append(f"{model.__name__}.{field.name}")
    assert unbounded == []


def _all_forms():
    for module in (cms_forms, course_forms, event_forms, secondment_forms):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, django_forms.BaseForm) \
                    and value.__module__ == module.__name__:
                yield value


def test_every_form_bounds_its_text_and_says_so_the_govuk_way():
    for form_class in _all_forms():
        for name, field in form_class.base_fields.items():
            if isinstance(field, django_forms.CharField) and not isinstance(
                    field.widget, django_forms.PasswordInput):
                assert field.max_length, f"{form_class.__name__}.{name} has no limit"
                assert issubclass(form_class, LengthMessages), form_class


def test_fifty_thousand_characters_of_learning_goals_are_a_form_error(client, world):
    client.force_login(world.leader)
    SecondmentApplication.objects.filter(applicant=world.leader).delete()
    response = client.post(f"/leadership/opportunities/{world.opportunity.pk}/apply/", {
        "current_role": "Head of service", "experience": "Years.",
        "learning_goals": "x" * 50_000, "sponsor_name": "Sue",
        "sponsor_email": "sue@northfield.example",
    })
    assert response.status_code == 200
    assert response.context["form"].errors["learning_goals"] == [
        "What you want to learn must be 4,000 characters or fewer."]
    assert "must be 4,000 characters or fewer" in response.text
    assert not SecondmentApplication.objects.filter(applicant=world.leader).exists()


CPD = {"kind": "other", "title": "Circles", "provider": "", "hours": "2",
       "what_learnt": "", "impact_on_practice": "", "impact_on_people": "",
       "peer_reflection": "", "peer_role": "", "standards": ""}


@freeze_time("2026-06-01")
def test_a_100_kb_cpd_entry_is_a_form_error(client, alice):
    client.force_login(alice)
    response = client.post("/learning/cpd/add/", {**CPD, "date": "2026-05-01",
                                                  "what_learnt": "x" * 100_000})
    assert response.status_code == 200
    assert "What I learnt must be 4,000 characters or fewer." in response.text
    assert not CPDEntry.objects.exists()


@freeze_time("2026-06-01")
@pytest.mark.parametrize("date", ["0001-01-01", "1989-12-31", "2028-01-01", "9999-12-31"])
def test_a_cpd_date_outside_1990_to_next_year_is_a_form_error(client, alice, date):
    client.force_login(alice)
    response = client.post("/learning/cpd/add/", {**CPD, "date": date})
    assert response.status_code == 200
    assert "Enter a date between 1 January 1990 and 31 December 2027." in response.text
    assert not CPDEntry.objects.exists()


@freeze_time("2026-06-01")
def test_the_cpd_edges_are_accepted(client, alice):
    client.force_login(alice)
    for date in ("1990-01-01", "2027-12-31"):
        assert client.post("/learning/cpd/add/", {**CPD, "date": date}).status_code == 302
    assert CPDEntry.objects.count() == 2


@freeze_time("2026-06-01")
def test_a_cpd_row_dated_year_one_already_stored_does_not_break_the_record(client, alice):
    CPDEntry.objects.create(user=alice, title="Old import", date=datetime.date(1, 1, 1))
    CPDEntry.objects.create(user=alice, title="Far future", date=datetime.date(9999, 12, 31))
    client.force_login(alice)
    for url in ("/learning/cpd/", "/learning/cpd/?year=1", "/learning/cpd/?year=10000",
                "/learning/cpd/export.csv", "/learning/cpd/export.pdf"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "10000-01", "2026-13", "x"])
def test_an_impossible_event_month_is_ignored(world, month):
    response = Client().get(world.event_index.url, {"month": month})
    assert response.status_code == 200


def test_the_cpd_pdf_renders_within_budget_whatever_the_entry(alice):
    """The worst entry the form allows: every long answer 4,000 characters of line breaks
    (before: 43-53 s on the shared 2-core machine, 40 pages per answer; 100 KB of line breaks
    took 475 s). Answers are flowed to at most 40 lines, every word kept: about 5 s."""
    long_answers = {name: "a\n" * (CPDEntry._meta.get_field(name).max_length // 2)
                    for name in ("what_learnt", "impact_on_practice", "impact_on_people",
                                 "peer_reflection")}
    entry = CPDEntry(user=alice, title="C" * 250, date=datetime.date(2026, 3, 1), hours=2,
                     **long_answers)
    started = time.perf_counter()
    pdf = cpd_pdf(alice, [entry], "1 December 2025 to 30 November 2026")
    elapsed = time.perf_counter() - started
    assert pdf.startswith(b"%PDF")
    assert elapsed < 20, elapsed


def test_flowed_text_keeps_every_word_in_at_most_forty_lines():
    from cms.limits import flowed

    assert flowed("one\r\ntwo\n\n\n\nthree\n") == "one\ntwo\n\nthree"
    text = flowed("\n".join(str(n) for n in range(100)))
    assert text.count("\n") == 39
    assert text.split() == [str(n) for n in range(100)]
