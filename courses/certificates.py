"""Certificate documents (WeasyPrint), with a QR code of the verification
URL made by segno as an inline SVG data URI (the PDF needs no network)."""

import segno

from cms.pdf import render_pdf


def qr_data_uri(url):
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def certificate_pdf(certificate):
    from django.urls import reverse

    from cms.site_url import absolute_url

    url = certificate.verification_url()
    return render_pdf("courses/certificate_pdf.html", {
        "certificate": certificate, "verification_url": url, "qr": qr_data_uri(url),
        "check_url": absolute_url(reverse("courses:certificate_check")),
    })
