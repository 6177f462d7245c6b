"""One base URL: every absolute link comes from SITE_URL, the Wagtail Site record (page
URLs, so course links in emails) included. Course links in assignment emails used to say
http://localhost/ while the rest said SITE_URL, and `make run PORT=9201` served on 9201 while
links pointed at 8000."""

import datetime
import subprocess
from pathlib import Path

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cms.site_url import check_site_record
from courses import services as course_services

ROOT = Path(__file__).resolve().parents[2]


def test_the_check_fails_while_the_site_record_disagrees_and_sync_fixes_it(world, settings):
    settings.SITE_URL = "http://127.0.0.1:9201"  # the Site record says localhost:80

    errors = check_site_record(databases=["default"])
    assert [e.id for e in errors] == ["cms.E011"]
    assert "http://localhost" in errors[0].msg and "http://127.0.0.1:9201" in errors[0].msg

    call_command("sync_site_url", stdout=open("/dev/null", "w"))
    assert check_site_record(databases=["default"]) == []
    assert world.course.full_url.startswith("http://127.0.0.1:9201/")


def test_an_assignment_email_links_the_course_at_site_url(
        world, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://centre.example.org"
    call_command("sync_site_url", stdout=open("/dev/null", "w"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        course_services.assign_course(world.open_course, [world.bob],
                                      timezone.localdate() + datetime.timedelta(days=30),
                                      world.manager)
    body = mail.outbox[0].body
    course_url = world.open_course.full_url
    assert course_url.startswith("https://centre.example.org/") and course_url in body
    assert "http://localhost" not in body
    assert world.certificate.verification_url().startswith("https://centre.example.org/")


def test_the_check_refuses_a_site_url_wagtail_cannot_express(world, settings):
    settings.SITE_URL = "https://centre.example.org:8443"
    assert [e.id for e in check_site_record(databases=["default"])] == ["cms.E010"]


def test_make_run_with_a_port_sets_site_url_for_every_step():
    out = subprocess.run(["make", "-n", "run", "PORT=9201"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    steps = [line for line in out.splitlines() if "manage.py" in line]
    for command in ("sync_site_url", "seed_demo", "runserver"):
        step = next(line for line in steps if command in line)
        assert step.startswith("SITE_URL=http://127.0.0.1:9201 "), step
