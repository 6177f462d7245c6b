"""Outcomes Based Accountability: ends to means, population and performance accountability,
the three performance measures and turning the curve."""

from courses.demo_content.build import course, module, ol, paras, q, ul

ENDS = module(
    "ends-to-means", "From talk to action: what OBA is", 15,
    "OBA starts with the results we want for children and works backwards to what we do, in "
    "plain language and with data.",
    [
        ("What it is", paras(
            "Outcomes Based Accountability (OBA), developed by Mark Friedman and described in "
            "<em>Trying Hard Is Not Good Enough</em>, is a disciplined way of thinking and "
            "acting to improve results. It starts with ends (the conditions of well-being we "
            "want) and works back to means (what we will do), and gets from talk to action "
            "quickly.")),
        ("Its two kinds of accountability", paras(
            ul("<strong>Population accountability</strong>: the well-being of whole "
               "populations, such as all children in a cluster or a city. No single service "
               "is responsible.",
               "<strong>Performance accountability</strong>: the well-being of the people a "
               "service, team or programme works with. The service is responsible."),
            "Mixing the two is the commonest mistake: holding a RES team responsible for "
            "city-wide attendance, or measuring a city's progress by how many visits one "
            "team made.")),
        ("Why Leeds uses it", paras(
            "OBA gives schools, clusters, social work and health one language for what they "
            "are trying to change, and a way to see whether anyone is better off. RES teams "
            "use it to agree what they will measure with their cluster.")),
    ],
    ("Worked example: two conversations about attendance", paras(
        "At a cluster meeting, a head teacher asked the RES Team Manager why attendance in "
        "the cluster had not improved. Using OBA, they separated the two questions. "
        "Attendance across the cluster is a population indicator: schools, the cluster, "
        "health and the RES team contribute. The RES team's own measure is the attendance of "
        "the children it works with, before and after its involvement, which in this illustration had "
        "risen from 81 to 90 per cent.")),
    ("Which result for children do you most want your work to change, and is it one you "
     "are responsible for alone or one you share?", ""),
    [
        q("What does OBA start from?",
          "The ends: the results we want",
          [("The services already available", "That is starting from means."),
           ("The budget", "Resources matter, but OBA starts with results."),
           ("The number of staff", "That is an input, not a result.")]),
        q("Who developed Outcomes Based Accountability?",
          "Mark Friedman",
          [("William Miller", "Miller co-developed Motivational Interviewing."),
           ("Ted Wachtel", "Wachtel is associated with the social discipline window."),
           ("John Bowlby", "Bowlby developed attachment theory.")]),
        q("Which is a population accountability question?",
          "How are all children in the cluster doing at school attendance?",
          [("How many families did the RES team visit last month?",
            "That is about a service: performance."),
           ("How many of the children we worked with now attend regularly?",
            "That is the service's customers: performance."),
           ("How satisfied were families with our service?",
            "That is a performance measure of quality.")]),
        q("What is the commonest mistake OBA warns against?",
          "Mixing up population and performance accountability",
          [("Collecting too little data", "Data matters, but this is not the main warning."),
           ("Using plain language", "OBA asks for plain language."),
           ("Involving partners", "Partners are essential to population results.")]),
    ],
)

POPULATION = module(
    "population-accountability", "Population accountability", 20,
    "The well-being of whole populations: children in a cluster, a ward, a city. Results, "
    "indicators and partners.",
    [
        ("Results and indicators", paras(
            "A <strong>result</strong> (or outcome) is a condition of well-being for a "
            "population, in plain language: 'Children in Leeds attend, achieve and attain at "
            "school.' An <strong>indicator</strong> is a measure that helps quantify it: the "
            "percentage of pupils persistently absent, say. The RES teams' 3As (attend, "
            "achieve, attain) are results in exactly this sense.")),
        ("Choosing indicators", paras(
            "Friedman suggests judging each candidate indicator for:",
            ul("<strong>Communication power</strong>: would the public understand it?",
               "<strong>Proxy power</strong>: does it say something central about the "
               "result?",
               "<strong>Data power</strong>: is good data available, often and reliably?"),
            "Choose a few headline indicators, keep a development agenda for the ones with no "
            "data yet.")),
        ("Why it matters", paras(
            "Population results cannot be achieved by any one service. Naming the result and "
            "its indicators lets partners see their part, and stops one agency being blamed "
            "for what only partners together can change.")),
    ],
    ("Worked example: choosing an indicator for 'achieve'", paras(
        "The one-minute guide defines achieve as achieving socially: having friends, a good "
        "relationship with at least one trusted adult, and taking part in extra-curricular "
        "activities. A cluster we worked with had no routine data for any of these. They chose "
        "'percentage of pupils in Year 6 who say they have a trusted adult in school' from "
        "an annual pupil survey (strong proxy power, moderate data power) and put "
        "extra-curricular participation on their data development agenda.")),
    ("Pick one of the 3As. What indicator would you choose for your cluster, and how would "
     "it score on communication, proxy and data power?", ""),
    [
        q("What is a result (outcome) in OBA?",
          "A condition of well-being for a population, in plain language",
          [("A target for a service", "Targets belong to performance accountability."),
           ("The number of interventions delivered", "That is a measure of effort."),
           ("A project milestone", "Milestones are about delivery, not well-being.")]),
        q("Which three criteria help choose indicators?",
          ["Communication power", "Proxy power", "Data power"],
          [("Political power", "Not one of Friedman's criteria.")]),
        q("'Percentage of pupils persistently absent' is best described as:",
          "An indicator",
          [("A result", "The result is the condition, such as children attending school."),
           ("A performance measure", "It describes all pupils, not a service's customers."),
           ("A strategy", "It measures; it does not describe action.")]),
        q("Who is accountable for a population result?",
          "Partners together; no single service",
          [("The local authority alone", "Many partners contribute."),
           ("The RES team in each cluster", "A team contributes but cannot be solely "
            "accountable."),
           ("Schools alone", "Schools are one partner among several.")]),
        q("What should you do with an important indicator that has no data yet?",
          "Put it on a data development agenda",
          [("Drop it permanently", "It may still be worth developing."),
           ("Estimate figures until data arrives", "Invented figures mislead."),
           ("Use it as the headline anyway", "Headlines need reliable data.")]),
    ],
)

PERFORMANCE = module(
    "performance-accountability", "Performance accountability: is anyone better off?", 25,
    "The well-being of the people a service works with, measured by three simple "
    "questions.",
    [
        ("The three questions", paras(
            "Every service can be measured with three questions, which come from crossing "
            "quantity and quality with effort and effect:",
            ul("<strong>How much did we do?</strong> (quantity of effort): families "
               "supported, meetings held.",
               "<strong>How well did we do it?</strong> (quality of effort): percentage of "
               "families seen within a week of referral, percentage of plans reviewed on "
               "time.",
               "<strong>Is anyone better off?</strong> (effect, as number and percentage): "
               "children whose attendance rose, families not re-referred within 12 "
               "months."))),
        ("Why it matters", paras(
            "Services usually report the first question because it is easiest. The third is "
            "the one that matters to families and the hardest to answer, so it needs the "
            "most thought. 'Better off' measures include skills or knowledge, attitude, "
            "behaviour and circumstance.")),
        ("How to do it", paras(
            ol("Who are our customers?", "How can we measure if they are better off?",
               "How can we measure if we are delivering services well?",
               "How are we doing on the most important of these measures?",
               "Who are the partners that have a role to play?",
               "What works to do better, including no-cost and low-cost ideas?",
               "What do we propose to do?"),
            "These are Friedman's seven performance accountability questions.")),
    ],
    ("Worked example: a RES team's report card", paras(
        "A RES team's quarterly report card (the figures are illustrative). How much? 46 families supported, 112 "
        "children. How well? 89 per cent seen within five working days of the first "
        "conversation; 94 per cent of family plans reviewed at least fortnightly. Better "
        "off? 31 of 46 families (67 per cent) met at least two of their own goals; 40 of 46 "
        "(87 per cent) were not re-referred to social work within six months.")),
    ("Write one 'is anyone better off?' measure for your own team. Could you collect it "
     "next month?", ""),
    [
        q("Which are the three performance measures?",
          ["How much did we do?", "How well did we do it?", "Is anyone better off?"],
          [("How much did it cost?",
            "Cost matters, but it is not one of the three measures.")]),
        q("'Percentage of family plans reviewed on time' answers which question?",
          "Quality of effort: how well we did it",
          [("Quantity of effort: how much we did",
            "It is a percentage about quality, not a count."),
           ("Effect: whether anyone is better off",
            "It describes our work, not the family's situation."),
           ("A population indicator", "It is about one service's work.")]),
        q("Which is an 'is anyone better off?' measure?",
          "Percentage of children whose school attendance improved",
          [("Number of home visits made", "That is how much we did."),
           ("Percentage of visits on time", "That is how well we did it."),
           ("Number of staff trained", "That is an input.")]),
        q("Is school attendance across a whole cluster a population or a performance "
          "measure?",
          "Population",
          [("Performance", "It describes all children in the cluster, not only those a "
            "service works with."),
           ("Neither: it is a target", "OBA distinguishes measures from targets."),
           ("Both, equally", "It is about the whole population.")]),
    ],
)

CURVE = module(
    "turning-the-curve", "Turning the curve", 20,
    "From a baseline to action in a single meeting: the story behind the line, the "
    "partners, what works, and what we will do.",
    [
        ("What it is", paras(
            "A <strong>baseline</strong> shows an indicator or measure over time, with a "
            "forecast of where it is heading if nothing changes. <strong>Turning the "
            "curve</strong> means doing better than the forecast. Success is measured "
            "against the baseline's forecast, not against an arbitrary target.")),
        ("How to run a turn-the-curve session", paras(
            ol("Look at the baseline: history and forecast.",
               "Tell the story behind the baseline: the causes and forces at work, good and "
               "bad. Ask 'why?' until you reach causes you can act on.",
               "Name the partners who have a role to play.",
               "Ask what works: research, experience, and no-cost and low-cost ideas.",
               "Agree an action plan, with who does what by when.",
               "Come back to the curve."))),
        ("Why it matters", paras(
            "Turn-the-curve talk gets a group from discussion to action in about an hour. "
            "It replaces blaming ('attendance is down because...') with a shared story and a "
            "plan the partners in the room own.")),
    ],
    ("Worked example: persistent absence in a cluster", paras(
        "An illustration. Baseline: persistent absence across the cluster's primary schools rising from 14 to "
        "18 per cent over three years, forecast 20 per cent. The story behind it: anxiety "
        "after the pandemic, a bus route cut, mornings with younger siblings. Partners: "
        "schools, the RES team, the school nursing service, the bus operator, parents. "
        "No-cost idea: a morning phone call from a trusted adult. The plan: breakfast club "
        "places for persistently absent children, and RES team Family Group Conferences for "
        "the ten families with the longest absence. A year later: 15 per cent, against a "
        "forecast of 20.")),
    ("Sketch the baseline for a measure your team cares about. What is the story behind "
     "it?", ""),
    [
        q("What does turning the curve mean?",
          "Doing better than the baseline's forecast",
          [("Meeting a national target", "Success is against the forecast, not a target."),
           ("Reversing a trend completely within a year", "Any improvement on the forecast "
            "counts."),
           ("Changing the indicator when the data looks bad", "The indicator stays.")]),
        q("What comes straight after looking at the baseline?",
          "The story behind the baseline",
          [("The action plan", "Action follows understanding."),
           ("Setting a target", "OBA does not start with targets."),
           ("Choosing new indicators", "The indicator has already been chosen.")]),
        q("Which counts as a no-cost or low-cost idea?",
          "A morning phone call from a trusted adult in school",
          [("A new team of attendance officers", "That has real cost."),
           ("Building a new school", "Not low-cost."),
           ("Commissioning a new service", "Not low-cost.")]),
        q("What does a baseline include?",
          ["History of the measure", "A forecast if nothing changes"],
          [("A target set by the local authority", "Targets are not part of a baseline."),
           ("A list of who is to blame", "The story behind it avoids blame.")]),
    ],
)

COURSE = course(
    "outcomes-based-accountability", "Outcomes Based Accountability",
    "outcomes-based-accountability", "practitioner", "online", 5, None,
    "Population and performance accountability, the three performance measures (how much, "
    "how well, is anyone better off) and turning the curve from talk to action.",
    "Team managers, service leads and anyone planning or reviewing services.",
    ["tell population from performance accountability",
     "choose indicators and performance measures for a service",
     "run a turn-the-curve conversation"],
    ["KSS7", "KSS10"], [],
    [ENDS, POPULATION, PERFORMANCE, CURVE],
)
