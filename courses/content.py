"""Build module bodies as StreamField data with explicit, stable ids (used by the demo and
the tests; the admin editor assigns its own ids)."""

import json


def _item(item_id, value):
    return {"type": "item", "id": item_id, "value": value}


def knowledge_check(check_id, questions, title="Check your understanding", pass_mark=80):
    """questions: [(question id, text, multiple, [(answer id, text, correct, explanation)],
    explanation)]"""
    return {
        "type": "knowledge_check", "id": check_id,
        "value": {
            "title": title, "pass_mark": pass_mark,
            "questions": [
                _item(qid, {
                    "question": text, "multiple": multiple, "explanation": explanation,
                    "answers": [_item(aid, {"text": a_text, "correct": correct,
                                            "explanation": a_expl})
                                for aid, a_text, correct, a_expl in answers],
                })
                for qid, text, multiple, answers, explanation in questions
            ],
        },
    }


def paragraph(html, block_id=None):
    return {"type": "paragraph", "value": html, **({"id": block_id} if block_id else {})}


def heading(text, block_id=None):
    return {"type": "heading", "value": {"text": text, "size": "h2"},
            **({"id": block_id} if block_id else {})}


def callout(heading_text, html, block_id=None):
    return {"type": "callout", "value": {"heading": heading_text, "text": html},
            **({"id": block_id} if block_id else {})}


def reflection(block_id, prompt, hint=""):
    return {"type": "reflection", "id": block_id, "value": {"prompt": prompt, "hint": hint}}


def elearning(block_id, package, complete_when="completed"):
    return {"type": "elearning", "id": block_id,
            "value": {"package": package.pk, "complete_when": complete_when}}


def body(*blocks):
    return json.dumps(list(blocks))
