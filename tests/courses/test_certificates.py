import datetime
import io

import pytest
from freezegun import freeze_time
from pypdf import PdfReader

from courses import services
from courses.certificates import certificate_pdf
from courses.models import Certificate
from tests.courses.test_access import complete

pytestmark = pytest.mark.django_db


def test_the_pdf_is_valid_and_names_the_learner_and_course(alice, course):
    certificate = complete(alice, course)
    reader = PdfReader(io.BytesIO(certificate_pdf(certificate)))
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = page.extract_text()
    assert "Alice Adams" in text
    assert course.title in text
    assert certificate.number in text


def test_the_verification_page_says_valid_without_sign_in(client, alice, course):
    certificate = complete(alice, course)
    html = client.get(f"/certificates/{certificate.public_id}/").content.decode()
    assert "This certificate is valid" in html
    assert "Alice Adams" in html and course.title in html
    assert "alice@example.org" not in html
    assert "Revoke" not in html


def test_the_verification_page_says_expired(client, alice, course):
    with freeze_time("2024-01-01"):
        certificate = complete(alice, course)
    html = client.get(f"/certificates/{certificate.public_id}/").content.decode()
    assert "This certificate has expired" in html


def test_an_unknown_certificate_is_a_404(client):
    assert client.get("/certificates/not-a-real-id/").status_code == 404


def test_revoking_twice_is_refused(alice, staff, course):
    certificate = complete(alice, course)
    services.revoke_certificate(certificate, staff, "Error")
    with pytest.raises(services.LearningError):
        services.revoke_certificate(certificate, staff, "Again")


def test_certificate_ids_are_unguessable_and_unique(alice, bob, course):
    first = complete(alice, course)
    second = complete(bob, course)
    assert first.public_id != second.public_id
    assert len(first.public_id) >= 20


def test_expiry_follows_the_courses_validity(alice, catalogue):
    from tests.courses.conftest import make_course, modules_of

    course = make_course(catalogue, modules=1, validity_months=None)
    services.enrol(alice, course)
    with freeze_time("2026-01-31"):
        certificate = services.complete_module(alice, modules_of(course)[0])
    assert certificate.expires_on is None
    assert services.add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert Certificate.objects.get().status() == Certificate.Status.VALID


def test_the_pdf_is_tagged_and_carries_the_centres_branding(alice, course):
    from cms.models import CentreBranding
    from tests.cms.test_pdf import assert_accessible

    branding = CentreBranding.load()
    branding.signatory_name, branding.signatory_role = "Dr Amara Okafor", "Director"
    branding.save()
    certificate = complete(alice, course)
    pdf = certificate_pdf(certificate)
    reader = assert_accessible(pdf, certificate.number)
    text = reader.pages[0].extract_text()
    assert "Dr Amara Okafor" in text and "Director" in text
    assert "/certificates/check/" in text.replace("\n", "")
