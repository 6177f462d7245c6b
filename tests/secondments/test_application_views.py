from django.core import mail

from secondments import services
from secondments.models import SecondmentApplication
from tests.secondments.conftest import apply_for, make_opportunity


def login(client, user):
    client.force_login(user)
    return client


def test_the_listing_and_opportunity_pages_render(client, index_page, opportunity, leader):
    response = client.get(index_page.url)
    assert response.status_code == 200
    assert opportunity.title in response.text
    assert "2 of 2" in response.text
    login(client, leader)
    response = client.get(opportunity.url)
    assert response.status_code == 200
    assert "Apply for this secondment" in response.text


def test_listing_queries_stay_steady_as_opportunities_grow(
    client, index_page, django_assert_max_num_queries
):
    make_opportunity(index_page)
    with django_assert_max_num_queries(30) as few:
        client.get(index_page.url)
    for _ in range(15):
        make_opportunity(index_page)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(index_page.url)
    assert response.text.count('class="card"') == 16


def test_it_applies_and_shows_a_confirmation(
    client, opportunity, leader, django_capture_on_commit_callbacks
):
    login(client, leader)
    url = f"/leadership/opportunities/{opportunity.pk}/apply/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {
            "current_role": "Head of service", "experience": "Years.",
            "learning_goals": "RES.", "sponsor_name": "Sue", "sponsor_email": "sue@example.org",
        }, follow=True)
    application = SecondmentApplication.objects.get(applicant=leader)
    assert application.organisation_name == leader.organisation.name
    assert application.reference in response.text
    assert "What happens next" in response.text
    assert len(mail.outbox) == 2


def test_it_shows_errors_for_an_empty_application(client, opportunity, leader):
    login(client, leader)
    response = client.post(f"/leadership/opportunities/{opportunity.pk}/apply/", {})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Enter your sponsoring manager" in response.text


def test_applying_twice_goes_to_the_first_application(client, application, leader):
    login(client, leader)
    response = client.get(f"/leadership/opportunities/{application.opportunity_id}/apply/")
    assert response.status_code == 302
    assert response.url == application.get_absolute_url()


def test_apply_needs_sign_in(client, opportunity):
    response = client.get(f"/leadership/opportunities/{opportunity.pk}/apply/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_unknown_opportunity_is_404(client, leader):
    login(client, leader)
    assert client.get("/leadership/opportunities/999999/apply/").status_code == 404


def test_applicants_see_only_their_own_applications(client, application, other_leader):
    login(client, other_leader)
    assert client.get(application.get_absolute_url()).status_code == 404
    assert client.get(f"/leadership/applications/{application.pk}/offer-letter.pdf"
                      ).status_code == 404
    assert client.post(f"/leadership/applications/{application.pk}/withdraw/").status_code == 404
    response = client.get("/leadership/applications/")
    assert application.reference not in response.text


def test_my_applications_shows_status_history(client, application, leader, staff):
    services.shortlist_application(application, staff, "Strong application")
    login(client, leader)
    response = client.get("/leadership/applications/")
    assert "Shortlisted" in response.text
    assert "Strong application" in response.text


def test_my_applications_queries_stay_steady(client, index_page, leader,
                                            django_assert_max_num_queries):
    apply_for(make_opportunity(index_page), leader)
    login(client, leader)
    with django_assert_max_num_queries(30) as few:
        client.get("/leadership/applications/")
    for _ in range(10):
        apply_for(make_opportunity(index_page), leader)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/leadership/applications/")


def test_the_applicant_accepts_an_offer(client, application, leader, staff):
    services.offer_place(application, staff, confirmed=True)
    login(client, leader)
    response = client.get(application.get_absolute_url())
    assert "Accept the offer" in response.text
    response = client.post(f"/leadership/applications/{application.pk}/accept/", follow=True)
    application.refresh_from_db()
    assert application.status == "accepted"
    assert "You have accepted your place." in response.text


def test_a_forbidden_move_is_a_message_not_an_error(client, application, leader):
    login(client, leader)
    response = client.post(f"/leadership/applications/{application.pk}/accept/", follow=True)
    assert response.status_code == 200
    assert "cannot be moved" in response.text


def test_an_unknown_action_is_404(client, application, leader):
    login(client, leader)
    assert client.post(f"/leadership/applications/{application.pk}/frobnicate/"
                       ).status_code == 404


def test_the_offer_letter_downloads(client, application, leader, staff):
    services.offer_place(application, staff, confirmed=True)
    login(client, leader)
    response = client.get(f"/leadership/applications/{application.pk}/offer-letter.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
