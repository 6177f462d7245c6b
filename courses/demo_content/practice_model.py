"""The Leeds Practice Model (Rethink Formulation, Leeds Practice Principles, Outcome
Focused Supervision) and Leading restorative early support, both written from the
one-minute guide No. 193 (April 2021) and the Partners in Practice proposal."""

from courses.demo_content.build import course, module, ol, paras, q, ul

FORMULATION = module(
    "rethink-formulation", "Rethink Formulation", 25,
    "Making sense, with the family, of what is happening and why, before deciding what will "
    "help.",
    [
        ("What it is", paras(
            "A formulation is a shared explanation of a family's difficulties: what is "
            "happening, why it is happening now, what keeps it going, and what is already "
            "helping. It draws on the family's own account and on what we know from research "
            "about children and families. Rethink Formulation is the Leeds Practice Model's "
            "way of doing this, supported across the city by the Rethink Team.",
            "Clinical formulation is often organised as the '5 Ps': the <strong>presenting"
            "</strong> problem, <strong>predisposing</strong> factors (history that made it "
            "more likely), <strong>precipitating</strong> factors (what triggered it now), "
            "<strong>perpetuating</strong> factors (what keeps it going) and <strong>"
            "protective</strong> factors (strengths and resources).")),
        ("Why it matters", paras(
            "Without a formulation, plans tend to be lists of services matched to symptoms. "
            "With one, the plan targets what keeps the problem going, and the family can see "
            "why each step is there. The RES teams use Rethink Formulation with every family "
            "they work with (one-minute guide, April 2021).")),
        ("How the RES teams use it", paras(
            ul("Formulate with the family, in their words, not about them in the office.",
               "Agree goals with the family: the goals form the plan.",
               "Review progress on the goals intensively, often weekly.",
               "Bring each formulation and plan to group supervision."))),
    ],
    ("Worked example: Jayden is 'out of control'", paras(
        "The referral said Jayden (11) was out of control at home. The formulation, built with "
        "his mum over two visits: presenting, shouting and door-slamming most evenings; "
        "predisposing, domestic abuse before his mum left his dad three years ago; "
        "precipitating, his dad's reappearance on social media in September; perpetuating, "
        "his mum's fear that Jayden is 'turning into his dad', so she withdraws when he is "
        "angry; protective, a close bond with his nan and his love of football. The goals "
        "Jayden and his mum agreed were about evenings at nan's, a football club, and help "
        "for mum to stay with Jayden when he is upset.")),
    ("How would formulating a family's story with them change the plan you make together?",
     "Think of a family whose plan is a list of services. What would a formulation add?"),
    [
        q("What is a formulation?",
          "A shared explanation of what is happening for a family and why",
          [("A referral form", "RES teams have no referral form; formulation comes after."),
           ("A risk score", "A formulation explains; it does not score."),
           ("A list of services offered", "Services follow from the formulation.")]),
        q("Which of the '5 Ps' describes what keeps a problem going?",
          "Perpetuating factors",
          [("Precipitating factors", "These triggered it now."),
           ("Predisposing factors", "These made it more likely in the first place."),
           ("Protective factors", "These are strengths and resources.")]),
        q("According to the one-minute guide, which families do the RES teams use Rethink "
          "Formulation with?",
          "All the families they work with",
          [("Only child protection cases", "RES teams work below child protection level."),
           ("Only families referred by schools", "It is used with every family."),
           ("Only families who ask for it", "It is part of how the teams work.")]),
        q("Where are each formulation and family plan discussed?",
          "In group supervision",
          [("At the allocations panel only", "The panel is a referral route."),
           ("With the Ofsted inspector", "Not part of routine practice."),
           ("Nowhere: they are private to the worker", "Group supervision is integral.")]),
        q("How often do RES teams review progress on a family's goals?",
          "Intensively, often weekly",
          [("Every six months", "Far too slow for the RES teams' way of working."),
           ("Only at case closure", "Review is continuous."),
           ("Once a year", "Reviews are frequent.")]),
    ],
)

PRINCIPLES = module(
    "leeds-practice-principles", "Leeds Practice Principles", 20,
    "The principles behind how practitioners in Leeds work with children and families.",
    [
        ("What they are", paras(
            "The Leeds Practice Principles describe how we work, whoever we are and whatever "
            "service we are in. They come from the city's restorative approach:",
            ul("<strong>Relationships first</strong>: change happens through relationships "
               "built with good authority, empathy, and goals aligned with the family's own.",
               "<strong>WITH, not TO or FOR</strong>: high support and high challenge "
               "together.",
               "<strong>The child at the centre</strong>: every conversation comes back to "
               "what life is like for the child.",
               "<strong>Families as experts</strong> in their own lives, with strengths to "
               "build on.",
               "<strong>The right support at the right time</strong>: no waiting lists, no "
               "repeated assessments, the least intrusive help that will work."))),
        ("Why they matter", paras(
            "Principles are what let practice stay consistent across hundreds of workers and "
            "dozens of services, so that a family stepped down from social work to a RES "
            "team, or on to a cluster worker, meets the same way of working.")),
        ("How to use them", paras(
            "Use them as questions in supervision and in case recording: Whose goal is this? "
            "Where are we in the social discipline window? What would the child say about "
            "this plan? Could anything less intrusive work?")),
    ],
    ("Worked example: a step-down that felt seamless", paras(
        "When an area social work team stepped a family down to the Seacroft &amp; Manston "
        "RES team, the social worker and the RES worker visited together, the family's goals "
        "were carried over in their own words, and no new assessment was started. The mum "
        "said afterwards it was the first time she had not had to tell her story again.")),
    ("Which principle do you find hardest to hold on to when you are under pressure?", ""),
    [
        q("Which way of working do the principles describe?",
          "Working WITH families: high support and high challenge",
          [("Doing things FOR families so nothing is missed", "That is permissive."),
           ("Doing things TO families to make them comply", "That is punitive."),
           ("Leaving families to manage alone", "That is neglectful.")]),
        q("What does 'the right support at the right time' mean for the RES teams?",
          "No waiting lists and no repeated or unnecessary assessments",
          [("Support only in office hours", "Timing is about the family's need."),
           ("The most intensive help available", "The least intrusive help that will work."),
           ("Support only after a formal assessment", "Referrals start with a "
            "conversation.")]),
        q("Who are described as the experts in their own lives?",
          "Families",
          [("Social workers", "They bring expertise, but not on the family's life."),
           ("Team managers", "Not the point of the principle."),
           ("The Rethink Team", "They support practitioners with the model.")]),
        q("How can the principles be used in supervision?",
          "As questions about whose goal it is and what the child would say",
          [("As a checklist to sign off at closure", "They are for thinking, not ticking."),
           ("As performance targets", "They are principles, not targets."),
           ("Only at induction", "They are for everyday use.")]),
    ],
)

SUPERVISION = module(
    "outcome-focused-supervision", "Outcome Focused Supervision", 25,
    "Supervision that keeps the family's goals, and the difference made, at the centre of "
    "every discussion.",
    [
        ("What it is", paras(
            "Outcome Focused Supervision is the third element of the Leeds Practice Model. It "
            "asks, of each family: what are their goals, what progress has been made, what "
            "is getting in the way, and what will we do next? In the RES teams it happens "
            "mostly in group supervision, where each formulation and family plan is "
            "discussed: an integral feature of how the teams work.")),
        ("Why it matters", paras(
            "Supervision that only checks tasks (visits done, forms completed) can run for "
            "months while nothing changes for the child. Keeping outcomes at the centre "
            "brings drift into view early and shares the thinking, and the risk, across the "
            "team.")),
        ("How to run a group supervision discussion", paras(
            ol("The worker presents the family's formulation and goals in two minutes.",
               "The group asks clarifying questions only.",
               "Progress on each goal, rated with the family, is shared.",
               "The group offers hypotheses and ideas; the worker listens.",
               "The worker says what they will take away; actions are recorded against the "
               "goals."))),
    ],
    ("Worked example: a goal that was not moving", paras(
        "In the 2gether RES team's group supervision, a family intervention worker presented "
        "a family whose goal 'Mia gets to school on time' had been rated 3 out of 10 for "
        "four weeks. The group's questions brought out that mornings were fine on days dad "
        "worked from home. The next week's action: a conversation with dad's employer about "
        "flexible start times, which dad led himself.")),
    ("Think of your last supervision. How much of it was about tasks, and how much about "
     "whether anyone was better off?", ""),
    [
        q("What are the three key elements of the Leeds Practice Model?",
          "Rethink Formulation, Leeds Practice Principles, Outcome Focused Supervision",
          [("Assessment, planning, review",
            "Those are stages of casework, not the model's elements."),
           ("Engaging, focusing, planning",
            "Those are processes of Motivational Interviewing."),
           ("Attend, achieve, attain", "Those are the 3As the RES teams aim to improve.")]),
        q("Where does Outcome Focused Supervision mostly happen in the RES teams?",
          "In group supervision",
          [("In annual appraisals", "Appraisal is about the worker, not the family."),
           ("At the allocations panel", "The panel decides on access to services."),
           ("In case closure meetings", "It runs throughout the work.")]),
        q("What does Outcome Focused Supervision keep at the centre?",
          "The family's goals and the difference made",
          [("The number of visits made", "That is a task measure."),
           ("The worker's caseload size", "Caseloads matter, but not as the focus."),
           ("Compliance with timescales", "Timescales are not the focus.")]),
        q("In a group discussion, what does the group do after clarifying questions?",
          "Offer hypotheses and ideas while the worker listens",
          [("Decide the case for the worker", "The worker keeps responsibility."),
           ("Score the worker's performance", "It is about the family, not the worker."),
           ("Move straight to the next family", "Ideas and actions come first.")]),
    ],
)

LPM = course(
    "leeds-practice-model", "The Leeds Practice Model", "leeds-practice-model",
    "awareness", "blended", 4, None,
    "The three key elements of the Leeds Practice Model: Rethink Formulation, Leeds "
    "Practice Principles and Outcome Focused Supervision.",
    "Everyone new to working with children and families in Leeds.",
    ["describe the three elements of the model",
     "explain how RES teams use formulation, family goals and group supervision"],
    ["LPM1", "LPM2", "LPM3", "KSS9"], [],
    [FORMULATION, PRINCIPLES, SUPERVISION],
)

HOW_RES_WORK = module(
    "how-res-teams-work", "How RES teams work", 20,
    "Social work and family support working together locally, additional to and not "
    "instead of cluster and early help resources.",
    [
        ("What they are", paras(
            "Restorative Early Support (RES) teams bring together social work and family "
            "support staff locally, trying a more flexible, multi-disciplinary approach that "
            "helps families solve their problems within their own communities. They respond "
            "to needs that may exceed the early help or cluster offer but would not require a "
            "child protection response from social work fieldwork teams. There are seven, in "
            "the clusters with the highest levels of social work and family support needs "
            "(one-minute guide No. 193, April 2021).")),
        ("Who is in a team", paras(
            "The Partners in Practice proposal set a minimum for each team: one social work "
            "Team Manager, two social workers, three Family Intervention workers and a "
            "specialist restorative practice worker. REST Team Managers report to the local "
            "Service Delivery Manager, which strengthens joint working between cluster early "
            "help and statutory social work.")),
        ("How referrals work", paras(
            ul("Every referral starts with a conversation with the RES Team Manager. There "
               "is no referral form.",
               "Support is either early help or child in need work.",
               "There are no waiting lists.",
               "Referrals come from schools (through their Targeted Services Leader), area "
               "social work Team Managers stepping cases down, Early Help Hubs, the "
               "allocations panel, parents and carers, and other agencies."))),
    ],
    ("Worked example: a conversation, not a form", paras(
        "A Targeted Services Leader rang the JESS RES Team Manager about three siblings whose "
        "attendance had collapsed after their dad's imprisonment. Within the call they agreed "
        "the family's school would introduce the RES family intervention worker at the "
        "school gate that Friday. No form was completed; the manager recorded the "
        "conversation and allocated the same day.")),
    ("What would change in your service if every referral started with a conversation?", ""),
    [
        q("How does a referral to a RES team start?",
          "With a conversation with the RES Team Manager",
          [("With a referral form", "There is no specific referral form."),
           ("With a strategy meeting", "That belongs to child protection."),
           ("With a single assessment", "RES teams aim to avoid unnecessary assessments.")]),
        q("What is the minimum make-up of a REST team in the proposal?",
          "A Team Manager, two social workers, three Family Intervention workers and a "
          "restorative practice worker",
          [("Two Team Managers and four social workers", "Not the minimum in the proposal."),
           ("Six Family Intervention workers only", "Social workers are central."),
           ("A clinical psychologist and a speech and language therapist",
            "Those strengthen the Restorative Adolescent Service.")]),
        q("To whom do REST Team Managers report?",
          "The local Service Delivery Manager",
          [("The head teacher of the cluster's lead school", "Schools are partners."),
           ("The Director of Children and Families directly", "Not directly."),
           ("The Front Door duty manager", "The Front Door is a referral route.")]),
        q("Which of these can refer to a RES team?",
          ["Schools, through their Targeted Services Leader", "Parents and carers",
           "Early Help Hubs"],
          [("Only social workers", "Many routes are open.")]),
    ],
)

THREE_AS = module(
    "the-three-as", "The vision and the 3As: attend, achieve, attain", 20,
    "What the RES teams set out to change for children, families and services.",
    [
        ("The vision", paras(
            "The RES teams named these essential elements of their vision:",
            ul("enhancing the early help offer;", "bringing social work closer to schools;",
               "providing additional resources that build on existing relationships between "
               "schools, clusters and area social work;", "improving the 3As;",
               "helping to reduce re-referrals and repeated or unnecessary assessments;",
               "helping to divert families away from statutory interventions; and",
               "supporting the aim of safely reducing the numbers of children needing to "
               "become looked after."))),
        ("The 3As", paras(
            ul("<strong>Attend</strong>: school or an education setting, regularly.",
               "<strong>Achieve</strong>: socially, for example having friends, a good "
               "relationship with at least one trusted adult, and taking part in "
               "extra-curricular activities.",
               "<strong>Attain</strong>: reach academic potential."))),
        ("Why schools", paras(
            "Schools see children every day and notice first. Bringing social work closer to "
            "schools means worries are talked through with a social worker before they "
            "become referrals, and that children's goals are about their school life as "
            "well as home.")),
    ],
    ("Worked example: achieve, not only attend", paras(
        "A Year 8 pupil's attendance was good but he ate lunch alone every day and had "
        "stopped football. His RES team goals, set with him, were about achieve: one trusted "
        "adult in school (he chose the PE teacher) and returning to Saturday football, which "
        "the RES worker helped his mum afford through a local charity.")),
    ("For a child you work with, which of the 3As is furthest from where it should be?", ""),
    [
        q("What are the 3As?",
          "Attend, achieve, attain",
          [("Assess, act, audit", "Those are not in the RES vision."),
           ("Aspire, achieve, attain", "The first A is attend."),
           ("Attend, ask, agree", "Not the 3As.")]),
        q("In the one-minute guide, what does 'achieve' mean?",
          "Achieving socially: friends, a trusted adult, extra-curricular activities",
          [("Reaching academic potential", "That is attain."),
           ("Attending school regularly", "That is attend."),
           ("Passing examinations", "That is part of attain.")]),
        q("Which is part of the RES teams' vision?",
          ["Bringing social work closer to schools",
           "Helping to divert families away from statutory interventions"],
          [("Replacing cluster early help resources",
            "RES teams are additional to, not instead of, cluster resources."),
           ("Holding waiting lists to manage demand", "RES teams hold no waiting lists.")]),
        q("What do RES teams aim to do about children becoming looked after?",
          "Safely reduce the numbers needing to become looked after",
          [("Increase placements to reduce risk", "The opposite of the aim."),
           ("Leave the decision entirely to schools", "Not the aim."),
           ("Nothing: it is outside their remit", "It is an explicit part of the vision.")]),
    ],
)

GROUP_SUPERVISION = module(
    "group-supervision", "Leading group supervision", 25,
    "For managers: how to run the group supervision at the heart of how RES teams work.",
    [
        ("What it is", paras(
            "In the RES teams, each formulation and family plan is discussed in group "
            "supervision, with social workers, Family Intervention workers and the "
            "restorative practice worker together. The manager leads; the team's combined "
            "knowledge is the resource.")),
        ("Why it matters", paras(
            "Group supervision spreads social work expertise across the team, builds "
            "consistency, and shares the holding of risk, so no worker is alone with a "
            "difficult family. It is also where Outcome Focused Supervision happens.")),
        ("How to lead it well", paras(
            ul("Keep to time: two or three families in depth is better than ten in passing.",
               "Make it safe to say 'I'm stuck' and 'I got that wrong'.",
               "Ask for hypotheses, not advice; the presenting worker chooses what to take.",
               "Record decisions against the family's goals, and your management oversight "
               "of any risk.",
               "Individual supervision continues alongside, for the worker's own "
               "development and well-being."))),
    ],
    ("Worked example: naming drift", paras(
        "A manager noticed that the same family had been presented three times with 'no "
        "change'. She asked the group what they would expect if things carried on as they "
        "were for six months. That question led the team to agree a Family Group Conference "
        "and a step-up discussion with the area social work Team Manager.")),
    ("What would make your team's group supervision a place where people bring their "
     "hardest cases?", ""),
    [
        q("Who takes part in RES team group supervision?",
          "The whole team: social workers, Family Intervention workers and the restorative "
          "practice worker",
          [("Social workers only", "The whole team brings its knowledge."),
           ("Managers only", "It is a team discussion."),
           ("The family and the team", "Families are not present in supervision.")]),
        q("What should the group offer the presenting worker?",
          "Hypotheses and ideas, from which the worker chooses",
          [("Instructions to follow", "The worker keeps professional judgement."),
           ("A vote on closing the case", "Decisions are recorded by the manager."),
           ("A performance rating", "Not the purpose.")]),
        q("Does group supervision replace individual supervision?",
          "No: individual supervision continues alongside",
          [("Yes, entirely", "Both are needed."),
           ("Only for social workers", "Everyone needs individual supervision."),
           ("Only for new starters", "Everyone needs individual supervision.")]),
        q("Which question helps a group notice drift?",
          "What would we expect if things carried on like this for six months?",
          [("How many visits have been made?", "That counts effort, not change."),
           ("Who referred this family?", "Not about drift."),
           ("When is the next review due?", "Timing alone does not reveal drift.")]),
    ],
)

LEADING_RES = course(
    "leading-restorative-early-support", "Leading restorative early support",
    "restorative-practice", "advanced", "face_to_face", 10, 24,
    "How RES teams bring social work closer to schools: referrals by conversation, no "
    "waiting lists, group supervision and the 3As.",
    "RES Team Managers, senior practitioners and Targeted Services Leaders.",
    ["explain the vision for the RES teams", "lead group supervision of formulations",
     "work with schools and clusters on the 3As"],
    ["KSS7", "KSS9", "KSS10", "LPM3"], ["restorative-practice-essentials"],
    [HOW_RES_WORK, THREE_AS, GROUP_SUPERVISION],
)
