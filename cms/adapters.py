from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Send allauth's emails through the task queue like every other email."""

    def send_mail(self, template_prefix, email, context):
        from cms.emails import enqueue_message

        msg = self.render_mail(template_prefix, email, context)
        enqueue_message(msg)
