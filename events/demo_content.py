"""The Centre's events in the demo: kinds of event, each with its own shape of day, and the
occasions each ran or will run. Feedback is written per kind and used once each, never
recycled, so the events report reads like what people really said."""

# Each kind: where and when it usually runs, who it is for, its programme as
# (minutes from the start, item) and the feedback attendees gave (rating, most useful,
# what I will do differently), used in order across the kind's past occasions.
KINDS = {
    "mi-practice": {
        "online": True, "venue": None, "weekday": 3, "start": (13, 30), "minutes": 90,
        "capacity": 12, "audience": "everyone", "cpd": 1.5,
        "intro": "An online practice session for people who have started the Motivational "
                 "Interviewing course: short demonstrations, then practice in pairs in "
                 "breakout rooms, with feedback from an MI coach. Cameras on, please.",
        "programme": [
            (0, "Check-in round and what you want to practise today"),
            (10, "Demonstration: the coach with a volunteer 'parent'"),
            (25, "Practice in pairs (breakout rooms), swapping roles at half time"),
            (65, "Back together: what worked, what was hard"),
            (85, "One thing to try this week, and close"),
        ],
        "feedback": [
            (5, "Being stopped and asked to turn a question into a reflection. Annoying at "
                "the time and exactly what I needed.",
             "Count my reflections on my next two visits. I suspect I ask four questions for "
             "every reflection."),
            (4, "The coach's demonstration with the reluctant dad.",
             "Stop rushing to the plan when a parent says something hopeful."),
            (5, "Breakout pairs with someone from a different team.",
             "Use a scaling question with the mum I'm seeing on Thursday."),
            (3, "Practising, though 90 minutes online is tiring after a morning of visits.",
             "Try one double-sided reflection a day."),
            (4, "Hearing the difference between sustain talk and discord in real examples.",
             "Notice when I'm arguing for change and step back."),
            (5, "The 'why a four and not a two?' question. Simple and it works.",
             "Ask it at review meetings, not only on visits."),
            (4, "Getting feedback from the coach on my own words, not in general.",
             "Write down three open questions before each visit for a fortnight."),
            (5, "Seeing how much longer people talk after a good reflection.",
             "Leave more silence. I fill every gap."),
            (4, "Short, focused, and I could do it from the office.",
             "Book the next session and bring a real case."),
            (3, "The demonstration. The pairs work felt a bit artificial.",
             "Practise summaries with a colleague before supervision."),
        ],
        "occasions": [
            ("mi-practice-reflections", "Motivational Interviewing practice: reflections",
             -470),
            ("mi-practice-change-talk", "Motivational Interviewing practice: change talk",
             -330),
            ("mi-practice-discord", "Motivational Interviewing practice: discord and "
             "sustain talk", -185),
            ("mi-practice-summaries", "Motivational Interviewing practice: summaries", -52),
            ("mi-skills-practice", "Motivational Interviewing skills practice", 16),
        ],
    },
    "network": {
        "online": False, "venue": "merrion", "weekday": 1, "start": (9, 30), "minutes": 180,
        "capacity": 40, "audience": "everyone", "cpd": 3,
        "intro": "The restorative practice network brings together practitioners from the RES "
                 "teams, the Restorative Adolescent Service, schools and partners. Each "
                 "meeting has a theme, a case discussion led by a specialist restorative "
                 "practice worker, and time to talk.",
        "programme": [
            (0, "Arrival, tea and coffee"),
            (15, "Opening round: one word for how you are arriving"),
            (30, "The theme: a short input and questions"),
            (75, "Break"),
            (90, "Case discussion in small groups, led by a restorative practice worker"),
            (150, "What we are taking away, and close"),
        ],
        "feedback": [
            (5, "The case discussion about a restorative meeting that nearly did not happen.",
             "Spend longer preparing the person harmed before I suggest a meeting."),
            (4, "Meeting school staff who use circles in class.",
             "Ask our cluster schools what they already do before offering training."),
            (5, "Hearing the specialist worker say when she decides not to hold a meeting.",
             "Be braver about saying a meeting is not safe yet."),
            (4, "Time to talk to people from other RES teams.",
             "Invite a colleague from the JESS team to our team meeting."),
            (3, "Useful theme, but the room was too hot and too full.",
             "Use the restorative questions in my next difficult supervision."),
            (5, "The young person's account of a restorative meeting at her children's home.",
             "Involve young people in writing the agreement, not only agreeing it."),
            (4, "Practical examples of affective statements with teenagers.",
             "Try affective statements with the two brothers I work with."),
            (5, "Seeing how the Armley & Farnley team use check-ins with families.",
             "Start family sessions with a check-in round."),
            (4, "A good mix of input and discussion.",
             "Share the case discussion model with my team."),
            (2, "The input went over what I already knew from the course.",
             "Nothing new this time, though the networking was worthwhile."),
            (4, "The discussion about restorative practice and exclusions.",
             "Talk to the school's inclusion lead about a meeting before the next "
             "exclusion."),
            (5, "Honest talk about when restorative approaches go wrong.",
             "Write agreements with a review date every time."),
        ],
        "occasions": [
            ("network-adolescents", "Restorative practice network: working with adolescents",
             -505),
            ("network-schools", "Restorative practice network: restorative schools", -400),
            ("network-when-not-to-meet", "Restorative practice network: when a meeting is "
             "not safe", -290),
            ("network-residential", "Restorative practice network: restorative practice in "
             "children's homes", -160),
            ("network-families", "Restorative practice network: check-ins with families",
             -68),
            ("restorative-practice-network-meeting", "Restorative practice network: repair "
             "after exclusion", 23),
        ],
    },
    "fgc-day": {
        "online": False, "venue": "civic", "weekday": 2, "start": (9, 30), "minutes": 390,
        "capacity": 24, "audience": "everyone", "cpd": 6,
        "intro": "The face-to-face practice day of the Family Group Conferences course. In "
                 "groups of six you take a family from referral to review, with experienced "
                 "coordinators playing family members. Attending completes the course's "
                 "practice day module.",
        "programme": [
            (0, "Welcome and introductions"),
            (30, "Writing the question and bottom lines with the referrer"),
            (90, "Break"),
            (105, "Preparation visits: role play in threes"),
            (180, "Lunch (provided)"),
            (225, "The conference: information giving and the family's plan"),
            (330, "A parent's view: what a conference felt like"),
            (375, "Reflection and close"),
        ],
        "feedback": [
            (5, "Playing the nan in private family time. I had no idea how much families "
                "argue before they agree.",
             "Stop drafting the plan in my head before the conference."),
            (5, "The parent who spoke about her conference. The room was silent.",
             "Offer a conference before the situation is a crisis."),
            (4, "Rewriting the referral question so a family could answer it.",
             "Write questions in plain words and check them with the coordinator."),
            (4, "Role play was uncomfortable but realistic.",
             "Think about who in the wider family has never been asked."),
            (3, "A long day; the afternoon role play could be shorter.",
             "Set fewer bottom lines, and explain each one."),
            (5, "Coordinators' stories about finding relatives nobody knew about.",
             "Ask every child who they would want at a meeting about them."),
            (4, "Practising how to present information without jargon.",
             "Take the acronyms out of my reports."),
        ],
        "occasions": [
            ("fgc-practice-day-spring", "Family Group Conferences practice day", -375),
            ("fgc-practice-day-autumn", "Family Group Conferences practice day (autumn)",
             -120),
            ("fgc-learning-event", "Family Group Conferences practice day (winter)", 44),
        ],
    },
    "oba-workshop": {
        "online": False, "venue": "merrion", "weekday": 3, "start": (13, 0), "minutes": 210,
        "capacity": 24, "audience": "everyone", "cpd": 3.5,
        "intro": "A hands-on Outcomes Based Accountability workshop. Bring your cluster's or "
                 "team's data: you leave with a baseline, the story behind it and an action "
                 "plan.",
        "programme": [
            (0, "Population and performance accountability in fifteen minutes"),
            (20, "Your baseline: drawing the curve and the forecast"),
            (60, "The story behind the baseline, in cluster groups"),
            (105, "Break"),
            (120, "Partners and what works, including no-cost and low-cost ideas"),
            (170, "Action plans, and how we will know if anyone is better off"),
            (200, "Close"),
        ],
        "feedback": [
            (5, "Finally understanding the difference between population and performance "
                "accountability.",
             "Stop reporting visits as if they were outcomes."),
            (4, "Drawing our own attendance baseline with real data.",
             "Take the turn-the-curve questions to our next cluster meeting."),
            (4, "The no-cost ideas list. Some of them we could start on Monday.",
             "Try the morning phone call with three families."),
            (3, "Good content; I wish more school staff had been there.",
             "Bring our attendance lead next time."),
            (5, "Writing 'is anyone better off?' measures for our own team.",
             "Add one better-off measure to our team's quarterly report."),
            (4, "Working with people from health and schools on the same curve.",
             "Ask the school nursing service what their data shows."),
        ],
        "occasions": [
            ("oba-workshop-attendance", "Turn the curve workshop: school attendance", -440),
            ("oba-workshop-re-referrals", "Turn the curve workshop: re-referrals", -215),
            ("oba-turn-the-curve-school-attendance", "Turn the curve workshop: attendance "
             "in the spring term", 30),
        ],
    },
    "rethink-forum": {
        "online": True, "venue": None, "weekday": 1, "start": (14, 0), "minutes": 120,
        "capacity": 60, "audience": "everyone", "cpd": 2,
        "intro": "An online forum with the Rethink Team for social work, early help, schools "
                 "and NHS colleagues: one family's formulation, built live, and how it "
                 "shaped the plan.",
        "programme": [
            (0, "Welcome and the family's story (anonymised)"),
            (15, "Building the formulation live: the 5 Ps"),
            (60, "From formulation to goals"),
            (85, "Questions from colleagues across agencies"),
            (110, "Close"),
        ],
        "feedback": [
            (5, "Watching a formulation being built step by step.",
             "Use the one-page formulation template with my next new family."),
            (4, "Hearing a GP and a head teacher's view of the same family.",
             "Ask health colleagues for their view before I formulate."),
            (4, "The link between perpetuating factors and what goes in the plan.",
             "Check every goal connects to something in the formulation."),
            (3, "Interesting, though the online chat moved too fast to follow.",
             "Read the Rethink Formulation practice guide."),
            (5, "Clear and practical, and I could join from school.",
             "Share the formulation approach with our pastoral team."),
        ],
        "occasions": [
            ("rethink-forum-early-years", "Rethink Formulation forum: a family with a baby",
             -350),
            ("rethink-forum-teenager", "Rethink Formulation forum: a fourteen-year-old "
             "missing from home", -95),
            ("rethink-formulation-multi-agency-forum", "Rethink Formulation forum: a family "
             "stepped down from social work", 58),
        ],
    },
    "leaders-seminar": {
        "online": False, "venue": "civic", "weekday": 3, "start": (10, 0), "minutes": 330,
        "capacity": 10, "audience": "visiting_leaders", "cpd": 5,
        "intro": "For aspiring leaders from other local authorities: how Leeds built its "
                 "restorative model, with senior officers, a visit to a RES team, and time "
                 "to network.",
        "programme": [
            (0, "Welcome from the Director of Children and Families"),
            (30, "Leeds' improvement journey: what mattered and what we would do "
                 "differently"),
            (105, "Break"),
            (120, "Panel: leading restorative practice across a whole system"),
            (180, "Lunch and networking"),
            (225, "Visit: group supervision in a RES team, or the Front Door"),
            (300, "Your questions, and close"),
        ],
        "feedback": [
            (5, "Margaret Holt's honesty about what did not work in the early years.",
             "Take the idea of referrals by conversation back to our front door."),
            (5, "Sitting in on group supervision in a RES team.",
             "Pilot group supervision in one of our early help teams."),
            (4, "Meeting leaders from other authorities at the same stage as us.",
             "Keep in touch with the Eastmoor group and compare notes quarterly."),
            (4, "The panel on leading across schools and social work.",
             "Ask our head teachers' forum for time on the agenda."),
            (3, "Inspiring but I would have liked more on costs.",
             "Ask for a follow-up conversation on the business case."),
        ],
        "occasions": [
            ("leaders-seminar-2025", "Leadership seminar for aspiring leaders", -300),
            ("aspiring-leaders-seminar", "Leadership seminar for aspiring leaders (spring)",
             72),
        ],
    },
    "ofs-managers": {
        "online": False, "venue": "merrion", "weekday": 0, "start": (9, 30), "minutes": 180,
        "capacity": 14, "audience": "host_staff", "cpd": 3,
        "intro": "For team managers in Leeds: practising Outcome Focused Supervision in "
                 "groups, with real (anonymised) families and goals that are not moving.",
        "programme": [
            (0, "What makes supervision outcome focused"),
            (30, "Group supervision in fours: each manager presents a family"),
            (100, "Break"),
            (115, "Naming drift and what to do about it"),
            (160, "Commitments for your own team, and close"),
        ],
        "feedback": [
            (5, "Presenting a stuck family and getting ideas I had not thought of.",
             "Ask the 'six months from now' question in our next group supervision."),
            (4, "Practising keeping to clarifying questions before ideas.",
             "Time-keep group supervision more firmly."),
            (4, "Seeing how other managers record oversight against goals.",
             "Change our recording template to start from the family's goals."),
        ],
        "occasions": [
            ("ofs-managers-2025", "Outcome Focused Supervision for team managers", -250),
            ("outcome-focused-supervision-workshop", "Outcome Focused Supervision for team "
             "managers (new managers)", 37),
        ],
    },
    "schools-twilight": {
        "online": True, "venue": None, "weekday": 2, "start": (15, 45), "minutes": 90,
        "capacity": 100, "audience": "everyone", "cpd": 1.5,
        "intro": "A twilight session for school staff and RES teams: bringing social work "
                 "closer to schools, how to start a conversation with your RES Team Manager, "
                 "and the 3As.",
        "programme": [
            (0, "Welcome: what RES teams are and are not"),
            (15, "Starting with a conversation: two head teachers and a RES Team Manager"),
            (45, "Attend, achieve, attain: goals that mean something in school"),
            (70, "Questions, and who to call in your cluster"),
        ],
        "feedback": [
            (5, "Understanding that I can just ring the RES Team Manager.",
             "Ring before I fill in another form."),
            (4, "The head teachers' examples from the 2gether cluster.",
             "Talk to our Targeted Services Leader about a family I am worried about."),
            (4, "Short enough to fit after school.",
             "Share the slides with our pastoral team."),
            (3, "Helpful, but I still do not know who our RES team is.",
             "Look up our cluster in the team directory."),
            (5, "Hearing that 'achieve' means friends and a trusted adult, not grades.",
             "Think about who the trusted adult is for each child on my list."),
        ],
        "occasions": [
            ("schools-twilight-autumn", "Bringing social work closer to schools", -420),
            ("schools-twilight-spring", "Bringing social work closer to schools: attend, "
             "achieve, attain", -235),
            ("res-teams-closer-to-schools", "Bringing social work closer to schools: new "
             "school staff", 86),
        ],
    },
    "lunchtime-briefing": {
        "online": True, "venue": None, "weekday": 4, "start": (12, 30), "minutes": 60,
        "capacity": 80, "audience": "everyone", "cpd": 1,
        "intro": "A lunchtime briefing for anyone working with children and families: one "
                 "topic from the knowledge and skills framework, forty minutes of input and "
                 "twenty of questions.",
        "programme": [
            (0, "The briefing"),
            (40, "Questions"),
            (55, "Close and where to learn more"),
        ],
        "feedback": [
            (5, "The adolescent brain explained without jargon.",
             "Plan conversations with the young people I work with for calm moments."),
            (4, "Cumulative harm and the fifth-referral example.",
             "Read the chronology before I close any re-referral."),
            (4, "Attachment patterns and what they look like in a nursery.",
             "Describe what I see rather than labelling a child's attachment."),
            (5, "Neglect and poverty: the distinction was really well made.",
             "Ask what practical help a family needs before judging their care."),
            (3, "Good, but an hour is not enough for neglect.",
             "Book onto the full neglect course."),
            (4, "Speech and language delay as a sign of neglect.",
             "Ask health visitors about development at every under-five review."),
        ],
        "occasions": [
            ("briefing-adolescent-brain", "Lunchtime briefing: the adolescent brain", -455),
            ("briefing-cumulative-harm", "Lunchtime briefing: cumulative harm", -345),
            ("briefing-attachment", "Lunchtime briefing: attachment in the early years",
             -205),
            ("briefing-neglect-poverty", "Lunchtime briefing: neglect and poverty", -110),
            ("briefing-early-language", "Lunchtime briefing: early language and neglect",
             -24),
            ("briefing-exploitation", "Lunchtime briefing: adolescents and exploitation", 51),
        ],
    },
    "conference": {
        "online": False, "venue": "armouries", "weekday": 3, "start": (9, 0), "minutes": 450,
        "capacity": 150, "audience": "everyone", "cpd": 6,
        "intro": "The Centre's annual conference: lessons from Leeds' improvement journey, "
                 "workshops on restorative practice, Family Group Conferences, Motivational "
                 "Interviewing and Outcomes Based Accountability, and findings from the "
                 "evaluation of the Innovation programme.",
        "programme": [
            (0, "Registration, tea and coffee"),
            (45, "Welcome and keynote: ten years of working WITH families"),
            (105, "Findings from the programme's monitoring and evaluation"),
            (150, "Break"),
            (165, "Workshops (choose one): restorative meetings; Family Group Conferences; "
                  "MI for managers; turning the curve"),
            (240, "Lunch and the market place: RES teams, the Restorative Adolescent "
                  "Service, partner authorities"),
            (300, "Workshops (choose another)"),
            (375, "Panel: young people and parents on what helped"),
            (435, "Close"),
        ],
        "feedback": [
            (5, "The panel of young people and parents. Everyone should hear that.",
             "Ask families what helped at every closure, and write it down."),
            (4, "The evaluation findings on re-referrals.",
             "Use the findings in our service plan."),
            (5, "The restorative meetings workshop.",
             "Set up peer observation of restorative meetings in our team."),
            (4, "The market place: I met the RAS team for the first time.",
             "Refer to the Restorative Adolescent Service earlier."),
            (3, "Too much in one day; workshops overran.",
             "Follow up the MI workshop with the online course."),
            (5, "Seeing how partner authorities have adapted the model.",
             "Keep in touch with the Riverside team about their RES pilot."),
            (4, "Good keynote and a well-organised day.",
             "Bring two of my team next year."),
            (4, "The turn the curve workshop with real data.",
             "Draw a baseline for our re-referral rate."),
        ],
        "occasions": [
            ("annual-conference-last-year", "Centre for Excellence annual conference", -265),
            ("annual-conference", "Centre for Excellence annual conference", 100),
        ],
    },
}

VENUES = {
    "merrion": ("Merrion House", "110 Merrion Centre\nLeeds", "LS2 8BB",
                "Step-free entrance from Merrion Way. Lifts to every floor, accessible toilets "
                "and a hearing loop in the training rooms. A quiet room is available."),
    "civic": ("Leeds Civic Hall", "Calverley Street\nLeeds", "LS1 1UR",
              "Step-free entrance on Portland Crescent. Hearing loop in the Banqueting Suite. "
              "Blue badge parking on Calverley Street."),
    "armouries": ("Royal Armouries Hall", "Armouries Drive\nLeeds", "LS10 1LT",
                  "Fully step-free with lifts, accessible toilets on every floor, a hearing loop "
                  "in the main hall and a multi-faith and quiet room."),
}
