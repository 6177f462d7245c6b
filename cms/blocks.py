"""The shared StreamField blocks every page body is built from."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    size = blocks.ChoiceBlock(
        choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2", required=False
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "What RES teams do", "size": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text="Describe the image for people who cannot see it. Leave blank if decorative.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "Working with families, not doing things to them or for them.",
            "attribution": "Leeds Practice Principles",
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link_page = blocks.PageChooserBlock(required=False)
    link_url = blocks.URLBlock(required=False)
    link_text = blocks.CharBlock(max_length=80)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        preview_value = {
            "heading": "Book a place",
            "text": "Join the next restorative practice network meeting.",
            "link_url": "https://example.org/",
            "link_text": "See events",
        }


class AccordionItemBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150)
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock())

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        preview_value = {"heading": "Remember", "text": "<p>Start with a conversation.</p>"}


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    callout = CalloutBlock()
    document = DocumentChooserBlock(template="blocks/document_block.html", icon="doc-full")
    embed = EmbedBlock(
        help_text="A video from YouTube or Vimeo.", icon="media", template="blocks/embed_block.html"
    )
