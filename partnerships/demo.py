"""Demo improvement partnerships with three partner authorities, in the terms of the
proposal's improvement partner offer: priorities agreed with the authority at the earliest
opportunity, a plan with owners, the Centre's lead and regular reviews."""

import datetime

from django.utils import timezone

from cms.models import Organisation
from partnerships.models import ImprovementPartnership, PlanAction, Priority, SupportRecord

PARTNERSHIPS = [
    {
        "authority": "Northfield Borough Council",
        "status": ImprovementPartnership.Status.ACTIVE,
        "started_days_ago": 210, "last_review_days_ago": 100, "next_review_in": -9,
        "summary": "Judged inadequate in March. Northfield asked for help to rebuild "
                   "relationships with families and to stabilise its front door.",
        "progress": "Practice week held; the front-door redesign is under way. Leadership "
                    "capacity is still thin: two team managers started secondments in Leeds.",
        "priorities": [
            ("Stabilise the front door", "Fewer re-referrals and repeat assessments."),
            ("Restorative practice across early help and social work",
             "A shared practice model, using the Leeds approach as a starting point."),
            ("Grow the next leaders", "Secondments and mentoring for aspiring managers."),
        ],
        "actions": [
            ("Run a practice week in the front door with Leeds practitioners",
             "Head of the Leeds front door", -120, PlanAction.Status.DONE),
            ("Redesign referral conversations on the Leeds model",
             "Northfield service manager, front door", 30, PlanAction.Status.UNDER_WAY),
            ("Two team managers on Leeds secondments", "Centre lead", -20,
             PlanAction.Status.UNDER_WAY),
            ("Train all early help staff in restorative conversations",
             "Northfield workforce development lead", 90, PlanAction.Status.NOT_STARTED),
        ],
        "support": [
            (SupportRecord.Kind.VISIT, 150, "Diagnostic visit: two days with the front door "
                                            "and the leadership team"),
            (SupportRecord.Kind.PUBLICATION, 140, "One minute guide: Restorative Early "
                                                  "Support Teams"),
            (SupportRecord.Kind.VISIT, 60, "Director's peer conversation in Northfield"),
        ],
    },
    {
        "authority": "Eastmoor Metropolitan Borough Council",
        "status": ImprovementPartnership.Status.ACTIVE,
        "started_days_ago": 120, "last_review_days_ago": 30, "next_review_in": 60,
        "summary": "Requires improvement to be good. Eastmoor wants early help that reaches "
                   "families before statutory services are needed.",
        "progress": "Cluster model agreed; first RES-style team being recruited.",
        "priorities": [
            ("Early help in clusters", "Social work closer to schools, as in the Leeds "
                                       "RES teams."),
            ("Family Group Conferences", "Offer an FGC before any child becomes looked "
                                         "after."),
        ],
        "actions": [
            ("Visit two Leeds RES teams", "Eastmoor head of early help", -40,
             PlanAction.Status.DONE),
            ("Recruit a team manager for the first cluster team", "Eastmoor service manager",
             45, PlanAction.Status.UNDER_WAY),
            ("Set up an FGC service", "Eastmoor assistant director", 150,
             PlanAction.Status.NOT_STARTED),
        ],
        "support": [
            (SupportRecord.Kind.VISIT, 40, "Eastmoor leaders visited the 2gether and Inner "
                                           "East RES teams"),
            (SupportRecord.Kind.PUBLICATION, 35, "Leeds Practice Model: Rethink Formulation"),
        ],
    },
    {
        "authority": "Riverside City Council",
        "status": ImprovementPartnership.Status.AGREEING,
        "started_days_ago": 20, "last_review_days_ago": None, "next_review_in": 25,
        "summary": "Requires improvement to be good since June. Priorities being agreed "
                   "with the Department and Riverside's leadership team.",
        "progress": "",
        "priorities": [("Agree priorities with the Department", "")],
        "actions": [
            ("Priorities workshop with Riverside's leadership team", "Centre lead", 10,
             PlanAction.Status.NOT_STARTED),
        ],
        "support": [],
    },
]


def seed(stdout, context):
    today = timezone.localdate()
    lead = context["people"].get("staff@example.org")
    created = 0
    for spec in PARTNERSHIPS:
        organisation = Organisation.objects.filter(name=spec["authority"]).first()
        if organisation is None or hasattr(organisation, "improvement_partnership"):
            continue

        def day(offset):
            return today + datetime.timedelta(days=offset)

        partnership = ImprovementPartnership.objects.create(
            organisation=organisation, status=spec["status"], centre_lead=lead,
            started_on=day(-spec["started_days_ago"]),
            last_review_on=(day(-spec["last_review_days_ago"])
                            if spec["last_review_days_ago"] else None),
            next_review_on=day(spec["next_review_in"]), summary=spec["summary"],
            progress=spec["progress"])
        for order, (title, description) in enumerate(spec["priorities"]):
            Priority.objects.create(partnership=partnership, title=title,
                                    description=description, sort_order=order)
        for order, (action, owner, due, status) in enumerate(spec["actions"]):
            PlanAction.objects.create(partnership=partnership, action=action, owner=owner,
                                      due_on=day(due), status=status, sort_order=order)
        for order, (kind, days_ago, description) in enumerate(spec["support"]):
            SupportRecord.objects.create(partnership=partnership, kind=kind,
                                         date=day(-days_ago), description=description,
                                         sort_order=order)
        created += 1
    stdout.write(f"Partnerships: {created} improvement partnerships added.\n")
