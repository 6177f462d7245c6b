"""Motivational Interviewing: its spirit, OARS, change talk, and responding to sustain talk
and discord (what used to be called rolling with resistance)."""

from courses.demo_content.build import course, module, paras, q, ul

SPIRIT = module(
    "the-spirit-of-mi", "The spirit of MI", 20,
    "Motivational Interviewing is a way of being with people before it is a set of "
    "techniques.",
    [
        ("What it is", paras(
            "Motivational Interviewing (MI), developed by William Miller and Stephen "
            "Rollnick, is a collaborative conversation style for strengthening a person's "
            "own motivation and commitment to change. Its spirit has four parts:",
            ul("<strong>Partnership</strong>: working alongside the person, who is the "
               "expert on their own life.",
               "<strong>Acceptance</strong>: respecting their worth, their autonomy and their "
               "right to choose, and showing you understand.",
               "<strong>Compassion</strong>: actively putting their welfare first.",
               "<strong>Evocation</strong>: drawing out their own reasons for change rather "
               "than installing ours."))),
        ("Why it matters", paras(
            "Most of us have a <em>righting reflex</em>: when we see someone heading for "
            "harm, we want to tell them how to fix it. People who are ambivalent respond to "
            "being told by arguing the other side, and talk themselves out of change. MI "
            "reverses this: the person voices the arguments for change, and people tend to "
            "believe what they hear themselves say.")),
        ("The four processes", paras(
            ul("<strong>Engaging</strong>: building a working relationship.",
               "<strong>Focusing</strong>: agreeing what the conversation is about.",
               "<strong>Evoking</strong>: drawing out the person's motivation.",
               "<strong>Planning</strong>: when they are ready, agreeing what to do."),
            "They overlap and you often go back: a plan made before engaging rarely holds.")),
    ],
    ("Worked example: noticing the righting reflex", paras(
        "A family intervention worker visiting Danielle, a mum whose drinking worries her "
        "son's school, heard herself listing the local alcohol services in the first five "
        "minutes. Danielle replied that she only drinks at weekends and her son is always "
        "fed. On the next visit the worker asked instead what Danielle wanted for her son "
        "this year. Danielle talked for ten minutes, and ended by saying she did not want "
        "him to see her the way she saw her own dad.")),
    ("When did your righting reflex last take over a conversation? What did the other "
     "person do in response?", ""),
    [
        q("Which are the four parts of the spirit of MI?",
          ["Partnership", "Acceptance", "Compassion", "Evocation"],
          [("Confrontation", "MI avoids confronting or arguing for change.")]),
        q("What is the righting reflex?",
          "The urge to tell someone how to fix their problem",
          [("A person's natural wish to change", "That is motivation, not the reflex."),
           ("A technique for reflecting back", "It is a habit to notice, not a technique."),
           ("The correct order of the four processes", "It is not about order.")]),
        q("Why does MI ask the person to voice the arguments for change?",
          "People tend to believe what they hear themselves say",
          [("It saves the practitioner from having to speak", "That is not the reason."),
           ("It allows the practitioner to record evidence", "MI is not evidence-gathering."),
           ("It shows the person is not ambivalent",
            "Ambivalence is normal and expected.")]),
        q("Which MI process comes first?",
          "Engaging",
          [("Planning", "A plan made before engaging rarely holds."),
           ("Evoking", "Evoking needs a relationship and a focus first."),
           ("Focusing", "Focusing follows engaging.")]),
        q("What does 'evocation' mean in MI?",
          "Drawing out the person's own reasons for change",
          [("Giving expert advice on the right choice", "That is installing our reasons."),
           ("Warning the person of consequences", "That tends to produce resistance."),
           ("Summarising at the end of a session", "Summaries are one of the OARS skills.")]),
    ],
)

OARS = module(
    "oars", "OARS: the core skills", 30,
    "Open questions, affirmations, reflections and summaries: the four skills MI is built "
    "from.",
    [
        ("What they are", paras(
            ul("<strong>Open questions</strong> invite the person to tell their story: "
               "'What would you like to be different for the children?'",
               "<strong>Affirmations</strong> recognise strengths and efforts, genuinely and "
               "specifically: 'You got both children to school every day this week, even "
               "with the bus strike.'",
               "<strong>Reflections</strong> say back what you heard. Simple reflections "
               "repeat or rephrase; complex reflections add meaning or feeling: 'You're "
               "exhausted, and still you're here.'",
               "<strong>Summaries</strong> gather what has been said, show you listened, and "
               "let you choose what to emphasise, usually the change talk."))),
        ("Why they matter", paras(
            "Closed questions turn a conversation into an interview in which the worker does "
            "the thinking. Reflections do more than questions to help people feel heard; "
            "MI trainers suggest aiming for at least two reflections for every question.")),
        ("How to practise", paras(
            ul("Turn three of your usual closed questions into open ones before your next "
               "visit.",
               "After a question, try a reflection rather than another question.",
               "End every conversation with a summary and ask 'What have I missed?'"))),
    ],
    ("Worked example: the same visit, twice", paras(
        "Closed: 'Did you go to the GP?' 'No.' 'Are you going to?' 'Maybe.' 'Do you want me "
        "to book it?' 'If you like.'",
        "With OARS: 'How have things been since we last met?' 'Rubbish. I didn't go to the "
        "GP.' 'It's been a hard fortnight.' 'I just couldn't face sitting there with the "
        "baby.' 'Going on your own with the baby felt too much. You still want to go.' 'I "
        "do, if my sister could come.'")),
    ("Write down an open question, an affirmation and a complex reflection you could use "
     "with a parent you are working with this week.", ""),
    [
        q("What does OARS stand for?",
          "Open questions, affirmations, reflections, summaries",
          [("Objectives, actions, reviews, success",
            "That sounds like a plan, not a conversation."),
           ("Observe, ask, respond, support", "Close, but not the MI skills."),
           ("Options, advice, reassurance, signposting", "MI is not built on advice.")]),
        q("Which is an open question?",
          "How would you like things to be in six months?",
          [("Do you want to stop drinking?", "A yes/no question closes the conversation."),
           ("Did you take the children to school today?", "This can be answered yes or no."),
           ("Is it your partner who is the problem?", "This is closed and leading.")]),
        q("Which is a complex reflection?",
          "You're exhausted, and still you're here",
          [("You said you went to the GP", "This repeats: a simple reflection."),
           ("Why didn't you go to the GP?", "This is a question, and a 'why' one."),
           ("Well done", "This is praise, and not specific enough to be an affirmation.")]),
        q("Roughly how many reflections should you aim for per question?",
          "Two or more",
          [("None: reflections slow things down", "Reflections help people feel heard."),
           ("Half a reflection per question", "Most of us already do too few."),
           ("Exactly one after every question", "More is better.")]),
        q("What can a summary do beyond showing you listened?",
          "Let you choose what to emphasise, usually the change talk",
          [("Close the case", "A summary is part of a conversation, not a case decision."),
           ("Replace the need for a written record", "Records are still needed."),
           ("Correct the person's version of events", "Summaries reflect, not correct.")]),
    ],
)

CHANGE_TALK = module(
    "change-talk", "Hearing and strengthening change talk", 25,
    "Change talk is anything a person says in favour of change. MI listens for it, asks "
    "about it and reflects it.",
    [
        ("What it is", paras(
            "Ambivalent people say things for change and for staying the same. Change talk "
            "is summarised as DARN CAT:",
            ul("Preparatory: <strong>D</strong>esire ('I want...'), <strong>A</strong>bility "
               "('I could...'), <strong>R</strong>easons ('It would mean...'), "
               "<strong>N</strong>eed ('I have to...').",
               "Mobilising: <strong>C</strong>ommitment ('I will...'), "
               "<strong>A</strong>ctivation ('I'm ready to...'), <strong>T</strong>aking "
               "steps ('This week I...')."),
            "Sustain talk is the other side: reasons, desire or need to stay as things "
            "are.")),
        ("Why it matters", paras(
            "The balance of change talk and sustain talk in a conversation predicts whether "
            "change happens. What we say shapes that balance: asking 'Why haven't you...?' "
            "produces sustain talk; asking 'What would be better if...?' produces change "
            "talk.")),
        ("How to evoke it", paras(
            ul("Ask evocative questions: 'What worries you about...?', 'If you did decide "
               "to..., how would you go about it?'",
               "Use a scale: 'On 0 to 10, how important is this to you?' Then ask 'Why a 5 "
               "and not a 2?', never 'Why not a 9?'",
               "Look back and forward: 'How were things before...?', 'Where would you like "
               "to be in a year?'",
               "Reflect change talk when you hear it, and ask for more: 'What else?'"))),
    ],
    ("Worked example: a scaling question with a young person", paras(
        "A worker in the Restorative Adolescent Service asked Tyler (16) how important "
        "getting back into college was, from 0 to 10. 'Four.' 'Why four and not zero?' "
        "'Because I'm not thick, and my mates are all doing something.' The worker reflected: "
        "'You know you can do it, and you don't want to be left behind.' Tyler then asked "
        "whether the college would still let him in after Christmas.")),
    ("Listen back to (or recall) a recent conversation. What change talk did you hear, and "
     "what did you do with it?", ""),
    [
        q("'I want my kids to be proud of me.' What kind of change talk is this?",
          "Desire",
          [("Commitment", "Commitment sounds like 'I will'."),
           ("Sustain talk", "It is in favour of change."),
           ("Taking steps", "No action has been described.")]),
        q("Which is mobilising change talk?",
          "I will ring the GP tomorrow",
          [("I could probably cut down", "This is ability: preparatory."),
           ("It would save money", "This is a reason: preparatory."),
           ("I've always drunk at weekends", "This is sustain talk.")]),
        q("After a '4' on a scaling question, what do you ask?",
          "Why four and not a lower number?",
          [("Why not a nine?", "This invites the person to defend staying the same."),
           ("Can you make it a six by next week?", "This is pushing, not evoking."),
           ("What would a ten look like for me?", "The scale is about them.")]),
        q("Which question is most likely to produce sustain talk?",
          "Why haven't you stopped yet?",
          [("What would be better if things changed?", "This evokes change talk."),
           ("What worries you about how things are?", "This evokes reasons for change."),
           ("How would you go about it, if you decided to?", "This evokes ability.")]),
    ],
)

DISCORD = module(
    "sustain-talk-and-discord", "Rolling with resistance: sustain talk and discord", 20,
    "When a conversation becomes an argument, arguing harder makes it worse. MI steps "
    "alongside instead.",
    [
        ("What it is", paras(
            "Early MI called this 'rolling with resistance'. Miller and Rollnick now separate "
            "two things. <strong>Sustain talk</strong> is the person's own case for staying "
            "the same: normal, and part of ambivalence. <strong>Discord</strong> is friction "
            "in the relationship: arguing, interrupting, ignoring, 'you don't understand'. "
            "Discord is a signal about the practitioner's behaviour as much as the "
            "person's.")),
        ("Why it matters", paras(
            "Families in children's services often meet us after years of being told what to "
            "do. If we push, they push back, and every argument they make for the status quo "
            "strengthens it. Responding well keeps the door open and keeps the child's needs "
            "on the table.")),
        ("How to respond", paras(
            ul("<strong>Reflect</strong>, including a double-sided reflection: 'Part of you "
               "thinks this is fuss about nothing, and part of you is worried about Ellie's "
               "weight.'",
               "<strong>Emphasise autonomy</strong>: 'It's your decision what you do about "
               "this.'",
               "<strong>Reframe</strong>: 'You're angry because you care what happens to "
               "them.'",
               "<strong>Apologise or shift focus</strong> when you have caused the friction.",
               "Autonomy does not mean dropping concerns: say what you are worried about "
               "and what has to happen, then return to their view."))),
    ],
    ("Worked example: 'You lot just want to take my kids'", paras(
        "On a first visit, a dad told a social worker from the Inner East RES team that "
        "social workers only ever wanted to take children. She did not argue. 'You've had "
        "bad experiences with social workers and you're worried I'm the same. I'm not here "
        "to take anyone; I am worried about how often the kids are missing school, and I'd "
        "like to hear what's going on.' He talked about his own time in care, and they "
        "agreed to meet again at the school.")),
    ("Think of a family who 'won't engage'. How much of the discord might be about how "
     "services have approached them?", ""),
    [
        q("What is discord in MI?",
          "Friction in the working relationship, such as arguing or not being heard",
          [("The person's reasons for staying the same", "That is sustain talk."),
           ("A formal complaint about a worker", "Discord is within the conversation."),
           ("Disagreement between two professionals", "It describes the practitioner and "
            "the person.")]),
        q("Which is a double-sided reflection?",
          "Part of you thinks this is fuss about nothing, and part of you is worried",
          [("You need to take this more seriously", "This is a direction, not a reflection."),
           ("Why are you so worried?", "This is a question."),
           ("I hear that you are fine", "This reflects only one side.")]),
        q("What does emphasising autonomy mean?",
          "Acknowledging the person's choice while staying clear about concerns",
          [("Leaving the family to decide whether the child is safe",
            "Safety concerns are stated and kept."),
           ("Closing the case if the person disagrees", "Autonomy is not withdrawal."),
           ("Letting the person set the agenda for every visit", "Focus is agreed together.")]),
        q("A parent starts arguing. What is the best first response?",
          "Reflect what they are saying without arguing back",
          [("Restate the concern more firmly", "Pushing harder increases discord."),
           ("End the visit", "Discord can usually be worked through."),
           ("Refer them to a different worker", "Change the approach, not the worker.")]),
    ],
)

COURSE = course(
    "motivational-interviewing", "Motivational Interviewing", "motivational-interviewing",
    "practitioner", "online", 8, 36,
    "The spirit of Motivational Interviewing, its core skills (OARS), hearing and "
    "strengthening change talk, and responding to sustain talk and discord.",
    "Practitioners supporting parents and young people to make changes.",
    ["describe the spirit of MI and its four processes", "use OARS in a conversation",
     "recognise and strengthen change talk", "respond to discord without arguing"],
    ["KSS1", "KSS2", "KSS4"], [],
    [SPIRIT, OARS, CHANGE_TALK, DISCORD],
)
