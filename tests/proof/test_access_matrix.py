"""Who can open what: every URL the site exposes, as every persona.

The EXPECTED table below is the specification. The resolver is enumerated, so a URL added
to any app without a row here fails `test_every_url_has_an_expectation`. Each persona then
GETs every URL (kwargs filled from the `world` fixture's real objects: Alice owns the
learning and event records, Lara the visiting leader owns the application and the
mentoring sessions) and every live page of the page tree.
"""

from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cpd.models import CPDEntry
from events.models import EventBooking
from secondments import services as secondment_services

PERSONAS = ["anon", "alice", "bob", "manager", "other_manager", "leader", "mentor", "staff",
            "superuser"]
LOGGED_IN = [p for p in PERSONAS if p != "anon"]

# Parts of the resolver this table does not list one by one: the Wagtail admin and
# documents (their own permission system; the admin's door is tested below), allauth's
# account pages (tested for "never a 5xx" below) and Wagtail's page-serving catch-all
# (every live page is visited instead). The REST API (api/) takes tokens, not sessions:
# its own personas (anonymous, personal tokens, two councils' organisation tokens, a
# revoked token) are in tests/proof/test_api.py. accounts/social/ holds allauth's unnamed
# redirects from its old single sign-on addresses to accounts/3rdparty/ (allauth's pages).
SKIPPED_PREFIXES = ("admin/", "documents/", "^((?:[\\w\\-]+/)*)$", "_util/",
                    "^_util/", "^((?:[\\w\\-]+/)*)", "api/", "accounts/social/")


def _rule(default, anon=302, **overrides):
    statuses = {p: default for p in LOGGED_IN}
    statuses["anon"] = anon
    statuses.update(overrides)
    return statuses


PUBLIC = _rule(200, anon=200)
SIGNED_IN = _rule(200)                 # any signed-in person; anonymous to the sign-in page
POST_ONLY = _rule(405)                 # state changes only by POST (CSRF-checked below)
MOVED = _rule(301, anon=301)           # a permanent redirect to the screen's new address


def only(*who, other=404, **overrides):
    statuses = _rule(other, **{p: 200 for p in who})
    statuses.update(overrides)
    return statuses


STAFF = ("staff", "superuser")

# name -> (kwargs from the world, expected status per persona)
EXPECTED = {
    # cms
    "profile": (None, SIGNED_IN),
    "download_my_data": (None, SIGNED_IN),
    "erase_my_account": (None, SIGNED_IN),
    "reset_calendar_feed": (None, POST_ONLY),
    "api_tokens": (None, SIGNED_IN),
    # "Sign in with your work account": anyone may ask where their organisation signs in.
    "sso_sign_in": (None, PUBLIC),
    "revoke_api_token": (lambda w: {"pk": 1}, POST_ONLY),
    # Requests to join a team (its managers) or the host authority (staff).
    "membership_requests": (None, only("manager", "other_manager", *STAFF)),
    # The feed address is a capability (a secret token, for calendar apps that cannot
    # sign in): anyone holding it reads it; a wrong token is a 404 (tested below).
    "calendar_feed": (lambda w: {"token": w.alice.calendar_token}, PUBLIC),
    "search": (None, PUBLIC),
    "personal_home": (None, SIGNED_IN),
    "healthz": (None, PUBLIC),
    # courses
    "secondments:goal_add": (None, SIGNED_IN),
    "secondments:goal_edit": (lambda w: {"pk": w.goal.pk}, only("leader")),
    "secondments:goal_comment": (lambda w: {"pk": w.goal.pk}, POST_ONLY),
    "secondments:goal_agree": (lambda w: {"pk": w.goal.pk}, POST_ONLY),
    "secondments:mentee_plan": (lambda w: {"user_id": w.leader.pk},
                                only("mentor", *STAFF)),
    "courses:my_learning": (None, SIGNED_IN),
    "courses:enrol": (lambda w: {"course_id": w.open_course.pk}, POST_ONLY),
    "courses:unenrol": (lambda w: {"course_id": w.course.pk}, POST_ONLY),
    # Only the holder of a certificate sees the course's completion page; others are sent
    # to the course page.
    "courses:course_completed": (lambda w: {"course_id": w.course.pk},
                                 only("alice", other=302)),
    "courses:complete_module": (lambda w: {"module_id": w.modules[0].pk}, POST_ONLY),
    "courses:submit_check": (lambda w: {"module_id": w.modules[1].pk, "check_id": "check-1"},
                             POST_ONLY),
    "courses:save_reflection": (lambda w: {"module_id": w.modules[0].pk,
                                           "prompt_id": "reflect-0"}, POST_ONLY),
    "courses:elearning_commit": (lambda w: {"module_id": w.elearning_module.pk,
                                            "block_id": "elearning-1"}, POST_ONLY),
    "courses:elearning_file": (lambda w: {"key": w.package.key, "path": "index.html"},
                               only("alice", *STAFF)),
    "cpd:record": (None, SIGNED_IN),
    "cpd:add": (None, SIGNED_IN),
    "cpd:edit": (lambda w: {"pk": w.cpd_entry.pk}, only("alice")),
    "cpd:delete": (lambda w: {"pk": w.cpd_entry.pk}, POST_ONLY),
    "cpd:csv": (None, SIGNED_IN),
    "cpd:pdf": (None, SIGNED_IN),
    "courses:team_matrix": (None, only("manager", "other_manager", *STAFF)),
    # A team's CPD against the registration rule (counts only): its managers and staff.
    "cpd:team": (None, only("manager", "other_manager", *STAFF)),
    "courses:framework_profile": (None, SIGNED_IN),
    "courses:assign": (None, only("manager", "other_manager", *STAFF)),
    # A person's training record: their team's managers and Centre staff only.
    "courses:person": (lambda w: {"user_id": w.alice.pk}, only("manager", *STAFF)),
    # The reminder's confirmation page (for the viewer's own team when none is named).
    "courses:remind": (None, only("manager", "other_manager", *STAFF)),
    "courses:certificate_verify": (lambda w: {"public_id": w.certificate.public_id}, PUBLIC),
    # Checking a certificate is public: by its number (rate-limited POSTs), its credential
    # by the unguessable link, and the issuer's keys and status list for any verifier.
    "courses:certificate_check": (None, PUBLIC),
    "courses:certificate_credential": (
        lambda w: {"public_id": w.certificate.public_id, "kind": "jwt"}, PUBLIC),
    "courses:credential_issuer": (None, PUBLIC),
    "courses:credential_jwks": (None, PUBLIC),
    "courses:credential_key": (lambda w: {"thumbprint": _key_thumbprint()}, PUBLIC),
    "courses:credential_status_list": (None, PUBLIC),
    "courses:certificate_pdf": (lambda w: {"public_id": w.certificate.public_id},
                                only("alice", *STAFF)),
    # events
    "events:my_bookings": (None, SIGNED_IN),
    "events:book": (lambda w: {"event_id": w.event.pk}, SIGNED_IN),
    # Moved into the admin (events_admin:*, checked at the admin's door below).
    "events:staff_event": (lambda w: {"event_id": w.event.pk}, MOVED),
    "events:register": (lambda w: {"event_id": w.event.pk}, MOVED),
    "events:sign_in_sheet": (lambda w: {"event_id": w.event.pk}, MOVED),
    "events:booking_detail": (lambda w: {"reference": w.booking.reference},
                              only("alice", *STAFF)),
    "events:cancel": (lambda w: {"reference": w.booking.reference}, only("alice", *STAFF)),
    "events:accept_offer": (lambda w: {"reference": w.booking.reference}, POST_ONLY),
    "events:leave_waitlist": (lambda w: {"reference": w.booking.reference}, POST_ONLY),
    "events:booking_calendar": (lambda w: {"reference": w.booking.reference},
                                only("alice", *STAFF)),
    # Feedback is the attendee's own voice: not even staff give it for them.
    "events:feedback": (lambda w: {"reference": w.attended.reference}, only("alice")),
    # secondments
    "secondments:development": (None, SIGNED_IN),
    # Lara has applied already, so she is sent to her application.
    "secondments:apply": (lambda w: {"page_id": w.opportunity.pk}, _rule(200, leader=302)),
    "secondments:my_applications": (None, SIGNED_IN),
    "secondments:application_detail": (lambda w: {"pk": w.application.pk}, only("leader")),
    "secondments:application_submitted": (lambda w: {"pk": w.application.pk},
                                          only("leader")),
    # No offer yet, so there is no letter for anyone.
    "secondments:offer_letter": (lambda w: {"pk": w.application.pk}, _rule(404)),
    "secondments:application_action": (lambda w: {"pk": w.application.pk,
                                                  "action": "withdraw"}, POST_ONLY),
    "secondments:sponsor": (lambda w: {"token": secondment_services.sponsor_token(
        w.application)}, PUBLIC),
    "secondments:mentor_directory": (None, SIGNED_IN),
    "secondments:mentor_detail": (lambda w: {"pk": w.mentor_profile.pk}, SIGNED_IN),
    "secondments:book": (lambda w: {"slot_id": w.free_slot.pk}, SIGNED_IN),
    "secondments:booking_detail": (lambda w: {"pk": w.session.pk},
                                   only("leader", "mentor", *STAFF)),
    "secondments:booking_confirmed": (lambda w: {"pk": w.session.pk},
                                      only("leader", "mentor", *STAFF)),
    "secondments:booking_cancel": (lambda w: {"pk": w.session.pk}, POST_ONLY),
    "secondments:booking_outcome": (lambda w: {"pk": w.past_session.pk}, POST_ONLY),
    "secondments:booking_feedback": (lambda w: {"pk": w.past_session.pk}, only("leader")),
    "secondments:booking_ics": (lambda w: {"pk": w.session.pk},
                                only("leader", "mentor", *STAFF)),
    "secondments:mentor_dashboard": (None, only("mentor")),
    "secondments:mentor_profile_edit": (None, only("mentor")),
    "secondments:publish_slots": (None, only("mentor")),
    "secondments:remove_slot": (lambda w: {"pk": w.free_slot.pk}, POST_ONLY),
}


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            full = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(pattern.url_patterns, route, full)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace
                                     else pattern.name)
            yield name, route, pattern.callback.__module__


def site_routes():
    """(name, route) of every URL pattern outside the parts listed in SKIPPED_PREFIXES."""
    return [(name, route) for name, route, module in _walk(get_resolver().url_patterns)
            if not route.startswith(SKIPPED_PREFIXES) and not module.startswith("allauth")
            # Media is served in DEBUG only, so it is there when the URLs were first read
            # by a test that turned DEBUG on (a regex route: ^media/...).
            and not route.lstrip("^").startswith(settings.MEDIA_URL.lstrip("/"))]


# Two more staff personas, refused everywhere staff are allowed: Nadia has staff rights and
# no authenticator; Paul has one, but this session signed in with his password alone.
STAFF_WITHOUT_MFA = ["staff_no_authenticator", "staff_password_only"]


def _staff_without_mfa(world, persona):
    from tests import factories

    if not hasattr(world, persona):
        setattr(world, persona, factories.centre_staff(
            with_totp=persona == "staff_password_only", email=f"{persona}@example.org",
            full_name=persona.replace("_", " ").title()))
    return getattr(world, persona)


def client_for(world, persona, **kwargs):
    client = Client(**kwargs)
    if persona in STAFF_WITHOUT_MFA:
        client.force_login(_staff_without_mfa(world, persona), mfa=False)
    elif persona != "anon":
        client.force_login(getattr(world, persona))
    return client


def mfa_step(persona):
    """Where staff without MFA in this session are sent: to set up an authenticator, or to
    enter its code."""
    if persona == "staff_no_authenticator":
        return reverse("mfa_activate_totp")
    return reverse("mfa_reauthenticate") + "?next="


# Staff screens that the world above answers with 404 for everyone (no offer made yet).
STAFF_SCREENS_WITHOUT_A_RECORD = {"secondments:offer_letter"}


def expected_without_mfa(name, statuses):
    """Wherever staff are let in further than a practitioner (Bob) is, staff without MFA
    are sent to the MFA step; elsewhere they are treated as Bob is."""
    if statuses["staff"] != statuses["bob"] or name in STAFF_SCREENS_WITHOUT_A_RECORD:
        return 302
    return statuses["bob"]


def test_every_url_has_an_expectation(db):
    routes = site_routes()
    unnamed = [route for name, route in routes if not name]
    assert unnamed == ["admin/login/"] or unnamed == [], unnamed
    names = {name for name, _ in routes if name}
    assert names - set(EXPECTED) == set(), "URLs without a row in EXPECTED"
    assert set(EXPECTED) - names == set(), "rows in EXPECTED for URLs that no longer exist"



def _key_thumbprint():
    from cms.credential_keys import signing_keys

    return signing_keys()[0].kid


class StubDocument:
    """What cms.pdf.render_pdf gets from WeasyPrint's layout, without the layout."""

    def __init__(self):
        from types import SimpleNamespace

        self.metadata = SimpleNamespace(title="Stub", lang="en-GB", authors=[])

    def write_pdf(self, *args, **kwargs):
        return b"%PDF-1.7 stub"

def test_each_persona_gets_the_expected_status_on_every_url(world, monkeypatch):
    """One world, every persona in turn (building the world is the slow part). PDFs are
    laid out by a stub: who may download them is the question here, not their layout."""
    monkeypatch.setattr("weasyprint.HTML.render", lambda self, *a, **k: StubDocument())
    wrong = []
    for persona in PERSONAS:
        client = client_for(world, persona)
        for name, (kwargs, statuses) in EXPECTED.items():
            url = reverse(name, kwargs=kwargs(world) if kwargs else None)
            response = client.get(url)
            expected = statuses[persona]
            if response.status_code != expected:
                wrong.append(f"{persona} {name} {url}: got {response.status_code}, "
                             f"expected {expected}")
            elif expected == 302 and persona == "anon":
                assert response["Location"].startswith("/accounts/login/?next="), url
    assert wrong == []


def test_staff_without_mfa_in_this_session_are_refused_wherever_staff_are_allowed(
        world, monkeypatch):
    """Finding 2: a staff member with no authenticator, or signed in with a password alone,
    opened the staff event page, register and sign-in sheet, offer letters, mentoring
    sessions with private notes, certificates, every team's matrix and any booking."""
    monkeypatch.setattr("weasyprint.HTML.render", lambda self, *a, **k: StubDocument())
    wrong = []
    refused = 0
    for persona in STAFF_WITHOUT_MFA:
        client = client_for(world, persona)
        for name, (kwargs, statuses) in EXPECTED.items():
            url = reverse(name, kwargs=kwargs(world) if kwargs else None)
            response = client.get(url)
            expected = expected_without_mfa(name, statuses)
            if response.status_code != expected:
                wrong.append(f"{persona} {name} {url}: got {response.status_code}, "
                             f"expected {expected}")
            elif expected == 302 and (statuses["staff"] != statuses["bob"]
                                      or name in STAFF_SCREENS_WITHOUT_A_RECORD):
                refused += 1
                assert response["Location"].startswith(mfa_step(persona)), (persona, url)
        # The same people's state-changing requests on staff screens change nothing.
        for name, args, who in POSTS:
            if who != "staff":
                continue
            url = reverse(name, args=args(world) if args else None)
            response = client.post(url, {"action": "capacity", "capacity": "1"})
            assert response.status_code == 302, (persona, name)
            assert response["Location"].startswith(mfa_step(persona)), (persona, name)
    assert wrong == []
    # every staff row of EXPECTED, for each persona (the event's day screens moved into the
    # admin, whose door is checked in test_only_staff_who_passed_mfa_in_this_session_...)
    assert refused == 2 * 16
    world.event.refresh_from_db()
    assert world.event.capacity == 10


def test_every_live_page_opens_for_every_persona(world):
    from wagtail.models import Page

    pages = Page.objects.live().descendant_of(world.home, inclusive=True).specific()
    urls = [page.url for page in pages]
    assert len(urls) >= 10
    wrong = []
    for persona in PERSONAS:
        client = client_for(world, persona)
        wrong += [(persona, url, status) for url in urls
                  if (status := client.get(url).status_code) != 200]
    assert wrong == []


def test_account_pages_never_fail(world):
    """allauth's pages (sign-in, sign-up, password reset, email, MFA...) as anonymous and
    as a signed-in person: never a server error, and the public ones open."""
    routes = [(name, route) for name, route, module in _walk(get_resolver().url_patterns)
              if module.startswith("allauth") and name]
    assert len(routes) > 10
    for persona in ("anon", "alice", "staff"):
        client = client_for(world, persona)
        for _name, route in routes:
            if "<" in route or "(?P" in route:
                url = "/" + route.split("<")[0].split("(?P")[0] + "bogus-key-1/"
            else:
                url = "/" + route
            status = client.get(url).status_code
            assert status < 500, (persona, url, status)
    anonymous = Client()
    for name in ("account_login", "account_signup", "account_reset_password"):
        assert anonymous.get(reverse(name)).status_code == 200, name


# --- the admin door --------------------------------------------------------------------

# Signed-in people without admin rights get a 403 page (finding 11: it was a redirect loop).
ADMIN_EXPECTED = {"anon": 302, "alice": 403, "bob": 403, "manager": 403,
                  "other_manager": 403, "leader": 403, "mentor": 403, "staff": 200,
                  "superuser": 200, "staff_no_authenticator": 302, "staff_password_only": 302}


def test_only_staff_who_passed_mfa_in_this_session_reach_the_admin(world):
    """Including the screens where staff decide on an application and revoke a
    certificate: the only places those decisions are made; and an improvement
    partnership's record and its PDF."""
    from partnerships.models import ImprovementPartnership

    partnership, _ = ImprovementPartnership.objects.get_or_create(organisation=world.partner)
    staff_screens = (
        reverse("wagtailsnippets_partnerships_improvementpartnership:inspect",
                args=[partnership.pk]),
        reverse("wagtailsnippets_partnerships_improvementpartnership:pdf",
                args=[partnership.pk]),
        reverse("wagtailsnippets_secondments_secondmentapplication:decide",
                args=[world.application.pk]),
        reverse("wagtailsnippets_secondments_secondmentapplication:edit",
                args=[world.application.pk]),
        reverse("wagtailsnippets_courses_certificate:revoke", args=[world.certificate.pk]),
        # The event's day: today's events, its register, bookings and sign-in sheet.
        reverse("events_admin:today"),
        *(reverse(f"events_admin:{name}", args=[world.event.pk])
          for name in ("register", "capacity", "sign_in_sheet")),
        # Each record's history, beside the record (cms.audit).
        reverse("wagtailsnippets_courses_enrolment:history",
                args=[world.certificate.enrolment_id]),
        reverse("eventbooking:history", args=[world.booking.pk]),
        reverse("wagtailsnippets_secondments_secondmentapplication:history",
                args=[world.application.pk]),
        reverse("wagtailsnippets_secondments_mentoringbooking:history",
                args=[world.session.pk]),
    )
    wrong = []
    for persona in [*PERSONAS, *STAFF_WITHOUT_MFA]:
        client = client_for(world, persona)
        for url in ("/admin/", "/admin/pages/", f"/admin/pages/{world.home.pk}/",
                    *staff_screens):
            response = client.get(url)
            if response.status_code != ADMIN_EXPECTED[persona]:
                wrong.append((persona, url, response.status_code))
            elif response.status_code == 302 and persona == "anon":
                assert response["Location"].startswith(("/accounts/login/", "/admin/login/")), (
                    persona, url, response["Location"])
            elif response.status_code == 302:
                assert response["Location"].startswith(mfa_step(persona)), (persona, url)
            elif response.status_code == 403:
                assert "do not have access" in response.content.decode()
    assert wrong == []


def test_staff_without_mfa_are_sent_to_set_up_an_authenticator(world):
    from tests import factories

    for user in (factories.centre_staff(with_totp=False, email="nomfa@example.org"),
                 factories.UserFactory(email="root2@example.org", is_superuser=True,
                                       is_staff=True)):
        client = Client()
        client.force_login(user)
        for url in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/snippets/"):
            response = client.get(url)
            assert response.status_code == 302, url
            assert response["Location"] == reverse("mfa_activate_totp"), url
        assert client.post("/admin/pages/", {}).status_code == 302


# --- object level: someone else's ids --------------------------------------------------

def test_other_peoples_mine_only_objects_are_404_and_unchanged(world):
    bob = client_for(world, "bob")
    w = world
    # Alice's event booking, its .ics, its cancel form and actions.
    for name in ("events:booking_detail", "events:booking_calendar", "events:cancel",
                 "events:feedback"):
        assert bob.get(reverse(name, args=[w.booking.reference])).status_code == 404, name
    for name in ("events:cancel", "events:accept_offer", "events:leave_waitlist"):
        assert bob.post(reverse(name, args=[w.booking.reference])).status_code == 404, name
    w.booking.refresh_from_db()
    assert w.booking.status == EventBooking.Status.CONFIRMED
    # Alice's certificate PDF (the public verify page shows no PDF to others).
    assert bob.get(reverse("courses:certificate_pdf",
                           args=[w.certificate.public_id])).status_code == 404
    # Alice's CPD entry: no edit form, no edit, no delete.
    edit = reverse("cpd:edit", args=[w.cpd_entry.pk])
    assert bob.get(edit).status_code == 404
    assert bob.post(edit, {"kind": "other", "title": "Hijacked", "date": "2026-01-01",
                           "hours": "1"}).status_code == 404
    assert bob.post(reverse("cpd:delete", args=[w.cpd_entry.pk])).status_code == 404
    w.cpd_entry.refresh_from_db()
    assert w.cpd_entry.title != "Hijacked" and w.cpd_entry.user == w.alice
    # Bob's CPD exports and record hold only his own entries.
    for name in ("cpd:record", "cpd:csv"):
        assert "Alice private CPD" not in bob.get(reverse(name)).content.decode()
    assert CPDEntry.objects.filter(user=w.alice).count() >= 2
    # Alice's reflection: Bob sees the module, not her words.
    module_page = bob.get(w.modules[0].url)
    assert module_page.status_code == 200
    assert "Alice private reflection" not in module_page.content.decode()
    alice = client_for(world, "alice")
    assert "Alice private reflection" in alice.get(w.modules[0].url).content.decode()
    # Lara's application, its actions and her offer letter.
    for name in ("secondments:application_detail", "secondments:application_submitted",
                 "secondments:offer_letter"):
        assert bob.get(reverse(name, args=[w.application.pk])).status_code == 404, name
    for action in ("withdraw", "accept", "decline"):
        url = reverse("secondments:application_action", args=[w.application.pk, action])
        assert bob.post(url).status_code == 404
    w.application.refresh_from_db()
    assert w.application.status == "submitted"
    # Lara's mentoring sessions: page, .ics, cancel, feedback, notes.
    for name in ("secondments:booking_detail", "secondments:booking_ics",
                 "secondments:booking_feedback", "secondments:booking_confirmed"):
        assert bob.get(reverse(name, args=[w.session.pk])).status_code == 404, name
    assert bob.post(reverse("secondments:booking_cancel", args=[w.session.pk])).status_code \
        == 404
    assert bob.post(reverse("secondments:booking_outcome", args=[w.past_session.pk]),
                    {"held": "no", "notes": "overwritten"}).status_code == 404
    w.session.refresh_from_db()
    w.past_session.refresh_from_db()
    assert w.session.status == "booked"
    assert w.past_session.mentor_notes.startswith("Mentor private notes")
    # Someone else's slot cannot be removed.
    assert client_for(world, "leader").post(
        reverse("secondments:remove_slot", args=[w.free_slot.pk])).status_code == 404


def test_session_notes_are_read_only_by_the_mentor_and_staff(world):
    url = reverse("secondments:booking_detail", args=[world.past_session.pk])
    for persona, sees in (("mentor", True), ("staff", True), ("superuser", True),
                          ("leader", False)):
        response = client_for(world, persona).get(url)
        assert response.status_code == 200
        assert ("Mentor private notes" in response.content.decode()) is sees, persona
    # The mentee cannot write them either.
    response = client_for(world, "leader").post(
        reverse("secondments:booking_outcome", args=[world.past_session.pk]),
        {"held": "no", "notes": "mentee wrote this"})
    assert response.status_code == 302
    world.past_session.refresh_from_db()
    assert world.past_session.mentor_notes.startswith("Mentor private notes")


def test_the_calendar_feed_needs_the_current_secret(world):
    client = Client()
    alice_feed = reverse("calendar_feed", args=[world.alice.calendar_token])
    response = client.get(alice_feed)
    assert response.status_code == 200
    assert world.event.title in response.content.decode()
    # Bob's feed does not carry Alice's events; guessed and stale tokens are 404.
    bob_feed = client.get(reverse("calendar_feed", args=[world.bob.calendar_token]))
    assert world.event.title not in bob_feed.content.decode()
    for token in ("x", "0" * 43, world.alice.calendar_token[:-1]):
        assert client.get(reverse("calendar_feed", args=[token])).status_code == 404
    alice = client_for(world, "alice")
    assert alice.post(reverse("reset_calendar_feed")).status_code == 302
    assert client.get(alice_feed).status_code == 404


# --- CSRF ------------------------------------------------------------------------------

# Every state-changing endpoint, with who would be allowed to use it.
POSTS = [
    ("profile", None, "alice"), ("erase_my_account", None, "alice"),
    ("reset_calendar_feed", None, "alice"), ("membership_requests", None, "manager"),
    ("courses:enrol", lambda w: [w.open_course.pk], "alice"),
    ("courses:unenrol", lambda w: [w.course.pk], "bob"),
    ("courses:complete_module", lambda w: [w.modules[0].pk], "bob"),
    ("courses:submit_check", lambda w: [w.modules[1].pk, "check-1"], "bob"),
    ("courses:save_reflection", lambda w: [w.modules[0].pk, "reflect-0"], "bob"),
    ("courses:elearning_commit", lambda w: [w.elearning_module.pk, "elearning-1"], "alice"),
    ("cpd:add", None, "alice"),
    ("cpd:edit", lambda w: [w.cpd_entry.pk], "alice"),
    ("cpd:delete", lambda w: [w.cpd_entry.pk], "alice"),
    ("courses:assign", None, "manager"),
    ("courses:remind", None, "manager"),
    ("events:book", lambda w: [w.event.pk], "bob"),
    ("events:cancel", lambda w: [w.booking.reference], "alice"),
    ("events:accept_offer", lambda w: [w.booking.reference], "alice"),
    ("events:leave_waitlist", lambda w: [w.booking.reference], "alice"),
    ("events:feedback", lambda w: [w.attended.reference], "alice"),
    ("events_admin:capacity", lambda w: [w.event.pk], "staff"),
    ("events_admin:register", lambda w: [w.event.pk], "staff"),
    ("secondments:apply", lambda w: [w.opportunity.pk], "bob"),
    ("secondments:application_action", lambda w: [w.application.pk, "withdraw"], "leader"),
    ("secondments:sponsor", lambda w: [secondment_services.sponsor_token(w.application)],
     "anon"),
    ("secondments:book", lambda w: [w.free_slot.pk], "bob"),
    ("secondments:booking_cancel", lambda w: [w.session.pk], "leader"),
    ("secondments:booking_outcome", lambda w: [w.past_session.pk], "mentor"),
    ("secondments:booking_feedback", lambda w: [w.past_session.pk], "leader"),
    ("secondments:mentor_profile_edit", None, "mentor"),
    ("secondments:publish_slots", None, "mentor"),
    ("secondments:remove_slot", lambda w: [w.free_slot.pk], "mentor"),
    ("secondments:goal_add", None, "leader"),
    ("secondments:goal_comment", lambda w: [w.goal.pk], "mentor"),
    ("secondments:goal_agree", lambda w: [w.goal.pk], "mentor"),
    ("api_tokens", None, "alice"), ("revoke_api_token", lambda w: [1], "alice"),
    ("sso_sign_in", None, "anon"),
    ("account_login", None, "anon"), ("account_signup", None, "anon"),
    ("account_reset_password", None, "anon"), ("account_logout", None, "alice"),
    ("account_email", None, "alice"), ("account_change_password", None, "alice"),
]


def test_every_url_that_accepts_a_post_is_in_the_csrf_list():
    """Rows of EXPECTED that change state (POST_ONLY, or a form) must be in POSTS."""
    posted = {name for name, _, _ in POSTS}
    post_only = {name for name, (_, statuses) in EXPECTED.items() if statuses is POST_ONLY}
    assert post_only - posted == set()


def test_state_changing_requests_without_a_csrf_token_are_refused(world):
    from django.middleware.csrf import _get_new_csrf_string

    def counts():
        from courses.models import Enrolment
        from secondments.models import MentoringBooking, SecondmentApplication

        return (EventBooking.objects.count(), CPDEntry.objects.count(),
                Enrolment.objects.count(), SecondmentApplication.objects.count(),
                MentoringBooking.objects.count())

    before = counts()
    calendar_token = world.alice.calendar_token
    for name, args, persona in POSTS:
        url = reverse(name, args=args(world) if args else None)
        client = client_for(world, persona, enforce_csrf_checks=True)
        response = client.post(url, {"reason": "x", "title": "y", "held": "no"})
        assert response.status_code == 403, (name, response.status_code)
    assert counts() == before
    world.alice.refresh_from_db()
    assert world.alice.calendar_token == calendar_token
    # The same requests with a token get past the check (so each 403 above was CSRF's).
    for name, args, persona in POSTS:
        url = reverse(name, args=args(world) if args else None)
        client = client_for(world, persona, enforce_csrf_checks=True)
        secret = _get_new_csrf_string()
        client.cookies[settings.CSRF_COOKIE_NAME] = secret
        response = client.post(url, {"csrfmiddlewaretoken": secret})
        assert response.status_code != 403, (name, "refused even with a token")
