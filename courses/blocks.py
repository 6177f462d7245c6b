"""The blocks a module is written in: the shared content blocks, plus reflection prompts
and knowledge checks. Every block in a StreamField, and every item in a ListBlock, has a
stable id, so answers and reflections are stored against ids that survive edits."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.blocks import BaseStreamBlock


class ReflectionPromptBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(help_text="A question the learner answers privately.")
    hint = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "edit"
        label = "Reflection prompt"
        template = "courses/blocks/reflection_prompt_block.html"
        preview_value = {
            "prompt": "Think of a family you work with. Where did you do things TO them?",
        }


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False)
    explanation = blocks.TextBlock(
        required=False, help_text="Shown to a learner who chose this answer wrongly."
    )

    class Meta:
        label = "Answer"
        # The editor titles each answer with its text (without this, with "No", the
        # display value of the first filled-in field, the Correct checkbox).
        label_format = "{text}"


EMPTY_ANSWER = {"text": "", "correct": False, "explanation": ""}


class QuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock()
    multiple = blocks.BooleanBlock(
        required=False, help_text="Tick if the learner may choose more than one answer."
    )
    # A new question starts with the two answers it needs, not one (ListBlock's default),
    # which greeted the author with "The minimum number of items is 2".
    answers = blocks.ListBlock(AnswerBlock(), min_num=2, default=[EMPTY_ANSWER, EMPTY_ANSWER])
    explanation = blocks.TextBlock(
        required=False, help_text="Shown when the question is answered wrongly."
    )

    class Meta:
        label = "Question"
        label_format = "{question}"

    def clean(self, value):
        """A question a learner can answer right: at least one correct answer, and exactly
        one when only one may be chosen."""
        value = super().clean(value)
        correct = sum(1 for answer in value["answers"] if answer["correct"])
        if correct == 0:
            message = "Tick Correct on the right answer: this question has none."
        elif correct > 1 and not value["multiple"]:
            message = (f"This question has {correct} correct answers but a learner may "
                       "choose only one: tick one answer as correct, or tick "
                       "'Multiple' to let learners choose several.")
        else:
            return value
        raise StructBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))


class KnowledgeCheckBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, default="Check your understanding")
    pass_mark = blocks.IntegerBlock(
        min_value=0, max_value=100, default=80, help_text="Percentage needed to pass."
    )
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "tasks"
        label = "Knowledge check"
        template = "courses/blocks/knowledge_check_block.html"
        preview_value = {
            "title": "Check your understanding",
            "pass_mark": 80,
            "questions": [{
                "question": "Which is a restorative question?",
                "multiple": False,
                "answers": [
                    {"text": "What happened?", "correct": True, "explanation": ""},
                    {"text": "Whose fault was it?", "correct": False,
                     "explanation": "Restorative questions look at harm, not blame."},
                ],
            }],
        }


class ELearningBlock(blocks.StructBlock):
    """A SCORM package (uploaded under Learning → E-learning packages) launched in the
    module page; the module completes when the package reports what `complete_when` asks."""

    package = SnippetChooserBlock("courses.ELearningPackage")
    complete_when = blocks.ChoiceBlock(
        choices=[("completed", "The package reports it is completed (or passed)"),
                 ("passed", "The package reports it is passed")],
        default="completed",
        help_text="What completes the module. With several items (SCOs), each one must.",
    )

    class Meta:
        icon = "media"
        label = "E-learning package"
        template = "courses/blocks/elearning_block.html"


class ModuleStreamBlock(BaseStreamBlock):
    reflection = ReflectionPromptBlock()
    knowledge_check = KnowledgeCheckBlock()
    elearning = ELearningBlock()
