"""The Centre's publications and products in the demo, written from the Partners in
Practice proposal and the one-minute guide No. 193 (April 2021). `cms.demo` renders each
to a multi-page PDF with WeasyPrint and stores it as a Wagtail document."""

# slug, title, kind, published (days before the demo is loaded, or a fixed date),
# tags, summary, sections [(heading, [paragraphs or lists as HTML])]
PUBLICATIONS = [
    {
        "slug": "restorative-early-support-one-minute-guide",
        "title": "One minute guide No. 193: Restorative Early Support teams",
        "kind": "guide",
        "published": (2021, 4, 1),
        "tags": ["res teams", "early help"],
        "summary": "What RES teams are, their vision, how they work and how referrals are "
                   "made, with the teams' telephone numbers as published in April 2021.",
        "sections": [
            ("What are Restorative Early Support teams?", [
                "Restorative Early Support (RES) teams bring together social work and family "
                "support staff locally, with the aim of trying a more flexible, "
                "multi-disciplinary approach to working with families to help them solve "
                "their problems within their own communities.",
                "RES teams are additional to and not instead of cluster and early help "
                "resources, responding to the various levels of complexity in the presenting "
                "needs of children, young people and families which may exceed the early help "
                "or cluster offer but would not require a child protection response from "
                "social work fieldwork teams.",
                "The teams have been established in those clusters with the highest levels of "
                "social work and family support needs, for example high numbers of referrals "
                "to social work services. There are seven RES teams aligned to the following "
                "clusters: 2gether; Seacroft &amp; Manston; Inner East; JESS; BCM; Bramley and "
                "Inner North West; and Armley &amp; Farnley.",
                "The RES teams are a key element of Leeds' government funded Innovation and "
                "Partners in Practice Programme; however the model was first developed "
                "through local initiative and partnership working in the 2gether cluster.",
            ]),
            ("What is the vision for the RES teams?", [
                "The RES teams have identified the following essential elements to their "
                "vision:",
                "<ul><li>Enhancing the early help offer;</li><li>Bringing social work closer "
                "to schools;</li><li>Providing additional resources that build on existing "
                "relationships between schools, clusters and area social work;</li>"
                "<li>Improving the 3As: Attend (school or education setting regularly), "
                "Achieve (socially, for example having friends, a good relationship with at "
                "least one trusted adult, and participating in extra-curricular activities), "
                "and Attain (reach academic potential);</li><li>Helping to reduce re-referrals "
                "and repeated or unnecessary assessments;</li><li>Helping to divert families "
                "away from statutory interventions; and</li><li>Supporting the aim of safely "
                "reducing the numbers of children needing to become looked after.</li></ul>",
            ]),
            ("How do the RES teams work?", [
                "The teams work to the Leeds Practice Model, which builds on all aspects of "
                "practice and what we know to be useful when assessing, implementing and "
                "evaluating what we do. The Leeds Practice Model contains the three key "
                "elements of Rethink Formulation, Leeds Practice Principles and Outcome "
                "Focused Supervision. Each RES team continues to benefit from support from "
                "the Rethink Team about all aspects of the Leeds Practice Model.",
                "The RES teams use Rethink Formulation with all the families they work with, "
                "agree goals with them which form their plan, and review progress on "
                "achieving the goals intensively (often weekly). Each formulation and the "
                "family plan is discussed in group supervision, an integral feature of how "
                "the RES teams work.",
            ]),
            ("How are referrals made to the RES teams?", [
                "All referrals to the RES teams start with a conversation with the relevant "
                "RES Team Manager and there is no specific referral form. Support offered is "
                "either for early help or child in need work. The RES teams do not hold "
                "waiting lists: the work is focused on providing the right support at the "
                "right time for the family. Referrals come from:",
                "<ul><li>Schools who are connected to a local cluster and speak with their "
                "Targeted Services Leader or Manager in the first instance, who will contact "
                "the local RES team;</li><li>Area social work Team Managers, who can step "
                "cases down to RES (plans are in place for Duty and Advice to refer directly "
                "to RES teams from the Front Door);</li><li>Early Help Hubs;</li><li>The "
                "allocations panel (the regular decision-making point to access early help "
                "and targeted support services);</li><li>Parents and carers; and</li><li>Other "
                "agencies.</li></ul>",
            ]),
            ("Key contacts (April 2021)", [
                "The RES teams could be contacted on the following numbers when this guide "
                "was published in April 2021.",
                "<table><tr><th>Area</th><th>Team</th><th>Telephone</th></tr>"
                "<tr><td>East North East</td><td>2gether</td><td>0113 3782478</td></tr>"
                "<tr><td>East North East</td><td>Inner East</td><td>0113 5351523</td></tr>"
                "<tr><td>East North East</td><td>Seacroft &amp; Manston</td><td>0113 3782478"
                "</td></tr><tr><td>South</td><td>JESS</td><td>0113 5351521</td></tr>"
                "<tr><td>South</td><td>BCM/Morley</td><td>0113 5351520</td></tr>"
                "<tr><td>West North West</td><td>Bramley</td><td>0113 5350007</td></tr>"
                "<tr><td>West North West</td><td>Armley &amp; Farnley</td><td>0113 5350303"
                "</td></tr></table>",
            ]),
        ],
    },
    {
        "slug": "leeds-approach-to-early-help",
        "title": "The Leeds approach to early help",
        "kind": "report",
        "published": 410,
        "tags": ["early help", "res teams", "practice model"],
        "summary": "How early help, cluster support, RES teams and social work fit together "
                   "in Leeds, and what another authority would need to adapt it.",
        "sections": [
            ("Why we wrote this", [
                "Authorities visiting Leeds ask the same questions: how do schools, clusters, "
                "early help and social work fit together, and what would we need to do the "
                "same? This paper sets out our approach in a standard way, as the Partners in "
                "Practice programme asked, so that others can adapt it to their own culture "
                "and ways of working rather than copy it.",
                "It describes the approach as it stands; the numbers and structures will "
                "change, and the principles are what we would expect to travel.",
            ]),
            ("Relationships with families", [
                "Our approach to early help, social work and restorative practice rests on "
                "building relationships with families through good authority, empathy, and "
                "aligning practitioner goals with those of the family. In practice this "
                "means working with families rather than doing things to them or for them: "
                "high challenge about what must change for the child, with high support to "
                "make that change possible.",
                "Early help is not a lighter version of social work. It is help offered early "
                "in a problem and early in a child's life, by people the family already "
                "know where possible: the school, the cluster, the health visitor.",
            ]),
            ("Clusters and schools", [
                "Leeds organises much of its early help around clusters of schools and their "
                "partners. Schools speak first to their Targeted Services Leader or Manager, "
                "who knows what the cluster can offer and who to call when the need is "
                "greater. Early Help Hubs and an allocations panel give a regular decision "
                "point for access to early help and targeted support.",
            ]),
            ("Restorative Early Support teams", [
                "Where needs exceed the cluster offer but do not need a child protection "
                "response, Restorative Early Support teams add social work leadership to "
                "early help. The proposal that funded them set a minimum team of a social "
                "work Team Manager, two social workers, three Family Intervention workers "
                "and a specialist restorative practice worker, reporting to the local Service "
                "Delivery Manager. They started in the 2gether cluster through local "
                "initiative; by April 2021 there were seven, in the clusters with the highest "
                "levels of need.",
                "RES teams take referrals by conversation, hold no waiting lists, use Rethink "
                "Formulation with every family, and review family goals often weekly in group "
                "supervision. They aim to reduce re-referrals and repeated assessments, divert "
                "families from statutory intervention, and safely reduce the number of "
                "children who need to become looked after.",
            ]),
            ("The Leeds Practice Model", [
                "All of this is held together by the Leeds Practice Model and its three key "
                "elements: Rethink Formulation, Leeds Practice Principles and Outcome Focused "
                "Supervision. The model means that a family stepped down from social work to "
                "a RES team, or on to their cluster, meets the same way of working and does "
                "not have to tell their story again.",
            ]),
            ("Adapting the approach", [
                "We suggest authorities start with three questions. Where do schools take a "
                "worry today, and who answers? Where is the gap between your early help offer "
                "and your social work threshold, and who works in it? How will practitioners "
                "across those services learn one way of working? The Centre's improvement "
                "partner offer, secondments and courses are designed to help with each.",
            ]),
        ],
    },
    {
        "slug": "restorative-practice-in-leeds",
        "title": "Restorative practice in Leeds: working with families",
        "kind": "guide",
        "published": 300,
        "tags": ["restorative practice", "family group conferences"],
        "summary": "A practitioner's guide to restorative practice: the social discipline "
                   "window, the restorative questions, meetings, Family Group Conferences, "
                   "and what leaders do to sustain it.",
        "sections": [
            ("What restorative practice means here", [
                "Restorative practice is how we build, keep and repair relationships: with "
                "families, between colleagues, and between services. It is not one "
                "intervention. It is the way we expect every conversation to go, from a "
                "doorstep visit to a child protection conference.",
                "The social discipline window describes it best. Working TO people is high "
                "challenge without support; working FOR them is support without challenge; "
                "NOT is neither. Restorative practice is working WITH people: high challenge "
                "and high support together.",
            ]),
            ("Everyday practice", [
                "Most restorative practice is informal: affective statements that say how "
                "something felt without blaming, and the restorative questions (What "
                "happened? What were you thinking? Who has been affected? What needs to "
                "happen to make things right?) used in corridors, classrooms and kitchens.",
                "Check-in rounds at the start of team meetings and family sessions make it "
                "normal to say how things are, so that when something goes wrong the "
                "relationships to repair it already exist.",
            ]),
            ("Restorative meetings", [
                "When harm has been done, specialist restorative practice workers prepare "
                "and lead restorative meetings. Preparation is most of the work: meeting each "
                "person, checking they take part freely, and deciding whether a meeting is "
                "safe. The agreement is written in participants' own words.",
            ]),
            ("Family Group Conferences", [
                "A Family Group Conference puts the wider family in charge of making a plan "
                "for the child. An independent coordinator prepares everyone; professionals "
                "share information and bottom lines; the family meet alone in private family "
                "time and make their plan; professionals agree it unless it leaves the child "
                "unsafe; and it is reviewed. RES team practitioners are trained to convene "
                "conferences as part of their work with families.",
            ]),
            ("What leaders do", [
                "Restorative practice does not survive in a service that manages its staff "
                "punitively. Leaders model it in supervision, in how they respond to "
                "mistakes, and in how they talk about families when families are not in the "
                "room. The Centre's leadership programme brings leaders in social work and in "
                "schools together for this reason.",
            ]),
        ],
    },
    {
        "slug": "rethink-formulation-practice-guide",
        "title": "Rethink Formulation: a practice guide",
        "kind": "toolkit",
        "published": 190,
        "tags": ["practice model", "formulation", "supervision"],
        "summary": "How to build a formulation with a family, turn it into goals, and "
                   "bring it to group supervision, with a worked example and templates.",
        "sections": [
            ("Why formulate", [
                "A plan that lists services against problems treats symptoms. A formulation "
                "explains what is happening for a family, why now, and what keeps it going, "
                "so that the plan can target causes and build on what already helps. In the "
                "Leeds Practice Model, Rethink Formulation is used with every family a RES "
                "team works with.",
            ]),
            ("Building a formulation with a family", [
                "A useful structure is the '5 Ps': the presenting problem, predisposing "
                "factors (history that made it more likely), precipitating factors (what "
                "triggered it now), perpetuating factors (what keeps it going) and "
                "protective factors (strengths and resources). Build it with the family, in "
                "their words, usually over more than one conversation.",
                "Ask each family member what they think is going on. Where accounts differ, "
                "record each; the differences are often the most useful part.",
            ]),
            ("From formulation to goals", [
                "Goals come from the formulation and are agreed with the family. A good goal "
                "is something the family want, described as what will be happening rather "
                "than what will stop, and can be rated by the family on a scale from 0 to 10. "
                "The goals form the family plan.",
            ]),
            ("Review and group supervision", [
                "Progress on goals is reviewed intensively, often weekly, with the family "
                "rating where they are. Each formulation and plan is brought to group "
                "supervision, where the team offers hypotheses and ideas and the worker "
                "chooses what to take. Goals that do not move for several weeks are a signal "
                "to revisit the formulation, not only the plan.",
            ]),
            ("Template: a one-page formulation", [
                "<ol><li>What is happening (in the family's words)?</li><li>What in the past "
                "made this more likely?</li><li>What triggered it now?</li><li>What keeps it "
                "going?</li><li>What is already helping, and who?</li><li>What does the "
                "family want to be different? (goals, rated 0 to 10)</li><li>What will we "
                "do, who will do it, and when will we review?</li></ol>",
            ]),
        ],
    },
    {
        "slug": "improvement-partner-offer",
        "title": "Improvement partner offer for local authorities",
        "kind": "briefing",
        "published": 120,
        "tags": ["improvement", "leadership"],
        "summary": "How the Centre agrees priorities for improvement with authorities judged "
                   "inadequate or requiring improvement, and the support that follows.",
        "sections": [
            ("Who the offer is for", [
                "Local authorities judged inadequate or requiring improvement by Ofsted, and "
                "authorities at risk of failure who want 'early help' before an inspection "
                "finds it. The offer builds on lessons from supporting authorities such as "
                "Sunderland and Manchester.",
            ]),
            ("Agreeing priorities early", [
                "Within weeks of a request, the Centre and the authority's leadership agree "
                "priorities for improvement through a standard process: a diagnostic visit, "
                "conversations with practitioners and partners, a review of performance data "
                "using Outcomes Based Accountability, and a short written agreement of the "
                "three to five priorities that matter most, shared with the Department for "
                "Education.",
            ]),
            ("What support follows", [
                "<ul><li>Practice development: courses in restorative practice, Family Group "
                "Conferences, Motivational Interviewing and Outcomes Based Accountability."
                "</li><li>Leadership development: secondments to Leeds, coaching and "
                "mentoring from senior officers.</li><li>Peer review and challenge against "
                "the agreed priorities.</li><li>Events and networks to share what works."
                "</li></ul>",
            ]),
            ("How progress is judged", [
                "Each priority has a small number of measures agreed at the start, in OBA "
                "terms: how much we did together, how well, and whether anyone (children, "
                "families, practitioners) is better off. Progress is reviewed with the "
                "authority's leadership every quarter.",
            ]),
        ],
    },
]
