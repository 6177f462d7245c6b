"""The programme's measures as the Centre starts with them (from the issue and the
one-minute guide to RES teams). A migration adds them once; staff then edit them in the
admin (Programme outcomes → Measures), and nothing here overwrites their changes."""

import datetime

BASELINE = datetime.date(2024, 10, 1)  # October to December 2024, before the demo's two years

# code, name, unit, direction, base, description, source note
STARTING_MEASURES = [
    ("referrals", "Referrals to children's social work", "count", "lower", "",
     "Contacts that became referrals to children's social work for families in the cluster.",
     "Children's social care case management system: referrals in the quarter, by the "
     "cluster of the child's school (or home address for children not in school)."),
    ("re-referrals", "Re-referrals within 12 months", "percentage", "lower",
     "referrals in the quarter",
     "Referrals in the quarter for a child referred before within the previous 12 months.",
     "Children's social care case management system; the Children in Need census "
     "definition of a re-referral."),
    ("repeat-assessments", "Repeat assessments", "count", "lower", "",
     "Second or later assessments of the same child within 12 months.",
     "Children's social care case management system: completed assessments."),
    ("step-downs", "Step-downs from social work to RES", "count", "higher", "",
     "Families stepped down from area social work teams to the cluster's RES team: "
     "families diverted from statutory intervention.",
     "RES team records, agreed with area social work Team Managers each quarter."),
    ("looked-after-rate", "Children looked after per 10,000", "rate_10000", "lower",
     "children aged 0 to 17",
     "Children looked after at the end of the quarter, per 10,000 children living in the "
     "cluster.",
     "Children looked after: case management system at quarter end; children aged 0 to 17: "
     "ONS mid-year population estimates for the cluster's areas."),
    ("school-attendance", "School attendance", "percentage", "higher",
     "possible school sessions",
     "Sessions attended as a share of possible sessions, pupils at the cluster's schools "
     "(Attend, the first of the 3As).",
     "School census attendance returns for the cluster's schools, half-termly, combined "
     "into quarters."),
    ("fixed-term-exclusions", "Fixed-term exclusions", "count", "lower", "",
     "Suspensions (fixed-term exclusions) of pupils at the cluster's schools.",
     "School census exclusion returns for the cluster's schools."),
    ("days-to-support", "Days from referral to RES support", "days", "lower",
     "families starting support",
     "Average days from the first conversation with the RES Team Manager to the first "
     "session with the family.",
     "RES team records."),
]
