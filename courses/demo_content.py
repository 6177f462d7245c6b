"""The demo courses, written from the seed documents and public descriptions of each
method. Kept apart from `demo.py` (which only creates what is missing) because it is long."""

from courses import content

P = content.paragraph
H = content.heading
C = content.callout
R = content.reflection


def check(prefix, questions, pass_mark=80, title="Check your understanding"):
    """Questions as (text, multiple, [(answer, correct, explanation)], explanation);
    ids are derived from `prefix` so they stay the same on every run."""
    return content.knowledge_check(
        f"{prefix}-check",
        [(f"{prefix}-q{i}", text, multiple,
          [(f"{prefix}-q{i}-{chr(97 + j)}", a, ok, why) for j, (a, ok, why) in enumerate(answers)],
          explanation)
         for i, (text, multiple, answers, explanation) in enumerate(questions, 1)],
        title=title, pass_mark=pass_mark,
    )


def ul(*items):
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


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

# slug, title, programme slug, level, mode, hours, validity months, summary, audience,
# outcomes (list), competency codes, prerequisite slugs, modules
# module: slug, title, minutes, required, introduction, blocks
COURSES = [
    ("restorative-practice-essentials", "Restorative practice essentials",
     "restorative-practice", "practitioner", "online", 6, 24,
     "Why Leeds works restoratively with families, the restorative questions, and how to "
     "lead restorative meetings and circles.",
     "Everyone in a RES team, the Restorative Adolescent Service, schools and partner "
     "agencies who work with children and families.",
     ["explain working WITH families: high challenge with high support",
      "use the restorative questions in everyday conversations",
      "prepare and lead a restorative meeting",
      "run a check-in circle and a problem-solving circle"],
     ["KSS1", "KSS2", "LPM2"], [],
     [
         ("working-with-families", "Working with families", 20, True,
          "Restorative practice is about building relationships through good authority, "
          "empathy and aligning our goals with the family's.", [
              P("<p>Leeds' approach to early help, social work and restorative practice is "
                "based on building relationships with families through good authority, "
                "empathy, and aligning practitioner goals with those of the family.</p>"),
              H("Doing things WITH people"),
              P("<p>The social discipline window describes four ways of working. With low "
                "support and low challenge we are <strong>neglectful</strong> (NOT); with "
                "high challenge and low support, <strong>punitive</strong> (TO); with high "
                "support and low challenge, <strong>permissive</strong> (FOR). Restorative "
                "practice combines high challenge with high support: we work WITH families."
                "</p>"),
              C("Remember", "<p>Families are more likely to make and keep changes when "
                "decisions are made with them rather than for them.</p>"),
              R("rpe-with-reflect", "Think of a family you work with. Where did you do "
                "things TO or FOR them, and what would doing it WITH them look like?"),
              check("rpe-with", [
                  ("Which way of working combines high challenge with high support?", False, [
                      ("Working WITH the family (restorative)", True, ""),
                      ("Doing things FOR the family (permissive)", False,
                       "Permissive work gives support but little challenge."),
                      ("Doing things TO the family (punitive)", False,
                       "Punitive work challenges without support."),
                  ], "Restorative practice is high challenge with high support."),
                  ("What does Leeds' approach build relationships through?", True, [
                      ("Good authority", True, ""),
                      ("Empathy", True, ""),
                      ("Aligning practitioner goals with the family's", True, ""),
                      ("Keeping decisions away from the family", False,
                       "Restorative practice shares decisions with families."),
                  ], ""),
              ]),
          ]),
         ("restorative-questions", "The restorative questions", 20, True,
          "A short set of questions that move a conversation from blame to repair.", [
              P("<p>When something has gone wrong, the restorative questions help everyone "
                "understand the harm and decide how to put it right:</p>"
                + ul("What happened?", "What were you thinking at the time?",
                     "What have you thought about since?",
                     "Who has been affected by what happened, and how?",
                     "What do you think needs to happen to make things right?")),
              P("<p>For the person harmed: What did you think when you realised what had "
                "happened? What impact has it had on you and others? What has been the "
                "hardest thing? What needs to happen to make things right?</p>"),
              check("rpe-questions", [
                  ("Which is a restorative question?", False, [
                      ("Who has been affected by what happened, and how?", True, ""),
                      ("Why did you do that?", False,
                       "'Why' questions invite excuses and defensiveness."),
                      ("Whose fault was it?", False, "Restorative questions look at harm, "
                       "not blame."),
                  ], ""),
                  ("What do the questions move a conversation towards?", False, [
                      ("Repairing harm and agreeing what happens next", True, ""),
                      ("Deciding a punishment", False, "That is a punitive approach."),
                  ], ""),
              ]),
          ]),
         ("restorative-meetings", "Restorative meetings", 30, True,
          "A meeting brings together the people involved in a harm or a conflict to "
          "repair it together.", [
              P("<p>A restorative meeting is prepared carefully: the facilitator meets each "
                "person first, checks they are taking part freely, and explains the "
                "questions that will be asked. In the meeting everyone answers the "
                "restorative questions in turn, and the meeting ends with an agreement "
                "written in the participants' own words.</p>"),
              H("Before, during and after"),
              P(ul("Before: see each person separately; agree who will come; plan the room.",
                   "During: follow the script; let each person speak; keep to the questions.",
                   "After: write down the agreement; agree who will check it is kept.")),
              check("rpe-meetings", [
                  ("What happens before a restorative meeting?", False, [
                      ("The facilitator meets each person separately", True, ""),
                      ("Nothing: meetings work best unprepared", False,
                       "Preparation is what makes a meeting safe."),
                  ], ""),
                  ("Whose words should the agreement be written in?", False, [
                      ("The participants'", True, ""),
                      ("The facilitator's", False, "The agreement belongs to the people "
                       "who made it."),
                  ], ""),
              ]),
          ]),
         ("restorative-circles", "Restorative circles", 25, True,
          "Circles build relationships before anything goes wrong, and solve problems "
          "together when it does.", [
              P("<p>In a circle everyone sits where they can see each other and speaks in "
                "turn, often holding a talking piece. <strong>Check-in circles</strong> "
                "build relationships in a team, a class or a family; "
                "<strong>problem-solving circles</strong> let a group decide together how "
                "to put something right.</p>"),
              R("rpe-circles-reflect", "Where could a check-in circle help the team or "
                "group you work with?"),
              check("rpe-circles", [
                  ("What is a talking piece for?", False, [
                      ("Showing whose turn it is to speak", True, ""),
                      ("Deciding who is to blame", False, "Circles are not about blame."),
                  ], ""),
              ]),
          ]),
     ]),
    ("family-group-conferences", "Family Group Conferences", "family-group-conferences",
     "practitioner", "blended", 12, 36,
     "How a Family Group Conference brings the wider family together to make a plan for a "
     "child, in three parts: information giving, private family time and agreeing the plan.",
     "Social workers, family intervention workers and FGC coordinators.",
     ["explain when to offer a Family Group Conference",
      "describe the coordinator's preparation with the family network",
      "take part in the three parts of a conference",
      "review a family plan"],
     ["KSS1", "KSS6", "KSS7"], ["restorative-practice-essentials"],
     [
         ("what-an-fgc-is", "What a Family Group Conference is", 20, True,
          "A family-led meeting in which the family and friends around a child make a plan.",
          [
              P("<p>A Family Group Conference (FGC) is a decision-making meeting in which "
                "a child's wider family and friends come together to make a plan for the "
                "child. It rests on the belief that families are usually best placed to "
                "find solutions, and it is the family, not the professionals, who make "
                "the plan.</p>"),
              R("fgc-what-reflect", "Who is in the network around a child you work with, "
                "beyond their parents?"),
          ]),
         ("preparing-the-conference", "Preparing the conference", 25, True,
          "An independent coordinator prepares everyone before the day.", [
              P("<p>An independent coordinator meets the child, the parents and the wider "
                "family, agrees who will be invited, and makes sure the child's voice is "
                "heard, with an advocate if needed. The referrer agrees the question the "
                "plan must answer and any bottom lines.</p>"),
          ]),
         ("information-giving", "Part 1: information giving", 20, True,
          "Professionals share what they know, clearly and without jargon.", [
              P("<p>In the first part, professionals explain why the conference is being "
                "held, what they know, the resources available and any bottom lines the "
                "plan must meet. The family can ask questions.</p>"),
          ]),
         ("private-family-time", "Part 2: private family time", 20, True,
          "The family talk on their own and make their plan.", [
              P("<p>In private family time the professionals, and usually the coordinator, "
                "leave the room. The family talk together on their own and make their "
                "plan.</p>"),
              check("fgc-private", [
                  ("Who is in the room during private family time?", False, [
                      ("The family, without professionals", True, ""),
                      ("The family and the social worker", False,
                       "Professionals leave so the family can decide on their own."),
                  ], ""),
              ]),
          ]),
         ("agreeing-the-plan", "Part 3: agreeing the plan", 20, True,
          "Professionals hear the plan and agree it unless it leaves the child unsafe.", [
              P("<p>When the family are ready, professionals return. The family present "
                "their plan; it is agreed unless it puts the child at risk, and the "
                "resources it needs are agreed. A review is arranged.</p>"),
              check("fgc-plan", [
                  ("What are the three parts of a Family Group Conference, in order?",
                   False, [
                       ("Information giving, private family time, agreeing the plan", True,
                        ""),
                       ("Private family time, information giving, agreeing the plan", False,
                        "The family first hear the information they need."),
                       ("Assessment, decision, review", False,
                        "That is not how a conference is structured."),
                   ], ""),
                  ("When may professionals not agree the family's plan?", False, [
                      ("When it would leave the child at risk", True, ""),
                      ("When they would have written a different plan", False,
                       "The family's plan is agreed unless it is unsafe."),
                  ], ""),
              ]),
          ]),
     ]),
    ("motivational-interviewing", "Motivational Interviewing", "motivational-interviewing",
     "practitioner", "online", 8, 36,
     "The spirit of Motivational Interviewing and its core skills, OARS: open questions, "
     "affirmations, reflections and summaries.",
     "Practitioners supporting parents and young people to make changes.",
     ["describe the spirit of MI", "use OARS in a conversation",
      "recognise and strengthen change talk"],
     ["KSS1", "KSS2", "KSS4"], [],
     [
         ("the-spirit-of-mi", "The spirit of MI", 20, True,
          "MI is a way of being with people, before it is a set of techniques.", [
              P("<p>Motivational Interviewing is a collaborative conversation style for "
                "strengthening a person's own motivation and commitment to change. Its "
                "spirit has four parts:</p>"
                + ul("<strong>Partnership</strong>: working alongside the person, as an "
                     "expert in their own life.",
                     "<strong>Acceptance</strong>: respecting their worth, autonomy and "
                     "choices.",
                     "<strong>Compassion</strong>: putting their welfare first.",
                     "<strong>Evocation</strong>: drawing out their own reasons for change "
                     "rather than installing ours.")),
              check("mi-spirit", [
                  ("Which are part of the spirit of MI?", True, [
                      ("Partnership", True, ""), ("Acceptance", True, ""),
                      ("Compassion", True, ""), ("Evocation", True, ""),
                      ("Confrontation", False, "MI avoids confronting or arguing for "
                       "change."),
                  ], ""),
              ]),
          ]),
         ("oars", "OARS: the core skills", 30, True,
          "Open questions, affirmations, reflections and summaries.", [
              P(ul("<strong>Open questions</strong> invite the person to tell their story: "
                   "'What would you like to be different?'",
                   "<strong>Affirmations</strong> recognise strengths and efforts.",
                   "<strong>Reflections</strong> say back what you heard, simply or with "
                   "meaning added.",
                   "<strong>Summaries</strong> draw together what has been said and show "
                   "you listened.")),
              R("mi-oars-reflect", "Write an open question you could ask a parent you "
                "are working with this week."),
              check("mi-oars", [
                  ("What does OARS stand for?", False, [
                      ("Open questions, affirmations, reflections, summaries", True, ""),
                      ("Objectives, actions, reviews, success", False,
                       "That sounds like a plan, not a conversation."),
                  ], ""),
                  ("Which is an open question?", False, [
                      ("How would you like things to be in six months?", True, ""),
                      ("Do you want to stop drinking?", False,
                       "A yes/no question closes the conversation."),
                  ], ""),
              ]),
          ]),
         ("change-talk", "Change talk", 25, True,
          "Hearing, and strengthening, what people say in favour of change.", [
              P("<p>Change talk is anything the person says in favour of change: desire, "
                "ability, reasons and need, then commitment. Sustain talk is what they "
                "say for staying the same. We listen for change talk, reflect it and ask "
                "more about it, and we do not argue with sustain talk.</p>"),
          ]),
         ("planning-for-change", "Planning for change", 20, False,
          "When the person is ready, plan together.", [
              P("<p>When change talk grows and sustain talk fades, ask what the person "
                "wants to do next and plan together, in their words.</p>"),
          ]),
     ]),
    ("outcomes-based-accountability", "Outcomes Based Accountability",
     "outcomes-based-accountability", "practitioner", "online", 5, None,
     "Population and performance accountability, the three performance measures, and "
     "turning the curve from talk to action.",
     "Team managers, service leads and anyone planning or reviewing services.",
     ["tell population from performance accountability",
      "choose performance measures for a service",
      "use 'turn the curve' thinking"],
     ["KSS7", "KSS10"], [],
     [
         ("ends-to-means", "From ends to means", 15, True,
          "OBA starts with the results we want and works back to what we do.", [
              P("<p>Outcomes Based Accountability is a disciplined way of thinking and "
                "acting, starting with the ends we want and working backwards to the "
                "means, in plain language and with data.</p>"),
          ]),
         ("population-accountability", "Population accountability", 20, True,
          "The well-being of whole populations: children in a cluster, a city.", [
              P("<p>Population accountability is about the well-being of a whole "
                "population, such as all children in a cluster. No single agency is "
                "responsible: partners share accountability for population indicators "
                "such as school attendance.</p>"),
          ]),
         ("performance-accountability", "Performance accountability", 25, True,
          "The well-being of the people a service works with, in three measures.", [
              P("<p>Performance accountability is about the people a service works with. "
                "Every service can be measured with three questions:</p>"
                + ul("<strong>How much did we do?</strong>",
                     "<strong>How well did we do it?</strong>",
                     "<strong>Is anyone better off?</strong>")),
              check("oba-measures", [
                  ("Which are the three performance measures?", True, [
                      ("How much did we do?", True, ""),
                      ("How well did we do it?", True, ""),
                      ("Is anyone better off?", True, ""),
                      ("How much did it cost?", False,
                       "Cost matters, but it is not one of the three measures."),
                  ], ""),
                  ("Is school attendance across a cluster a population or a performance "
                   "measure?", False, [
                       ("Population", True, ""),
                       ("Performance", False, "It describes all children in the cluster, "
                        "not only those a service works with."),
                   ], ""),
              ]),
          ]),
         ("turning-the-curve", "Turning the curve", 20, True,
          "From talk to action in a few steps.", [
              P("<p>Look at the baseline: the data and where it is heading. Ask the story "
                "behind the baseline, who the partners are, what works, and what we "
                "propose to do; then act and watch the curve.</p>"),
              R("oba-curve-reflect", "Which curve would your team most like to turn?"),
          ]),
     ]),
    ("leeds-practice-model", "The Leeds Practice Model", "leeds-practice-model",
     "awareness", "blended", 4, None,
     "The three key elements of the Leeds Practice Model: Rethink Formulation, Leeds "
     "Practice Principles and Outcome Focused Supervision.",
     "Everyone new to working with children and families in Leeds.",
     ["describe the three elements of the model",
      "explain how RES teams use formulation and group supervision"],
     ["LPM1", "LPM2", "LPM3", "KSS9"], [],
     [
         ("rethink-formulation", "Rethink Formulation", 20, True,
          "Understanding a family's story before planning.", [
              P("<p>The RES teams use Rethink Formulation with all the families they work "
                "with, agree goals with them which form their plan, and review progress "
                "on the goals intensively, often weekly.</p>"),
              R("lpm-formulation-reflect", "How would formulating a family's story with them "
                "change the plan you make together?"),
          ]),
         ("leeds-practice-principles", "Leeds Practice Principles", 15, True,
          "The principles behind all practice in Leeds.", [
              P("<p>The principles describe working restoratively, with families, building "
                "on strengths, and doing what we say we will do.</p>"),
          ]),
         ("outcome-focused-supervision", "Outcome Focused Supervision", 20, True,
          "Supervision that keeps the family's outcomes at the centre.", [
              P("<p>Each formulation and family plan is discussed in group supervision, an "
                "integral feature of how the RES teams work.</p>"),
              check("lpm-elements", [
                  ("What are the three key elements of the Leeds Practice Model?", False, [
                      ("Rethink Formulation, Leeds Practice Principles, Outcome Focused "
                       "Supervision", True, ""),
                      ("Assessment, planning, review", False,
                       "Those are stages of casework, not the model's elements."),
                  ], ""),
              ]),
          ]),
     ]),
    ("leading-restorative-early-support", "Leading restorative early support",
     "restorative-practice", "advanced", "face_to_face", 10, 24,
     "How RES teams bring social work closer to schools: referrals by conversation, no "
     "waiting lists, group supervision and the 3A's.",
     "RES Team Managers, senior practitioners and Targeted Services Leaders.",
     ["explain the vision for the RES teams", "lead group supervision of formulations",
      "work with schools and clusters on the 3A's"],
     ["KSS7", "KSS9", "KSS10", "LPM3"], ["restorative-practice-essentials"],
     [
         ("how-res-teams-work", "How RES teams work", 20, True,
          "Social work and family support working together locally.", [
              P("<p>RES teams bring social work and family support staff together locally "
                "to try a more flexible, multi-disciplinary approach, helping families to "
                "solve their problems within their own communities. They are additional "
                "to, not instead of, cluster and early help resources.</p>"),
              P("<p>Every referral starts with a conversation with the RES Team Manager; "
                "there is no referral form and no waiting list.</p>"),
          ]),
         ("the-three-as", "The 3A's: attend, achieve, attain", 20, True,
          "What the RES teams aim to improve for children.", [
              P(ul("<strong>Attend</strong> school or an education setting regularly.",
                   "<strong>Achieve</strong> socially: friends, a trusted adult, "
                   "activities.",
                   "<strong>Attain</strong>: reach academic potential.")),
              check("lres-3as", [
                  ("What are the 3A's?", False, [
                      ("Attend, achieve, attain", True, ""),
                      ("Assess, act, audit", False, "Those are not in the RES vision."),
                  ], ""),
                  ("How does a referral to a RES team start?", False, [
                      ("With a conversation with the RES Team Manager", True, ""),
                      ("With a referral form", False, "There is no specific referral "
                       "form."),
                  ], ""),
              ]),
          ]),
         ("group-supervision", "Group supervision", 25, True,
          "Discussing each formulation and plan together.", [
              P("<p>Group supervision brings the team together to discuss each family's "
                "formulation and plan, sharing expertise across social work and family "
                "support.</p>"),
          ]),
     ]),
]
