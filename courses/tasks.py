"""Background work for courses: building and emailing certificates."""

from django_tasks import task


@task()
def email_certificate(certificate_id):
    """Render the certificate PDF and email it to its holder."""
    from cms import emails
    from courses.certificates import certificate_pdf
    from courses.models import Certificate

    certificate = Certificate.objects.select_related("user").filter(pk=certificate_id).first()
    if certificate is None or certificate.revoked_at:
        return
    pdf = certificate_pdf(certificate)
    emails.send(
        "courses-certificate", certificate.user.email,
        {"user": certificate.user, "certificate": certificate,
         "verification_url": certificate.verification_url()},
        attachments=[(f"certificate-{certificate.public_id}.pdf", pdf, "application/pdf")],
    )
