"""How the demo courses are written down: a module is a few screens (sections under
headings), a worked example, a reflection prompt and a knowledge check. Kept apart from
the course texts so that each course file reads as prose."""

from courses import content

# Where the right answer goes, question by question: authors write the right answer first
# (easier to check), and the demo spreads it over every position a learner could see.
POSITIONS = [2, 0, 3, 1, 1, 3, 0, 2, 3, 1, 2, 0]


def ul(*items):
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def ol(*items):
    return "<ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>"


def paras(*texts):
    return "".join(t if t.startswith("<") else f"<p>{t}</p>" for t in texts)


def q(text, right, wrong, explanation=""):
    """A question: `right` is one answer or a list (several right answers make it a
    'choose all that apply' question); `wrong` is [(answer, why it is wrong)]."""
    right = [right] if isinstance(right, str) else list(right)
    return {"text": text, "right": right, "wrong": wrong, "explanation": explanation}


def _place(question, number, seed):
    wrong = [(text, False, why) for text, why in question["wrong"]]
    right = [(text, True, "") for text in question["right"]]
    answers = list(wrong)
    slots = len(wrong) + 1
    start = POSITIONS[(number + seed) % len(POSITIONS)] % slots
    for offset, answer in enumerate(right):
        answers.insert(min(start + offset * 2, len(answers)), answer)
    return answers


def check(prefix, questions, pass_mark=80):
    seed = sum(map(ord, prefix))
    return content.knowledge_check(
        f"{prefix}-check",
        [(f"{prefix}-q{i}", question["text"], len(question["right"]) > 1,
          [(f"{prefix}-q{i}-{chr(97 + j)}", text, ok, why)
           for j, (text, ok, why) in enumerate(_place(question, i, seed))],
          question["explanation"])
         for i, question in enumerate(questions, 1)],
        title="Check your understanding", pass_mark=pass_mark,
    )


def module(slug, title, minutes, introduction, sections, example, reflection, questions,
           required=True, pass_mark=80):
    """sections: [(heading, html)]; example: (heading, html); reflection: (prompt, hint)."""
    blocks = []
    for heading, html in sections:
        blocks += [content.heading(heading), content.paragraph(html)]
    example_heading, example_html = example
    blocks.append(content.callout(example_heading, example_html))
    prompt, hint = reflection
    blocks.append(content.reflection(f"{slug}-reflect", prompt, hint))
    if questions:
        blocks.append(check(slug, questions, pass_mark=pass_mark))
    return (slug, title, minutes, required, introduction, blocks)


def course(slug, title, programme, level, mode, hours, validity, summary, audience, outcomes,
           competencies, prerequisites, modules):
    return (slug, title, programme, level, mode, hours, validity, summary, audience, outcomes,
            competencies, prerequisites, modules)
