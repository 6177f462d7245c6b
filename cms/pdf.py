"""Every PDF is rendered from an HTML template by WeasyPrint."""

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template_name, context, request=None):
    from weasyprint import HTML

    context = {"centre_name": settings.CENTRE_NAME, "site_url": settings.SITE_URL, **context}
    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
