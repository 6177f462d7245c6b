"""Restorative practice essentials: the social discipline window, the restorative
questions, restorative meetings and circles."""

from courses.demo_content.build import course, module, ol, paras, q, ul

WORKING_WITH = module(
    "working-with-families", "Working WITH families", 25,
    "Restorative practice starts from one idea: people are more likely to change when those "
    "in authority do things with them, rather than to them or for them.",
    [
        ("What it is", paras(
            "Restorative practice is a way of building, keeping and repairing relationships. "
            "In Leeds it describes how we work with every family, not a single intervention: "
            "relationships built through good authority, empathy, and aligning our goals with "
            "the family's own.",
            "The social discipline window (Wachtel and McCold) sets out four ways anyone in "
            "authority can respond. One axis is <strong>challenge</strong>: setting limits, "
            "holding expectations, being clear about what must change. The other is "
            "<strong>support</strong>: encouragement, practical help, nurture.",
            ul("<strong>NOT</strong> (low challenge, low support): neglectful. Nothing is "
               "expected and nothing offered; the family is left alone with the problem.",
               "<strong>TO</strong> (high challenge, low support): punitive. We set "
               "conditions and sanctions and tell the family what will happen.",
               "<strong>FOR</strong> (low challenge, high support): permissive. We do the "
               "work ourselves, rescue, make excuses, and the family's own capacity shrinks.",
               "<strong>WITH</strong> (high challenge, high support): restorative. We are "
               "honest about what has to change and we stand alongside the family while it "
               "does."))),
        ("Why it matters", paras(
            "Families who feel done to tend to comply while we are watching and stop when we "
            "leave; families who are done for learn that someone else will sort it out. Plans "
            "that a family has helped to make are the plans they keep.",
            "Working WITH is not being soft. The child's safety and needs are never up for "
            "negotiation: restorative practice asks us to say so plainly and to offer the "
            "help that makes change possible, at the same time.")),
        ("How to do it", paras(
            ul("Say clearly what you are worried about and why, in words the family use.",
               "Ask what the family think is happening and what they want to be different.",
               "Agree goals together; write them in the family's words.",
               "Offer practical help that matches the goal, not the service you happen to "
               "have.",
               "Do what you say you will do, and review it with them."))),
    ],
    ("Worked example: a school attendance worry", paras(
        "A primary school contacts its cluster because Kayden (7) has missed 30 per cent of "
        "the autumn term. The first letter home, from the school, was TO: a warning about "
        "fines. A family support worker then started driving Kayden to school each morning: "
        "FOR, and it stopped the week she went on leave.",
        "The RES team worker met his mum, Jodie, at home. She was clear that attendance had "
        "to improve (challenge) and asked what made mornings hard. Jodie described her night "
        "shifts and a younger child who does not sleep. Together they agreed that Kayden's "
        "grandad would do two mornings, the school would open its breakfast club early, and "
        "Jodie would ask her employer about day shifts. Attendance reached 94 per cent over "
        "the next half term.")),
    ("Think of a family you are working with now. Where in the window have you been "
     "working recently, and what would one conversation WITH them look like this week?",
     "Be honest: most of us drift to FOR when we are busy and to TO when we are worried."),
    [
        q("In the social discipline window, which way of working combines high challenge "
          "with high support?",
          "Working WITH the family (restorative)",
          [("Doing things FOR the family (permissive)",
            "Permissive work gives plenty of support but avoids challenge."),
           ("Doing things TO the family (punitive)",
            "Punitive work challenges without the support that makes change possible."),
           ("Doing NOT (neglectful)", "Neglectful is low on both.")]),
        q("A worker takes over a parent's appointments so that nothing is missed. Where "
          "does this sit in the window?",
          "FOR: high support, low challenge",
          [("WITH: high support, high challenge",
            "Nothing is asked of the parent, so there is no challenge."),
           ("TO: high challenge, low support", "The worker is helping, not sanctioning."),
           ("NOT: low support, low challenge", "The worker is giving a great deal of support.")],
          "Doing things for people can feel kind but leaves them less able to manage."),
        q("What does Leeds' approach say relationships with families are built through?",
          ["Good authority", "Empathy", "Aligning practitioner goals with those of the family"],
          [("Keeping decisions away from the family until a plan is ready",
            "Restorative practice makes the plan with the family."),
           ("Avoiding difficult conversations to protect the relationship",
            "Good authority includes saying hard things clearly.")]),
        q("Which statement about working restoratively is accurate?",
          "It keeps the child's safety non-negotiable while the family shape how change "
          "happens",
          [("It means agreeing to whatever the family want",
            "That would be permissive: low challenge."),
           ("It only applies after a child protection plan ends",
            "It describes how we work with every family, at every level of need."),
           ("It replaces statutory duties with family agreements",
            "Statutory duties stay; restorative practice is how we carry them out.")]),
        q("Why are plans made WITH a family more likely to last?",
          "The family own the goals and have chosen the steps",
          [("They are shorter than other plans", "Length is not what makes plans stick."),
           ("They do not need reviewing", "Every plan is reviewed, restorative or not."),
           ("Professionals stop being involved sooner",
            "Involvement ends when goals are met, not because of how the plan was made.")]),
    ],
)

QUESTIONS = module(
    "restorative-questions", "The restorative questions", 20,
    "A short set of questions that moves a conversation from blame to repair, used in a "
    "corridor as easily as in a formal meeting.",
    [
        ("What they are", paras(
            "When something has gone wrong, the restorative questions help the person who "
            "caused harm think about its effects:",
            ol("What happened?", "What were you thinking about at the time?",
               "What have you thought about since?",
               "Who has been affected by what you have done? In what way?",
               "What do you think you need to do to make things right?"),
            "And for the person harmed:",
            ol("What did you think when you realised what had happened?",
               "What impact has this incident had on you and others?",
               "What has been the hardest thing for you?",
               "What do you think needs to happen to make things right?"))),
        ("Why they matter", paras(
            "The questions avoid 'why?', which invites excuses and defensiveness. They "
            "separate the person from what they did, put the harm at the centre, and hand "
            "the job of putting it right to the people involved. Used consistently by "
            "schools, RES teams and carers, they give children one predictable way of "
            "talking about conflict.")),
        ("How to use them", paras(
            ul("Keep to the order: story first, then thoughts, then effects, then repair.",
               "Ask, then wait. Silence is usually thinking.",
               "Use your own words once the structure is familiar, but keep each question "
               "open.",
               "Affective statements help too: 'I felt worried when the door slammed' names "
               "the effect without accusing."))),
    ],
    ("Worked example: a row at a children's home", paras(
        "Two young people at a Leeds children's home argued over the television and Mo (15) "
        "threw a remote, cracking the screen. The night worker asked Mo what happened and "
        "what he was thinking at the time (he had just had a call cancelled by his dad). "
        "Asked who had been affected, Mo named the other young person and, after a pause, "
        "the staff who had to stay late. He suggested paying towards the screen from his "
        "allowance and apologised the next morning. No sanction was needed to get there.")),
    ("Recall the last time you asked a child or parent 'why did you do that?'. Rewrite the "
     "conversation using the restorative questions.", ""),
    [
        q("Which of these is one of the restorative questions?",
          "Who has been affected by what you have done?",
          [("Why did you do that?", "'Why' questions invite excuses and defensiveness."),
           ("Whose fault was it?", "The questions look at harm, not blame."),
           ("What punishment do you think is fair?",
            "The questions ask how to put things right, not how to punish.")]),
        q("What is the first restorative question?",
          "What happened?",
          [("What do you think you need to do to make things right?",
            "Repair comes last, once the effects are understood."),
           ("Who has been affected?", "Effects come after the story."),
           ("How do you feel about yourself?", "This is not one of the questions.")]),
        q("Why do the questions avoid asking 'why?'",
          "It tends to produce excuses rather than reflection",
          [("Children rarely know the answer, so it wastes time",
            "The concern is defensiveness, not time."),
           ("It is too informal for a professional setting",
            "Formality is not the reason."),
           ("It can only be asked by a qualified facilitator",
            "Anyone can ask it; it simply does not help.")]),
        q("Which is an affective statement?",
          "I felt worried when you did not come home last night",
          [("You are always late and it is unacceptable", "This labels the person."),
           ("If you are late again there will be a consequence", "This is a warning."),
           ("Why can you never come home on time?", "This is an accusing question.")]),
    ],
)

MEETINGS = module(
    "restorative-meetings", "Preparing and leading a restorative meeting", 30,
    "A restorative meeting brings together the people involved in a harm or conflict to "
    "understand it and repair it together. Most of the work happens before anyone sits "
    "down.",
    [
        ("What it is", paras(
            "A restorative meeting (sometimes called a conference) is a structured meeting "
            "led by a trained facilitator, in which the person who caused harm, the person "
            "harmed and their supporters answer the restorative questions in turn and agree "
            "what will happen next. Specialist restorative practice workers in the RES teams "
            "lead these meetings with children, families and schools.")),
        ("Why preparation matters", paras(
            "A meeting is only safe if everyone comes freely, knows what will be asked and "
            "has had a chance to think about their answers. Preparation is also where the "
            "facilitator decides whether a meeting should happen at all: if the person who "
            "caused harm does not accept any responsibility, or someone would be at risk, it "
            "should not go ahead.")),
        ("How to do it", paras(
            ul("<strong>Before</strong>: meet each person separately. Hear their account, "
               "explain the questions, check they want to take part, agree who will support "
               "them. Plan the room: seating in a circle, no table, tissues, water.",
               "<strong>During</strong>: set out the purpose and ground rules, then follow "
               "the script. The person who caused harm answers first, then the person "
               "harmed, then supporters. Keep to the questions; resist summarising for "
               "people.",
               "<strong>Agreement</strong>: ask the person harmed what they need, then the "
               "whole group what should happen. Write the agreement in participants' own "
               "words, with who does what by when.",
               "<strong>After</strong>: agree who will check the agreement is kept, and "
               "when. Offer informal time at the end: much repair happens over a drink."))),
    ],
    ("Worked example: a stepfamily after an assault", paras(
        "After an argument in which Leah (14) pushed her stepfather, the family were referred "
        "by the school. The RES team's restorative practice worker met Leah, her mum and her "
        "stepfather separately over a week. Her stepfather wanted an apology; Leah wanted him "
        "to stop commenting on her friends. In the meeting both heard for the first time how "
        "frightened the other had been. Their agreement: Leah would say when she was going "
        "out and when she would be back; her stepfather would leave conversations about "
        "friends to her mum; they would review it with the worker in three weeks. At review, "
        "there had been no further incidents.")),
    ("Which part of preparing a meeting would you find hardest, and what support would help "
     "you do it well?", "Think about your own confidence, not only the procedure."),
    [
        q("What must happen before a restorative meeting goes ahead?",
          "The facilitator meets each person separately and checks they take part freely",
          [("Participants write statements for the facilitator to read out",
            "People speak for themselves in the meeting."),
           ("The person harmed agrees a sanction in advance",
            "Sanctions are not part of preparation."),
           ("Nothing: meetings work best unprepared", "Preparation is what makes them safe.")]),
        q("Whose words should the agreement be written in?",
          "The participants' own words",
          [("The facilitator's, so that it is clear and consistent",
            "The agreement belongs to the people who made it."),
           ("The referrer's, to match the original concern",
            "The referrer is not the author of the agreement."),
           ("Legal wording, so that it can be enforced",
            "Restorative agreements are voluntary, not legal documents.")]),
        q("When should a facilitator decide a meeting should not go ahead?",
          "When the person who caused harm accepts no responsibility, or someone would be "
          "at risk",
          [("When the participants are of different ages",
            "Meetings often include children and adults together."),
           ("When the harm happened more than a month ago",
            "Time since the harm is not a bar."),
           ("When supporters want to attend", "Supporters are a usual part of a meeting.")]),
        q("In the meeting, who usually answers the restorative questions first?",
          "The person who caused harm",
          [("The facilitator", "The facilitator asks; they do not answer."),
           ("The person harmed", "They speak second, after hearing an account."),
           ("The most senior professional", "Professionals are supporters if present.")]),
        q("What should the agreement include?",
          ["Who will do what", "By when", "Who will check it is kept"],
          [("A consequence if the agreement is broken",
            "Agreements look forward to repair, not to sanctions.")]),
    ],
)

CIRCLES = module(
    "restorative-circles", "Check-in and problem-solving circles", 25,
    "Circles build relationships before anything goes wrong, and let a group solve a problem "
    "together when it does.",
    [
        ("What they are", paras(
            "In a circle everyone sits where they can see each other and speaks in turn, "
            "often holding a talking piece; whoever holds it speaks and everyone else "
            "listens. Anyone may pass. <strong>Check-in circles</strong> open a day, a "
            "meeting or a family session ('one word for how you are arriving'). "
            "<strong>Problem-solving circles</strong> bring a group together to decide how to "
            "put something right.")),
        ("Why they matter", paras(
            "Most restorative work is proactive: relationships strong enough to survive a "
            "conflict have to exist before it. Circles give quieter people an equal turn, "
            "slow a conversation down and make it normal to talk about how things are going. "
            "Schools in Leeds clusters use them in classrooms; RES teams use them in team "
            "meetings and with families.")),
        ("How to run one", paras(
            ul("Arrange chairs in a circle with nothing in the middle.",
               "Explain the talking piece and that passing is allowed.",
               "Start with an easy round, then the question that matters.",
               "Go round at least twice on a problem: first what is happening, then ideas.",
               "Close with a round on what each person will do or take away."))),
    ],
    ("Worked example: a family circle about mornings", paras(
        "A family intervention worker ran a short circle at home with a mum and her three "
        "children, using a TV remote as the talking piece. First round: the best thing about "
        "the weekend. Second round: what makes school mornings difficult. The youngest said "
        "nobody could find shoes; the eldest said the bathroom queue. The family agreed a "
        "shoe box by the door and a bathroom rota, written by the eldest on the fridge.")),
    ("Where could a short check-in circle help the team, class or family you work with?",
     ""),
    [
        q("What is a talking piece for?",
          "Showing whose turn it is to speak",
          [("Recording what is said", "It is an object passed round, not a recording."),
           ("Deciding who is to blame", "Circles are not about blame."),
           ("Marking who has permission to leave", "Its only purpose is turn-taking.")]),
        q("What may a person do when the talking piece reaches them?",
          "Speak or pass",
          [("Only speak: passing is not allowed", "Passing is always allowed."),
           ("Speak for as long as the facilitator allows",
            "The facilitator does not ration turns."),
           ("Hand it to whoever they choose", "It goes round in order.")]),
        q("Which describes a check-in circle?",
          "A short round that opens a day, meeting or session",
          [("A formal meeting after serious harm", "That is a restorative meeting."),
           ("A disciplinary hearing held in a circle", "Circles are not hearings."),
           ("A supervision session for managers only", "Anyone can take part.")]),
        q("Why is most restorative work described as proactive?",
          "Relationships need to exist before a conflict for repair to be possible",
          [("Because incidents are rare in well-run services", "Conflicts happen everywhere."),
           ("Because reactive work is not permitted", "Meetings after harm are also part of it."),
           ("Because circles replace safeguarding procedures",
            "Circles never replace safeguarding.")]),
    ],
)

COURSE = course(
    "restorative-practice-essentials", "Restorative practice essentials",
    "restorative-practice", "practitioner", "online", 6, 24,
    "Why Leeds works restoratively with families, the social discipline window, the "
    "restorative questions, and how to lead restorative meetings and circles.",
    "Everyone in a RES team, the Restorative Adolescent Service, schools and partner agencies "
    "who work with children and families.",
    ["explain working WITH families: high challenge with high support",
     "use the restorative questions in everyday conversations",
     "prepare and lead a restorative meeting",
     "run a check-in circle and a problem-solving circle"],
    ["KSS1", "KSS2", "LPM2"], [],
    [WORKING_WITH, QUESTIONS, MEETINGS, CIRCLES],
)
