"""The Centre's look on what it issues (certificates and other PDFs): its colour, logo and
the person who signs its certificates. Edited in the admin under Settings > Centre branding."""

from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

SITE_COLOUR = "#00545e"  # --brand in static/css/site.css: 8.6:1 on white


@register_setting(icon="image")
class CentreBranding(BaseGenericSetting):
    colour = models.CharField(
        max_length=7, default=SITE_COLOUR,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$",
                                   "Enter a colour as # and six hexadecimal digits, like "
                                   "#00545e")],
        help_text="The Centre's colour, as #rrggbb. Text is set in it on white, so choose one "
                  "dark enough to read (the site's own is #00545e).")
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the top of certificates. Without one, the Centre's circle mark is "
                  "used.")
    signatory_name = models.CharField(
        max_length=120, blank=True,
        help_text="Who signs certificates, for example Dr Amara Okafor.")
    signatory_role = models.CharField(
        max_length=160, blank=True, help_text="Their role, for example Director of the Centre.")
    signature = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: an image of their signature, on a white or clear background.")

    panels = [
        FieldPanel("colour"),
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("signatory_name"), FieldPanel("signatory_role"),
                         FieldPanel("signature")], heading="Signatory"),
    ]

    class Meta:
        verbose_name = "Centre branding"
