"""Content pages for the demo written from the Partners in Practice proposal: the
Restorative Adolescent Service, the improvement partner offer, the conceptual framework for
managing risk, and the knowledge and skills framework for supporting families. Each is
(slug, title, introduction, search description, body blocks)."""

from cms.demo_text import bullets, rich

SOURCE = "From Leeds' Partners in Practice proposal to the Department for Education."

ADOLESCENT_SERVICE = (
    "restorative-adolescent-service", "Restorative Adolescent Service",
    "One holistic service for adolescents, bringing together support across social work, "
    "targeted services and learning, in partnership with children's social work.",
    "How the Restorative Adolescent Service brings services for adolescents together, with "
    "Multi-Systemic Therapy, edge of care and therapeutic support.",
    [
        ("paragraph", rich(
            "Adolescents need a different response from younger children. Risks outside the "
            "home (exploitation, going missing, offending, exclusion from school) are as "
            "likely to bring a young person to our attention as risks within it, and the "
            "relationships that help most are often with adults outside the family.",
            "The Restorative Adolescent Service (RAS) brings together services that support "
            "adolescents across the social work, targeted services and learning areas of "
            "the directorate into one holistic service. It works in partnership with the "
            "children's social work service to support the delivery of statutory services.")),
        ("heading", {"text": "What it builds on", "size": "h2"}),
        ("paragraph", rich(
            "The service builds on what Leeds already does well: innovative approaches to "
            "residential care, and edge of care work through the Multi-Systemic Therapy "
            "(MST) service. MST works intensively with a young person's family, school and "
            "community to change the patterns that keep difficulties going.")),
        ("heading", {"text": "What the proposal adds", "size": "h2"}),
        ("paragraph", bullets(
            "More capacity to offer MST and edge of care support on an outreach basis, where "
            "young people and families are, not only in offices.",
            "Out of hours support, because crises for adolescents rarely happen between nine "
            "and five.",
            "More therapeutic capacity: additional clinical psychologists and speech and "
            "language therapists. Many young people known to services have unidentified "
            "communication needs.")),
        ("heading", {"text": "Working restoratively with young people", "size": "h2"}),
        ("paragraph", rich(
            "The service works to the same Leeds Practice Model as the RES teams: "
            "formulation with the young person and family, goals they agree, and review in "
            "supervision. Restorative conversations are used to repair harm in families, "
            "residential homes and schools, instead of responses that exclude young people "
            "further.")),
        ("callout", {"heading": "Learn more",
                     "text": rich("Our secondment with the Restorative Adolescent Service "
                                  "and the Child development course's module on the "
                                  "adolescent brain are good places to start.")}),
        ("quote", {"text": SOURCE, "attribution": "Source"}),
    ],
)

IMPROVEMENT_OFFER = (
    "improvement-partner-offer", "Our improvement partner offer",
    "Support for local authorities judged inadequate or requiring improvement by Ofsted, "
    "and early help for those at risk of failure.",
    "How the Centre agrees priorities for improvement with partner authorities and what "
    "support follows.",
    [
        ("paragraph", rich(
            "Leeds has supported other local authorities on their improvement journeys, "
            "including Sunderland and Manchester. The Centre uses the lessons from that work "
            "to offer a more formal, standard process, agreed with the Department for "
            "Education, so that priorities for improvement are agreed at the earliest "
            "possible opportunity.")),
        ("heading", {"text": "Who it is for", "size": "h2"}),
        ("paragraph", bullets(
            "Authorities judged inadequate by Ofsted.",
            "Authorities judged as requiring improvement.",
            "Authorities at risk of failure who want early help before an inspection.")),
        ("heading", {"text": "How it works", "size": "h2"}),
        ("accordion", {"items": [
            {"heading": "1. A first conversation",
             "body": rich("The Director of Children's Services talks with the Centre's "
                          "leadership about what they are worried about and what they "
                          "have tried.")},
            {"heading": "2. A diagnostic visit",
             "body": rich("A small team from Leeds spends time with practitioners, "
                          "managers and partners, reads case files with them, and looks "
                          "at performance data together.")},
            {"heading": "3. Agreeing priorities",
             "body": rich("Three to five priorities for improvement are agreed in writing, "
                          "each with measures of how much, how well, and whether children "
                          "and families are better off.")},
            {"heading": "4. Support",
             "body": rich("Practice courses, secondments to Leeds, coaching and mentoring "
                          "from senior officers, peer challenge and events, matched to "
                          "the priorities.")},
            {"heading": "5. Review",
             "body": rich("Progress against the priorities is reviewed with the "
                          "authority's leadership every quarter.")},
        ]}),
        ("paragraph", rich(
            "The Partners in Practice funding includes staff capacity to co-ordinate and "
            "deliver the offer, so that support is not taken from Leeds' own services.")),
        ("call_to_action", {
            "heading": "Talk to us about becoming a partner",
            "text": "Directors and assistant directors can book a first conversation with a "
                    "senior officer through mentoring.",
            "link_page": None, "link_url": "/leadership/mentors/",
            "link_text": "Find a mentor"}),
        ("quote", {"text": SOURCE, "attribution": "Source"}),
    ],
)

RISK_FRAMEWORK = (
    "managing-risk", "Managing risk restoratively: our conceptual framework",
    "How a restorative approach shapes the way we think about, share and manage risk to "
    "children, across the whole children's services workforce.",
    "The Centre's conceptual framework for managing risk, built on Leeds' restorative "
    "approach.",
    [
        ("paragraph", rich(
            "The Partners in Practice proposal committed Leeds to build on its restorative "
            "approach to further develop and articulate its conceptual framework for managing "
            "risk, and to use the Centre to share it across the wider children's services "
            "workforce. This page sets out the framework as the Centre teaches it.")),
        ("heading", {"text": "Risk is managed with families, not around them", "size": "h2"}),
        ("paragraph", rich(
            "High challenge and high support apply to risk as much as to anything else. "
            "Families are told plainly what we are worried about and what must change, and "
            "are helped to make the change. Plans that families have made, such as a family "
            "plan from a Family Group Conference, are more likely to keep children safe than "
            "plans imposed on them.")),
        ("heading", {"text": "Four questions", "size": "h2"}),
        ("paragraph", bullets(
            "<strong>What are we worried about?</strong> Harm that has happened, and what "
            "could happen, described in specific, plain terms.",
            "<strong>What is working well?</strong> Strengths and safety already present, "
            "and the people in the network who provide them.",
            "<strong>What do we understand about why?</strong> The formulation: what "
            "predisposes, triggers and keeps the risk going.",
            "<strong>What needs to happen?</strong> Goals, agreed with the family, with who "
            "does what by when, and what happens if it does not.")),
        ("heading", {"text": "Sharing the holding of risk", "size": "h2"}),
        ("paragraph", rich(
            "No practitioner holds risk alone. Group supervision brings the team's thinking "
            "to each family; Outcome Focused Supervision keeps attention on whether the "
            "child is safer, not on whether tasks are done. Managers record their "
            "oversight. Drift (plans reviewed while nothing changes for the child) is named "
            "early.")),
        ("heading", {"text": "Across the workforce", "size": "h2"}),
        ("paragraph", rich(
            "The framework is for schools, health and the voluntary sector as well as social "
            "work. Bringing leadership development in social work and in schools closer "
            "together means that a head teacher and a RES Team Manager talking about the "
            "same child use the same language about risk and the same restorative approach "
            "to it.")),
        ("quote", {"text": SOURCE, "attribution": "Source"}),
    ],
)

SKILLS_FRAMEWORK = (
    "knowledge-and-skills-framework", "Knowledge and skills framework for supporting families",
    "What practitioners across early help and targeted services need to know and be able to "
    "do, underpinned by research and best practice on child development and neglect.",
    "The knowledge and skills framework for supporting families across early help and "
    "targeted services, and the courses that teach each part.",
    [
        ("paragraph", rich(
            "The Centre is developing and delivering a knowledge and skills framework for "
            "supporting families across early help and targeted services. It sits alongside "
            "the national knowledge and skills statements for social workers, and applies to "
            "everyone who works with families: Family Intervention workers, cluster staff, "
            "school staff, health colleagues and social workers.")),
        ("heading", {"text": "The framework", "size": "h2"}),
        ("accordion", {"items": [
            {"heading": "Child development",
             "body": rich("Attachment and relationships; development from birth to school "
                          "age and what delay can mean; the adolescent brain. Taught in "
                          "Child development for early help and targeted services.")},
            {"heading": "Neglect",
             "body": rich("The forms of neglect; neglect and poverty; cumulative harm and "
                          "drift; using structured tools with parents. Taught in "
                          "Recognising and responding to neglect.")},
            {"heading": "Relationships and direct work",
             "body": rich("Working restoratively; the restorative questions; meetings "
                          "and Family Group Conferences. Taught in Restorative practice "
                          "essentials and Family Group Conferences.")},
            {"heading": "Conversations about change",
             "body": rich("The spirit of Motivational Interviewing; OARS; change talk; "
                          "responding to discord. Taught in Motivational Interviewing.")},
            {"heading": "Formulation, planning and review",
             "body": rich("Rethink Formulation; goals agreed with families; Outcome "
                          "Focused Supervision. Taught in The Leeds Practice Model.")},
            {"heading": "Knowing whether anyone is better off",
             "body": rich("Population and performance accountability; turning the curve. "
                          "Taught in Outcomes Based Accountability.")},
        ]}),
        ("call_to_action", {
            "heading": "Start with a course",
            "text": "Every course gives a certificate and adds to your CPD record.",
            "link_page": None, "link_url": "/courses/",
            "link_text": "Browse courses"}),
        ("quote", {"text": SOURCE, "attribution": "Source"}),
    ],
)

ABOUT_PAGES = [IMPROVEMENT_OFFER, RISK_FRAMEWORK, SKILLS_FRAMEWORK]
