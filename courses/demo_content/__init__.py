"""The demo courses, written from the seed documents and what each method really teaches,
one module per course. Kept apart from `courses/demo.py` (which only creates what is
missing) because it is long."""

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

FRAMEWORKS = [
    ("Knowledge and skills statement for child and family practitioners",
     "What practitioners working with children and families need to know and do.", [
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
     ]),
    ("Leeds Practice Model", "The three key elements of the Leeds Practice Model.", [
        ("LPM1", "Rethink Formulation"),
        ("LPM2", "Leeds Practice Principles"),
        ("LPM3", "Outcome Focused Supervision"),
    ]),
]

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
