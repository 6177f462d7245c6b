"""Recognising and responding to neglect: its forms, cumulative harm, and structured tools
in the style of the Graded Care Profile. Part of the knowledge and skills framework for
supporting families across early help and targeted services."""

from courses.demo_content.build import course, module, paras, q, ul

RECOGNISING = module(
    "recognising-neglect", "Recognising neglect", 25,
    "Neglect is the most common reason for a child protection plan in England. It is often "
    "missed because no single day looks like a crisis.",
    [
        ("What it is", paras(
            "<em>Working Together to Safeguard Children</em> defines neglect as the "
            "persistent failure to meet a child's basic physical and/or psychological needs, "
            "likely to result in the serious impairment of the child's health or development. "
            "The key word is persistent.",
            "Jan Horwath describes several forms, which often occur together:",
            ul("<strong>Physical</strong>: food, clothing, warmth, hygiene, a safe home.",
               "<strong>Medical</strong>: missed appointments, untreated conditions, "
               "dental decay.",
               "<strong>Nutritional</strong>: too little food, or food that harms growth.",
               "<strong>Emotional</strong>: unresponsiveness, rejection, no warmth.",
               "<strong>Educational</strong>: no stimulation, persistent absence from "
               "school.",
               "<strong>Supervision and guidance</strong>: children left alone or exposed to "
               "danger."))),
        ("Why it matters", paras(
            "Neglect harms development across every area, and its effects on the developing "
            "brain, language and attachment can last into adult life. Because it builds "
            "slowly, professionals can become used to a family's circumstances (sometimes "
            "called the 'rule of optimism' or start-again syndrome) and fail to act.")),
        ("How to notice it", paras(
            ul("Look at the child's lived experience: what is a day like for them?",
               "Look for patterns across agencies: school attendance, health appointments, "
               "dental care, nursery reports.",
               "Consider parents' capacity and the reasons behind it (mental health, "
               "substance misuse, domestic abuse, learning disability, poverty) without "
               "letting the reasons obscure the child's experience.",
               "Distinguish poverty from neglect: a family without money can still meet "
               "a child's needs, and poverty needs practical help."))),
    ],
    ("Worked example: a child who was always 'just a bit' late", paras(
        "Each agency knew something about Kai (6): school saw lateness and hunger on "
        "Mondays; the dentist had seen him once, with six decayed teeth; the GP had three "
        "missed asthma reviews. None of it looked urgent alone. When the cluster's Targeted "
        "Services Leader and the RES team put it together, the picture was of a child whose "
        "needs had not been met for two years.")),
    ("Which of the forms of neglect do you find easiest to miss, and why?", ""),
    [
        q("What is the key word in the statutory definition of neglect?",
          "Persistent",
          [("Deliberate", "Neglect need not be deliberate."),
           ("Physical", "Psychological needs are included too."),
           ("Violent", "Neglect is about unmet needs, not violence.")]),
        q("Which of these are forms of neglect described by Horwath?",
          ["Medical", "Emotional", "Educational"],
          [("Financial", "Not one of Horwath's forms; poverty is not neglect in itself.")]),
        q("What is the 'rule of optimism'?",
          "Professionals interpreting evidence too positively and failing to act",
          [("A rule that families should always be given a second chance",
            "It is a recognised bias, not a rule to follow."),
           ("A strengths-based assessment tool", "It is a pitfall, not a tool."),
           ("The belief that neglect improves with age", "Not the meaning.")]),
        q("How should poverty and neglect be distinguished?",
          "Poverty is not neglect in itself: ask whether needs are met, and offer practical "
          "help",
          [("They are the same thing", "Many families in poverty meet their children's "
            "needs."),
           ("Poverty can be ignored in assessments", "It is an important context."),
           ("Neglect can only happen in poor families", "Neglect occurs in every income "
            "group.")]),
    ],
)

CUMULATIVE = module(
    "cumulative-harm", "Cumulative harm and drift", 25,
    "Harm that builds up from many events and circumstances, none of which alone looks "
    "serious enough to act on.",
    [
        ("What it is", paras(
            "Cumulative harm is the effect of patterns of circumstances and events in a "
            "child's life that diminish their sense of safety, stability and well-being. "
            "Leah Bromfield and colleagues describe it as harm that may be caused by a single "
            "recurring form of maltreatment, or by several together, compounding over "
            "time.")),
        ("Why it matters", paras(
            "Systems built around incidents ask 'is this incident serious enough?' and the "
            "answer is often no. Repeated referrals that each fall below a threshold are a "
            "warning sign in themselves. Reviews of serious cases of neglect repeatedly find "
            "drift: plans reviewed, circumstances unchanged, for months or years. Re-referral "
            "is one of the things the RES teams exist to reduce.")),
        ("How to see it", paras(
            ul("Keep and read a chronology: significant events in date order, across "
               "agencies.",
               "Ask what it is like to be this child, every day, over a year.",
               "At every review ask what has changed for the child, not what has been "
               "done.",
               "Set timescales for change linked to the child's age: a baby cannot wait a "
               "year.",
               "Use supervision to test your thinking: familiarity dulls concern."))),
    ],
    ("Worked example: the fifth referral", paras(
        "A family had been referred four times in three years: a dirty home, a missed "
        "appointment, a child with head lice, a neighbour's concern about shouting. Each was "
        "closed after a single visit. On the fifth, the RES Team Manager asked for a "
        "chronology before deciding. Read together, the referrals showed a steady "
        "deterioration since the birth of the youngest child. The team offered intensive "
        "support with clear goals and a review date, and agreed with the area social work "
        "Team Manager what would happen if the goals were not met.")),
    ("Look at the chronology of a family you work with. What pattern appears that no single "
     "entry shows?", ""),
    [
        q("What is cumulative harm?",
          "The effect of patterns of circumstances and events that build up over time",
          [("A single serious incident", "Cumulative harm is about accumulation."),
           ("Harm caused by several professionals at once", "Not the meaning."),
           ("A form of physical abuse only", "It can involve any form of maltreatment.")]),
        q("Which tool helps most in seeing cumulative harm?",
          "A multi-agency chronology",
          [("A single home visit report", "One visit shows one moment."),
           ("The latest referral form", "It shows only the latest concern."),
           ("A school attendance certificate", "Too narrow alone.")]),
        q("What should a review ask to avoid drift?",
          "What has changed for the child?",
          [("How many visits have been made?", "That measures effort, not change."),
           ("Are the parents cooperating?", "Cooperation is not the same as change."),
           ("Is the paperwork up to date?", "Not the point.")]),
        q("Why should timescales for change be linked to the child's age?",
          "Young children's development cannot wait",
          [("Older children do not need change", "All children need change, at the right "
            "pace."),
           ("Courts require it for every case", "Not the reason."),
           ("It reduces workload", "Not the reason.")]),
        q("Repeated referrals that each fall below threshold are:",
          "A warning sign in themselves",
          [("Evidence that the family is coping", "They may indicate cumulative harm."),
           ("A reason to close faster", "The pattern needs attention."),
           ("Not relevant to assessment", "They are highly relevant.")]),
    ],
)

TOOLS = module(
    "structured-tools-for-neglect", "Structured tools: the Graded Care Profile approach", 25,
    "How a structured, strengths-based tool helps practitioners and parents see the same "
    "picture of a child's care.",
    [
        ("What these tools are", paras(
            "Tools in the style of the Graded Care Profile (originally developed by Dr Om "
            "Prakash Srivastava and Dr Leon Polnay; the NSPCC's Graded Care Profile 2 is the "
            "current version) grade the care a child receives, not the parent, across areas "
            "of need on a five-point scale from the best care to the poorest. Graded Care "
            "Profile 2 looks at four areas: physical care, care of safety, love, and "
            "esteem.")),
        ("Why use one", paras(
            "A structured tool turns a vague sense that 'things aren't right' into a shared, "
            "specific picture. It shows strengths as well as concerns, gives parents a clear "
            "view of what good enough looks like, and can be repeated to show whether care "
            "is changing. Graded Care Profile 2 is licensed: practitioners use it after "
            "training, under their authority's licence.")),
        ("How to use one well", paras(
            ul("Complete it with the parent wherever possible, explaining each area.",
               "Base grades on what you have seen and heard, and note the evidence.",
               "Use it to set goals with the family, in the areas graded lowest.",
               "Repeat it at review to show change, or its absence.",
               "A tool supports professional judgement; it does not replace it."))),
    ],
    ("Worked example: agreeing what 'good enough' means", paras(
        "A dad said his children were fine and the school was fussing. Working through the "
        "areas together, he graded the children's safety highly and was right: he was "
        "careful and watchful. He agreed that physical care (food in the house, clean "
        "clothes) was where things had slipped since his partner left. The family's goals "
        "came from those areas, and repeating the profile three months later showed "
        "physical care graded two points higher.")),
    ("How would you explain to a parent why you want to use a structured tool with them?",
     ""),
    [
        q("What does a Graded Care Profile style tool grade?",
          "The care the child receives",
          [("The parent as a person", "It grades care, not the person."),
           ("The social worker's performance", "Not its purpose."),
           ("The family's income", "Income is context, not what is graded.")]),
        q("What are the four areas of the NSPCC's Graded Care Profile 2?",
          "Physical care, care of safety, love, and esteem",
          [("Attend, achieve, attain and aspire", "Those echo the RES 3As."),
           ("Health, education, housing and income", "Not the GCP2 areas."),
           ("Presenting, predisposing, precipitating and perpetuating",
            "Those are parts of a clinical formulation.")]),
        q("What is the best way to complete such a tool?",
          "With the parent, explaining each area and noting the evidence",
          [("Alone, after the visit, from memory", "Evidence and participation matter."),
           ("By asking the child's school to fill it in", "Practitioners complete it with "
            "families."),
           ("Only at case closure", "It is used to set goals and measure change.")]),
        q("How does a structured tool relate to professional judgement?",
          "It supports judgement but does not replace it",
          [("It replaces judgement with a score", "Judgement still decides."),
           ("It is only for newly qualified staff", "It helps everyone."),
           ("It is not compatible with judgement", "It informs judgement.")]),
    ],
)

COURSE = course(
    "recognising-and-responding-to-neglect", "Recognising and responding to neglect",
    "early-help-knowledge-and-skills", "practitioner", "online", 5, 36,
    "The forms of neglect, cumulative harm and drift, and how structured tools in the style "
    "of the Graded Care Profile help families and practitioners see the same picture.",
    "Early help, cluster and RES team practitioners, social workers, school staff and "
    "health colleagues.",
    ["recognise the forms of neglect and tell neglect from poverty",
     "use a chronology to see cumulative harm and prevent drift",
     "use a structured tool with a parent to set goals and measure change"],
    ["KSS5", "KSS6", "KSS7"], [],
    [RECOGNISING, CUMULATIVE, TOOLS],
)
