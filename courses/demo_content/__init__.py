"""The demo courses, written from the seed documents and what each method really teaches,
one module per course. Kept apart from `courses/demo.py` (which only creates what is
missing) because it is long."""

import datetime

from courses.demo_content import (
    child_development,
    family_group_conferences,
    motivational_interviewing,
    neglect,
    outcomes_based_accountability,
    practice_model,
    restorative_practice,
)

PROGRAMMES = [
    ("restorative-practice", "Restorative practice",
     "Working with families, not doing things to them or for them."),
    ("family-group-conferences", "Family Group Conferences",
     "Family-led decision making, in which the family make the plan."),
    ("motivational-interviewing", "Motivational Interviewing",
     "A guiding conversation that strengthens a person's own motivation to change."),
    ("outcomes-based-accountability", "Outcomes Based Accountability",
     "Starting from the outcomes we want and working back to what we do."),
    ("leeds-practice-model", "Leeds Practice Model",
     "Rethink Formulation, Leeds Practice Principles and Outcome Focused Supervision."),
    ("early-help-knowledge-and-skills", "Early help knowledge and skills",
     "Child development and neglect: the knowledge underpinning support for families "
     "across early help and targeted services."),
]

# Each framework: name, description, its first version (label, effective from), its
# statements, and the later versions mapped from it (label, effective from).
FRAMEWORKS = [
    ("Knowledge and skills statement for child and family practitioners",
     "The Department for Education's post-qualifying standards: what practitioners working "
     "with children and families need to know and do.", ("Published 2018", None), [
         ("KSS1", "Relationships and effective direct work"),
         ("KSS2", "Communication"),
         ("KSS3", "Child development"),
         ("KSS4", "Adult mental ill health, substance misuse, domestic abuse and disability"),
         ("KSS5", "Abuse and neglect of children"),
         ("KSS6", "Child and family assessment"),
         ("KSS7", "Analysis, decision-making, planning and review"),
         ("KSS8", "The law and the family and youth justice systems"),
         ("KSS9", "The role of supervision and research"),
         ("KSS10", "Organisational context"),
     ], [("From 1 April 2027", datetime.date(2027, 4, 1))]),
    ("Leeds Practice Model", "The three key elements of the Leeds Practice Model.",
     ("First edition", None), [
        ("LPM1", "Rethink Formulation"),
        ("LPM2", "Leeds Practice Principles"),
        ("LPM3", "Outcome Focused Supervision"),
    ], []),
    # The proposal: "a knowledge and skills framework for supporting families across early
    # help and targeted services, underpinned by knowledge, research and best practice in
    # relation to child development and neglect".
    ("Knowledge and skills framework for supporting families across early help and "
     "targeted services",
     "The Centre's own framework for everyone who supports families in early help and "
     "targeted services (RES teams, clusters, schools, NHS partners), underpinned by "
     "knowledge, research and best practice in child development and neglect.",
     ("First edition", None), [
        ("EH1", "Builds relationships with families through good authority and empathy, "
                "aligning practitioner goals with the family's own"),
        ("EH2", "Understands child development from infancy to adolescence and recognises "
                "when a child's development needs attention"),
        ("EH3", "Recognises the forms and patterns of neglect early and responds with the "
                "family before it escalates"),
        ("EH4", "Leads restorative meetings and Family Group Conferences in which the "
                "family makes the plan"),
        ("EH5", "Uses Motivational Interviewing to strengthen a family's own reasons "
                "to change"),
        ("EH6", "Agrees goals with families and measures whether anyone is better off "
                "(Outcomes Based Accountability)"),
        ("EH7", "Works with schools and clusters on the 3As: attend, achieve and attain"),
        ("EH8", "Uses the Leeds Practice Model: Rethink Formulation, the Leeds Practice "
                "Principles and Outcome Focused Supervision"),
        ("EH9", "Judges when needs go beyond early help, and steps work up to or down from "
                "social work with the family's knowledge"),
    ], []),
]

# Which statements of the Centre's framework each demo course evidences (the KSS and
# Leeds Practice Model codes are in each course's own module).
CENTRE_FRAMEWORK_CODES = {
    "restorative-practice-essentials": ["EH1", "EH4"],
    "family-group-conferences": ["EH4"],
    "motivational-interviewing": ["EH5"],
    "outcomes-based-accountability": ["EH6", "EH7"],
    "leeds-practice-model": ["EH8"],
    "leading-restorative-early-support": ["EH7", "EH9"],
    "child-development": ["EH2"],
    "recognising-and-responding-to-neglect": ["EH3", "EH9"],
}

# In the order they appear in the catalogue's admin; prerequisites come first.
COURSES = [
    restorative_practice.COURSE,
    family_group_conferences.COURSE,
    motivational_interviewing.COURSE,
    outcomes_based_accountability.COURSE,
    practice_model.LPM,
    practice_model.LEADING_RES,
    child_development.COURSE,
    neglect.COURSE,
]
