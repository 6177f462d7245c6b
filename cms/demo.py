"""Demo content for the Centre, written from the two seed documents.

Every function here creates what is missing and leaves alone what exists, so running
`seed_demo` twice changes nothing and keeps whatever people added in between.
"""

import datetime
import functools

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from cms import roles
from cms.bootstrap import ensure_base_data
from cms.demo_text import bullets, rich, stream  # noqa: F401 (apps import them from here)
from cms.models import (
    ContentPage,
    HomePage,
    Organisation,
    PublicationIndexPage,
    PublicationPage,
    Team,
    TeamDirectoryPage,
    User,
)

HOST = "Leeds City Council"
HOST_EMAIL_DOMAINS = "example.org"

PARTNERS = [
    # name, kind, Ofsted judgement, date of judgement
    ("Northfield Borough Council", Organisation.Ofsted.INADEQUATE, datetime.date(2026, 3, 12)),
    ("Eastmoor Metropolitan Borough Council", Organisation.Ofsted.REQUIRES_IMPROVEMENT,
     datetime.date(2025, 11, 4)),
    ("Riverside City Council", Organisation.Ofsted.REQUIRES_IMPROVEMENT, datetime.date(2026, 6, 20)),
    ("Westdale County Council", Organisation.Ofsted.GOOD, datetime.date(2025, 7, 1)),
    ("Southbank Council", Organisation.Ofsted.INADEQUATE, datetime.date(2026, 9, 18)),
]

# How long ago each partner organisation joined the Centre's network (days before the demo
# is loaded), so the dashboard shows partners arriving over eighteen months, not all today.
PARTNER_JOINED_DAYS_AGO = {
    "Northfield Borough Council": 640,
    "Riverside City Council": 620,
    "Westdale County Council": 500,
    "Eastmoor Metropolitan Borough Council": None,  # last year, between 1 January and today
    "City Schools Partnership": 330,
    "Southbank Council": 200,
    "Community Health NHS Trust": 120,
}

# Where the RES teams' names, clusters and numbers come from, shown beside them.
RES_SOURCE = "the one-minute guide No. 193, April 2021"

# The seven RES teams, their clusters, areas and numbers exactly as in the one-minute guide.
RES_TEAMS = [
    ("2gether RES team", "2gether", "East North East", "0113 3782478"),
    ("Inner East RES team", "Inner East", "East North East", "0113 5351523"),
    ("Seacroft & Manston RES team", "Seacroft & Manston", "East North East", "0113 3782478"),
    ("JESS RES team", "JESS", "South", "0113 5351521"),
    ("BCM/Morley RES team", "BCM", "South", "0113 5351520"),
    ("Bramley RES team", "Bramley and Inner North West", "West North West", "0113 5350007"),
    ("Armley & Farnley RES team", "Armley & Farnley", "West North West", "0113 5350303"),
]

OTHER_TEAMS = [
    ("Restorative Adolescent Service", "Restorative Adolescent Service"),
    ("Front Door duty and advice team", "Children's social work"),
    ("Centre for Excellence team", "Centre for Excellence in Restorative Practice and Leadership"),
    ("Rethink Team", "Leeds Practice Model"),
]

DEMO_PEOPLE = [
    # email, name, job title, organisation, team, roles
    ("practitioner@example.org", "Priya Shah", "Social worker", HOST, "2gether RES team",
     [roles.PRACTITIONERS]),
    ("manager@example.org", "Mark Ellis", "RES Team Manager", HOST, "2gether RES team",
     [roles.PRACTITIONERS, roles.TEAM_MANAGERS]),
    ("leader@example.org", "Lara Okafor", "Aspiring service manager",
     "Northfield Borough Council", None, [roles.VISITING_LEADERS]),
    ("mentor@example.org", "Margaret Holt", "Director of Children and Families", HOST, None,
     [roles.PRACTITIONERS, roles.MENTORS]),
    ("staff@example.org", "Sam Porter", "Centre programme officer", HOST,
     "Centre for Excellence team", [roles.PRACTITIONERS, roles.CENTRE_STAFF]),
]

# Colleagues of the demo practitioner, so the manager's team matrix has rows.
TEAM_COLLEAGUES = [
    ("aisha.khan@example.org", "Aisha Khan", "Social worker"),
    ("tom.reid@example.org", "Tom Reid", "Family intervention worker"),
    ("grace.wood@example.org", "Grace Wood", "Family intervention worker"),
    ("dan.brooks@example.org", "Dan Brooks", "Family intervention worker"),
    ("helen.ng@example.org", "Helen Ng", "Restorative practice worker"),
]

# The wider workforce whose learning, bookings and feedback make up the demo's history:
# (email, name, job title, team). All of the host authority.
WORKFORCE = [
    ("sana.begum@example.org", "Sana Begum", "RES Team Manager", "Inner East RES team"),
    ("kieran.doyle@example.org", "Kieran Doyle", "Social worker", "Inner East RES team"),
    ("beth.morgan@example.org", "Beth Morgan", "Family intervention worker",
     "Inner East RES team"),
    ("ruth.adebayo@example.org", "Ruth Adebayo", "RES Team Manager",
     "Seacroft & Manston RES team"),
    ("liam.fletcher@example.org", "Liam Fletcher", "Restorative practice worker",
     "Seacroft & Manston RES team"),
    ("zainab.ahmed@example.org", "Zainab Ahmed", "Social worker",
     "Seacroft & Manston RES team"),
    ("chris.nolan@example.org", "Chris Nolan", "RES Team Manager", "JESS RES team"),
    ("amy.whitaker@example.org", "Amy Whitaker", "Family intervention worker",
     "JESS RES team"),
    ("jamal.edwards@example.org", "Jamal Edwards", "Social worker", "JESS RES team"),
    ("fiona.clarke@example.org", "Fiona Clarke", "RES Team Manager", "BCM/Morley RES team"),
    ("paul.sutcliffe@example.org", "Paul Sutcliffe", "Family intervention worker",
     "BCM/Morley RES team"),
    ("mei.lin@example.org", "Mei Lin", "Restorative practice worker", "BCM/Morley RES team"),
    ("gemma.hirst@example.org", "Gemma Hirst", "RES Team Manager", "Bramley RES team"),
    ("yusuf.rahman@example.org", "Yusuf Rahman", "Social worker", "Bramley RES team"),
    ("lucy.barker@example.org", "Lucy Barker", "Family intervention worker",
     "Bramley RES team"),
    ("andrew.kaur@example.org", "Andrew Kaur", "RES Team Manager",
     "Armley & Farnley RES team"),
    ("rebecca.shaw@example.org", "Rebecca Shaw", "Social worker",
     "Armley & Farnley RES team"),
    ("tunde.bello@example.org", "Tunde Bello", "Family intervention worker",
     "Armley & Farnley RES team"),
    ("sophie.marsh@example.org", "Sophie Marsh", "Team manager, edge of care",
     "Restorative Adolescent Service"),
    ("adam.riley@example.org", "Adam Riley", "MST therapist", "Restorative Adolescent Service"),
    ("hannah.green@example.org", "Dr Hannah Green", "Clinical psychologist",
     "Restorative Adolescent Service"),
    ("kate.oneill@example.org", "Kate O'Neill", "Speech and language therapist",
     "Restorative Adolescent Service"),
    ("marcus.bell@example.org", "Marcus Bell", "Residential support worker",
     "Restorative Adolescent Service"),
    ("nina.patel@example.org", "Nina Patel", "Duty and advice social worker",
     "Front Door duty and advice team"),
    ("steve.holmes@example.org", "Steve Holmes", "Team manager, duty and advice",
     "Front Door duty and advice team"),
    ("clare.dunn@example.org", "Clare Dunn", "Clinical psychologist, Rethink Team",
     "Rethink Team"),
    ("ravi.sharma@example.org", "Ravi Sharma", "Rethink practitioner", "Rethink Team"),
    ("jo.simpson@example.org", "Jo Simpson", "Events and programme coordinator",
     "Centre for Excellence team"),
]

# Aspiring leaders from partner authorities (besides the demo leader): email, name, job
# title, index into PARTNERS.
DEMO_LEADERS = [
    ("leader2@example.org", "Nadia Hussain", "Team manager, early help", 1),
    ("leader3@example.org", "Peter Walsh", "Head of service, children in need", 2),
    ("leader4@example.org", "Claire Dobson", "Practice lead, adolescent service", 3),
    ("leader5@example.org", "Femi Adeyemi", "Service manager, front door", 4),
    ("leader6@example.org", "Laura Price", "Principal social worker", 0),
    ("leader7@example.org", "Gareth Jones", "Assistant director (interim)", 4),
    ("leader8@example.org", "Oliver Grant", "Head of early help", 2),
    ("leader9@example.org", "Priti Desai", "Service manager, children looked after", 3),
    ("leader10@example.org", "Hamza Qureshi", "Team manager, assessment", 0),
    ("leader11@example.org", "Eleanor Fox", "Assistant director, early help", 1),
]

# Partners' staff who come to the Centre's courses and network events:
# email, name, job title, organisation.
PARTNER_STAFF = [
    ("maria.lopez@example.org", "Maria Lopez", "Deputy head teacher", "City Schools Partnership"),
    ("dean.walker@example.org", "Dean Walker", "Learning mentor", "City Schools Partnership"),
    ("esther.okoro@example.org", "Esther Okoro", "Health visitor", "Community Health NHS Trust"),
    ("sian.evans@example.org", "Sian Evans", "School nurse", "Community Health NHS Trust"),
]

DEFAULT_PASSWORD = "restorative-demo-2026"


def in_christmas_break(day):
    """The Centre schedules nothing from 19 December to 4 January."""
    return (day.month == 12 and day.day >= 19) or (day.month == 1 and day.day <= 4)


def centre_day_on_or_after(day):
    """The first working day on or after `day` outside the Christmas break."""
    from cms.bank_holidays import working_day_on_or_after

    day = working_day_on_or_after(day)
    while in_christmas_break(day):
        day = working_day_on_or_after(day + datetime.timedelta(days=1))
    return day


def on_working_day(days_ago, hour=10, minute=0, today=None):
    """An aware datetime `days_ago` days before `today`, moved back to the nearest working
    day (no weekends, no bank holidays in England and Wales) at the time given."""
    from django.utils import timezone

    from cms.bank_holidays import working_day_on_or_before

    today = today or timezone.localdate()
    day = working_day_on_or_before(today - datetime.timedelta(days=days_ago))
    return datetime.datetime.combine(day, datetime.time(hour, minute),
                                     timezone.get_current_timezone())


def seed(stdout, password=DEFAULT_PASSWORD):
    ensure_base_data()
    host, partners = seed_organisations()
    teams = seed_teams(host)
    people = seed_people(password, teams)
    home = seed_pages()
    seed_branding()
    return {"host": host, "partners": partners, "teams": teams, "people": people, "home": home}


def seed_branding():
    """Who signs the demo's certificates; the colour is the site's (the model's default).
    What staff have already set is kept."""
    from cms.models import CentreBranding

    branding = CentreBranding.load()
    if not branding.signatory_name:
        branding.signatory_name = "Dr Amara Okafor"
        branding.signatory_role = "Director of the Centre"
        branding.save(update_fields=["signatory_name", "signatory_role"])


def seed_organisations():
    host, _ = Organisation.objects.get_or_create(
        name=HOST,
        defaults={
            "kind": Organisation.Kind.LOCAL_AUTHORITY,
            "is_host_authority": True,
            "ofsted_judgement": Organisation.Ofsted.OUTSTANDING,
            "ofsted_judgement_date": datetime.date(2022, 3, 18),
        },
    )
    # The demo people's addresses are on example.org: with it as the host's domain, people
    # who sign up there join the host authority once they confirm their address.
    if not host.email_domains:
        host.email_domains = HOST_EMAIL_DOMAINS
        host.save(update_fields=["email_domains"])
    partners = []
    for name, judgement, judged_on in PARTNERS:
        org, created = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "kind": Organisation.Kind.LOCAL_AUTHORITY,
                "ofsted_judgement": judgement,
                "ofsted_judgement_date": judged_on,
                "email_domains": name.split()[0].lower() + ".example",
            },
        )
        _date_joining(org, created)
        partners.append(org)
    org, created = Organisation.objects.get_or_create(
        name="City Schools Partnership", defaults={"kind": Organisation.Kind.SCHOOL}
    )
    _date_joining(org, created)
    org, created = Organisation.objects.get_or_create(
        name="Community Health NHS Trust", defaults={"kind": Organisation.Kind.NHS}
    )
    _date_joining(org, created)
    return host, partners


def _date_joining(organisation, created):
    """A partner created by this run joined the network when the demo's history says (one
    of them in last year's months up to today's date, so the dashboard's comparison with
    last year always has a partner to count)."""
    from django.utils import timezone

    if not created or organisation.name not in PARTNER_JOINED_DAYS_AGO:
        return
    days = PARTNER_JOINED_DAYS_AGO[organisation.name]
    if days is None:
        days = 365 + (timezone.localdate().timetuple().tm_yday - 1) // 2
    Organisation.objects.filter(pk=organisation.pk).update(
        created_at=on_working_day(days, hour=11))


def joined_network():
    """{organisation id: when it joined}: people from a partner take part only after
    their organisation joined (the host authority has always been there)."""
    return dict(Organisation.objects.filter(is_host_authority=False)
                .values_list("pk", "created_at"))


def took_part(user, when, joined):
    """Could `user` have taken part in something at `when`, given `joined_network()`?"""
    joined_at = joined.get(user.organisation_id)
    return joined_at is None or joined_at <= when


def seed_teams(host):
    teams = {}
    for name, cluster, area, phone in RES_TEAMS:
        teams[name], _ = Team.objects.get_or_create(
            organisation=host,
            name=name,
            defaults={
                "service": "Restorative Early Support",
                "cluster": cluster,
                "area": area,
                "phone": phone,
                "show_in_directory": True,
            },
        )
    for name, service in OTHER_TEAMS:
        teams[name], _ = Team.objects.get_or_create(
            organisation=host, name=name, defaults={"service": service}
        )
    return teams


@functools.cache
def _password_hash(password):
    """Hashing is slow on purpose; sixty demo accounts share one hash of the one demo
    password (each still verifies it the ordinary way)."""
    from django.contrib.auth.hashers import make_password

    return make_password(password)


def _ensure_user(email, full_name, job_title, organisation, team, role_names, password):
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        user = User(email=email, full_name=full_name, job_title=job_title,
                    organisation=organisation, team=team)
        user.password = _password_hash(password)
        user.save()
        user.groups.add(*Group.objects.filter(name__in=role_names))
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return user, created


def set_login_passwords(password):
    """The demo logins (not the other demo people) get this password, whatever they had."""
    for user in User.objects.filter(email__in=[row[0] for row in DEMO_PEOPLE]):
        user.password = _password_hash(password)
        user.save(update_fields=["password"])


def login_password_is(password):
    user = User.objects.filter(email=DEMO_PEOPLE[0][0]).first()
    return user is not None and user.check_password(password)


def seed_people(password, teams):
    people = {}
    for email, name, title, org_name, team_name, role_names in DEMO_PEOPLE:
        people[email], created = _ensure_user(
            email, name, title, Organisation.objects.get(name=org_name),
            teams.get(team_name), role_names, password,
        )
    res_team = teams["2gether RES team"]
    res_team.managers.add(people["manager@example.org"])
    host = res_team.organisation
    for email, name, title in TEAM_COLLEAGUES:
        people[email], _ = _ensure_user(
            email, name, title, host, res_team, [roles.PRACTITIONERS], password
        )
    for email, name, title, team_name in WORKFORCE:
        people[email], _ = _ensure_user(
            email, name, title, host, teams[team_name], [roles.PRACTITIONERS], password
        )
    for email, _name, title, team_name in WORKFORCE:
        if title == "RES Team Manager":
            teams[team_name].managers.add(people[email])
    partners = list(Organisation.objects.filter(
        name__in=[name for name, *_ in PARTNERS]).order_by("pk"))
    by_name = {o.name: o for o in partners}
    for email, name, title, partner_index in DEMO_LEADERS:
        organisation = by_name.get(PARTNERS[partner_index % len(PARTNERS)][0])
        people[email], _ = _ensure_user(
            email, name, title, organisation, None, [roles.VISITING_LEADERS], password)
    for email, name, title, org_name in PARTNER_STAFF:
        people[email], _ = _ensure_user(
            email, name, title, Organisation.objects.get(name=org_name), None,
            [roles.PRACTITIONERS], password)
    staff = people["staff@example.org"]
    if not Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(staff, generate_totp_secret())
        from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

        RecoveryCodes.activate(staff)
    return people


def staff_totp_secret():
    authenticator = Authenticator.objects.filter(
        user__email="staff@example.org", type=Authenticator.Type.TOTP
    ).first()
    return decrypt(authenticator.data["secret"]) if authenticator else None


def _child(parent, page_class, slug, **fields):
    existing = Page.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed_pages():
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title="Restorative Practice Centre",
            slug="home-centre",
            introduction=(
                "The Centre for Excellence in Restorative Practice and Leadership trains the "
                "children's services workforce, shares the Leeds model of practice with other "
                "local authorities, and supports aspiring leaders through secondments, coaching "
                "and mentoring."
            ),
            body=stream(
                ("call_to_action", {
                    "heading": "Working with families, not doing to them or for them",
                    "text": "Courses in restorative practice, Family Group Conferences, "
                            "Motivational Interviewing and Outcomes Based Accountability, "
                            "with certificates and a CPD record fit for registration.",
                    "link_page": None,
                    "link_url": "/courses/",
                    "link_text": "Browse courses",
                }),
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        # Point the default site at our home page and retire Wagtail's welcome page.
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home,
                                is_default_site=True, site_name="Restorative Practice Centre")
        else:
            site.root_page = home
            site.site_name = "Restorative Practice Centre"
            site.save()
        if old_root is not None and old_root.pk != home.pk and old_root.depth == 2 \
                and not old_root.get_children().exists() \
                and old_root.specific_class is Page:
            old_root.delete()
        home.slug = "home"
        home.save_revision().publish()
        home = HomePage.objects.get(pk=home.pk)  # fresh url_path for the children

    _seed_about(home)
    _seed_practice_model(home)
    _seed_res_teams(home)
    _seed_publications(home)
    _seed_statements(home)
    return home


def _seed_about(home):
    _child(
        home, ContentPage, "about",
        title="About the Centre",
        show_in_menus=True,
        search_description="Why the Centre exists and what it offers other authorities.",
        introduction=(
            "The Centre for Excellence in Restorative Practice and Leadership strengthens "
            "the networks of practitioners and academic research that shaped the Leeds model, "
            "and makes that expertise a source of support for the region and the sector."
        ),
        body=stream(
            ("heading", {"text": "What the Centre does", "size": "h2"}),
            ("paragraph", rich(
                "The Centre formalises, develops and shares the work done to establish a Leeds "
                "model of practice, informed by a wide network of leading practitioners, "
                "academics and research evidence.")),
            ("paragraph", bullets(
                "Publications and products outlining the Leeds approach to early help, social "
                "work and restorative practice, based on building relationships with families "
                "through good authority, empathy, and aligning practitioner goals with those of "
                "the family.",
                "A knowledge and skills framework for supporting families across early help and "
                "targeted services, underpinned by research on child development and neglect.",
                "Support for local authorities judged inadequate or requiring improvement by "
                "Ofsted, and early help for those at risk of failure, through an improvement "
                "partner offer.",
                "Leadership development for aspiring leaders from other local authorities: "
                "secondments, coaching and mentoring from senior officers, and networking.",
                "Events to share best practice and lessons learned from the improvement journey.",
                "Programme management, monitoring and evaluation of the Innovation change "
                "programme.")),
            ("quote", {
                "text": "Our model cannot be fully understood through publications or documents "
                        "alone, though these do have their place.",
                "attribution": "Partners in Practice proposal"}),
            ("heading", {"text": "Understanding excellence", "size": "h2"}),
            ("paragraph", rich(
                "Restorative Early Support (REST) teams target interventions towards children "
                "identified in schools and clusters as most vulnerable to poor outcomes. "
                "Practitioners receive in-depth training in restorative practice so that they "
                "can lead restorative meetings and conduct Family Group Conferences, "
                "Motivational Interviewing and the use of Outcomes Based Accountability.",
                "The Restorative Adolescent Service brings together services that support "
                "adolescents across social work, targeted services and learning into one "
                "holistic service, building on Multi-Systemic Therapy and edge of care work.")),
            ("heading", {"text": "Read more", "size": "h2"}),
            ("paragraph", bullets(
                '<a href="/restorative-adolescent-service/">The Restorative Adolescent '
                'Service</a>',
                '<a href="/about/improvement-partner-offer/">Our improvement partner offer</a>',
                '<a href="/about/managing-risk/">Managing risk restoratively: our conceptual '
                'framework</a>',
                '<a href="/about/knowledge-and-skills-framework/">The knowledge and skills '
                'framework for supporting families</a>')),
        ),
    )
    from cms.demo_pages import ABOUT_PAGES, ADOLESCENT_SERVICE

    about = Page.objects.child_of(home).get(slug="about").specific
    for parent, (slug, title, introduction, description, blocks) in [
        (home, ADOLESCENT_SERVICE), *[(about, page) for page in ABOUT_PAGES]
    ]:
        _child(parent, ContentPage, slug, title=title, introduction=introduction,
               search_description=description, body=stream(*blocks))


def _seed_practice_model(home):
    model = _child(
        home, ContentPage, "leeds-practice-model",
        title="The Leeds Practice Model",
        show_in_menus=True,
        search_description="Rethink Formulation, Leeds Practice Principles and Outcome "
                           "Focused Supervision.",
        introduction=(
            "The Leeds Practice Model builds on all aspects of practice and what we know to be "
            "useful when assessing, implementing and evaluating what we do. It has three key "
            "elements."
        ),
        body=stream(
            ("accordion", {"items": [
                {"heading": "Rethink Formulation",
                 "body": rich("A shared way of making sense of a family's situation, used with "
                              "every family a RES team works with.")},
                {"heading": "Leeds Practice Principles",
                 "body": rich("The principles that guide how practitioners work with children "
                              "and families: restorative, relational and strengths-based.")},
                {"heading": "Outcome Focused Supervision",
                 "body": rich("Supervision that keeps the family's goals and the difference "
                              "made at the centre of every discussion.")},
            ]}),
        ),
    )
    _child(
        model, ContentPage, "rethink-formulation",
        title="Rethink Formulation",
        introduction="A structured way to understand what is happening for a family, why, and "
                     "what will help.",
        body=stream(
            ("paragraph", rich(
                "RES teams use Rethink Formulation with all the families they work with. "
                "Together with the family they agree goals, which form the family plan, and "
                "review progress on achieving the goals intensively, often weekly.",
                "Each formulation and family plan is discussed in group supervision, an "
                "integral feature of how the RES teams work. Each RES team continues to benefit "
                "from support from the Rethink Team about all aspects of the Leeds Practice "
                "Model.")),
            ("callout", {"heading": "In practice",
                         "text": rich("Formulation is done with the family, not about them.")}),
        ),
    )
    _child(
        model, ContentPage, "leeds-practice-principles",
        title="Leeds Practice Principles",
        introduction="How we work with children and families.",
        body=stream(
            ("paragraph", rich(
                "Practice in Leeds is restorative: it is based on building relationships with "
                "families through good authority and empathy, working with families rather than "
                "doing things to them or for them, and aligning practitioners' goals with those "
                "of the family.")),
            ("paragraph", bullets(
                "High support and high challenge, together.",
                "Families are the experts in their own lives.",
                "The right support at the right time, without waiting lists.",
                "Fewer re-referrals and fewer repeated or unnecessary assessments.")),
        ),
    )
    _child(
        model, ContentPage, "outcome-focused-supervision",
        title="Outcome Focused Supervision",
        introduction="Supervision that asks what difference our work is making.",
        body=stream(
            ("paragraph", rich(
                "Outcome Focused Supervision keeps the family's goals at the centre. Group "
                "supervision brings the team's knowledge to each formulation and plan, and "
                "reviews progress against the goals the family agreed.")),
            ("quote", {"text": "Is anyone better off?",
                       "attribution": "Outcomes Based Accountability"}),
        ),
    )


def _seed_res_teams(home):
    res = _child(
        home, ContentPage, "res-teams",
        title="Restorative Early Support teams",
        show_in_menus=True,
        search_description="What RES teams are, their vision, who is in a team and how "
                           "referrals work.",
        introduction=(
            "Restorative Early Support (RES) teams bring together social work and family "
            "support staff locally, trying a more flexible, multi-disciplinary approach to "
            "working with families to help them solve their problems within their own "
            "communities."
        ),
        body=stream(
            ("paragraph", rich(
                "RES teams are additional to and not instead of cluster and early help "
                "resources. They respond to levels of complexity that may exceed the early help "
                "or cluster offer but would not require a child protection response from social "
                "work fieldwork teams.",
                "The teams have been established in the clusters with the highest levels of "
                "social work and family support needs. When the one-minute guide No. 193 was "
                "published in April 2021 there were seven RES teams, aligned to the 2gether; "
                "Seacroft &amp; Manston; Inner East; JESS; BCM; Bramley and Inner North West; "
                "and Armley &amp; Farnley clusters. The Partners in Practice proposal planned "
                "to build up to sixteen.",
                "The model was first developed through local initiative and partnership working "
                "in the 2gether cluster.")),
        ),
    )
    _child(
        res, ContentPage, "vision",
        title="The RES teams' vision and the 3As",
        introduction="The essential elements of the RES teams' vision, as set out in the "
                     "one-minute guide No. 193 (April 2021).",
        body=stream(
            ("paragraph", bullets(
                "Enhancing the early help offer.",
                "Bringing social work closer to schools.",
                "Providing additional resources that build on existing relationships between "
                "schools, clusters and area social work.",
                "Improving the 3As.",
                "Helping to reduce re-referrals and repeated or unnecessary assessments.",
                "Helping to divert families away from statutory interventions.",
                "Supporting the aim of safely reducing the numbers of children needing to become "
                "looked after.")),
            ("heading", {"text": "The 3As", "size": "h2"}),
            ("accordion", {"items": [
                {"heading": "Attend",
                 "body": rich("Attend school or an education setting regularly.")},
                {"heading": "Achieve",
                 "body": rich("Achieve socially: having friends, a good relationship with at "
                              "least one trusted adult, and taking part in extra-curricular "
                              "activities.")},
                {"heading": "Attain",
                 "body": rich("Reach their academic potential.")},
            ]}),
        ),
    )
    _child(
        res, ContentPage, "team-composition",
        title="Who is in a REST team",
        introduction="Each team is tailored to local needs but, at a minimum, includes "
                     "(from the Partners in Practice proposal):",
        body=stream(
            ("paragraph", bullets(
                "One social work Team Manager",
                "Two social workers",
                "Three Family Intervention workers",
                "A specialist restorative practice worker")),
            ("paragraph", rich(
                "REST Team Managers report to the local Service Delivery Manager, strengthening "
                "joint working between cluster early help and statutory social work teams. The "
                "teams are developed in partnership with schools, the NHS and other local "
                "partners. Social workers' presence adds their leadership and expertise to "
                "localities working with children, families and schools.")),
        ),
    )
    _child(
        res, ContentPage, "referrals",
        title="How referrals to RES teams work",
        introduction="All referrals start with a conversation with the relevant RES Team "
                     "Manager. There is no referral form. (From the one-minute guide No. 193, "
                     "April 2021.)",
        body=stream(
            ("paragraph", rich(
                "Support offered is either for early help or child in need work. The RES teams "
                "do not hold waiting lists: the work is focused on the right support at the "
                "right time for the family.")),
            ("heading", {"text": "Where referrals come from", "size": "h2"}),
            ("paragraph", bullets(
                "Schools connected to a local cluster, who speak first with their Targeted "
                "Services Leader or Manager, who will contact the local RES team.",
                "Area social work Team Managers, who can step cases down to RES; Duty and "
                "Advice will refer directly from the Front Door.",
                "Early Help Hubs.",
                "The allocations panel, the regular decision-making point for early help and "
                "targeted support services.",
                "Parents and carers.",
                "Other agencies.")),
            ("call_to_action", {
                "heading": "Find your RES team",
                "text": "Phone numbers for all seven teams.",
                "link_page": None,
                "link_url": "/res-teams/directory/",
                "link_text": "RES team directory"}),
        ),
    )
    _child(
        res, TeamDirectoryPage, "directory",
        title="RES team directory",
        introduction=rich(
            f"The RES teams can be contacted on the following numbers, as published in "
            f"{RES_SOURCE}. Numbers change: if one does not connect, ask the Front Door "
            f"duty and advice team for the current number."),
    )


def _published_on(published):
    from django.utils import timezone

    if isinstance(published, tuple):
        return datetime.date(*published)
    return on_working_day(published).date() if published else timezone.localdate()


# A process that seeds more than once (each test module of the suite that uses the demo)
# renders each publication's PDF once: WeasyPrint takes seconds per document.
_rendered_documents = {}


def _make_document(publication, published_on):
    """The publication as a real multi-page PDF (cover, contents, sections), stored as a
    Wagtail document; found again by title on the next run."""
    from cms.pdf import render_pdf

    Document = get_document_model()
    title = publication["title"]
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    key = (publication["slug"], published_on)
    pdf = _rendered_documents.get(key)
    if pdf is None:
        pdf = _rendered_documents[key] = render_pdf("cms/publication_document.html", {
            "title": title, "summary": publication["summary"],
            "sections": publication["sections"],
            "kind": PublicationPage.Kind(publication["kind"]).label, "published_on": published_on,
        })
    document = Document(title=title)
    document.file.save(f"{publication['slug']}.pdf", ContentFile(pdf), save=False)
    document.file_size = len(pdf)
    document.save()
    return document


def _seed_publications(home):
    from cms.demo_publications import PUBLICATIONS

    index = _child(
        home, PublicationIndexPage, "publications",
        title="Publications and products",
        show_in_menus=True,
        introduction="Guides, toolkits and briefings on the Leeds approach to early help, "
                     "social work and restorative practice.",
    )
    for publication in PUBLICATIONS:
        if Page.objects.child_of(index).filter(slug=publication["slug"]).exists():
            continue
        published_on = _published_on(publication["published"])
        headings = [heading for heading, _ in publication["sections"]]
        first_heading, first_paragraphs = publication["sections"][0]
        page = PublicationPage(
            slug=publication["slug"], title=publication["title"], kind=publication["kind"],
            published_on=published_on, summary=publication["summary"],
            document=_make_document(publication, published_on),
            body=(f"<h2>{first_heading}</h2>"
                  + "".join(p if p.startswith("<") else f"<p>{p}</p>"
                            for p in first_paragraphs)
                  + "<h2>What is in the full document</h2>" + bullets(*headings)),
        )
        index.add_child(instance=page)
        page.tags.add(*publication["tags"])
        page.save_revision().publish()


def _seed_statements(home):
    _child(
        home, ContentPage, "accessibility",
        title="Accessibility statement",
        introduction="This statement applies to the Restorative Practice Centre website.",
        body=stream(
            ("paragraph", rich(
                "We want as many people as possible to be able to use this website. You should "
                "be able to change colours and fonts, zoom in up to 400% without the text "
                "spilling off the screen, navigate the whole site using just a keyboard or "
                "speech recognition software, and listen to it using a screen reader.")),
            ("heading", {"text": "How accessible this website is", "size": "h2"}),
            ("paragraph", rich(
                "The site is designed to meet the Web Content Accessibility Guidelines (WCAG) "
                "version 2.2 at AA standard. Every page type is checked with automated tests "
                "(axe-core) in a real browser on every change.",
                "Some documents uploaded before 2024 may not be fully accessible. Ask us for an "
                "accessible format.")),
            ("heading", {"text": "Reporting problems", "size": "h2"}),
            ("paragraph", rich(
                "If you find a problem not listed on this page, email centre@example.org. "
                "If you are not happy with how we respond, contact the Equality Advisory and "
                "Support Service (EASS).")),
            ("heading", {"text": "Preparation of this statement", "size": "h2"}),
            ("paragraph", rich("This statement was prepared on 22 November 2026.")),
        ),
    )
    _child(
        home, ContentPage, "privacy",
        title="Privacy",
        introduction="What we hold about you, why, and for how long.",
        body=stream(
            ("paragraph", rich(
                "We hold your name, email address, job title, organisation and team so that you "
                "can take courses, book events and apply for secondments, and so that your "
                "manager and Centre staff can support your learning.",
                "Access requirements you give us for an event (dietary or disability) are "
                "deleted a few days after the event. Accounts that are never verified are "
                "deleted after 30 days; accounts unused for six years are anonymised.",
                "You can download everything we hold about you, or delete your account, from "
                "your profile. Certificates already issued still verify after deletion, as they "
                "were issued.")),
        ),
    )
