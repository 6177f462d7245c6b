"""Family Group Conferences: the model, the independent coordinator's preparation, private
family time, the family plan and its review, and a face-to-face practice day."""

from courses.demo_content.build import course, module, paras, q, ul

WHAT = module(
    "what-an-fgc-is", "What a Family Group Conference is", 20,
    "A decision-making meeting in which a child's wider family and friends make a plan for "
    "the child, with professionals providing information and agreeing the plan.",
    [
        ("What it is", paras(
            "A Family Group Conference (FGC) is a meeting led by the family, in which the "
            "child's wider network (parents, grandparents, aunts and uncles, family friends, "
            "and the child when they want to be there) come together to make a plan for the "
            "child's safety and well-being. The model began in New Zealand, where the "
            "Children, Young Persons and Their Families Act 1989 made it part of the law, "
            "drawing on Māori practice of family decision-making.")),
        ("Why it matters", paras(
            "Families know things about themselves that no assessment will find, and most "
            "have people who could help and have never been asked. A plan made by the family "
            "uses those people and is more likely to be kept. FGCs can keep children safely "
            "within their family network and away from care, which is why they sit at the "
            "heart of the RES teams' work to divert families from statutory intervention.")),
        ("When to offer one", paras(
            ul("When a decision needs to be made about a child's care or safety.",
               "Early: before proceedings, before a placement breaks down, while there is "
               "still time for the family's plan to work.",
               "When the family network is wider than the people you already know: an FGC "
               "often finds them.",
               "It is a voluntary process. The family must agree to it."))),
    ],
    ("Worked example: a grandmother nobody had asked", paras(
        "A social worker was preparing to ask for a foster placement for Amelia (4) after "
        "her mum's admission to hospital. A RES team FGC coordinator spent a week talking to "
        "the family. At the conference, Amelia's paternal grandmother, who lived two streets "
        "away and had not been in contact with children's services, offered to care for her, "
        "with an aunt covering two nights a week. Amelia stayed in her nursery and her mum "
        "came home to a plan she had helped write.")),
    ("Who is in the network around a child you work with, beyond their parents? Who has "
     "never been asked what they could offer?", ""),
    [
        q("Who makes the plan at a Family Group Conference?",
          "The family and their network",
          [("The social worker, with the family's agreement",
            "Professionals give information; the family make the plan."),
           ("The coordinator", "The coordinator is independent and does not write the plan."),
           ("A panel of professionals", "There is no professional panel.")]),
        q("Where did the Family Group Conference model begin?",
          "New Zealand",
          [("Leeds", "Leeds uses FGCs widely, but the model came from elsewhere."),
           ("The United States", "Not the origin."),
           ("Scandinavia", "FGCs are used there, but did not begin there.")]),
        q("When is it usually best to offer a conference?",
          "Early, while there is time for the family's plan to work",
          [("Only after care proceedings have begun",
            "By then many options have closed."),
           ("Only when the family have no relatives nearby",
            "Networks are found in preparation, wherever they live."),
           ("Only once every professional assessment is complete",
            "Waiting for every assessment loses time.")]),
        q("Which statement about taking part in an FGC is right?",
          "It is voluntary: the family must agree to it",
          [("It is ordered by a court", "It can be offered at any stage; it is voluntary."),
           ("Only parents may attend", "The wider family and friends are the point."),
           ("Children may never attend", "Children attend if they wish, with support.")]),
    ],
)

PREPARING = module(
    "preparing-the-conference", "The independent coordinator and preparation", 25,
    "Most of an FGC happens before the day: an independent coordinator finds and prepares "
    "the family network.",
    [
        ("What the coordinator does", paras(
            "The coordinator is independent of the case: they hold no case responsibility and "
            "make no decisions about the child. They meet the child, the parents and everyone "
            "the family want to invite, explain what will happen, and help the family decide "
            "who comes, where and when. Preparation usually takes three to six weeks.")),
        ("Why independence matters", paras(
            "Families have often had long, difficult relationships with professionals. An "
            "independent coordinator can be trusted to be on the family's side of the "
            "process without being against the social worker, which makes it possible to "
            "reach relatives who would not talk to children's services.")),
        ("How preparation works", paras(
            ul("The referrer agrees with the coordinator the question the plan must answer "
               "('How will Amelia be cared for safely while her mum is in hospital?') and "
               "any bottom lines: what the plan must not include.",
               "The coordinator meets the child, and an advocate is offered so the child's "
               "views are heard.",
               "Venue, date, food, interpreters and childcare are arranged to suit the "
               "family. Conferences often take place in the evening or at a weekend.",
               "Risks are managed: if someone cannot safely be in the room, the coordinator "
               "agrees how their views will be heard instead."))),
    ],
    ("Worked example: writing the question", paras(
        "A social worker's first draft of the question was 'Can the family keep Jordan away "
        "from his mother's partner?'. The coordinator helped rewrite it as 'How can the "
        "family make sure Jordan (9) is safe and gets to school every day?', with one bottom "
        "line: Jordan must not be left in the care of his mother's partner. The family found "
        "the second version easier to answer and more respectful.")),
    ("Draft the question you would ask a family you work with to answer at a conference. "
     "What bottom lines would you set, and why?", ""),
    [
        q("What makes the FGC coordinator independent?",
          "They hold no case responsibility and make no decisions about the child",
          [("They work for a different local authority", "Independence is about role."),
           ("They are a relative of the child", "Coordinators are never family members."),
           ("They are always a qualified social worker",
            "Independence does not depend on the qualification.")]),
        q("What is a bottom line?",
          "Something the family's plan must not include, set by the referrer",
          [("The minimum number of relatives who must attend",
            "There is no minimum attendance."),
           ("The latest time the conference may finish", "It is about the plan, not time."),
           ("The budget the family can spend", "Resources are discussed separately.")]),
        q("How is the child's voice heard?",
          "The coordinator meets the child, and an advocate is offered",
          [("Through the social worker's report only",
            "The child can be heard directly or through an advocate."),
           ("Children's views are not part of an FGC", "They are central to it."),
           ("The child must speak in front of everyone",
            "The child chooses how their views are shared.")]),
        q("How long does preparation typically take?",
          "Three to six weeks",
          [("One afternoon", "Finding and preparing a network takes longer."),
           ("Six months", "That would lose the point of acting early."),
           ("There is no preparation", "Preparation is most of the work.")]),
        q("Which of these might a coordinator arrange for the family?",
          ["An interpreter", "An evening or weekend time", "Food on the day"],
          [("A written plan for the family to sign", "The family write their own plan.")]),
    ],
)

PRIVATE_TIME = module(
    "private-family-time", "The conference and private family time", 25,
    "A conference has three parts: information giving, private family time, and agreeing "
    "the plan. The middle part is what makes it the family's own.",
    [
        ("Information giving", paras(
            "The coordinator welcomes everyone. Professionals explain, without jargon, why "
            "the conference is happening, what they know, what they are worried about, the "
            "bottom lines, and the resources that could help. The family can ask questions. "
            "Professionals then leave.")),
        ("Private family time", paras(
            "The family talk on their own, without professionals and usually without the "
            "coordinator, for as long as they need. They decide who will do what, by when, "
            "and what they need from services. The coordinator stays nearby in case they are "
            "needed.")),
        ("Why private time matters", paras(
            "With professionals in the room, families defer, defend or perform. Alone, they "
            "argue, remember, offer and commit. Private family time is the one thing that "
            "distinguishes an FGC from a professional meeting with relatives invited.")),
    ],
    ("Worked example: what happened behind the door", paras(
        "At the conference for Jordan, information giving took forty minutes. In private "
        "time, his uncle said for the first time that he had been worried about Jordan's "
        "mum's partner for months. His aunt offered to take Jordan to school three days a "
        "week; his nan offered Fridays; his mum agreed that her partner would move back to "
        "his own flat. The family came back with a plan after an hour and a half.")),
    ("What do you find hard about leaving the room while a family decides? What would help "
     "you trust the process?", ""),
    [
        q("Who is in the room during private family time?",
          "The family, without professionals",
          [("The family and the social worker",
            "Professionals leave so the family can decide on their own."),
           ("The family and the coordinator, who chairs",
            "The coordinator usually leaves too and stays nearby."),
           ("Only the parents", "The whole family network takes part.")]),
        q("What are the three parts of a conference, in order?",
          "Information giving, private family time, agreeing the plan",
          [("Private family time, information giving, agreeing the plan",
            "The family first hear the information they need."),
           ("Assessment, decision, review", "That is not how a conference is structured."),
           ("Introductions, professional discussion, family response",
            "The family, not professionals, do the deciding.")]),
        q("In information giving, what should professionals share?",
          ["Why the conference is happening", "What they are worried about",
           "The bottom lines and resources available"],
          [("Their own preferred plan for the family",
            "Offering a ready-made plan undermines private family time.")]),
        q("Why is private family time essential?",
          "Without professionals, families discuss openly and make commitments they own",
          [("It saves professionals' time", "That is not the reason."),
           ("It is a legal requirement in England",
            "It is part of the model, not a legal duty."),
           ("Professionals are not allowed to hear family disagreements",
            "The point is the family's ownership, not secrecy.")]),
    ],
)

PLAN = module(
    "agreeing-the-plan", "Agreeing and reviewing the family plan", 20,
    "Professionals return, hear the family's plan, and agree it unless it leaves the child "
    "unsafe. Then it is reviewed.",
    [
        ("Agreeing the plan", paras(
            "When the family are ready, the coordinator and professionals return. The family "
            "present their plan. The referrer agrees it unless it fails a bottom line or "
            "would leave the child at risk; if so, they explain why and the family can go "
            "back into private time. Resources the plan asks for are agreed there and then "
            "where possible.")),
        ("A good family plan", paras(
            ul("answers the question the conference was asked;",
               "says who does what, by when, in the family's words;",
               "says what services will provide;",
               "says what happens if something goes wrong (a contingency);",
               "sets a review date."))),
        ("Review", paras(
            "A review conference, usually within three months, asks what has happened, what "
            "has worked and what needs to change. RES teams review family goals far more "
            "often, often weekly, as part of the Leeds Practice Model.")),
    ],
    ("Worked example: a contingency that was used", paras(
        "Jordan's family plan said that if his aunt was ill, his nan would do school runs. "
        "In the second month the aunt was in hospital for a week; nan took over without a "
        "call to children's services. At review, attendance was 97 per cent and the family "
        "asked for help only with a bus pass for Jordan's nan.")),
    ("Think of a plan you agreed recently. Did it have a contingency, and was it in the "
     "family's words?", ""),
    [
        q("When may the referrer decline to agree the family's plan?",
          "When it fails a bottom line or would leave the child at risk",
          [("When they would have written a different plan",
            "The family's plan is agreed unless it is unsafe."),
           ("When it asks for services", "Agreeing resources is expected."),
           ("When relatives disagree with each other",
            "Disagreement in private time is normal.")]),
        q("What is a contingency in a family plan?",
          "What the family will do if part of the plan does not work",
          [("A fund for emergencies", "It is an arrangement, not money."),
           ("A clause allowing the social worker to rewrite the plan",
            "The plan remains the family's."),
           ("A second conference date", "That is the review.")]),
        q("What should a review ask?",
          "What has happened, what has worked and what needs to change",
          [("Whether the family attended every appointment", "That is one detail, not the "
            "purpose."),
           ("Whether the coordinator should be replaced", "Not the purpose of review."),
           ("Whether the case can be closed immediately", "Closure may follow, but is not the "
            "question.")]),
        q("If the plan is not agreed, what can happen next?",
          "The family can return to private time to change it",
          [("The social worker writes a replacement plan",
            "The family are given the chance to revise their own."),
           ("The conference is abandoned", "It continues with more private time."),
           ("The case goes straight to court", "Not as a result of one unagreed plan.")]),
    ],
)

PRACTICE_DAY = module(
    "fgc-practice-day", "Practice day: a conference from start to finish", 360,
    "The face-to-face part of the course. Attending the practice day completes this module.",
    [
        ("What happens on the day", paras(
            "In groups of six, you take a family from referral to review: writing the "
            "question and bottom lines, a preparation visit, the information-giving part "
            "of a conference and the agreement of a plan. Experienced FGC coordinators from "
            "the RES teams play family members, and a parent who has been through a "
            "conference talks about what it was like.")),
        ("Before you come", paras(
            ul("Finish the first four modules.",
               "Bring a case (anonymised) where an FGC was, or could have been, offered.",
               "Lunch is provided; tell us about dietary needs when you book."))),
    ],
    ("What past participants said", paras(
        "\"Playing the nan in private family time taught me more than any slide. I had no "
        "idea how much a family argue before they agree.\" (Social worker, JESS RES team)")),
    ("After the practice day, note one thing you will do differently the next time you "
     "refer a family for a conference.", ""),
    [],
)

COURSE = course(
    "family-group-conferences", "Family Group Conferences", "family-group-conferences",
    "practitioner", "blended", 12, 36,
    "How a Family Group Conference brings the wider family together to make a plan for a "
    "child: the independent coordinator, private family time, the family plan and its "
    "review, with a face-to-face practice day.",
    "Social workers, family intervention workers and FGC coordinators.",
    ["explain when to offer a Family Group Conference",
     "describe the independent coordinator's preparation with the family network",
     "take part in the three parts of a conference",
     "agree and review a family plan with a contingency"],
    ["KSS1", "KSS6", "KSS7"], ["restorative-practice-essentials"],
    [WHAT, PREPARING, PRIVATE_TIME, PLAN, PRACTICE_DAY],
)
