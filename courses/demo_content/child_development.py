"""Child development for early help and targeted services: attachment, development across
childhood, and the adolescent brain. Part of the knowledge and skills framework for
supporting families across early help and targeted services."""

from courses.demo_content.build import course, module, paras, q, ul

ATTACHMENT = module(
    "attachment", "Attachment and relationships", 25,
    "Why the first relationships matter, what secure and insecure attachment look like, and "
    "what this means for how we work with families.",
    [
        ("What it is", paras(
            "Attachment theory, from John Bowlby's work and Mary Ainsworth's research, "
            "describes the bond a young child forms with the adults who care for them, and "
            "how the child uses that adult as a safe base to explore from and a safe haven to "
            "return to when frightened. Children form attachments to carers who are "
            "consistently available, whether or not the care is good.",
            "Ainsworth's 'Strange Situation' research described secure, insecure-avoidant "
            "and insecure-ambivalent (resistant) patterns; Mary Main and Judith Solomon later "
            "added disorganised attachment, most often seen where the carer is both the "
            "source of comfort and a source of fear.")),
        ("Why it matters", paras(
            "Attachment patterns shape how children manage feelings, what they expect of "
            "adults, and how they behave when stressed. A child who has learnt that showing "
            "distress drives adults away may appear 'fine' when they are not; a child who has "
            "learnt that adults are unpredictable may cling, escalate or control. Knowing "
            "this helps us read behaviour as communication.")),
        ("How to use it, and its limits", paras(
            ul("Observe: who does the child go to when hurt or upset, and what happens?",
               "Describe what you see rather than labelling the child ('disorganised' is a "
               "research classification, not a diagnosis to make on a home visit).",
               "Support the carer's sensitivity: noticing, making sense of and responding to "
               "the child's signals.",
               "Remember culture: many children have several attachment figures, and "
               "caregiving norms differ."))),
    ],
    ("Worked example: 'he doesn't care when she leaves'", paras(
        "A nursery told a family intervention worker that Leo (2) did not seem to notice when "
        "his mum left or returned. On a home visit the worker saw that when Leo fell, he "
        "looked at his mum, then turned away and rubbed his own knee. His mum described being "
        "told as a child to stop crying. With the RES team's support she practised noticing "
        "and naming Leo's feelings; after a few weeks nursery staff reported him running to "
        "her at collection.")),
    ("Think of a child whose behaviour puzzles you. What might it be telling you about what "
     "they have learnt to expect from adults?", ""),
    [
        q("Whose research described the 'Strange Situation' attachment patterns?",
          "Mary Ainsworth",
          [("Mark Friedman", "Friedman developed OBA."),
           ("Stephen Rollnick", "Rollnick co-developed MI."),
           ("Jean Piaget", "Piaget studied cognitive development.")]),
        q("Which pattern is most associated with a carer who is both comfort and fear?",
          "Disorganised",
          [("Secure", "Secure attachment rests on consistent, sensitive care."),
           ("Insecure-avoidant", "Associated with carers who discourage distress."),
           ("Insecure-ambivalent", "Associated with unpredictable responsiveness.")]),
        q("What does a 'safe base' allow a young child to do?",
          "Explore, knowing they can return for comfort",
          [("Stay away from strangers entirely", "Not the meaning."),
           ("Manage every feeling alone", "Young children need co-regulation."),
           ("Attach to one adult only", "Children can have several attachment figures.")]),
        q("Which is good practice when thinking about attachment on a home visit?",
          "Describe what you observe rather than labelling the child",
          [("Diagnose the attachment style from one visit",
            "Classifications come from research tools, not single observations."),
           ("Assume one attachment figure in every culture", "Many children have several."),
           ("Ignore the carer's own history", "It often helps explain the pattern.")]),
        q("Do children form attachments to carers whose care is poor?",
          "Yes: children attach to carers who are consistently there",
          [("No: attachment only forms with good care", "Attachment forms regardless."),
           ("Only after the age of five", "Attachments form in the first years."),
           ("Only with biological parents", "Any consistent carer can be an attachment "
            "figure.")]),
    ],
)

MILESTONES = module(
    "development-through-childhood", "Development through childhood", 25,
    "The broad sequence of development from birth to school age, what delay can mean, and "
    "why we look at patterns rather than single milestones.",
    [
        ("What to expect", paras(
            "Development follows a broadly predictable sequence, with wide variation in "
            "timing. Typical ranges include:",
            ul("Social smiling at around six weeks.",
               "Sitting without support at around six to eight months.",
               "First words around 12 months; walking between about 9 and 18 months.",
               "Two-word phrases ('more milk') at around two years.",
               "By school age: dressing with little help, playing cooperatively, speaking in "
               "sentences that strangers understand."),
            "Health visitors review development at set points, including the 9 to 12 month "
            "and two to two-and-a-half year reviews, and the early years foundation stage "
            "profile records progress at the end of reception.")),
        ("Why it matters", paras(
            "Delay can have many causes: prematurity, disability, hearing loss, illness, and "
            "also a lack of stimulation, play or conversation. Speech and language delay is "
            "one of the most common signs of neglect in young children, and one of the most "
            "responsive to help.")),
        ("How to use it", paras(
            ul("Look at patterns across areas (physical, language, social and emotional) "
               "and over time, not single missed milestones.",
               "Ask the health visitor: they hold the developmental reviews.",
               "Ask parents what the child can do; watch the child play.",
               "Consider the child's experiences: who talks with them, reads with them, "
               "plays with them?"))),
    ],
    ("Worked example: a quiet two-year-old", paras(
        "At a two-year review, Ruby had around ten words. Her hearing was normal. The "
        "family intervention worker saw that Ruby spent much of the day in a buggy in front "
        "of a screen while her mum, who was depressed, slept. The plan included a GP "
        "appointment for mum, a funded two-year-old nursery place, and a local stay and play "
        "session. Six months later Ruby was using short phrases.")),
    ("For a young child you know, what do you know about their development, and who would "
     "you ask to find out more?", ""),
    [
        q("Around when do most children begin to walk?",
          "Between about 9 and 18 months",
          [("By six months", "Too early for most children."),
           ("Not until three years", "That would be a significant delay."),
           ("Exactly at 12 months", "The range is wide.")]),
        q("Two-word phrases typically appear around:",
          "Two years",
          [("Six months", "Babbling is typical then."),
           ("Four years", "By four, most children use full sentences."),
           ("Twelve months", "First words typically appear then.")]),
        q("Why look at patterns rather than one missed milestone?",
          "Timing varies widely; patterns across areas and time are more meaningful",
          [("Milestones are not useful at all", "They are useful as a guide."),
           ("Only doctors may assess milestones", "Many practitioners observe development."),
           ("A single missed milestone always means neglect", "Delay has many causes.")]),
        q("Which professional holds routine developmental reviews of under-fives?",
          "The health visitor",
          [("The RES Team Manager", "They may ask for the information, but do not hold it."),
           ("The school nurse", "School nurses work with school-age children."),
           ("The housing officer", "Not a developmental role.")]),
        q("Which is one of the most common signs of neglect in young children?",
          "Speech and language delay",
          [("Early walking", "Not associated with neglect."),
           ("A large vocabulary", "Not a sign of neglect."),
           ("Frequent colds", "Common in all young children.")]),
    ],
)

ADOLESCENT_BRAIN = module(
    "the-adolescent-brain", "The adolescent brain", 25,
    "Why adolescence is a second period of rapid brain development, and what that means for "
    "how we work with young people.",
    [
        ("What happens", paras(
            "The brain changes a great deal between puberty and the mid-twenties. Unused "
            "connections are pruned and the ones in use are strengthened. Systems that "
            "respond to reward and to social approval are highly active in adolescence, while "
            "the prefrontal cortex, which supports planning, weighing consequences and "
            "controlling impulses, keeps maturing into the mid-twenties. Sleep patterns "
            "shift later too.")),
        ("Why it matters", paras(
            "Young people can reason well when calm, but 'hot' situations (with peers, when "
            "excited, frightened or angry) favour reward and belonging over consequences. "
            "This helps explain risk-taking, and also the strength of peer influence, which "
            "exploiters use. It is also a time of opportunity: relationships and experiences "
            "in adolescence can change a life's direction.")),
        ("How to work with it", paras(
            ul("Plan conversations for calm moments, not the middle of a crisis.",
               "Involve young people in decisions: autonomy matters intensely at this age.",
               "Use peers and trusted adults positively: youth work, sport, mentoring.",
               "Think about sleep before labelling a young person 'lazy' in the morning.",
               "Treat risky behaviour as a safeguarding question, not only a choice: "
               "exploitation targets exactly these developmental needs."))),
    ],
    ("Worked example: a 'choice' that was exploitation", paras(
        "A 14-year-old known to the Restorative Adolescent Service kept going missing and "
        "came back with new trainers. Early records called it 'lifestyle choice'. A worker "
        "who understood adolescent development saw the pull of belonging and reward, asked "
        "who he was with, and raised concerns about criminal exploitation. A multi-agency "
        "plan followed, with a youth worker he trusted at its centre.")),
    ("Think of a young person whose risk-taking worries you. What needs might it be "
     "meeting for them?", ""),
    [
        q("Which part of the brain, supporting planning and impulse control, keeps maturing "
          "into the mid-twenties?",
          "The prefrontal cortex",
          [("The brain stem", "It controls basic functions and matures early."),
           ("The cerebellum", "Mainly concerned with movement and coordination."),
           ("The spinal cord", "Not part of the brain.")]),
        q("When are young people most likely to take risks?",
          "In 'hot' situations, especially with peers",
          [("When calm and alone", "Reasoning is usually good in calm situations."),
           ("Only when they lack information about risks",
            "Knowing the risks does not prevent risk-taking."),
           ("Only after the age of 18", "Risk-taking peaks in adolescence.")]),
        q("What is synaptic pruning?",
          "Removal of unused connections while those in use are strengthened",
          [("Damage caused by alcohol", "Pruning is a normal process."),
           ("The growth of new brain cells", "It removes rather than adds."),
           ("A therapeutic technique", "It is a developmental process.")]),
        q("A 15-year-old is repeatedly missing with unexplained money. What is the best "
          "first frame?",
          "A safeguarding concern: consider exploitation",
          [("A lifestyle choice to be respected", "Exploitation targets adolescent needs."),
           ("A matter for the police only", "It needs a multi-agency safeguarding response."),
           ("Normal teenage behaviour needing no response", "It needs a response.")]),
        q("Why involve young people in decisions about their plans?",
          "Autonomy matters intensely in adolescence and plans they shape are more likely "
          "to work",
          [("Because adults cannot make decisions for under-18s",
            "Adults still hold responsibilities."),
           ("To reduce paperwork", "Not the reason."),
           ("Because risk no longer matters at this age", "Risk still matters.")]),
    ],
)

COURSE = course(
    "child-development", "Child development for early help and targeted services",
    "early-help-knowledge-and-skills", "practitioner", "online", 4, None,
    "Attachment, development from birth to school age, and the adolescent brain: what "
    "practitioners supporting families need to know about how children grow.",
    "Early help, cluster and RES team practitioners, and anyone new to working with "
    "children.",
    ["explain attachment patterns and use them to read behaviour",
     "recognise developmental delay and know whom to ask",
     "work with adolescents in the light of brain development"],
    ["KSS3", "KSS1"], [],
    [ATTACHMENT, MILESTONES, ADOLESCENT_BRAIN],
)
