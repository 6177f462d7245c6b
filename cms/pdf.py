"""Every PDF is rendered from an HTML template by WeasyPrint, here and nowhere else, so that
every one is a tagged, accessible PDF (PDF/UA-1: a structure tree screen readers follow,
marked content, fonts embedded) with its title and language set, in the Centre's branding
(cms.models.CentreBranding) when its template uses it."""

import base64

from django.conf import settings
from django.template.loader import render_to_string

PDF_VARIANT = "pdf/ua-1"
LANGUAGE = "en-GB"


def _image_data_uri(image):
    """A Wagtail image as a data URI: the PDF needs no network or media URL, whatever the
    storage."""
    if image is None:
        return ""
    try:
        with image.open_file() as handle:
            raw = handle.read()
    except (OSError, ValueError):
        return ""
    kind = {"jpg": "jpeg"}.get(image.file.name.rsplit(".", 1)[-1].lower(), None)
    kind = kind or image.file.name.rsplit(".", 1)[-1].lower()
    return f"data:image/{kind};base64,{base64.b64encode(raw).decode()}"


def branding():
    from cms.models import CentreBranding

    settings_row = CentreBranding.load()
    return {
        "colour": settings_row.colour,
        "logo": _image_data_uri(settings_row.logo),
        "logo_alt": settings_row.logo.title if settings_row.logo else "",
        "signatory_name": settings_row.signatory_name,
        "signatory_role": settings_row.signatory_role,
        "signature": _image_data_uri(settings_row.signature),
    }


def render_pdf(template_name, context, request=None, *, title=None, lang=LANGUAGE):
    """The PDF of `template_name`. Its title is `title`, else the template's <title>; a PDF
    without one is refused (a screen reader announces it first). Its language is the
    template's <html lang>, else `lang`."""
    from weasyprint import HTML

    context = {"centre_name": settings.CENTRE_NAME, "site_url": settings.SITE_URL,
               "branding": branding(), **context}
    html = render_to_string(template_name, context, request=request)
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render(
        pdf_variant=PDF_VARIANT)
    metadata = document.metadata
    metadata.title = title or metadata.title
    if not (metadata.title or "").strip():
        raise ValueError(f"{template_name} has no <title>: every PDF needs a title.")
    metadata.lang = metadata.lang or lang
    metadata.authors = metadata.authors or [settings.CENTRE_NAME]
    return document.write_pdf(pdf_variant=PDF_VARIANT)
